package io.portcullis.app.admin.account;

/** A change that the current state forbids (the user exists, or it would leave no enabled administrator). */
public final class Conflict extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what conflicts and what to do instead */
    public Conflict(final String message) {
        super(message);
    }
}
