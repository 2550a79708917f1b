package io.portcullis.reporting.surveillance;

import static io.portcullis.sql.schema.Tables.SURVEILLANCE_ALERT;
import static io.portcullis.sql.schema.Tables.SURVEILLANCE_ALERT_HISTORY;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.portcullis.sql.schema.tables.records.SurveillanceAlertHistoryRecord;
import io.portcullis.sql.schema.tables.records.SurveillanceAlertRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The surveillance alerts and their review in MySQL (tables {@code surveillance_alert} and the append-only
 * {@code surveillance_alert_history}). A day's alerts are saved by their natural key (trading day, pattern, account,
 * symbol): saving a day again updates the numbers of an alert raised again and never adds a second row; the review
 * (status, assignee, decision) is never touched by a rerun. Every change appends a history row in the same
 * transaction. Thread-safe (each method is one transaction; a change locks the alert's row).
 */
public final class AlertStore {
    private static final ObjectMapper JSON = JsonMapper.builder()
        .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
        // the same alert gives the same text on every run: a rerun can tell "unchanged" from "changed"
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private final DSLContext dsl;
    private final InstantSource clock;

    /**
     * @param dsl   the book-of-record database
     * @param clock wall clock for the timestamps
     */
    public AlertStore(final DSLContext dsl, final InstantSource clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /**
     * A stored alert.
     *
     * @param id          alert id
     * @param tradingDay  New York calendar day
     * @param pattern     the pattern
     * @param account     account
     * @param symbol      symbol
     * @param windowStart first event of the evidence, UTC
     * @param windowEnd   last event, UTC
     * @param score       how far past the threshold
     * @param values      JSON object text: numbers and thresholds
     * @param evidence    JSON object text: order ids, lineage links, trades
     * @param status      review status
     * @param assignee    who reviews it, or null
     * @param decision    the last decision, or null
     * @param comment     the decision's comment, or null
     * @param decidedBy   who decided, or null
     * @param decidedAt   when, or null
     * @param createdAt   when raised
     * @param updatedAt   last change
     */
    public record Stored(long id, LocalDate tradingDay, AlertPattern pattern, String account, String symbol,
                         Instant windowStart, Instant windowEnd, BigDecimal score, String values, String evidence,
                         ReviewStatus status, String assignee, String decision, String comment, String decidedBy,
                         Instant decidedAt, Instant createdAt, Instant updatedAt) {
    }

    /**
     * One history row.
     *
     * @param id         history id
     * @param at         when
     * @param actor      who (a username, or {@code surveillance} for a run)
     * @param action     RAISED, RERAISED, ASSIGNED, DECIDED
     * @param fromStatus status before, or null for RAISED
     * @param toStatus   status after
     * @param assignee   assignee after, or null
     * @param decision   the decision, or null
     * @param comment    reason or comment, or null
     */
    public record History(long id, Instant at, String actor, String action, ReviewStatus fromStatus,
                          ReviewStatus toStatus, String assignee, String decision, String comment) {
    }

    /**
     * What a save did.
     *
     * @param raised   new alerts
     * @param updated  alerts raised again whose numbers changed
     * @param same     alerts raised again unchanged
     */
    public record Saved(int raised, int updated, int same) {
    }

    /**
     * Saves a day's alerts by their natural key.
     *
     * @param day    the trading day
     * @param alerts the run's alerts
     * @param actor  who ran it
     * @return counts
     */
    public Saved save(final LocalDate day, final List<Alert> alerts, final String actor) {
        return dsl.transactionResult(tx -> {
            final DSLContext db = tx.dsl();
            int raised = 0;
            int updated = 0;
            int same = 0;
            final LocalDateTime now = utc(clock.instant());
            for (final Alert alert : alerts) {
                final String values = json(alert.values());
                final String evidence = json(alert.evidence());
                final SurveillanceAlertRecord existing = db.selectFrom(SURVEILLANCE_ALERT)
                    .where(natural(day, alert)).forUpdate().fetchOne();
                if (existing == null) {
                    db.insertInto(SURVEILLANCE_ALERT)
                        .set(SURVEILLANCE_ALERT.TRADING_DAY, day)
                        .set(SURVEILLANCE_ALERT.PATTERN, alert.pattern().name())
                        .set(SURVEILLANCE_ALERT.ACCOUNT_ID, alert.account())
                        .set(SURVEILLANCE_ALERT.SYMBOL, alert.symbol())
                        .set(SURVEILLANCE_ALERT.WINDOW_START, utc(alert.windowStart()))
                        .set(SURVEILLANCE_ALERT.WINDOW_END, utc(alert.windowEnd()))
                        .set(SURVEILLANCE_ALERT.SCORE, alert.score())
                        .set(SURVEILLANCE_ALERT.ALERT_VALUES, values)
                        .set(SURVEILLANCE_ALERT.EVIDENCE, evidence)
                        .set(SURVEILLANCE_ALERT.STATUS, ReviewStatus.OPEN.name())
                        .set(SURVEILLANCE_ALERT.CREATED_AT, now)
                        .set(SURVEILLANCE_ALERT.UPDATED_AT, now)
                        .execute();
                    final long id = db.select(SURVEILLANCE_ALERT.ALERT_ID).from(SURVEILLANCE_ALERT)
                        .where(natural(day, alert)).fetchSingle(SURVEILLANCE_ALERT.ALERT_ID);
                    history(db, id, now, actor, "RAISED", null, ReviewStatus.OPEN, null, null, null);
                    raised++;
                } else if (values.equals(existing.getAlertValues()) && evidence.equals(existing.getEvidence())) {
                    same++;
                } else {
                    db.update(SURVEILLANCE_ALERT)
                        .set(SURVEILLANCE_ALERT.WINDOW_START, utc(alert.windowStart()))
                        .set(SURVEILLANCE_ALERT.WINDOW_END, utc(alert.windowEnd()))
                        .set(SURVEILLANCE_ALERT.SCORE, alert.score())
                        .set(SURVEILLANCE_ALERT.ALERT_VALUES, values)
                        .set(SURVEILLANCE_ALERT.EVIDENCE, evidence)
                        .set(SURVEILLANCE_ALERT.UPDATED_AT, now)
                        .where(SURVEILLANCE_ALERT.ALERT_ID.eq(existing.getAlertId())).execute();
                    final ReviewStatus status = ReviewStatus.valueOf(existing.getStatus());
                    history(db, existing.getAlertId(), now, actor, "RERAISED", status, status,
                        existing.getAssignee(), null, "numbers or evidence changed on a rerun");
                    updated++;
                }
            }
            return new Saved(raised, updated, same);
        });
    }

    /**
     * Lists alerts, newest day first, then by id.
     *
     * @param day     trading day, or null for any
     * @param status  status, or null
     * @param pattern pattern, or null
     * @param account account, or null
     * @param limit   most rows
     * @return the alerts
     */
    public List<Stored> list(final LocalDate day, final ReviewStatus status, final AlertPattern pattern,
                             final String account, final int limit) {
        final List<Condition> where = new ArrayList<>();
        if (day != null) {
            where.add(SURVEILLANCE_ALERT.TRADING_DAY.eq(day));
        }
        if (status != null) {
            where.add(SURVEILLANCE_ALERT.STATUS.eq(status.name()));
        }
        if (pattern != null) {
            where.add(SURVEILLANCE_ALERT.PATTERN.eq(pattern.name()));
        }
        if (account != null) {
            where.add(SURVEILLANCE_ALERT.ACCOUNT_ID.eq(account));
        }
        return dsl.selectFrom(SURVEILLANCE_ALERT).where(DSL.and(where))
            .orderBy(SURVEILLANCE_ALERT.TRADING_DAY.desc(), SURVEILLANCE_ALERT.ALERT_ID.asc()).limit(limit)
            .fetch(AlertStore::stored);
    }

    /**
     * @param id alert id
     * @return the alert
     * @throws NoSuchElementException when there is none
     */
    public Stored find(final long id) {
        final SurveillanceAlertRecord row = dsl.selectFrom(SURVEILLANCE_ALERT)
            .where(SURVEILLANCE_ALERT.ALERT_ID.eq(id)).fetchOne();
        if (row == null) {
            throw new NoSuchElementException("no surveillance alert " + id);
        }
        return stored(row);
    }

    /**
     * @param id alert id
     * @return its history, oldest first
     */
    public List<History> history(final long id) {
        return dsl.selectFrom(SURVEILLANCE_ALERT_HISTORY).where(SURVEILLANCE_ALERT_HISTORY.ALERT_ID.eq(id))
            .orderBy(SURVEILLANCE_ALERT_HISTORY.HISTORY_ID).fetch(AlertStore::history);
    }

    /**
     * Assigns an alert to a reviewer.
     *
     * @param id       alert id
     * @param assignee the reviewer
     * @param reason   why
     * @param actor    who assigns
     * @return the alert after
     * @throws NoSuchElementException when there is no such alert
     * @throws IllegalStateException  when the alert is closed
     */
    public Stored assign(final long id, final String assignee, final String reason, final String actor) {
        Objects.requireNonNull(assignee, "assignee");
        return dsl.transactionResult(tx -> {
            final DSLContext db = tx.dsl();
            final ReviewStatus status = locked(db, id);
            if (status.closed()) {
                throw new IllegalStateException("alert " + id + " is " + status + ": a closed alert is not assigned");
            }
            final LocalDateTime now = utc(clock.instant());
            db.update(SURVEILLANCE_ALERT).set(SURVEILLANCE_ALERT.ASSIGNEE, assignee)
                .set(SURVEILLANCE_ALERT.UPDATED_AT, now).where(SURVEILLANCE_ALERT.ALERT_ID.eq(id)).execute();
            history(db, id, now, actor, "ASSIGNED", status, status, assignee, null, reason);
            return stored(db.selectFrom(SURVEILLANCE_ALERT).where(SURVEILLANCE_ALERT.ALERT_ID.eq(id)).fetchOne());
        });
    }

    /**
     * Decides an alert: ESCALATED (still open for a final decision), CLOSED_NO_ACTION or CLOSED_REFERRED.
     *
     * @param id       alert id
     * @param decision the status decided, not OPEN
     * @param comment  the reviewer's reasoning
     * @param actor    who decides
     * @return the alert after
     * @throws NoSuchElementException  when there is no such alert
     * @throws IllegalStateException   when the alert is already closed, or escalated again
     * @throws IllegalArgumentException when the decision is OPEN
     */
    public Stored decide(final long id, final ReviewStatus decision, final String comment, final String actor) {
        if (decision == ReviewStatus.OPEN) {
            throw new IllegalArgumentException("OPEN is not a decision");
        }
        return dsl.transactionResult(tx -> {
            final DSLContext db = tx.dsl();
            final ReviewStatus status = locked(db, id);
            if (status.closed() || status == decision) {
                throw new IllegalStateException("alert " + id + " is already " + status);
            }
            final LocalDateTime now = utc(clock.instant());
            db.update(SURVEILLANCE_ALERT).set(SURVEILLANCE_ALERT.STATUS, decision.name())
                .set(SURVEILLANCE_ALERT.DECISION, decision.name())
                .set(SURVEILLANCE_ALERT.DECISION_COMMENT, comment)
                .set(SURVEILLANCE_ALERT.DECIDED_BY, actor)
                .set(SURVEILLANCE_ALERT.DECIDED_AT, now)
                .set(SURVEILLANCE_ALERT.UPDATED_AT, now).where(SURVEILLANCE_ALERT.ALERT_ID.eq(id)).execute();
            final SurveillanceAlertRecord after = db.selectFrom(SURVEILLANCE_ALERT)
                .where(SURVEILLANCE_ALERT.ALERT_ID.eq(id)).fetchOne();
            history(db, id, now, actor, "DECIDED", status, decision, after.getAssignee(), decision.name(), comment);
            return stored(after);
        });
    }

    private static Condition natural(final LocalDate day, final Alert alert) {
        return SURVEILLANCE_ALERT.TRADING_DAY.eq(day).and(SURVEILLANCE_ALERT.PATTERN.eq(alert.pattern().name()))
            .and(SURVEILLANCE_ALERT.ACCOUNT_ID.eq(alert.account())).and(SURVEILLANCE_ALERT.SYMBOL.eq(alert.symbol()));
    }

    private static ReviewStatus locked(final DSLContext db, final long id) {
        final String status = db.select(SURVEILLANCE_ALERT.STATUS).from(SURVEILLANCE_ALERT)
            .where(SURVEILLANCE_ALERT.ALERT_ID.eq(id)).forUpdate().fetchOne(SURVEILLANCE_ALERT.STATUS);
        if (status == null) {
            throw new NoSuchElementException("no surveillance alert " + id);
        }
        return ReviewStatus.valueOf(status);
    }

    private static void history(final DSLContext db, final long id, final LocalDateTime at, final String actor,
                                final String action, final ReviewStatus from, final ReviewStatus to,
                                final String assignee, final String decision, final String comment) {
        db.insertInto(SURVEILLANCE_ALERT_HISTORY)
            .set(SURVEILLANCE_ALERT_HISTORY.ALERT_ID, id)
            .set(SURVEILLANCE_ALERT_HISTORY.AT, at)
            .set(SURVEILLANCE_ALERT_HISTORY.ACTOR, actor)
            .set(SURVEILLANCE_ALERT_HISTORY.ACTION, action)
            .set(SURVEILLANCE_ALERT_HISTORY.FROM_STATUS, from == null ? null : from.name())
            .set(SURVEILLANCE_ALERT_HISTORY.TO_STATUS, to.name())
            .set(SURVEILLANCE_ALERT_HISTORY.ASSIGNEE, assignee)
            .set(SURVEILLANCE_ALERT_HISTORY.DECISION, decision)
            .set(SURVEILLANCE_ALERT_HISTORY.COMMENT, comment)
            .execute();
    }

    private static Stored stored(final SurveillanceAlertRecord r) {
        return new Stored(r.getAlertId(), r.getTradingDay(), AlertPattern.valueOf(r.getPattern()), r.getAccountId(),
            r.getSymbol(), instant(r.getWindowStart()), instant(r.getWindowEnd()), r.getScore(), r.getAlertValues(),
            r.getEvidence(), ReviewStatus.valueOf(r.getStatus()), r.getAssignee(), r.getDecision(),
            r.getDecisionComment(), r.getDecidedBy(), instant(r.getDecidedAt()), instant(r.getCreatedAt()),
            instant(r.getUpdatedAt()));
    }

    private static History history(final SurveillanceAlertHistoryRecord r) {
        return new History(r.getHistoryId(), instant(r.getAt()), r.getActor(), r.getAction(),
            r.getFromStatus() == null ? null : ReviewStatus.valueOf(r.getFromStatus()),
            ReviewStatus.valueOf(r.getToStatus()), r.getAssignee(), r.getDecision(), r.getComment());
    }

    private static LocalDateTime utc(final Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(final LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    private static String json(final Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (final JsonProcessingException ex) {
            throw new IllegalArgumentException("not serializable as JSON: " + ex.getMessage(), ex);
        }
    }
}
