package io.portcullis.risk.check;

import io.portcullis.oms.command.Command;
import io.portcullis.oms.command.MassCancel;
import io.portcullis.oms.command.MassScope;
import io.portcullis.oms.command.RiskUpdate;
import io.portcullis.oms.runner.CommandCallback;
import io.portcullis.risk.model.KillScope;
import io.portcullis.risk.model.LimitKey;
import io.portcullis.risk.model.ListName;
import io.portcullis.risk.model.Locate;
import io.portcullis.risk.model.RiskCommandSink;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The {@link RiskCommandSink} of one order engine: every change becomes a journaled {@link RiskUpdate} (body encoded
 * by {@link RiskUpdates}) stamped with the ingress time, submitted through a {@link CommandSubmitter}. Engaging a kill
 * switch submits the update and then a {@link MassCancel} of the same scope (FIRM: every order; BROKER_FIRM, SESSION,
 * ACCOUNT, SYMBOL: that scope), in that order, so that no order of the scope can be accepted between the cancel and
 * the block; the mass cancel (request id {@code KILL-<scope>}) reports to the pseudo-session
 * {@value #KILL_SWITCH_SESSION}, the cancelled orders' execution reports go to their own sessions. Releasing a kill
 * switch cancels nothing. Keys are at most {@value RiskUpdates#MAX_STRING_BYTES} UTF-8 bytes (refused here, on the
 * caller's thread, before anything is submitted).
 *
 * <p>Thread-safe (stateless apart from its collaborators); allocates per call. Every method returns once the
 * commands are queued, and throws {@link IllegalStateException} when the engine does not take them (stopped, queue
 * full) or {@link IllegalArgumentException} for a value the limit does not accept.
 */
public final class EngineRiskCommandSink implements RiskCommandSink {

    /** The session id the kill switch's mass cancels are requested on. */
    public static final String KILL_SWITCH_SESSION = "RISK-KILL-SWITCH";

    private final CommandSubmitter submitter;
    private final CommandCallback callback;
    private final LongSupplier epochNanos;

    /**
     * @param submitter  where the commands go; non-null
     * @param callback   told of every submitted command's outcome (durable or lost), on the journal's thread; non-null
     * @param epochNanos the ingress clock, epoch nanos UTC; non-null
     */
    public EngineRiskCommandSink(final CommandSubmitter submitter, final CommandCallback callback,
                                 final LongSupplier epochNanos) {
        this.submitter = Objects.requireNonNull(submitter, "submitter");
        this.callback = Objects.requireNonNull(callback, "callback");
        this.epochNanos = Objects.requireNonNull(epochNanos, "epochNanos");
    }

    /**
     * A sink stamping commands with the system clock.
     *
     * @param submitter where the commands go; non-null
     * @param callback  told of every submitted command's outcome; non-null
     */
    public EngineRiskCommandSink(final CommandSubmitter submitter, final CommandCallback callback) {
        this(submitter, callback, () -> {
            final Instant now = Clock.systemUTC().instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        });
    }

    @Override
    public void setLimit(final LimitKey key, final BigDecimal value) {
        update(RiskUpdates.setLimit(key, value), "set limit " + key);
    }

    @Override
    public void removeLimit(final LimitKey key) {
        update(RiskUpdates.removeLimit(key), "remove limit " + key);
    }

    @Override
    public void setListEntry(final ListName list, final String scopeKey, final String symbol, final boolean present) {
        update(RiskUpdates.listEntry(list, scopeKey, symbol, present), list + " entry " + scopeKey + " " + symbol);
    }

    @Override
    public void addLocate(final Locate locate) {
        update(RiskUpdates.addLocate(locate), "add locate " + locate.locateId());
    }

    @Override
    public void setKillSwitch(final KillScope scope, final String key, final boolean engaged) {
        update(RiskUpdates.killSwitch(scope, key, engaged), (engaged ? "engage" : "release") + " kill switch " + scope
            + " " + key);
        if (engaged) {
            final MassScope massScope = massScope(scope);
            submit(new MassCancel(0, epochNanos.getAsLong(), KILL_SWITCH_SESSION, "KILL-" + scope, massScope,
                massScope == MassScope.ALL ? null : key), "cancel the open orders of kill switch " + scope + " " + key
                + " (the kill switch itself is engaged)");
        }
    }

    /**
     * @param scope a kill switch scope
     * @return the mass cancel scope covering the same orders
     */
    static MassScope massScope(final KillScope scope) {
        return switch (scope) {
            case FIRM -> MassScope.ALL;
            case BROKER_FIRM -> MassScope.BROKER_FIRM;
            case SESSION -> MassScope.SESSION;
            case ACCOUNT -> MassScope.ACCOUNT;
            case SYMBOL -> MassScope.SYMBOL;
        };
    }

    private void update(final byte[] body, final String what) {
        submit(new RiskUpdate(0, epochNanos.getAsLong(), body), what);
    }

    private void submit(final Command command, final String what) {
        if (!submitter.submit(command, callback)) {
            throw new IllegalStateException("the engine did not take the command to " + what
                + " (stopped or its queue is full)");
        }
    }
}
