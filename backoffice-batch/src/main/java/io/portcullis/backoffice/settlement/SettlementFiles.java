package io.portcullis.backoffice.settlement;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The settlement-instructions file and the confirmations file: CSV (RFC 4180), UTF-8, LF line ends, one header
 * line, no run timestamps; rows in the order of {@link SettlementResult} (sorted); amounts as plain decimals with a
 * fixed scale (USD 2, prices 8); dates ISO-8601; a text field is quoted ("" for a quote) only when it contains a
 * comma, a quote or a line break. The same result always gives the same bytes.
 *
 * <p><b>Settlement instructions</b>, one line per obligation, sorted by settlement date, account, symbol:
 * <pre>
 * settlement_date    ISO date
 * account_id         account
 * symbol             security
 * securities         RECEIVE | DELIVER | NONE   (the account receives or delivers shares)
 * quantity           shares to receive or deliver, absolute
 * cash               PAY | RECEIVE | NONE       (the account pays or receives money)
 * amount             USD, absolute, scale 2 (net of commission and fees)
 * bought_quantity    shares bought
 * sold_quantity      shares sold (long and short)
 * gross_bought       USD scale 2
 * gross_sold         USD scale 2
 * commission         USD scale 2
 * sec_fee            USD scale 2 (SEC Section 31)
 * taf_fee            USD scale 2 (FINRA TAF)
 * trade_count        confirmations netted
 * calendar_version   settlement calendar version used
 * </pre>
 *
 * <p><b>Confirmations</b>, one line per confirmation, sorted by trade date, account, symbol, confirmation id:
 * <pre>
 * confirm_id         C-&lt;execId&gt; (one execution) or A-&lt;blockId&gt;-&lt;account&gt; (allocation)
 * account_id         account
 * trade_date         ISO date
 * exec_time_utc      yyyy-MM-ddTHH:mm:ss.SSSSSSZ, empty when available on request (allocations)
 * settlement_date    ISO date
 * side               BUY | SELL | SELL_SHORT | SELL_SHORT_EXEMPT
 * symbol             security symbol
 * security_name      security name
 * quantity           shares
 * price              USD scale 8 (the average price for an allocation)
 * average_price      Y | N
 * capacity           AGENT | PRINCIPAL
 * gross_amount       USD scale 2
 * commission         USD scale 2
 * sec_fee            USD scale 2
 * taf_fee            USD scale 2
 * net_amount         USD scale 2
 * net_direction      PAY (the customer pays) | RECEIVE (the customer is paid)
 * exec_ids           the executions behind it, space-separated, sorted
 * remarks            disclosures, "; "-separated, in order
 * </pre>
 */
public final class SettlementFiles {
    /** Header of the settlement-instructions file. */
    public static final String INSTRUCTIONS_HEADER = "settlement_date,account_id,symbol,securities,quantity,cash,"
        + "amount,bought_quantity,sold_quantity,gross_bought,gross_sold,commission,sec_fee,taf_fee,trade_count,"
        + "calendar_version";
    /** Header of the confirmations file. */
    public static final String CONFIRMATIONS_HEADER = "confirm_id,account_id,trade_date,exec_time_utc,"
        + "settlement_date,side,symbol,security_name,quantity,price,average_price,capacity,gross_amount,commission,"
        + "sec_fee,taf_fee,net_amount,net_direction,exec_ids,remarks";

    private static final DateTimeFormatter EXEC_TIME =
        DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private SettlementFiles() {
    }

    /** The settlement-instructions file's text for obligations already in file order. */
    public static String instructions(final List<Obligation> obligations) {
        final StringBuilder out = new StringBuilder(INSTRUCTIONS_HEADER).append('\n');
        for (final Obligation o : obligations) {
            final long net = o.netQuantity();
            final BigDecimal money = o.netMoney();
            row(out, o.settlementDate().toString(), text(o.accountId()), text(o.symbol()),
                net > 0 ? "RECEIVE" : net < 0 ? "DELIVER" : "NONE", Long.toString(Math.abs(net)),
                money.signum() > 0 ? "RECEIVE" : money.signum() < 0 ? "PAY" : "NONE", usd(money.abs()),
                Long.toString(o.boughtQuantity()), Long.toString(o.soldQuantity()), usd(o.grossBought()),
                usd(o.grossSold()), usd(o.commission()), usd(o.secFee()), usd(o.tafFee()),
                Integer.toString(o.trades()), text(o.calendarVersion()));
        }
        return out.toString();
    }

    /** The confirmations file's text for confirmations already in file order. */
    public static String confirmations(final List<Confirmation> confirmations) {
        final StringBuilder out = new StringBuilder(CONFIRMATIONS_HEADER).append('\n');
        for (final Confirmation c : confirmations) {
            final Trade t = c.trade();
            row(out, text(c.confirmId()), text(t.accountId()), t.tradeDate().toString(),
                t.execTime() == null ? "" : EXEC_TIME.format(t.execTime()), c.settlementDate().toString(),
                t.side().name(), text(t.symbol()), text(c.securityName()), Long.toString(t.quantity()),
                t.price().setScale(8).toPlainString(), t.averagePrice() ? "Y" : "N", t.capacity().name(),
                usd(t.gross()), usd(c.fees().commission()), usd(c.fees().secFee()), usd(c.fees().tafFee()),
                usd(c.netAmount()), t.side().isSale() ? "RECEIVE" : "PAY", text(String.join(" ", t.execIds())),
                text(String.join("; ", c.remarks())));
        }
        return out.toString();
    }

    /** Writes the instructions file (UTF-8), replacing it. */
    public static void writeInstructions(final Path file, final List<Obligation> obligations) throws IOException {
        Files.write(file, instructions(obligations).getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the confirmations file (UTF-8), replacing it. */
    public static void writeConfirmations(final Path file, final List<Confirmation> confirmations)
        throws IOException {
        Files.write(file, confirmations(confirmations).getBytes(StandardCharsets.UTF_8));
    }

    private static void row(final StringBuilder out, final String... fields) {
        out.append(String.join(",", fields)).append('\n');
    }

    private static String usd(final BigDecimal amount) {
        return amount.setScale(2).toPlainString();
    }

    private static String text(final String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
