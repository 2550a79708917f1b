package io.portcullis.app.admin;

import static io.portcullis.app.admin.Route.Method.GET;
import static io.portcullis.app.admin.Route.Method.POST;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.reporting.surveillance.AlertPattern;
import io.portcullis.reporting.surveillance.AlertStore;
import io.portcullis.reporting.surveillance.ReviewStatus;

/**
 * The compliance desk's surveillance alerts (role COMPLIANCE only): list and read the alerts the daily run raised
 * ({@code ./portcullis report surveillance}), with their evidence and review history; assign one to a reviewer;
 * decide it (ESCALATED, CLOSED_NO_ACTION, CLOSED_REFERRED). Every change is audited with the state before and after
 * and appended to the alert's history. Bad input answers 400 naming the field; a closed alert answers 409.
 */
final class SurveillanceRoutes {
    private static final String ALERT = "/api/surveillance/alerts/{id}";
    private static final int MAX_COMMENT = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AlertStore store;

    /** @param store the alerts in the book-of-record database */
    SurveillanceRoutes(final AlertStore store) {
        this.store = store;
    }

    List<Route> routes() {
        final Access compliance = Access.roles(Role.COMPLIANCE);
        return List.of(
            new Route(GET, "/api/surveillance/alerts", compliance, this::list),
            new Route(GET, ALERT, compliance, call -> {
                final AlertStore.Stored alert = store.find(id(call));
                final Map<String, Object> body = alert(alert);
                body.put("history", store.history(alert.id()).stream().map(SurveillanceRoutes::history).toList());
                return Reply.ok(body);
            }),
            new Route(POST, ALERT + "/assign", compliance, this::assign),
            new Route(POST, ALERT + "/decide", compliance, this::decide));
    }

    private Reply list(final Call call) {
        final String day = call.context().queryParam("date");
        final LocalDate date;
        try {
            date = day == null ? null : LocalDate.parse(day);
        } catch (final DateTimeParseException ex) {
            throw ApiProblem.badRequest("date", "must be a date YYYY-MM-DD, not '" + day + "'");
        }
        final ReviewStatus status = member(call.context().queryParam("status"), "status", ReviewStatus.class);
        final AlertPattern pattern = member(call.context().queryParam("pattern"), "pattern", AlertPattern.class);
        final String account = call.context().queryParam("account");
        if (account != null && (account.isBlank() || account.length() > 32)) {
            throw ApiProblem.badRequest("account", "must be 1 to 32 characters");
        }
        final int limit = call.queryInt("limit", 100, 1, 1_000);
        return Reply.ok(Map.of("alerts", store.list(date, status, pattern, account, limit).stream()
            .map(SurveillanceRoutes::summary).toList()));
    }

    private Reply assign(final Call call) {
        final long id = id(call);
        call.onlyMembers("assignee", "reason");
        final String assignee = call.text("assignee", 64);
        final String reason = call.reason();
        final AlertStore.Stored before = store.find(id);
        final AlertStore.Stored after;
        try {
            after = store.assign(id, assignee, reason, call.principal().username());
        } catch (final IllegalStateException ex) {
            throw ApiProblem.conflict(ex.getMessage());
        }
        call.changed("SURVEILLANCE_ALERT_ASSIGNED", "surveillance alert " + id, reason, review(before),
            review(after));
        return Reply.ok(alert(after));
    }

    private Reply decide(final Call call) {
        final long id = id(call);
        call.onlyMembers("decision", "comment");
        final String decision = call.text("decision", 24);
        final ReviewStatus status = member(decision, "decision", ReviewStatus.class);
        if (status == ReviewStatus.OPEN) {
            throw ApiProblem.badRequest("decision", "must be one of [ESCALATED, CLOSED_NO_ACTION, CLOSED_REFERRED]");
        }
        final String comment = call.text("comment", MAX_COMMENT);
        final AlertStore.Stored before = store.find(id);
        final AlertStore.Stored after;
        try {
            after = store.decide(id, status, comment, call.principal().username());
        } catch (final IllegalStateException ex) {
            throw ApiProblem.conflict(ex.getMessage());
        }
        call.changed("SURVEILLANCE_ALERT_DECIDED", "surveillance alert " + id, comment, review(before),
            review(after));
        return Reply.ok(alert(after));
    }

    private static long id(final Call call) {
        final String raw = call.path("id");
        try {
            final long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (final NumberFormatException ex) {
            // falls through to the problem
        }
        throw ApiProblem.badRequest("id", "must be a positive alert id, not '" + raw + "'");
    }

    private static <E extends Enum<E>> E member(final String value, final String field, final Class<E> type) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (final IllegalArgumentException ex) {
            throw ApiProblem.badRequest(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static Map<String, Object> summary(final AlertStore.Stored alert) {
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", alert.id());
        out.put("tradingDay", alert.tradingDay().toString());
        out.put("pattern", alert.pattern().name());
        out.put("account", alert.account());
        out.put("symbol", alert.symbol());
        out.put("windowStart", alert.windowStart().toString());
        out.put("windowEnd", alert.windowEnd().toString());
        out.put("score", alert.score());
        out.put("status", alert.status().name());
        out.put("assignee", alert.assignee());
        out.put("createdAt", alert.createdAt().toString());
        out.put("updatedAt", alert.updatedAt().toString());
        return out;
    }

    private static Map<String, Object> alert(final AlertStore.Stored alert) {
        final Map<String, Object> out = summary(alert);
        out.put("values", parse(alert.values()));
        out.put("evidence", parse(alert.evidence()));
        out.put("decision", alert.decision());
        out.put("comment", alert.comment());
        out.put("decidedBy", alert.decidedBy());
        out.put("decidedAt", alert.decidedAt() == null ? null : alert.decidedAt().toString());
        return out;
    }

    private static Map<String, Object> review(final AlertStore.Stored alert) {
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", alert.status().name());
        out.put("assignee", alert.assignee());
        out.put("decision", alert.decision());
        out.put("comment", alert.comment());
        return out;
    }

    private static Map<String, Object> history(final AlertStore.History row) {
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("at", row.at().toString());
        out.put("actor", row.actor());
        out.put("action", row.action());
        out.put("fromStatus", row.fromStatus() == null ? null : row.fromStatus().name());
        out.put("toStatus", row.toStatus().name());
        out.put("assignee", row.assignee());
        out.put("decision", row.decision());
        out.put("comment", row.comment());
        return out;
    }

    private static JsonNode parse(final String json) {
        try {
            return JSON.readTree(json);
        } catch (final JsonProcessingException ex) {
            throw new IllegalStateException("stored alert JSON is malformed: " + ex.getMessage(), ex);
        }
    }
}
