package io.portcullis.reporting.cat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portcullis.oms.domain.AccountType;
import io.portcullis.oms.domain.Prices;

/**
 * Our values as CAT v4 codes and data types (regulatory.md §1.4 and §1.7). Every code decision is here, so that a
 * new specification revision changes one class. Sources: the official CAT IM JSON schema v4.1.0 r15 (field names,
 * required flags, JSON types: OBJECT for timeInForce and handlingInstructions, ARRAY for the MEOT side details) and
 * the Orchestra rendering of v4.0.0 r18 (code sets it shows); codes marked [S] in the notes rest on secondary sources
 * only (a CAT validator's code tables and a broker's production generator) and are to be checked against the
 * specification's Appendix G before production use. docs/compliance.md lists each.
 *
 * <p>Stateless; safe on any thread; allocates.
 */
final class CatCodes {
    /** CAT times and dates are Eastern Time. */
    static final ZoneId EASTERN = ZoneId.of("America/New_York");

    /** isoInd of an order that is not an intermarket sweep order ({@code NA}; codes ISOD, ISOI, NA) [S]. */
    static final String NOT_ISO = "NA";

    private CatCodes() {
    }

    /**
     * A CAT Timestamp in its string form {@code YYYYMMDD HHMMSS.CCCNNNNNN}, Eastern Time, to the nanosecond (electronic
     * events must be at least millisecond-granular; we have nanoseconds, so we give them all).
     *
     * @param epochNanos epoch nanoseconds UTC
     */
    static String timestamp(final long epochNanos) {
        final ZonedDateTime t = zoned(epochNanos);
        return String.format("%04d%02d%02d %02d%02d%02d.%09d", t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
            t.getHour(), t.getMinute(), t.getSecond(), t.getNano());
    }

    /**
     * A CAT Date, the integer {@code YYYYMMDD}, of the Eastern Time calendar day of a time.
     *
     * @param epochNanos epoch nanoseconds UTC
     */
    static int date(final long epochNanos) {
        final ZonedDateTime t = zoned(epochNanos);
        return t.getYear() * 10_000 + t.getMonthValue() * 100 + t.getDayOfMonth();
    }

    /** An ISO-8601 instant (the audit documents' {@code transactTime}) as epoch nanoseconds UTC. */
    static long nanos(final String isoInstant) {
        final Instant instant = Instant.parse(isoInstant);
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    private static ZonedDateTime zoned(final long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
            Math.floorMod(epochNanos, 1_000_000_000L)).atZone(EASTERN);
    }

    /**
     * The equity side code: BUY {@code B}, SELL {@code SL}, SELL_SHORT {@code SS}, SELL_SHORT_EXEMPT {@code SX}.
     *
     * @throws IllegalArgumentException for any other value
     */
    static String side(final String side) {
        return switch (side) {
            case "BUY" -> "B";
            case "SELL" -> "SL";
            case "SELL_SHORT" -> "SS";
            case "SELL_SHORT_EXEMPT" -> "SX";
            default -> throw new IllegalArgumentException("no CAT side for '" + side + "'");
        };
    }

    /**
     * The order type: {@code LMT} for LIMIT and STOP_LIMIT, {@code MKT} for MARKET and STOP (a stop order is
     * reported with its type once triggered and its stop price as a handling instruction, see
     * {@link #handlingInstructions}).
     */
    static String orderType(final String ordType) {
        return switch (ordType) {
            case "LIMIT", "STOP_LIMIT" -> "LMT";
            case "MARKET", "STOP" -> "MKT";
            default -> throw new IllegalArgumentException("no CAT order type for '" + ordType + "'");
        };
    }

    /**
     * The time in force as its JSON name/value object: DAY {@code {"DAY":<CAT date of the event>}}, GTC
     * {@code {"GTC":true}}, IOC and FOK {@code {"IOC":true}} (FOK adds the {@code FOK} handling instruction), GTD
     * {@code {"GTT":<expire time as a CAT timestamp>}} (good till time: our GTD expires at its ExpireTime). The value
     * {@code true} for codes without a value, and GTT (good till time, a timestamp) for GTD, are [S].
     *
     * @param tif        our TimeInForce name
     * @param eventNanos the event time, for DAY
     * @param expireTime the GTD expire time in epoch nanos, 0 when none
     */
    static ObjectNode timeInForce(final String tif, final long eventNanos, final long expireTime) {
        final ObjectNode out = JsonNodeFactory.instance.objectNode();
        switch (tif) {
            case "DAY" -> out.put("DAY", date(eventNanos));
            case "GTC" -> out.put("GTC", true);
            case "IOC", "FOK" -> out.put("IOC", true);
            case "GTD" -> {
                if (expireTime == 0) {
                    out.put("DAY", date(eventNanos));
                } else {
                    out.put("GTT", timestamp(expireTime));
                }
            }
            default -> throw new IllegalArgumentException("no CAT time in force for '" + tif + "'");
        }
        return out;
    }

    /**
     * Handling instructions as their JSON name/value object (the official schema's type is OBJECT; the
     * {@code NAME=value|NAME} text is the CSV form), or null when none: {@code "FOK":true} for fill or kill (CAT has
     * no FOK time in force: the order is IOC with this instruction [S]), {@code "STOP":<price>} for stop and
     * stop-limit orders (a valued instruction [S]).
     *
     * @param stopPx the stop price in 1e-4 USD, or {@link Prices#NONE}
     */
    static ObjectNode handlingInstructions(final String ordType, final String tif, final long stopPx) {
        final ObjectNode out = JsonNodeFactory.instance.objectNode();
        if ("FOK".equals(tif)) {
            out.put("FOK", true);
        }
        if (("STOP".equals(ordType) || "STOP_LIMIT".equals(ordType)) && stopPx != Prices.NONE) {
            out.put("STOP", price(stopPx));
        }
        return out.isEmpty() ? null : out;
    }

    /**
     * The account holder type of an account type: CUSTOMER {@code A} (institutional customer: the accounts behind our
     * broker firms' FIX sessions are institutional accounts in the sense of FINRA 4512(c); an individual's account
     * would be {@code I}, which our account table cannot tell yet), PROPRIETARY {@code P} (other proprietary),
     * MARKET_MAKER {@code O} (market making).
     */
    static String accountHolderType(final AccountType type) {
        return switch (type) {
            case CUSTOMER -> "A";
            case PROPRIETARY -> "P";
            case MARKET_MAKER -> "O";
        };
    }

    /** The department type: {@code A} (agency) for customer accounts, {@code T} (trading) for principal ones. */
    static String deptType(final AccountType type) {
        return type == AccountType.CUSTOMER ? "A" : "T";
    }

    /**
     * A CAT Price (numeric 10.8) from our 1e-4 USD scaled long: exact, without trailing zeros, never in exponent
     * form.
     */
    static BigDecimal price(final long scaled) {
        final BigDecimal price = BigDecimal.valueOf(scaled, Prices.DECIMALS).stripTrailingZeros();
        return price.scale() < 0 ? price.setScale(0) : price;
    }
}
