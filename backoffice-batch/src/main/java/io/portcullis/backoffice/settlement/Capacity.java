package io.portcullis.backoffice.settlement;

/** The capacity in which the broker acted, disclosed on the confirmation (SEA Rule 10b-10(a)(2)). */
public enum Capacity {
    /** Agent for the customer. */
    AGENT,
    /** Principal for its own account. */
    PRINCIPAL
}
