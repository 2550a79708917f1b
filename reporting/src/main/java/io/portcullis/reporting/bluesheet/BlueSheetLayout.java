package io.portcullis.reporting.bluesheet;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import io.portcullis.reporting.rule605.ReportSettings;

/**
 * The fixed-width blue sheet file: one header record, one detail record per execution (one side of one fill), one
 * trailer record. Every record is {@value #LENGTH} ASCII characters followed by a line feed; alphanumeric fields are
 * left-justified and space-filled, numeric fields right-justified and zero-filled. Times and dates are New York.
 *
 * <p><b>What is verified and what is not.</b> The official layout is maintained by SIAC and published as
 * Attachment A of FINRA Regulatory Notice 15-44, a PDF we have not read. Verified against public FINRA notices
 * (RN 11-56, RN 15-44 and the EBS FAQ, as summarized in our research notes): that blue sheets report executions on
 * request by symbol and date range or by account and date range; that the current layout carries the trade date,
 * symbol, buy/sell code (short sales distinguished), quantity, price, exchange code, account number, executing and
 * contra broker, prime broker and average-price-account identifiers, <em>up to three Large Trader IDs with a
 * qualifier</em>, and <em>the execution time</em> (the last two added by RN 15-44, effective 1 November 2017).
 * <b>Our assumption, not verified:</b> every position and length below, the record length, the record type codes
 * (H, D, T), the buy/sell code values (we use the FIX Side(54) values), the price scale, the time format, the
 * trailer's totals, and that contra and entering broker are carried as broker codes. <b>Known to differ</b> (RN 17-05,
 * RN 20-19): the official exchange code is one character, and the official records are numbered within a transaction
 * ("Record Sequence Number One, Position 79"), which suggests several short records per execution rather than one;
 * the official file also has a requestor code and a transaction type identifier that this one lacks. The current
 * layout is the one republished with RN 20-19 or later. Before a real submission, map this file onto it
 * (docs/compliance.md lists what is verified against which source).
 *
 * <pre>
 * Header record (H)
 *   pos  len  field
 *     1    1  record type 'H'
 *     2    8  executing broker (setting bluesheet.executing-broker)
 *    10    1  request kind: S by symbol, A by account
 *    11   20  request value: the symbol or the account
 *    31    8  first trade date YYYYMMDD
 *    39    8  last trade date YYYYMMDD
 *    47  174  blank
 *
 * Detail record (D), one per execution, in journal order
 *   pos  len  field
 *     1    1  record type 'D'
 *     2    8  trade date YYYYMMDD
 *    10    6  execution time HHMMSS
 *    16   12  symbol
 *    28    1  buy/sell code: 1 buy, 2 sell, 5 short sale, 6 short sale exempt
 *    29   12  quantity, shares
 *    41   14  price, USD with 6 implied decimals (8 integer digits)
 *    55    4  exchange / venue code (setting bluesheet.venue-code)
 *    59   20  account number
 *    79    8  executing broker
 *    87   12  entering broker: the broker firm whose FIX session entered the order
 *    99   12  contra party: the broker firm of the other side, blank when unknown
 *   111   20  trade id (the engine's)
 *   131   20  order id (the engine's)
 *   151    8  prime broker: blank (we carry none)
 *   159    8  average price account / ADV identifier: blank (we carry none)
 *   167   13  large trader ID 1 (setting bluesheet.large-traders), blank when none
 *   180   13  large trader ID 2: blank
 *   193   13  large trader ID 3: blank
 *   206    1  large trader ID qualifier: blank
 *   207   14  blank
 *
 * Trailer record (T)
 *   pos  len  field
 *     1    1  record type 'T'
 *     2    9  detail records
 *    11    9  all records, header and trailer included
 *    20   18  total quantity of the detail records, shares
 *    38  183  blank
 * </pre>
 *
 * <p>Stateless; allocates per record.
 */
public final class BlueSheetLayout {
    /** Characters per record, line feed excluded. */
    public static final int LENGTH = 220;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");
    private static final Map<String, String> SIDES = Map.of("BUY", "1", "SELL", "2", "SELL_SHORT", "5",
        "SELL_SHORT_EXEMPT", "6");

