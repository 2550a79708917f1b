package io.portcullis.reporting.runs;

/** The reports whose runs are recorded, with the code stored in {@code report_run.report_type}. */
public enum ReportType {
    /** FINRA CAT order events of one trading day. */
    CAT("CAT"),
    /** SEC Rule 606(a)(1) quarterly report. */
    RULE_606("606"),
    /** SEC Rule 606(b)(3) customer report. */
    RULE_606B3("606B3"),
    /** SEC Rule 605(a)(2) monthly summary. */
    RULE_605("605"),
    /** Electronic blue sheets on request. */
    BLUESHEET("BLUESHEET");

    private final String code;

    ReportType(final String code) {
        this.code = code;
    }

    /** @return the stored code, e.g. {@code 606B3} */
    public String code() {
        return code;
    }

    /**
     * The type of a stored or requested code (case-insensitive).
     *
     * @param code e.g. {@code cat}, {@code 606b3}
     * @return the type
     * @throws IllegalArgumentException naming the valid codes
     */
    public static ReportType parse(final String code) {
        for (final ReportType type : values()) {
            if (type.code.equalsIgnoreCase(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown report type '" + code + "'; one of CAT, 606, 606B3, 605, "
            + "BLUESHEET");
    }
}
