package io.portcullis.backoffice.batch;

import java.io.Serial;

/** A launch that cannot go ahead: the message says why and what to do, the exit code tells a scheduler. */
public final class BatchException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;

    /**
     * @param exitCode the exit status this ends the command with
     * @param message  what happened and what to do, for the clerk
     * @param cause    the underlying failure, or null
     */
    public BatchException(final ExitCode exitCode, final String message, final Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** @return the exit status this ends the command with */
    public ExitCode exitCode() {
        return exitCode;
    }
}
