package io.portcullis.risk.desk;

/**
 * A desk request refused before anything changed: nothing was written, nothing reached an engine. {@link #kind()}
 * says why (the REST API maps it to 400, 409, 403 or 404) and {@link #field()} names the request member at fault.
 * An edge exception of the desk's API, never thrown on the order path.
 */
public final class DeskRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a request was refused. */
    public enum Kind {
        /** A value is missing, malformed, out of range, unknown, or breaks the limit hierarchy. */
        INVALID,
        /** The state changed since the caller read it (version check), or the request is no longer pending. */
        CONFLICT,
        /** Four eyes: the proposer of a change may not approve it. */
        FOUR_EYES,
        /** No such change, entry or locate. */
        NOT_FOUND
    }

    private final Kind kind;
    private final String field;

    private DeskRefusal(final Kind kind, final String field, final String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    /** {@code field} is not acceptable; {@code reason} says why and what is. */
    public static DeskRefusal invalid(final String field, final String reason) {
        return new DeskRefusal(Kind.INVALID, field, field + ": " + reason);
    }

    /** The state changed under the caller. */
    public static DeskRefusal conflict(final String message) {
        return new DeskRefusal(Kind.CONFLICT, null, message);
    }

    /** A proposer tried to approve their own change. */
    public static DeskRefusal fourEyes(final String message) {
        return new DeskRefusal(Kind.FOUR_EYES, null, message);
    }

    /** Nothing of that id. */
    public static DeskRefusal notFound(final String message) {
        return new DeskRefusal(Kind.NOT_FOUND, null, message);
    }

    /** Why it was refused. */
    public Kind kind() {
        return kind;
    }

    /** The request member at fault for {@link Kind#INVALID}, else null. */
    public String field() {
        return field;
    }

    /** The message without the leading {@code field: }. */
    public String reason() {
        return field == null ? getMessage() : getMessage().substring(field.length() + 2);
    }
}
