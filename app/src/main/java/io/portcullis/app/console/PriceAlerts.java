package io.portcullis.app.console;

import static io.portcullis.sql.schema.Tables.PRICE_ALERT;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import io.portcullis.oms.domain.Prices;
import io.portcullis.sql.schema.tables.records.PriceAlertRecord;
import org.jooq.DSLContext;

/**
 * The console's price alerts (table {@code price_alert}): created, listed and deleted by their user, and checked
 * against every trade the live feed sees. An alert fires once: {@link #trigger} sets {@code triggered_at} only where
 * it is still null, so of several gateways seeing the same trade exactly one fires it. The waiting alerts are cached
 * per symbol and re-read every {@link #REFRESH} and after every change made through this node. Thread-safe.
 */
public final class PriceAlerts {
    /** How long another node's new alert may wait before this node checks it. */
    public static final java.time.Duration REFRESH = java.time.Duration.ofSeconds(2);
    /** Most waiting alerts a user may hold. */
    public static final int MAX_PER_USER = 100;

    private final DSLContext dsl;
    private final InstantSource clock;
    private final AtomicReference<Cache> waiting = new AtomicReference<>(new Cache(Map.of(), Instant.MIN));

    /** ABOVE: fires on a trade at or above the price; BELOW: at or below. */
    public enum Condition {
        ABOVE, BELOW;

        boolean firesAt(final long tradePrice, final long alertPrice) {
            return this == ABOVE ? tradePrice >= alertPrice : tradePrice <= alertPrice;
        }
    }

    /**
     * One alert.
     *
     * @param price       1e-4 USD
     * @param triggeredAt null while it waits
     * @param tradePrice  the firing trade's price, {@link Prices#NONE} while it waits
     * @param tradeId     the firing trade, 0 while it waits
     */
    public record Alert(long id, String username, String symbol, Condition condition, long price, Instant createdAt,
                        Instant triggeredAt, long tradePrice, long tradeId) {
    }

    private record Cache(Map<String, List<Alert>> bySymbol, Instant readAt) {
    }

    /**
     * @param dsl   the book-of-record database
     * @param clock wall clock
     */
    public PriceAlerts(final DSLContext dsl, final InstantSource clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /**
     * Creates an alert.
     *
     * @throws IllegalStateException when the user already has {@link #MAX_PER_USER} waiting alerts
     */
    public Alert create(final String username, final String symbol, final Condition condition, final long price) {
        final int held = dsl.fetchCount(PRICE_ALERT, PRICE_ALERT.USERNAME.eq(username),
            PRICE_ALERT.TRIGGERED_AT.isNull());
        if (held >= MAX_PER_USER) {
            throw new IllegalStateException("you have " + held + " waiting alerts, the most one user may hold; "
                + "delete some first");
        }
        final LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        // LAST_INSERT_ID() of the transaction's connection: MariaDB's INSERT ... RETURNING does not reach jOOQ here
        final long id = dsl.transactionResult(tx -> {
            tx.dsl().insertInto(PRICE_ALERT).set(PRICE_ALERT.USERNAME, username).set(PRICE_ALERT.SYMBOL, symbol)
                .set(PRICE_ALERT.ALERT_CONDITION, condition.name()).set(PRICE_ALERT.PRICE, Prices.toBigDecimal(price))
                .set(PRICE_ALERT.CREATED_AT, now).execute();
            return tx.dsl().lastID().longValue();
        });
        invalidate();
        return new Alert(id, username, symbol, condition, price, now.toInstant(ZoneOffset.UTC), null, Prices.NONE, 0);
    }

    /** The user's alerts, newest first. */
    public List<Alert> of(final String username) {
        return dsl.selectFrom(PRICE_ALERT).where(PRICE_ALERT.USERNAME.eq(username))
            .orderBy(PRICE_ALERT.CREATED_AT.desc(), PRICE_ALERT.ID.desc()).fetch(PriceAlerts::alert);
    }

    /** Deletes one of the user's alerts; false when the user has none of that id. */
    public boolean delete(final String username, final long id) {
        final boolean deleted = dsl.deleteFrom(PRICE_ALERT).where(PRICE_ALERT.ID.eq(id),
            PRICE_ALERT.USERNAME.eq(username)).execute() == 1;
        invalidate();
        return deleted;
    }

    /** The waiting alerts of {@code symbol} that a trade at {@code tradePrice} fires (from the cache). */
    public List<Alert> firedBy(final String symbol, final long tradePrice) {
        Cache cache = waiting.get();
        if (cache.readAt().isBefore(clock.instant().minus(REFRESH))) {
            cache = reload();
        }
        final List<Alert> out = new ArrayList<>();
        for (final Alert alert : cache.bySymbol().getOrDefault(symbol, List.of())) {
            if (alert.condition().firesAt(tradePrice, alert.price())) {
                out.add(alert);
            }
        }
        return out;
    }

    /**
     * Fires an alert for a trade, if it still waits.
     *
     * @return the fired alert, or empty when it had fired already (here or on another node) or was deleted
     */
    public Optional<Alert> trigger(final Alert alert, final long tradePrice, final long tradeId,
                                   final Instant tradeTime) {
        final int updated = dsl.update(PRICE_ALERT)
            .set(PRICE_ALERT.TRIGGERED_AT, LocalDateTime.ofInstant(tradeTime, ZoneOffset.UTC))
            .set(PRICE_ALERT.TRADE_PRICE, Prices.toBigDecimal(tradePrice))
            .set(PRICE_ALERT.TRADE_ID, tradeId)
            .where(PRICE_ALERT.ID.eq(alert.id()), PRICE_ALERT.TRIGGERED_AT.isNull()).execute();
        invalidate();
        if (updated != 1) {
            return Optional.empty();
        }
        return Optional.of(new Alert(alert.id(), alert.username(), alert.symbol(), alert.condition(), alert.price(),
            alert.createdAt(), tradeTime, tradePrice, tradeId));
    }

    private void invalidate() {
        waiting.set(new Cache(Map.of(), Instant.MIN));
    }

    private Cache reload() {
        final List<Alert> all = dsl.selectFrom(PRICE_ALERT).where(PRICE_ALERT.TRIGGERED_AT.isNull())
            .fetch(PriceAlerts::alert);
        final Cache cache = new Cache(all.stream().collect(Collectors.groupingBy(Alert::symbol)), clock.instant());
        waiting.set(cache);
        return cache;
    }

    private static Alert alert(final PriceAlertRecord row) {
        final BigDecimal tradePrice = row.getTradePrice();
        return new Alert(row.getId(), row.getUsername(), row.getSymbol(), Condition.valueOf(row.getAlertCondition()),
            Prices.fromBigDecimal(row.getPrice()).price(), row.getCreatedAt().toInstant(ZoneOffset.UTC),
            row.getTriggeredAt() == null ? null : row.getTriggeredAt().toInstant(ZoneOffset.UTC),
            tradePrice == null ? Prices.NONE : Prices.fromBigDecimal(tradePrice).price(),
            row.getTradeId() == null ? 0 : row.getTradeId());
    }
}
