package io.portcullis.reporting.rule605;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One data record of the OES summary report (the key's S&amp;P 500 flag, order size and order type, and its twelve
 * statistics). Immutable.
 *
 * @param sp500      Y when true
 * @param orderSize  size code: 0, 250, 1000, 5000, 10000, 20000, 50000, 199999 or 200000
 * @param orderType  M or ML
 * @param statistics AvgOrderQty .. WghtdAvgExctnTime unrounded, null where there is no data
 */
record OesRecord(boolean sp500, int orderSize, String orderType, BigDecimal[] statistics) {
    /** The header row of Exhibit A. */
    static final String HEADER = "DsgntParticipant,RprtEntityCd,RptDate,Sp500,OrderSize,OrderType,AvgOrderQty,"
        + "AvgOrderSize,ExctdOrderMidPtAvg,PctExctdAtQuotOrBetter,PctExctdPI,WghtdAvgPctPI,AvgEffctvSprdPct,"
        + "AvgPctQuotSprd,AvgEFQPct,AvgRealSprdPct15sec,AvgRealSprdPct1min,WghtdAvgExctnTime";

    /**
     * The CSV line, without its line end.
     *
     * @param participant the Designated Participant code
     * @param reporter    the reporting entity code
     * @param yyyymm      the report month
     * @return the line
     */
    String line(final String participant, final String reporter, final int yyyymm) {
        final StringBuilder out = new StringBuilder(200);
        out.append(participant).append(',').append(reporter).append(',').append(yyyymm).append(',')
            .append(sp500 ? 'Y' : 'N').append(',').append(orderSize).append(',').append(orderType);
        for (final BigDecimal value : statistics) {
            out.append(',');
            if (value != null) {
                out.append(format(value));
            }
        }
        return out.toString();
    }

    /**
     * Up to 6 decimals, the 7th rounding half up (the specification's rule), trailing zeros dropped, never an
     * exponent.
     *
     * @param value the value
     * @return its text
     */
    static String format(final BigDecimal value) {
        final BigDecimal rounded = value.setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
        final String text = (rounded.signum() == 0 ? BigDecimal.ZERO : rounded).toPlainString();
        return text;
    }
}
