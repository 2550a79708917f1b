package io.portcullis.risk.desk;

import static io.portcullis.sql.schema.Tables.ORDERS;

import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Rejected orders from the MySQL projection ({@code orders} with OrdStatus 8). The projection keeps no reject reason
 * and skips orders rejected before they got an order id, so this is a stand-in until the engine's reject events back
 * {@link RejectSource}: the reason says so. Thread-safe.
 */
public final class MysqlRejectSource implements RejectSource {
    /** The reason given while the projection keeps none. */
    public static final String NO_REASON = "rejected (reason not kept by the MySQL projection)";

    private final DSLContext dsl;

    /** @param dsl the book of record */
    public MysqlRejectSource(final DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<RecentReject> recent(final String account, final int limit) {
        Condition where = ORDERS.ORD_STATUS.eq("8");
        where = account == null ? where : where.and(ORDERS.ACCOUNT_ID.eq(account));
        return dsl.selectFrom(ORDERS).where(where).orderBy(ORDERS.UPDATED_AT.desc(), ORDERS.ORDER_ID.desc())
            .limit(Math.max(1, Math.min(limit, 1_000)))
            .fetch(row -> new RecentReject(LimitStore.instant(row.getUpdatedAt()), row.getSessionId(),
                row.getClOrdId(), row.getAccountId(), row.getSymbol(), row.getSide(), row.getOrderQty(),
                LimitStore.plain(row.getPrice()), NO_REASON));
    }
}
