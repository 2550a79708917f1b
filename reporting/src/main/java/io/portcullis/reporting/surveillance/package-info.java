/**
 * Market-abuse surveillance over one trading day (New York calendar day) of the audit index: layering and spoofing,
 * wash trades, marking the close. {@link io.portcullis.reporting.surveillance.SurveillanceWalk} streams the day's
 * documents in journal order; each detector keeps state per account and symbol only (bounded by the accounts and
 * symbols that traded, plus the open large orders); {@link io.portcullis.reporting.surveillance.AlertStore} keeps
 * the alerts and their review in MySQL (tables {@code surveillance_alert}, {@code surveillance_alert_history},
 * migration V15). Command: {@code ./portcullis report surveillance --date YYYY-MM-DD}
 * ({@link io.portcullis.reporting.surveillance.SurveillanceMain}).
 */
package io.portcullis.reporting.surveillance;
