package io.portcullis.risk.desk;

import static io.portcullis.sql.schema.Tables.ACCOUNT;
import static io.portcullis.sql.schema.Tables.EXECUTIONS;
import static io.portcullis.sql.schema.Tables.INSTRUMENT;
import static io.portcullis.sql.schema.Tables.ORDERS;

import java.math.BigDecimal;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Exposure from the MySQL projection: working orders ({@code orders} with leaves quantity and a status that is not
 * final) at their limit price, or the instrument's reference price for market orders, plus today's
 * {@code executions} (US trading date). As fresh as the projector; a stand-in until the engine's view backs
 * {@link ExposureSource}. Thread-safe; three aggregate queries per call.
 */
public final class MysqlExposureSource implements ExposureSource {
    /** OrdStatus values of orders that no longer work: filled, done for day, canceled, replaced, rejected, expired. */
    private static final List<String> DONE = List.of("2", "3", "4", "5", "8", "C");

    private final DSLContext dsl;
    private final InstantSource clock;

    /**
     * @param dsl   the book of record
     * @param clock for today's trading date
     */
    public MysqlExposureSource(final DSLContext dsl, final InstantSource clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    @Override
    public List<AccountExposure> exposures(final String account) {
        final Map<String, String> firms = new LinkedHashMap<>();
        dsl.select(ACCOUNT.ACCOUNT_ID, ACCOUNT.FIRM_ID).from(ACCOUNT)
            .where(account == null ? DSL.trueCondition() : ACCOUNT.ACCOUNT_ID.eq(account))
            .orderBy(ACCOUNT.ACCOUNT_ID).fetch().forEach(row -> firms.put(row.value1(), row.value2()));
        final Map<String, BigDecimal[]> notional = new LinkedHashMap<>();
        final Map<String, Integer> open = new LinkedHashMap<>();
        final Condition working = ORDERS.LEAVES_QTY.gt(0L).and(ORDERS.ORD_STATUS.notIn(DONE))
            .and(account == null ? DSL.trueCondition() : ORDERS.ACCOUNT_ID.eq(account));
        final Field<BigDecimal> orderNotional = DSL.sum(ORDERS.LEAVES_QTY.cast(BigDecimal.class)
            .mul(DSL.coalesce(ORDERS.PRICE, INSTRUMENT.REFERENCE_PRICE, DSL.inline(BigDecimal.ZERO))));
        dsl.select(ORDERS.ACCOUNT_ID, ORDERS.SIDE, orderNotional, DSL.count()).from(ORDERS)
            .leftJoin(INSTRUMENT).on(INSTRUMENT.SYMBOL.eq(ORDERS.SYMBOL)).where(working)
            .groupBy(ORDERS.ACCOUNT_ID, ORDERS.SIDE).fetch().forEach(row -> {
                add(notional, row.value1(), row.value2(), row.value3());
                open.merge(row.value1(), row.value4(), Integer::sum);
            });
        final LocalDate today = LocalDate.ofInstant(clock.instant(), LocateService.TRADING_ZONE);
        final Field<BigDecimal> executed = DSL.sum(EXECUTIONS.LAST_QTY.cast(BigDecimal.class).mul(EXECUTIONS.LAST_PX));
        dsl.select(EXECUTIONS.ACCOUNT_ID, EXECUTIONS.SIDE, executed).from(EXECUTIONS)
            .where(EXECUTIONS.TRADE_DATE.eq(today))
            .and(account == null ? DSL.trueCondition() : EXECUTIONS.ACCOUNT_ID.eq(account))
            .groupBy(EXECUTIONS.ACCOUNT_ID, EXECUTIONS.SIDE).fetch()
            .forEach(row -> add(notional, row.value1(), row.value2(), row.value3()));
        final List<AccountExposure> out = new ArrayList<>();
        firms.forEach((id, firm) -> {
            final BigDecimal[] sides = notional.getOrDefault(id, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            out.add(new AccountExposure(id, firm, LimitStore.plain(sides[0]), LimitStore.plain(sides[1]),
                open.getOrDefault(id, 0)));
        });
        return out;
    }

    private static void add(final Map<String, BigDecimal[]> notional, final String account, final String side,
                            final BigDecimal amount) {
        final BigDecimal[] sides = notional.computeIfAbsent(account,
            a -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        final int index = "1".equals(side) ? 0 : 1;
        sides[index] = sides[index].add(amount == null ? BigDecimal.ZERO : amount);
    }
}
