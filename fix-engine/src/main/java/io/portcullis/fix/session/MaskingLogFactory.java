package io.portcullis.fix.session;

import java.util.regex.Pattern;

import quickfix.Log;
import quickfix.LogFactory;
import quickfix.SessionID;

/**
 * Wraps a QuickFIX/J {@link LogFactory} so that no secret reaches the message or event log: the values of
 * Password(554), NewPassword(925), EncryptedPassword(1402) and EncryptedNewPassword(1404) are replaced by
 * {@code ****} in every incoming, outgoing and event text. Works on SOH-delimited text and on {@code |}-delimited text.
 *
 * <p>Thread-safe if the wrapped factory and its logs are. Allocates one string per logged message that holds a secret.
 */
final class MaskingLogFactory implements LogFactory {
    private static final Pattern SOH_SECRET = Pattern.compile("(^|\u0001)(554|925|1402|1404)=[^\u0001]*");
    private static final Pattern BAR_SECRET = Pattern.compile("(^|\\|)(554|925|1402|1404)=[^|\u0001]*");
    static final String MASK = "****";

    private final LogFactory delegate;

    MaskingLogFactory(final LogFactory delegate) {
        this.delegate = delegate;
    }

    @Override
    public Log create(final SessionID sessionID) {
        return new MaskingLog(delegate.create(sessionID));
    }

    /** {@code text} with secret field values masked; the text itself when it holds none. */
    static String mask(final String text) {
        if (text == null || text.indexOf("=") < 0 || !mayHoldSecret(text)) {
            return text;
        }
        final Pattern pattern = text.indexOf('\u0001') >= 0 ? SOH_SECRET : BAR_SECRET;
        return pattern.matcher(text).replaceAll("$1$2=" + MASK);
    }

    private static boolean mayHoldSecret(final String text) {
        return text.contains("554=") || text.contains("925=") || text.contains("1402=") || text.contains("1404=");
    }

    private static final class MaskingLog implements Log {
        private final Log delegate;

        MaskingLog(final Log delegate) {
            this.delegate = delegate;
        }

        @Override
        public void clear() {
            delegate.clear();
        }

        @Override
        public void onIncoming(final String message) {
            delegate.onIncoming(mask(message));
        }

        @Override
        public void onOutgoing(final String message) {
            delegate.onOutgoing(mask(message));
        }

        @Override
        public void onEvent(final String text) {
            delegate.onEvent(mask(text));
        }

        @Override
        public void onErrorEvent(final String text) {
            delegate.onErrorEvent(mask(text));
        }
    }
}
