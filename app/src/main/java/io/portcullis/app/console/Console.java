package io.portcullis.app.console;

import java.util.function.Function;

import io.portcullis.projection.live.LiveState;

/**
 * What the console's routes read: the live state in Redis, the price alerts in MySQL, and each account's broker
 * firm.
 *
 * @param live   the live state
 * @param alerts the price alerts
 * @param firmOf an account's broker firm, or null when the account is unknown
 */
public record Console(LiveState live, PriceAlerts alerts, Function<String, String> firmOf) {
}
