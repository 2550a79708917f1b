package io.portcullis.reporting.surveillance;

import io.portcullis.config.Settings;

/**
 * The thresholds of the surveillance run (settings {@code surveillance.*}, environment
 * {@code PORTCULLIS_SURVEILLANCE_*}). Immutable.
 *
 * <table>
 * <caption>Settings</caption>
 * <tr><th>Setting</th><th>Default</th><th>Meaning</th></tr>
 * <tr><td>{@code surveillance.layering.min-orders}</td><td>10</td><td>orders of an account in a symbol in the day
 * before its ratios are judged</td></tr>
 * <tr><td>{@code surveillance.layering.order-to-trade-ratio}</td><td>5</td><td>orders per fill at or above which
 * the ratio is suspicious</td></tr>
 * <tr><td>{@code surveillance.layering.cancel-ratio-pct}</td><td>80</td><td>cancelled orders in percent of orders at
 * or above which the ratio is suspicious</td></tr>
 * <tr><td>{@code surveillance.layering.large-order-qty}</td><td>1000</td><td>shares from which an order is
 * large</td></tr>
 * <tr><td>{@code surveillance.layering.window-seconds}</td><td>10</td><td>a large order cancelled at most this many
 * seconds after a fill of the same account on the other side counts as an event</td></tr>
 * <tr><td>{@code surveillance.layering.min-events}</td><td>1</td><td>such events needed, besides the ratios</td></tr>
 * <tr><td>{@code surveillance.wash.min-trades}</td><td>1</td><td>trades with the same beneficial owner on both sides
 * in a symbol and day that raise an alert</td></tr>
 * <tr><td>{@code surveillance.close.window-minutes}</td><td>10</td><td>the last minutes before 16:00 New York
 * watched</td></tr>
 * <tr><td>{@code surveillance.close.min-move-bps}</td><td>20</td><td>favourable move of the last price the
 * account's own trades made in the window, in basis points of the last price before the window</td></tr>
 * <tr><td>{@code surveillance.page-size}</td><td>5000</td><td>documents per Elasticsearch page</td></tr>
 * </table>
 *
 * @param minOrders        orders before ratios are judged
 * @param orderToTrade     orders per fill threshold
 * @param cancelPct        cancel ratio threshold, percent
 * @param largeOrderQty    large order, shares
 * @param layeringSeconds  cancel-after-fill window, seconds
 * @param minEvents        cancel-after-fill events needed
 * @param washMinTrades    wash trades needed
 * @param closeMinutes     closing window, minutes
 * @param closeMinMoveBps  favourable move threshold, basis points
 * @param pageSize         documents per page
 */
public record SurveillanceSettings(int minOrders, int orderToTrade, int cancelPct, long largeOrderQty,
                                   int layeringSeconds, int minEvents, int washMinTrades, int closeMinutes,
                                   int closeMinMoveBps, int pageSize) {
    /** The defaults. */
    public static final SurveillanceSettings DEFAULTS = new SurveillanceSettings(10, 5, 80, 1_000, 10, 1, 1, 10, 20,
        5_000);

    /**
     * Reads and checks the settings.
     *
     * @param settings the settings
     * @return the thresholds
     * @throws io.portcullis.config.SettingException naming the setting when a value is out of range
     */
    public static SurveillanceSettings from(final Settings settings) {
        return new SurveillanceSettings(
            settings.integer("surveillance.layering.min-orders", DEFAULTS.minOrders, 1, 1_000_000),
            settings.integer("surveillance.layering.order-to-trade-ratio", DEFAULTS.orderToTrade, 1, 1_000_000),
            settings.integer("surveillance.layering.cancel-ratio-pct", DEFAULTS.cancelPct, 1, 100),
            settings.integer("surveillance.layering.large-order-qty", (int) DEFAULTS.largeOrderQty, 1,
                Integer.MAX_VALUE),
            settings.integer("surveillance.layering.window-seconds", DEFAULTS.layeringSeconds, 1, 3_600),
            settings.integer("surveillance.layering.min-events", DEFAULTS.minEvents, 1, 1_000_000),
            settings.integer("surveillance.wash.min-trades", DEFAULTS.washMinTrades, 1, 1_000_000),
            settings.integer("surveillance.close.window-minutes", DEFAULTS.closeMinutes, 1, 390),
            settings.integer("surveillance.close.min-move-bps", DEFAULTS.closeMinMoveBps, 1, 10_000),
            settings.integer("surveillance.page-size", DEFAULTS.pageSize, 1, 10_000));
    }
}
