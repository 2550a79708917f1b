package io.portcullis.risk.desk;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.portcullis.risk.model.KillScope;
import io.portcullis.risk.model.LimitKey;
import io.portcullis.risk.model.ListName;
import io.portcullis.risk.model.Locate;
import io.portcullis.risk.model.RiskCommandSink;

/**
 * A node's engine as the desk's tests see it: every call in order, and the state those calls leave (the engine's own
 * copy that orders are checked against). Can be told to refuse commands like a stopped engine. Thread-safe.
 */
final class RecordingSink implements RiskCommandSink {
    /** One call: what and the value. */
    record Call(String id, String value) {
    }

    private final List<Call> calls = new ArrayList<>();
    private final Map<String, String> state = new LinkedHashMap<>();
    private volatile boolean refusing;

    @Override
    public synchronized void setLimit(final LimitKey key, final BigDecimal value) {
        record("L|" + key.scope() + "|" + key.scopeKey() + "|" + key.symbol() + "|" + key.name(),
            value.toPlainString());
    }

    @Override
    public synchronized void removeLimit(final LimitKey key) {
        record("L|" + key.scope() + "|" + key.scopeKey() + "|" + key.symbol() + "|" + key.name(), null);
    }

    @Override
    public synchronized void setListEntry(final ListName list, final String scopeKey, final String symbol,
                                          final boolean present) {
        record("S|" + list + "|" + scopeKey + "|" + symbol, present ? "1" : "0");
    }

    @Override
    public synchronized void addLocate(final Locate locate) {
        record("C|" + locate.locateId(), locate.account() + "|" + locate.symbol() + "|" + locate.quantity());
    }

    @Override
    public synchronized void setKillSwitch(final KillScope scope, final String key, final boolean engaged) {
        record("K|" + scope + "|" + key, engaged ? "1" : "0");
    }

    /** Makes every call throw IllegalStateException (an engine that stopped taking commands), or not. */
    void refuse(final boolean refuse) {
        refusing = refuse;
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    synchronized int size() {
        return calls.size();
    }

    /** The value the engine holds for an entry id (see {@link DeskEntry#id()}), or null. */
    synchronized String value(final String id) {
        return state.get(id);
    }

    synchronized Map<String, String> state() {
        return Map.copyOf(state);
    }

    private void record(final String id, final String value) {
        if (refusing) {
            throw new IllegalStateException("engine stopped");
        }
        calls.add(new Call(id, value));
        if (value == null) {
            state.remove(id);
        } else {
            state.put(id, value);
        }
    }
}
