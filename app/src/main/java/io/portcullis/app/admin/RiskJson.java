package io.portcullis.app.admin;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.risk.desk.AccountUtilisation;
import io.portcullis.risk.desk.ChangeOutcome;
import io.portcullis.risk.desk.DeskRefusal;
import io.portcullis.risk.desk.KillSwitchView;
import io.portcullis.risk.desk.LimitChange;
import io.portcullis.risk.desk.LimitHistoryEntry;
import io.portcullis.risk.desk.LimitView;
import io.portcullis.risk.desk.ListEntryView;
import io.portcullis.risk.desk.LocateView;
import io.portcullis.risk.desk.RecentReject;
import io.portcullis.risk.model.LimitKey;
import io.portcullis.risk.model.ListName;

/**
 * The risk desk's JSON: reading request members and query parameters with the field named on a 400, mapping desk
 * refusals to problem+json, and the shapes of api/openapi.yaml ({@code RiskLimit}, {@code RiskLimitChange}, ...).
 * Money and limit values are JSON numbers written in plain notation. Stateless.
 */
final class RiskJson {
    private RiskJson() {
    }

    /** Runs a desk call, turning its refusals into problem+json (INVALID 400, CONFLICT 409, FOUR_EYES 403, 404). */
    static Route.Handler refusals(final Route.Handler handler) {
        return call -> {
            try {
                return handler.handle(call);
            } catch (final DeskRefusal refusal) {
                throw switch (refusal.kind()) {
                    case INVALID -> ApiProblem.badRequest(refusal.field(), refusal.reason());
                    case CONFLICT -> ApiProblem.conflict(refusal.getMessage());
                    case FOUR_EYES -> ApiProblem.fourEyes(refusal.getMessage());
                    case NOT_FOUND -> ApiProblem.notFound(refusal.getMessage());
                };
            }
        };
    }

