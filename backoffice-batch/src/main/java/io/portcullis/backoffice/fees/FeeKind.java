package io.portcullis.backoffice.fees;

/** The charges on a customer trade. */
public enum FeeKind {
    /** SEC Section 31 transaction fee, on sales only. */
    SEC_SECTION_31,
    /** FINRA Trading Activity Fee, on sales of covered equity securities only. */
    FINRA_TAF,
    /** The broker's commission, from the account's commission schedule. */
    COMMISSION
}
