package io.portcullis.fix.session;

import quickfix.Log;
import quickfix.LogFactory;
import quickfix.SessionID;

/**
 * Two QuickFIX/J logs as one: every message and event goes to both, the first first. Thread-safe if both are.
 */
final class TeeLogFactory implements LogFactory {
    private final LogFactory first;
    private final LogFactory second;

    TeeLogFactory(final LogFactory first, final LogFactory second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public Log create(final SessionID sessionID) {
        final Log a = first.create(sessionID);
        final Log b = second.create(sessionID);
        return new Log() {
            @Override
            public void clear() {
                a.clear();
                b.clear();
            }

            @Override
            public void onIncoming(final String message) {
                a.onIncoming(message);
                b.onIncoming(message);
            }

            @Override
            public void onOutgoing(final String message) {
                a.onOutgoing(message);
                b.onOutgoing(message);
            }

            @Override
            public void onEvent(final String text) {
                a.onEvent(text);
                b.onEvent(text);
            }

            @Override
            public void onErrorEvent(final String text) {
                a.onErrorEvent(text);
                b.onErrorEvent(text);
            }
        };
    }
}
