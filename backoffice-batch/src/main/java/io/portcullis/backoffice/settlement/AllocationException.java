package io.portcullis.backoffice.settlement;

import java.io.Serial;

/** A block cannot be allocated as instructed (no fills, mixed symbols/sides/dates, duplicate sub-account). */
public final class AllocationException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** For block {@code blockId}, with the reason. */
    public AllocationException(final String blockId, final String reason) {
        super("cannot allocate block " + blockId + ": " + reason);
    }
}
