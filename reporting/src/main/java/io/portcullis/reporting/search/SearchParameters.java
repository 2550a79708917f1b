package io.portcullis.reporting.search;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The query parameters of one search call, read with validation: each accessor returns a typed value or throws
 * {@link InvalidSearch} naming the parameter. Construction refuses unknown names (a typo must not widen a compliance
 * search silently) and names given more than once. One per call, one thread.
 */
final class SearchParameters {
    /** Largest page. */
    static final int MAX_PAGE_SIZE = 1_000;
    /** Page size when {@code size} is absent. */
    static final int DEFAULT_PAGE_SIZE = 100;
    private static final int MAX_IDENTIFIER = 128;
    private static final int MAX_TEXT = 256;
    /** 1e-4 USD: four decimals. */
    private static final int PRICE_SCALE = 4;

    private final Map<String, List<String>> values;

    /**
     * @param values   parameter name to its values, as the HTTP layer parsed them
     * @param accepted the names this search accepts
     */
    SearchParameters(final Map<String, List<String>> values, final Set<String> accepted) {
        for (final String name : new TreeSet<>(values.keySet())) {
            if (!accepted.contains(name)) {
                throw new InvalidSearch(name, "unknown parameter; this search accepts " + new TreeSet<>(accepted));
            }
            final List<String> given = values.get(name);
            if (given != null && given.size() > 1) {
                throw new InvalidSearch(name, "given " + given.size() + " times; give it once");
            }
        }
        this.values = values;
    }

    /** The raw value, null when absent; an empty value is refused. */
    String raw(final String name) {
        final List<String> given = values.get(name);
        if (given == null || given.isEmpty()) {
            return null;
        }
        final String value = given.get(0);
        if (value == null || value.isBlank()) {
            throw new InvalidSearch(name, "is empty; leave it out or give a value");
        }
        return value;
    }

    /** An identifier (account, symbol, ClOrdID, session id...): 1..128 characters without control characters. */
    String identifier(final String name) {
        return text(name, MAX_IDENTIFIER);
    }

    /** Free text: 1..256 characters without control characters. */
    String freeText(final String name) {
        return text(name, MAX_TEXT);
    }

    private String text(final String name, final int max) {
        final String value = raw(name);
        if (value == null) {
            return null;
        }
        if (value.length() > max || value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidSearch(name, "must be 1 to " + max + " characters without control characters");
        }
        return value;
    }

