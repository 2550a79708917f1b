package io.portcullis.reporting.surveillance;

/** Where an alert is in the compliance desk's review. */
public enum ReviewStatus {
    /** Raised, not decided. */
    OPEN,
    /** Decided to need a closer look (still open for a final decision). */
    ESCALATED,
    /** Reviewed: no action needed. */
    CLOSED_NO_ACTION,
    /** Reviewed: referred (to FINRA, the firm, enforcement). */
    CLOSED_REFERRED;

    /** @return true when no further decision may be taken */
    public boolean closed() {
        return this == CLOSED_NO_ACTION || this == CLOSED_REFERRED;
    }
}
