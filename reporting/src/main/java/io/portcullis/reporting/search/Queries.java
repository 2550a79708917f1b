package io.portcullis.reporting.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;

/**
 * The query pieces of the audit searches, all built with the client's typed builders: a caller's value is only
 * ever a term, a range bound or the text of a {@code multi_match} (never a query string, never a script).
 * Stateless.
 */
final class Queries {
    /** The engine's events that name an order ({@code orderId}), besides trade prints. */
    static final List<String> ORDER_EVENTS = List.of("EXECUTION_REPORT", "CANCEL_REJECT", "RISK_DECISION",
        "RISK_WARNING");
    /** Free-text fields: engine texts, admin reasons and details. */
    static final List<String> TEXT_FIELDS = List.of("text", "reason", "detail");
    private static final String NANOS = "strict_date_optional_time_nanos";

    private Queries() {
    }

    static Query term(final String field, final String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    static Query terms(final String field, final Collection<String> values) {
        final List<FieldValue> list = values.stream().map(FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(list))));
    }

    static Query events(final Collection<String> events) {
        return terms("event", events);
    }

    static Query exists(final String field) {
        return Query.of(q -> q.exists(e -> e.field(field)));
    }

    static Query not(final Query query) {
        return Query.of(q -> q.bool(b -> b.mustNot(query)));
    }

    static Query all(final List<Query> filters) {
        return Query.of(q -> q.bool(b -> b.filter(filters)));
    }

    static Query any(final List<Query> alternatives) {
        return Query.of(q -> q.bool(b -> b.should(alternatives).minimumShouldMatch("1")));
    }

    /** {@code transactTime} in [from, to); either bound may be null. */
    static Query time(final Instant from, final Instant to) {
        return Query.of(q -> q.range(r -> r.date(d -> {
            d.field("transactTime").format(NANOS);
            if (from != null) {
                d.gte(from.toString());
            }
            if (to != null) {
                d.lt(to.toString());
            }
            return d;
        })));
    }

    /** A long field in [min, max] (both inclusive, either may be null), compared exactly. */
    static Query between(final String field, final Long min, final Long max) {
        return Query.of(q -> q.range(r -> r.untyped(u -> {
            u.field(field);
            if (min != null) {
                u.gte(JsonData.of(min));
            }
            if (max != null) {
                u.lte(JsonData.of(max));
            }
            return u;
        })));
    }

    /** Every word of {@code text} in one of the free-text fields (analysed match, not a query string). */
    static Query text(final String text) {
        return Query.of(q -> q.multiMatch(m -> m.query(text).fields(TEXT_FIELDS).operator(Operator.And)));
    }

    /** The ClOrdID as the request's own (11) or as the one it refers to (41). */
    static Query clOrdId(final String clOrdId) {
        return any(List.of(term("clOrdId", clOrdId), term("origClOrdId", clOrdId)));
    }

    /** The filters on an order's identity, as any of its documents carries them. */
    static List<Query> identity(final AuditFilter filter) {
        final List<Query> out = new ArrayList<>();
        if (filter.accounts() != null) {
            out.add(terms("account", filter.accounts()));
        }
        add(out, "symbol", filter.symbol());
        add(out, "side", filter.side());
        add(out, "sessionId", filter.sessionId());
        add(out, "orderId", filter.orderId());
        return out;
    }

    /** Every filter applied to the document itself, prices on {@code priceField}, quantities on {@code qtyField}. */
    static List<Query> document(final AuditFilter filter, final String priceField, final String qtyField) {
        final List<Query> out = identity(filter);
        add(out, "ordStatus", filter.status());
        add(out, "execId", filter.execId());
        add(out, "clOrdId", filter.clOrdId());
        if (filter.from() != null || filter.to() != null) {
            out.add(time(filter.from(), filter.to()));
        }
        if (filter.minPrice() != null || filter.maxPrice() != null) {
            out.add(between(priceField, filter.minPrice(), filter.maxPrice()));
        }
        if (filter.minQty() != null || filter.maxQty() != null) {
            out.add(between(qtyField, filter.minQty(), filter.maxQty()));
        }
        if (filter.text() != null) {
            out.add(text(filter.text()));
        }
        return out;
    }

    private static void add(final List<Query> out, final String field, final String value) {
        if (value != null) {
            out.add(term(field, value));
        }
    }
}
