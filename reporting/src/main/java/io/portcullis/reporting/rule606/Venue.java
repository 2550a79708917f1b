package io.portcullis.reporting.rule606;

import java.util.regex.Pattern;

import io.portcullis.config.SettingException;
import io.portcullis.config.Settings;

/**
 * The venue every order is routed to today: our internal matching engine, operated as an ATS. Settings:
 * {@code report.606.venue-name} (default {@code Portcullis ATS}), {@code report.606.venue-mic} (its ISO 10383
 * MIC, four upper-case letters or digits; default none: we do not invent a MIC that could be someone else's, and
 * the schema accepts a name alone), {@code report.606.material-aspects} (the 606(a)(1)(iv) discussion). Immutable.
 *
 * @param name            1..80 characters
 * @param mic             the MIC, or null
 * @param materialAspects free text
 */
record Venue(String name, String mic, String materialAspects) {
    private static final Pattern MIC = Pattern.compile("[A-Z0-9]{4}");
    private static final String ASPECTS = "Portcullis Securities operates the Portcullis ATS and executes every "
        + "non-directed order on it; no order is routed to another venue. No payment for order flow is received, no "
        + "profit-sharing relationship exists, and no transaction fee is charged or rebate paid for executions on "
        + "the ATS. Marketability is judged against the ATS's own best bid and offer at receipt.";

    static Venue from(final Settings settings) {
        final String name = settings.string("report.606.venue-name", "Portcullis ATS").strip();
        if (name.isEmpty() || name.length() > 80) {
            throw new SettingException("report.606.venue-name", name, "must be 1 to 80 characters");
        }
        final String mic = settings.string("report.606.venue-mic", "").strip();
        if (!mic.isEmpty() && !MIC.matcher(mic).matches()) {
            throw new SettingException("report.606.venue-mic", mic, "must be 4 upper-case letters or digits");
        }
        return new Venue(name, mic.isEmpty() ? null : mic, settings.string("report.606.material-aspects", ASPECTS));
    }
}
