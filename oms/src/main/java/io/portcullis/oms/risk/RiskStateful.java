package io.portcullis.oms.risk;

import io.portcullis.oms.command.RiskUpdate;
import io.portcullis.oms.domain.RejectCode;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A {@link PreTradeCheck} with state of its own (limits, lists, locates, kill switches, rate windows) that changes
 * only through the engine's command stream, so that the engine can journal it, snapshot it and replay it.
 *
 * <p>Contract, in addition to {@link PreTradeCheck}'s:
 * <ul>
 *   <li>Every method is called on the engine thread, synchronously, between or inside commands, never concurrently
 *       with {@link #check}. None may read a clock, randomness, files, the network or any state that does not come
 *       from these calls: two instances given the same calls in the same order must end in the same state and decide
 *       the same way.</li>
 *   <li>{@link #check} may change the check's state (count an order for a rate, consume a locate, remember an order
 *       for duplicate detection): it is the last step before the engine accepts the order, so a PASS (or a warning)
 *       means accepted.</li>
 *   <li>{@link #writeSnapshot} writes everything {@link #readSnapshot} needs to continue exactly (a fresh instance
 *       that reads it, then gets the calls that followed, decides like the original). The bytes must be canonical:
 *       equal state, equal bytes, whatever the history (no hash-order iteration), because the engine's
 *       {@code stateHash()} covers them.</li>
 * </ul>
 */
public interface RiskStateful extends PreTradeCheck {

    /**
     * Applies a journaled risk change.
     *
     * @param update the command; its body is the check's own encoding
     * @return {@link RejectCode#NONE} when applied, otherwise why it was refused (the engine reports an admin reject;
     *         state is unchanged)
     */
    RejectCode apply(RiskUpdate update);

    /**
     * An order message (new order, cancel or replace) arrived on a session, before it is validated; for message rate
     * controls. New orders and replaces that reach {@link #check} were counted here first. Must not allocate (after a
     * session's first message).
     *
     * @param sessionId the FIX session, possibly null on malformed input
     * @param timestamp the command's ingress time, epoch nanos UTC
     */
    default void onOrderMessage(final String sessionId, final long timestamp) {
    }

    /**
     * The trading day closed ({@code ExpireDayOrders}): after the DAY orders expired and today's executed notionals
     * were reset. Daily state (locates, for one) ends here.
     *
     * @param timestamp the command's ingress time, epoch nanos UTC
     */
    default void onTradingDayEnd(final long timestamp) {
    }

    /**
     * Writes the state, canonically.
     *
     * @param out destination; the engine's snapshot stream
     * @throws IOException when writing fails
     */
    void writeSnapshot(DataOutput out) throws IOException;

    /**
     * Replaces the state with one written by {@link #writeSnapshot}. Start-up only; may allocate.
     *
     * @param in source positioned at what {@link #writeSnapshot} wrote; read exactly that much
     * @throws IOException when reading fails or the bytes are not a state of this check
     */
    void readSnapshot(DataInput in) throws IOException;
}
