package io.portcullis.reporting.cat;

/**
 * A source the CAT build reads (Elasticsearch, MySQL) cannot be reached or refuses the request: exit code 3, a run to
 * repeat once the service is back (a scheduler can tell an outage from bad data).
 */
public final class CatUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what could not be read, and where
     * @param cause   the client's exception
     */
    public CatUnavailableException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