    private BlueSheetLayout() {
    }

    /**
     * The whole file.
     *
     * @param request          what was asked
     * @param executingBroker  our broker code, 1..8 characters
     * @param venueCode        our exchange / venue code, 1..4 characters
     * @param largeTraders     large trader ID by account (accounts without one absent)
     * @param trades           the executions, in the order to write them
     * @return the file's bytes (ASCII)
     * @throws IllegalArgumentException naming the field when a value does not fit its field
     */
    public static byte[] file(final BlueSheetRequest request, final String executingBroker, final String venueCode,
                              final Map<String, String> largeTraders, final List<BlueSheetTrade> trades) {
        final StringBuilder out = new StringBuilder((trades.size() + 2) * (LENGTH + 1));
        final Record header = new Record('H');
        header.text("executing broker", executingBroker, 8).text("request kind", String.valueOf(request.kind()
            .code()), 1).text("request value", request.value(), 20).text("first trade date",
            request.from().format(DATE), 8).text("last trade date", request.to().format(DATE), 8);
        out.append(header.end()).append('\n');
        long shares = 0;
        for (final BlueSheetTrade trade : trades) {
            out.append(detail(trade, executingBroker, venueCode, largeTraders.get(trade.account()))).append('\n');
            shares += trade.quantity();
        }
        final Record trailer = new Record('T');
        trailer.number("detail records", trades.size(), 9).number("all records", trades.size() + 2L, 9)
            .number("total quantity", shares, 18);
        out.append(trailer.end()).append('\n');
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * One detail record.
     *
     * @return {@value #LENGTH} characters
     */
    static String detail(final BlueSheetTrade trade, final String executingBroker, final String venueCode,
                         final String largeTrader) {
        final ZonedDateTime at = Instant.ofEpochSecond(0, trade.time()).atZone(ReportSettings.NEW_YORK);
        final String side = SIDES.get(trade.side());
        if (side == null) {
            throw new IllegalArgumentException("buy/sell code: unknown side '" + trade.side() + "' of trade "
                + trade.tradeId());
        }
        return new Record('D')
            .text("trade date", at.format(DATE), 8)
            .text("execution time", at.format(TIME), 6)
            .text("symbol", trade.symbol(), 12)
            .text("buy/sell code", side, 1)
            .number("quantity", trade.quantity(), 12)
            .number("price", Math.multiplyExact(trade.price(), 100L), 14)
            .text("exchange code", venueCode, 4)
            .text("account number", trade.account(), 20)
            .text("executing broker", executingBroker, 8)
            .text("entering broker", trade.enteringBroker(), 12)
            .text("contra party", trade.contraBroker(), 12)
            .text("trade id", trade.tradeId(), 20)
            .text("order id", trade.orderId(), 20)
            .text("prime broker", null, 8)
            .text("average price account", null, 8)
            .text("large trader ID 1", largeTrader, 13)
            .text("large trader ID 2", null, 13)
            .text("large trader ID 3", null, 13)
            .text("large trader ID qualifier", null, 1)
            .end();
    }

    /** A record being filled left to right. */
    private static final class Record {
        private final StringBuilder line = new StringBuilder(LENGTH);

        Record(final char type) {
            line.append(type);
        }

        Record text(final String field, final String value, final int width) {
            final String v = value == null ? "" : value;
            if (v.length() > width || !StandardCharsets.US_ASCII.newEncoder().canEncode(v)) {
                throw new IllegalArgumentException(field + ": '" + v + "' does not fit " + width
                    + " ASCII characters");
            }
            line.append(v).repeat(' ', width - v.length());
            return this;
        }

        Record number(final String field, final long value, final int width) {
            final String v = Long.toString(value);
            if (value < 0 || v.length() > width) {
                throw new IllegalArgumentException(field + ": " + value + " does not fit " + width + " digits");
            }
            line.repeat('0', width - v.length()).append(v);
            return this;
        }

        String end() {
            if (line.length() > LENGTH) {
                throw new IllegalStateException("record of " + line.length() + " characters");
            }
            return line.repeat(' ', LENGTH - line.length()).toString();
        }
    }
}