    /** One of the names of {@code type}'s constants, exactly. */
    <E extends Enum<E>> String choice(final String name, final Class<E> type) {
        final String value = raw(name);
        if (value == null) {
            return null;
        }
        for (final E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return value;
            }
        }
        throw new InvalidSearch(name, "must be one of " + Arrays.toString(type.getEnumConstants()) + ", was '"
            + value + "'");
    }

    /** One of {@code allowed}, exactly, or {@code fallback} when absent. */
    String choice(final String name, final List<String> allowed, final String fallback) {
        final String value = raw(name);
        if (value == null) {
            return fallback;
        }
        if (!allowed.contains(value)) {
            throw new InvalidSearch(name, "must be one of " + allowed + ", was '" + value + "'");
        }
        return value;
    }

    /** An ISO-8601 date-time with an offset, e.g. {@code 2026-01-05T08:00:00Z} or {@code ...+01:00}. */
    Instant instant(final String name) {
        final String value = raw(name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (final DateTimeParseException ex) {
            throw new InvalidSearch(name, "must be an ISO-8601 date-time with an offset, e.g. 2026-01-05T08:00:00Z, "
                + "was '" + value + "'");
        }
    }

    /** A decimal USD amount, at most 4 decimals, not negative, e.g. {@code 123.45}: returned in 1e-4 USD. */
    Long price(final String name) {
        final String value = raw(name);
        if (value == null) {
            return null;
        }
        try {
            final BigDecimal decimal = new BigDecimal(value).stripTrailingZeros();
            if (decimal.signum() >= 0 && decimal.scale() <= PRICE_SCALE && value.matches("[0-9.]+")) {
                return decimal.movePointRight(PRICE_SCALE).longValueExact();
            }
        } catch (final NumberFormatException | ArithmeticException ex) {
            // falls through to the refusal
        }
        throw new InvalidSearch(name, "must be a decimal USD amount, not negative, with at most 4 decimals, e.g. "
            + "123.45, was '" + value + "'");
    }

    /** A whole number of shares, not negative. */
    Long quantity(final String name) {
        final String value = raw(name);
        if (value == null) {
            return null;
        }
        return whole(name, value, 0, Long.MAX_VALUE, "a whole number of shares, not negative");
    }

    /** An integer within [min, max], {@code fallback} when absent. */
    int integer(final String name, final int fallback, final int min, final int max) {
        final String value = raw(name);
        return value == null ? fallback : (int) whole(name, value, min, max, "an integer from " + min + " to " + max);
    }

    private static long whole(final String name, final String value, final long min, final long max,
                              final String what) {
        try {
            if (value.matches("-?[0-9]{1,19}")) {
                final long parsed = Long.parseLong(value);
                if (parsed >= min && parsed <= max) {
                    return parsed;
                }
            }
        } catch (final NumberFormatException ex) {
            // falls through to the refusal
        }
        throw new InvalidSearch(name, "must be " + what + ", was '" + value + "'");
    }

    /** The page size, {@code size}: 1..{@value #MAX_PAGE_SIZE}, default {@value #DEFAULT_PAGE_SIZE}. */
    int size() {
        return integer("size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
    }

    /** A time zone id such as {@code America/New_York} or {@code +02:00}; UTC when absent. */
    ZoneId zone(final String name) {
        final String value = raw(name);
        if (value == null) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(value);
        } catch (final DateTimeException ex) {
            throw new InvalidSearch(name, "must be a time zone id such as UTC, America/New_York or +02:00, was '"
                + value + "'");
        }
    }

    /**
     * {@code sort} (one of {@code fields}' keys, default {@code defaultName}) and {@code order} ({@code asc} or
     * {@code desc}, default {@code desc}).
     */
    SortSpec sort(final Map<String, String> fields, final String defaultName) {
        final String name = raw("sort") == null ? defaultName : raw("sort");
        if (!fields.containsKey(name)) {
            throw new InvalidSearch("sort", "must be one of " + new TreeSet<>(fields.keySet()) + ", was '" + name
                + "'");
        }
        final String order = choice("order", List.of("asc", "desc"), "desc");
        return new SortSpec(name, fields.get(name), "desc".equals(order));
    }

    /**
     * The filters. {@code brokerFirm} becomes the set of its accounts ({@code firmAccounts}), intersected with
     * {@code account} when both are given.
     */
    AuditFilter filter(final Function<String, Set<String>> firmAccounts) {
        Set<String> accounts = null;
        final String account = identifier("account");
        if (account != null) {
            accounts = Set.of(account);
        }
        final String firm = identifier("brokerFirm");
        if (firm != null) {
            final Set<String> ofFirm = new TreeSet<>(firmAccounts.apply(firm));
            if (ofFirm.isEmpty()) {
                throw new InvalidSearch("brokerFirm", "no account belongs to a broker firm '" + firm + "'");
            }
            if (accounts != null) {
                ofFirm.retainAll(accounts);
            }
            accounts = ofFirm;
        }
        final Instant from = instant("from");
        final Instant to = instant("to");
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidSearch("from", "is after to (" + from + " > " + to + ")");
        }
        final Long minPrice = price("minPrice");
        final Long maxPrice = price("maxPrice");
        if (minPrice != null && maxPrice != null && minPrice > maxPrice) {
            throw new InvalidSearch("minPrice", "is above maxPrice");
        }
        final Long minQty = quantity("minQty");
        final Long maxQty = quantity("maxQty");
        if (minQty != null && maxQty != null && minQty > maxQty) {
            throw new InvalidSearch("minQty", "is above maxQty");
        }
        return new AuditFilter(accounts == null ? null : Collections.unmodifiableSortedSet(new TreeSet<>(accounts)),
            identifier("symbol"),
            choice("side", io.portcullis.oms.domain.Side.class),
            choice("status", io.portcullis.oms.domain.OrdStatus.class), identifier("orderId"), identifier("execId"),
            identifier("clOrdId"), identifier("sessionId"), from, to, minPrice, maxPrice, minQty, maxQty,
            freeText("text"));
    }
}
