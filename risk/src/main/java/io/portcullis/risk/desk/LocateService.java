package io.portcullis.risk.desk;

import static io.portcullis.sql.schema.Tables.RISK_LOCATE;

import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import io.portcullis.risk.model.Locate;
import io.portcullis.sql.schema.tables.records.RiskLocateRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Reg SHO locates (table {@code risk_locate}): granted once, with who, when and why, usable through their expiry
 * date (a US trading date, America/New_York). A grant applies at once.
 *
 * <p>Thread-safe; MySQL on the caller's thread, then the {@link Publisher}.
 */
public final class LocateService {
    /** The zone of US trading dates. */
    public static final ZoneId TRADING_ZONE = ZoneId.of("America/New_York");
    /** Most shares one locate may cover. */
    public static final long MAX_QUANTITY = 100_000_000L;
    /** How far ahead a locate may expire, in days. */
    public static final int MAX_DAYS = 30;

    private final DSLContext dsl;
    private final ReferenceCheck reference;
    private final InstantSource clock;
    private final Publisher publisher;

    LocateService(final DSLContext dsl, final ReferenceCheck reference, final InstantSource clock,
                  final Publisher publisher) {
        this.dsl = dsl;
        this.reference = reference;
        this.clock = clock;
        this.publisher = publisher;
    }

    /**
     * Grants a locate.
     *
     * @param locateId  the id short sales will carry (1 to 40 of letters, digits, {@code . _ -}), or null to have one
     *                  made ({@code LOC-<sequence>})
     * @param expiresOn the last trading date it may be used; null for today
     * @throws DeskRefusal INVALID naming {@code locateId}, {@code account}, {@code symbol}, {@code quantity},
     *                     {@code expiresOn} or {@code reason}; CONFLICT when the id is taken
     */
    public Committed<LocateView> grant(final String locateId, final String account, final String symbol,
                                       final long quantity, final LocalDate expiresOn, final String reason,
                                       final String actor) {
        ReferenceCheck.actor(actor);
        if (locateId != null && !locateId.matches("[A-Za-z0-9._-]{1,40}")) {
            throw DeskRefusal.invalid("locateId", "must be 1 to 40 letters, digits, '.', '_' or '-'");
        }
        reference.account("account", account);
        reference.symbol("symbol", symbol);
        if (quantity <= 0 || quantity > MAX_QUANTITY) {
            throw DeskRefusal.invalid("quantity", "must be a whole number of shares from 1 to " + MAX_QUANTITY);
        }
        final LocalDate today = today();
        final LocalDate expiry = expiresOn == null ? today : expiresOn;
        if (expiry.isBefore(today) || expiry.isAfter(today.plusDays(MAX_DAYS))) {
            throw DeskRefusal.invalid("expiresOn", "must be from today (" + today + ") to " + MAX_DAYS
                + " days ahead");
        }
        final String why = ReferenceCheck.reason("reason", reason);
        final LocalDateTime now = LimitStore.utc(clock.instant());
        final RiskLocateRecord written = dsl.transactionResult(tx -> {
            final DSLContext db = tx.dsl();
            final long seq = DeskLedger.lock(db).take();
            final String id = locateId == null ? "LOC-" + seq : locateId;
            if (db.fetchExists(RISK_LOCATE, RISK_LOCATE.LOCATE_ID.eq(id))) {
                throw DeskRefusal.conflict("locate '" + id + "' exists; a locate is granted once");
            }
            db.insertInto(RISK_LOCATE).set(RISK_LOCATE.LOCATE_ID, id).set(RISK_LOCATE.ACCOUNT_ID, account)
                .set(RISK_LOCATE.SYMBOL, symbol).set(RISK_LOCATE.QUANTITY, quantity)
                .set(RISK_LOCATE.EXPIRES_ON, expiry).set(RISK_LOCATE.GRANTED_BY, actor)
                .set(RISK_LOCATE.GRANTED_AT, now).set(RISK_LOCATE.REASON, why).set(RISK_LOCATE.CHANGE_SEQ, seq)
                .execute();
            return db.selectFrom(RISK_LOCATE).where(RISK_LOCATE.LOCATE_ID.eq(id)).fetchSingle();
        });
        final boolean engine = publisher.publish(List.of(new DeskEntry.LocateEntry(written.getChangeSeq(),
            new Locate(written.getLocateId(), account, symbol, quantity), expiry)));
        return new Committed<>(view(written), engine);
    }

    /**
     * Locates, newest first.
     *
     * @param account        null for every account
     * @param includeExpired whether to include locates whose date has passed
     */
    public List<LocateView> list(final String account, final boolean includeExpired) {
        Condition where = includeExpired ? DSL.trueCondition() : RISK_LOCATE.EXPIRES_ON.ge(today());
        where = account == null ? where : where.and(RISK_LOCATE.ACCOUNT_ID.eq(account));
        return dsl.selectFrom(RISK_LOCATE).where(where).orderBy(RISK_LOCATE.CHANGE_SEQ.desc()).limit(1_000)
            .fetch(LocateService::view);
    }

    /** Today's US trading date. */
    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), TRADING_ZONE);
    }

    private static LocateView view(final RiskLocateRecord row) {
        return new LocateView(row.getLocateId(), row.getAccountId(), row.getSymbol(), row.getQuantity(),
            row.getExpiresOn(), row.getGrantedBy(), LimitStore.instant(row.getGrantedAt()), row.getReason(),
            row.getChangeSeq());
    }
}