    /** A required enum member, matched ignoring case. */
    static <E extends Enum<E>> E enumMember(final Call call, final String field, final Class<E> type,
                                            final boolean required) {
        final JsonNode node = call.body().get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw ApiProblem.badRequest(field, "is required: one of " + Arrays.toString(type.getEnumConstants()));
            }
            return null;
        }
        return parseEnum(field, node.isTextual() ? node.asText() : node.toString(), type);
    }

    /** An enum from text, matched ignoring case (and {@code -} for {@code _}). */
    static <E extends Enum<E>> E parseEnum(final String field, final String text, final Class<E> type) {
        final String wanted = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (final E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted)) {
                return constant;
            }
        }
        throw ApiProblem.badRequest(field, "must be one of " + Arrays.toString(type.getEnumConstants()) + ", was '"
            + text + "'");
    }

    /** A decimal member given as a JSON number or a string; null when absent. */
    static BigDecimal decimal(final Call call, final String field) {
        final JsonNode node = call.body().get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual()) {
            try {
                return new BigDecimal(node.asText().strip());
            } catch (final NumberFormatException ex) {
                throw ApiProblem.badRequest(field, "must be a number, was '" + node.asText() + "'");
            }
        }
        throw ApiProblem.badRequest(field, "must be a number");
    }

    /** A required whole-number member within [min, max]. */
    static long whole(final Call call, final String field, final long min, final long max) {
        final JsonNode node = call.body().get(field);
        if (node == null || node.isNull()) {
            throw ApiProblem.badRequest(field, "is required: a whole number from " + min + " to " + max);
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < min || node.asLong() > max) {
            throw ApiProblem.badRequest(field, "must be a whole number from " + min + " to " + max);
        }
        return node.asLong();
    }

    /** An optional ISO-8601 instant member ({@code 2026-03-02T14:30:00Z}). */
    static Instant instant(final Call call, final String field) {
        final String text = call.optionalText(field, 40);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (final DateTimeParseException ex) {
            throw ApiProblem.badRequest(field, "must be an ISO-8601 UTC time such as 2026-03-02T14:30:00Z");
        }
    }

    /** An optional ISO-8601 date member ({@code 2026-03-02}). */
    static LocalDate date(final Call call, final String field) {
        final String text = call.optionalText(field, 10);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (final DateTimeParseException ex) {
            throw ApiProblem.badRequest(field, "must be a date such as 2026-03-02");
        }
    }

    /** An optional query parameter, null when absent or empty. */
    static String query(final Call call, final String name) {
        final String value = call.context().queryParam(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The {@code {list}} path parameter: {@code restricted} or {@code hard-to-borrow}. */
    static ListName list(final Call call) {
        final String text = call.path("list");
        try {
            return parseEnum("list", text, ListName.class);
        } catch (final ApiProblem ex) {
            throw new java.util.NoSuchElementException("no list '" + text + "'; the lists are restricted and "
                + "hard-to-borrow");
        }
    }

    static Map<String, Object> key(final LimitKey key) {
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("scope", key.scope().name());
        out.put("key", key.scopeKey());
        out.put("symbol", key.symbol());
        out.put("name", key.name().name());
        out.put("unit", key.name().unit().name());
        return out;
    }

    static Map<String, Object> limit(final LimitView limit) {
        if (limit == null) {
            return null;
        }
        final Map<String, Object> out = key(limit.key());
        out.put("value", limit.value());
        out.put("version", limit.version());
        out.put("effectiveFrom", text(limit.effectiveFrom()));
        out.put("updatedBy", limit.updatedBy());
        out.put("updatedAt", text(limit.updatedAt()));
        out.put("changeSeq", limit.changeSeq());
        return out;
    }

    static Map<String, Object> change(final LimitChange change) {
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("changeId", change.changeId());
        out.putAll(key(change.key()));
        out.put("baseVersion", change.baseVersion());
        out.put("oldValue", change.oldValue());
        out.put("newValue", change.newValue());
        out.put("effectiveFrom", text(change.effectiveFrom()));
        out.put("direction", change.looser() ? "LOOSER" : "TIGHTER");
        out.put("status", change.status().name());
        out.put("proposedBy", change.proposedBy());
        out.put("proposedAt", text(change.proposedAt()));
        out.put("reason", change.reason());
        out.put("decidedBy", change.decidedBy());
        out.put("decidedAt", text(change.decidedAt()));
        out.put("decisionReason", change.decisionReason());
        out.put("appliedVersion", change.appliedVersion());
        out.put("appliedAt", text(change.appliedAt()));
        return out;
    }

    static Map<String, Object> outcome(final ChangeOutcome outcome) {
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", outcome.change().status().name());
        out.put("change", change(outcome.change()));
        out.put("limit", limit(outcome.limit()));
        out.put("clamped", outcome.clamped());
        out.put("engineApplied", outcome.engineApplied());
        return out;
    }

    static Map<String, Object> history(final LimitHistoryEntry entry) {
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", entry.version());
        out.put("oldValue", entry.oldValue());
        out.put("newValue", entry.newValue());
        out.put("action", entry.action());
        out.put("changedBy", entry.changedBy());
        out.put("approvedBy", entry.approvedBy());
        out.put("reason", entry.reason());
        out.put("changedAt", text(entry.changedAt()));
        return out;
    }

    static Map<String, Object> listEntry(final ListEntryView entry) {
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("list", entry.list().name());
        out.put("account", entry.scopeKey());
        out.put("symbol", entry.symbol());
        out.put("present", entry.present());
        out.put("version", entry.version());
        out.put("updatedBy", entry.updatedBy());
        out.put("updatedAt", text(entry.updatedAt()));
        out.put("reason", entry.reason());
        return out;
    }

    static Map<String, Object> locate(final LocateView locate) {
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("locateId", locate.locateId());
        out.put("account", locate.account());
        out.put("symbol", locate.symbol());
        out.put("quantity", locate.quantity());
        out.put("expiresOn", locate.expiresOn().toString());
        out.put("grantedBy", locate.grantedBy());
        out.put("grantedAt", text(locate.grantedAt()));
        out.put("reason", locate.reason());
        return out;
    }

    static Map<String, Object> killSwitch(final KillSwitchView kill) {
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("scope", kill.scope().name());
        out.put("key", kill.key());
        out.put("engaged", kill.engaged());
        out.put("version", kill.version());
        out.put("updatedBy", kill.updatedBy());
        out.put("updatedAt", text(kill.updatedAt()));
        out.put("reason", kill.reason());
        return out;
    }

    static Map<String, Object> exposure(final AccountUtilisation u) {
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("account", u.exposure().account());
        out.put("firm", u.exposure().firm());
        out.put("buyNotional", u.exposure().buyNotional());
        out.put("sellNotional", u.exposure().sellNotional());
        out.put("grossNotional", u.exposure().grossNotional());
        out.put("netNotional", u.exposure().netNotional());
        out.put("openOrders", u.exposure().openOrders());
        out.put("grossLimit", u.grossLimit());
        out.put("grossUtilisationPct", u.grossUtilisationPct());
        out.put("netLimit", u.netLimit());
        out.put("netUtilisationPct", u.netUtilisationPct());
        return out;
    }

    static Map<String, Object> reject(final RecentReject reject) {
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("at", text(reject.at()));
        out.put("sessionId", reject.sessionId());
        out.put("clOrdId", reject.clOrdId());
        out.put("account", reject.account());
        out.put("symbol", reject.symbol());
        out.put("side", reject.side());
        out.put("quantity", reject.quantity());
        out.put("price", reject.price());
        out.put("reason", reject.reason());
        return out;
    }

    private static String text(final Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
