package io.portcullis.projection.mysql;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.portcullis.oms.command.Command;
import io.portcullis.oms.command.NewOrder;
import io.portcullis.oms.domain.ExecType;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.event.EngineListener;
import io.portcullis.oms.event.ExecutionReport;
import io.portcullis.sql.schema.tables.records.ExecutionsRecord;
import io.portcullis.sql.schema.tables.records.OrdersRecord;
import io.portcullis.sql.schema.tables.records.PositionsRecord;

/**
 * Turns the events of a batch of journal records into the rows of the book of record: the latest state of each order,
 * one execution row per side of each trade, the latest position per account and symbol. Later events for the same
 * order or position replace earlier ones within the batch, so a batch writes each row once.
 *
 * <p>One projector thread. Allocates (rows, strings): projectors are off the order path.
 */
final class RowCollector implements EngineListener {
    /** US equities trade dates follow New York's calendar day. */
    static final ZoneId TRADE_DATE_ZONE = ZoneId.of("America/New_York");

    private final Function<String, String> firmOfAccount;
    private final Map<Long, OrdersRecord> orders = new LinkedHashMap<>();
    private final List<ExecutionsRecord> executions = new ArrayList<>();
    private final Map<String, PositionsRecord> positions = new LinkedHashMap<>();
    private Command command;
    private long sequence;

    /** @param firmOfAccount the broker firm that owns an account (never null; "" when unknown) */
    RowCollector(final Function<String, String> firmOfAccount) {
        this.firmOfAccount = firmOfAccount;
    }

    /** Sets the command whose events follow (for fields only the command carries, such as MinQty). */
    void command(final long commandSequence, final Command current) {
        this.sequence = commandSequence;
        this.command = current;
    }

    List<OrdersRecord> orders() {
        return new ArrayList<>(orders.values());
    }

    List<ExecutionsRecord> executions() {
        return executions;
    }

    List<PositionsRecord> positions() {
        return new ArrayList<>(positions.values());
    }

    boolean isEmpty() {
        return orders.isEmpty() && executions.isEmpty() && positions.isEmpty();
    }

    void clear() {
        orders.clear();
        executions.clear();
        positions.clear();
    }

    @Override
    public void onExecutionReport(final ExecutionReport report) {
        if (report.orderId() <= 0 || report.execType() == ExecType.ORDER_STATUS) {
            return;
        }
        if (report.execType() == ExecType.REJECTED && report.orderId() <= 0) {
            return;
        }
        final OrdersRecord existing = orders.get(report.orderId());
        final OrdersRecord row = existing != null ? existing : new OrdersRecord();
        if (existing == null) {
            row.setOrderId(report.orderId());
            row.setReceivedAt(time(report.transactTime()));
            if (command instanceof NewOrder newOrder && newOrder.clOrdId() != null
                && newOrder.clOrdId().contentEquals(report.clOrdId())) {
                row.setMinQty(newOrder.minQty() > 0 ? newOrder.minQty() : null);
                row.setExpireTime(newOrder.expireTime() > 0 ? time(newOrder.expireTime()) : null);
            }
            orders.put(report.orderId(), row);
        }
        row.setClOrdId(str(report.clOrdId()));
        row.setOrigClOrdId(str(report.origClOrdId()));
        row.setSessionId(str(report.sessionId()));
        row.setAccountId(str(report.account()));
        row.setFirmId(firmOfAccount.apply(str(report.account())));
        row.setSymbol(str(report.symbol()));
        row.setSide(String.valueOf(report.side().fixValue()));
        row.setOrdType(String.valueOf(report.ordType().fixValue()));
        row.setTimeInForce(String.valueOf(report.tif().fixValue()));
        row.setPrice(price(report.price()));
        row.setStopPrice(price(report.stopPx()));
        row.setOrderQty(report.orderQty());
        row.setCumQty(report.cumQty());
        row.setLeavesQty(report.leavesQty());
        row.setAvgPx(report.avgPx().setScale(8, java.math.RoundingMode.HALF_EVEN));
        row.setOrdStatus(String.valueOf(report.ordStatus().fixValue()));
        row.setUpdatedAt(time(report.transactTime()));
        row.setJournalSeq(sequence);
        if (report.execType() == ExecType.TRADE) {
            executions.add(execution(report));
        }
    }

    private ExecutionsRecord execution(final ExecutionReport report) {
        final ExecutionsRecord row = new ExecutionsRecord();
        row.setExecId(Long.toString(report.execId()));
        row.setOrderId(report.orderId());
        row.setTradeId(report.tradeId());
        row.setAccountId(str(report.account()));
        row.setFirmId(firmOfAccount.apply(str(report.account())));
        row.setSymbol(str(report.symbol()));
        row.setSide(String.valueOf(report.side().fixValue()));
        row.setLastQty(report.lastQty());
        row.setLastPx(price(report.lastPx()));
        row.setLiquidity(report.aggressor() ? "AGGRESSOR" : "RESTING");
        row.setExecTime(time(report.transactTime()));
        row.setTradeDate(tradeDate(report.transactTime()));
        row.setJournalSeq(sequence);
        return row;
    }

    @Override
    public void onPosition(final CharSequence account, final CharSequence symbol, final long netQty,
                           final long costBasis, final long realizedPnl, final long boughtQty, final long soldQty,
                           final long transactTime) {
        final String key = account + "\u0000" + symbol;
        final PositionsRecord row = positions.computeIfAbsent(key, k -> new PositionsRecord());
        row.setAccountId(account.toString());
        row.setSymbol(symbol.toString());
        row.setQuantity(netQty);
        row.setAvgCost(netQty == 0 ? BigDecimal.ZERO.setScale(8)
            : Prices.toBigDecimal(costBasis).divide(BigDecimal.valueOf(Math.abs(netQty)), 8,
                java.math.RoundingMode.HALF_EVEN));
        row.setRealizedPnl(Prices.toBigDecimal(realizedPnl).setScale(8));
        row.setBoughtQty(boughtQty);
        row.setSoldQty(soldQty);
        row.setUpdatedAt(time(transactTime));
        row.setJournalSeq(sequence);
    }

    static LocalDateTime time(final long epochNanos) {
        return LocalDateTime.ofInstant(Instant.ofEpochSecond(0, epochNanos), ZoneOffset.UTC)
            .truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    static LocalDate tradeDate(final long epochNanos) {
        return Instant.ofEpochSecond(0, epochNanos).atZone(TRADE_DATE_ZONE).toLocalDate();
    }

    private static BigDecimal price(final long scaled) {
        return scaled == Prices.NONE ? null : Prices.toBigDecimal(scaled);
    }

    private static String str(final CharSequence value) {
        return value == null ? null : value.toString();
    }
}
