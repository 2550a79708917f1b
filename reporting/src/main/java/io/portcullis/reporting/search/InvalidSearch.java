package io.portcullis.reporting.search;

/**
 * A search parameter that cannot be accepted: unknown name, bad number, date or decimal, a range whose lower bound
 * is above its upper bound, an unknown sort field, a page size out of range, or a cursor that is malformed, belongs
 * to another search, or whose point in time has expired. Names the parameter, so that the HTTP API can answer
 * problem+json with it in {@code field}. Thrown before anything is written to the caller.
 */
public final class InvalidSearch extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final String reason;

    /**
     * @param parameter the query parameter at fault, as the caller spelled it
     * @param reason    what is wrong and what is accepted, without the parameter name
     */
    public InvalidSearch(final String parameter, final String reason) {
        super(parameter + ": " + reason);
        this.parameter = parameter;
        this.reason = reason;
    }

    /** The query parameter at fault. */
    public String parameter() {
        return parameter;
    }

    /** What is wrong with it, without its name. */
    public String reason() {
        return reason;
    }
}
