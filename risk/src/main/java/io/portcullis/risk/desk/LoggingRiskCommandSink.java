package io.portcullis.risk.desk;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.portcullis.risk.model.KillScope;
import io.portcullis.risk.model.LimitKey;
import io.portcullis.risk.model.ListName;
import io.portcullis.risk.model.Locate;
import io.portcullis.risk.model.RiskCommandSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in {@link RiskCommandSink} until the engine's one is wired: logs each command (INFO) and keeps the last
 * 1,000 as text with a count, so that an operator can see what the desk would have told the engine. It changes no
 * engine state. Thread-safe.
 */
public final class LoggingRiskCommandSink implements RiskCommandSink {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingRiskCommandSink.class);
    private static final int KEPT = 1_000;

    private final Deque<String> recent = new ArrayDeque<>();
    private final AtomicLong count = new AtomicLong();

    @Override
    public void setLimit(final LimitKey key, final BigDecimal value) {
        record("setLimit " + key.scope() + " " + key.scopeKey() + " " + key.symbol() + " " + key.name() + " = "
            + value.toPlainString());
    }

    @Override
    public void removeLimit(final LimitKey key) {
        record("removeLimit " + key.scope() + " " + key.scopeKey() + " " + key.symbol() + " " + key.name());
    }

    @Override
    public void setListEntry(final ListName list, final String scopeKey, final String symbol, final boolean present) {
        record("setListEntry " + list + " " + scopeKey + " " + symbol + " " + (present ? "present" : "removed"));
    }

    @Override
    public void addLocate(final Locate locate) {
        record("addLocate " + locate.locateId() + " " + locate.account() + " " + locate.symbol() + " "
            + locate.quantity());
    }

    @Override
    public void setKillSwitch(final KillScope scope, final String key, final boolean engaged) {
        record("setKillSwitch " + scope + " " + key + " " + (engaged ? "engaged" : "released"));
    }

    /** Commands received since start. */
    public long count() {
        return count.get();
    }

    /** The newest commands, oldest first (at most 1,000). */
    public synchronized List<String> recent() {
        return List.copyOf(recent);
    }

    private synchronized void record(final String command) {
        count.incrementAndGet();
        recent.addLast(command);
        if (recent.size() > KEPT) {
            recent.removeFirst();
        }
        LOG.info("risk command (no engine sink wired yet): {}", command);
    }
}
