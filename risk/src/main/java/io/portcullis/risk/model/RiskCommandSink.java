package io.portcullis.risk.model;

import java.math.BigDecimal;

/**
 * The one way a risk change reaches an engine: each call becomes a journaled engine command (so that replay and
 * recovery decide exactly as the live engine did) and takes effect for the next order the engine processes. Values
 * have been validated by the caller. Engaging a kill switch also cancels the open orders in its scope (the brokers
 * get the ExecutionReports). Thread-safe; returns once the command is queued to the engine.
 *
 * @throws IllegalStateException from every method when the engine does not take commands (stopped, or its queue full)
 */
public interface RiskCommandSink {

    /** Sets (or replaces) a limit. */
    void setLimit(LimitKey key, BigDecimal value);

    /** Removes a limit (the next wider scope's value applies again). */
    void removeLimit(LimitKey key);

    /** Adds or removes a symbol on a list, firm-wide ({@code scopeKey} {@code *}) or for one account. */
    void setListEntry(ListName list, String scopeKey, String symbol, boolean present);

    /** Adds a locate (or replaces the one with the same id, resetting what it has left). */
    void addLocate(Locate locate);

    /** Engages (cancelling open orders in scope and blocking new ones) or releases a kill switch. */
    void setKillSwitch(KillScope scope, String key, boolean engaged);
}
