package io.portcullis.oms.command;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Admin: a change to the pre-trade risk state (a limit, a list entry, a locate, a kill switch), journaled like every
 * other command so that replay and recovery decide exactly as the live engine did. The body is opaque to the engine:
 * the risk module encodes it and the engine hands the command to its check when that check is a
 * {@link io.portcullis.oms.risk.RiskStateful}; otherwise, or when the check refuses the body, the engine answers with
 * an admin reject ({@code RISK_UPDATE_REFUSED}). A risk update produces no order events. Immutable: the body is
 * copied in and out.
 *
 * @param sequence  journal sequence number
 * @param timestamp ingress time, epoch nanos UTC
 * @param body      the encoded change; non-null, at most {@link #MAX_BODY_BYTES} bytes
 */
public record RiskUpdate(long sequence, long timestamp, byte[] body) implements Command {

    /** Largest body in bytes (keeps every encoded command within {@link CommandCodec#MAX_ENCODED_LENGTH}). */
    public static final int MAX_BODY_BYTES = 960;

    /**
     * Copies and checks the body.
     *
     * @throws NullPointerException     when the body is null
     * @throws IllegalArgumentException when the body is longer than {@link #MAX_BODY_BYTES}
     */
    public RiskUpdate {
        Objects.requireNonNull(body, "body");
        if (body.length > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("risk update body of " + body.length + " bytes exceeds "
                + MAX_BODY_BYTES);
        }
        body = body.clone();
    }

    /** @return a copy of the body; allocates */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** @return the body's length in bytes; does not allocate */
    public int bodyLength() {
        return body.length;
    }

    /**
     * @param index a byte index, 0 until {@link #bodyLength()}
     * @return the body's byte at {@code index}; does not allocate
     */
    public byte bodyByte(final int index) {
        return body[index];
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof RiskUpdate u && u.sequence == sequence && u.timestamp == timestamp
            && Arrays.equals(u.body, body);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(sequence) * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "RiskUpdate[sequence=" + sequence + ", timestamp=" + timestamp + ", body="
            + HexFormat.of().formatHex(body) + ']';
    }
}
