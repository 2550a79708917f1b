package io.portcullis.reporting.reconcile;

import java.io.Serial;

/** A source of executions could not be read; the message names it, its address and what to do. */
public final class SourceUnavailableException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * @param message what could not be read and what to do about it
     * @param cause   the underlying failure, or null
     */
    public SourceUnavailableException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
