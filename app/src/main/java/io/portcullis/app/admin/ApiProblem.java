package io.portcullis.app.admin;

/**
 * A refused call, answered as RFC 9457 problem+json by the route guard. Thrown by handlers; an edge exception, never
 * used on the order path.
 */
public final class ApiProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String title;
    private final String field;

    private ApiProblem(final int status, final String type, final String title, final String detail,
                       final String field) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.field = field;
    }

    /** 400: {@code field} (a body member, query or path parameter, or {@code body}) is not acceptable. */
    public static ApiProblem badRequest(final String field, final String detail) {
        return new ApiProblem(400, "invalid-request", "The request is not valid", field + ": " + detail, field);
    }

    /** 401: no valid bearer token, or a failed login. */
    public static ApiProblem unauthorized(final String detail) {
        return new ApiProblem(401, "unauthorized", "Authentication required", detail, null);
    }

    /** 403: authenticated, but without a role the route requires. */
    public static ApiProblem forbidden(final String detail) {
        return new ApiProblem(403, "forbidden", "A role you do not have is required", detail, null);
    }

    /** 403: the caller's role allows the route, but not for this broker firm's data. */
    public static ApiProblem outsideFirm(final String detail) {
        return new ApiProblem(403, "outside-firm", "Outside the broker firm your user belongs to", detail, null);
    }

    /** 403 (outside-firm): a BROKER_VIEWER whose user belongs to no broker firm sees no account. */
    public static ApiProblem noFirm() {
        return outsideFirm("your user is a BROKER_VIEWER of no broker firm, so it sees no account; an administrator "
            + "gives it one (PUT /api/users/{username}/firm, or \"firm\" in POST /api/users)");
    }

    /** 403: four eyes, the proposer of a change may not approve it. */
    public static ApiProblem fourEyes(final String detail) {
        return new ApiProblem(403, "four-eyes", "A second risk officer must approve this change", detail, null);
    }

    /** 404. */
    public static ApiProblem notFound(final String detail) {
        return new ApiProblem(404, "not-found", "No such resource", detail, null);
    }

    /** 409. */
    public static ApiProblem conflict(final String detail) {
        return new ApiProblem(409, "conflict", "The current state does not allow this", detail, null);
    }

    /** 503: a service the route reads does not answer now; retrying later may succeed. */
    public static ApiProblem unavailable(final String detail) {
        return new ApiProblem(503, "unavailable", "A service this request needs does not answer", detail, null);
    }

    /** 500 (the detail never carries internals beyond what the operator needs). */
    public static ApiProblem internal(final String detail) {
        return new ApiProblem(500, "internal", "The gateway could not complete the request", detail, null);
    }

    /** HTTP status. */
    public int status() {
        return status;
    }

    /** Short problem type, e.g. {@code forbidden}. */
    public String type() {
        return type;
    }

    /** Human summary. */
    public String title() {
        return title;
    }

    /** The field at fault, or null. */
    public String field() {
        return field;
    }
}
