package io.portcullis.app.admin.account;

/**
 * A value a caller supplied is not acceptable; {@link #field()} names it as the API and the launcher call it
 * (e.g. {@code password}, {@code roles}).
 */
public final class InvalidInput extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field   the field at fault, e.g. {@code username}
     * @param message what is wrong and what is accepted
     */
    public InvalidInput(final String field, final String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The field at fault. */
    public String field() {
        return field;
    }

    /** What is wrong, without the field name. */
    public String reason() {
        return getMessage().substring(field.length() + 2);
    }
}
