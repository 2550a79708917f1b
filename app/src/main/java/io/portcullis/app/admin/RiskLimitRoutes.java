package io.portcullis.app.admin;

import static io.portcullis.app.admin.Route.Method.GET;
import static io.portcullis.app.admin.Route.Method.POST;
import static io.portcullis.app.admin.Route.Method.PUT;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.portcullis.risk.desk.ChangeOutcome;
import io.portcullis.risk.desk.ChangeStatus;
import io.portcullis.risk.desk.LimitRequest;
import io.portcullis.risk.desk.LimitView;
import io.portcullis.risk.desk.RiskDesk;
import io.portcullis.risk.model.LimitKey;
import io.portcullis.risk.model.LimitName;
import io.portcullis.risk.model.LimitScope;

/**
 * Risk limits and their four-eyes approvals (role RISK_OFFICER only): list, set (with the version read), history,
 * pending changes, approve, reject. Every change names a {@code reason} and is audited with the state before and
 * after; the desk's refusals become problem+json naming the field.
 */
final class RiskLimitRoutes {
    private static final String APPROVAL = "/api/risk/approvals/{id}";

    private final Supplier<RiskDesk> desk;

    /** @param desk the node's risk desk, looked up at each call */
    RiskLimitRoutes(final Supplier<RiskDesk> desk) {
        this.desk = desk;
    }

    List<Route> routes() {
        final Access risk = Access.roles(Role.RISK_OFFICER);
        return List.of(
            new Route(GET, "/api/risk/limits", risk, RiskJson.refusals(this::list)),
            new Route(PUT, "/api/risk/limits", risk, RiskJson.refusals(this::set)),
            new Route(GET, "/api/risk/limits/history", risk, RiskJson.refusals(this::history)),
            new Route(GET, "/api/risk/approvals", risk, RiskJson.refusals(this::approvals)),
            new Route(POST, APPROVAL + "/approve", risk, RiskJson.refusals(call -> decide(call, true))),
            new Route(POST, APPROVAL + "/reject", risk, RiskJson.refusals(call -> decide(call, false))));
    }

    private Reply list(final Call call) {
        final String scope = RiskJson.query(call, "scope");
        final String name = RiskJson.query(call, "name");
        final List<LimitView> limits = desk.get().limits().list(
            scope == null ? null : RiskJson.parseEnum("scope", scope, LimitScope.class), RiskJson.query(call, "key"),
            RiskJson.query(call, "symbol"), name == null ? null : RiskJson.parseEnum("name", name, LimitName.class));
        return Reply.ok(Map.of("limits", limits.stream().map(RiskJson::limit).toList()));
    }

    private Reply set(final Call call) {
        call.onlyMembers("scope", "key", "symbol", "name", "value", "expectedVersion", "effectiveFrom", "reason");
        final LimitScope scope = RiskJson.enumMember(call, "scope", LimitScope.class, true);
        final LimitName name = RiskJson.enumMember(call, "name", LimitName.class, true);
        final String key = call.optionalText("key", 128);
        final String symbol = call.optionalText("symbol", 16);
        final LimitRequest request = new LimitRequest(scope, key, symbol, name, RiskJson.decimal(call, "value"),
            RiskJson.whole(call, "expectedVersion", 0, Long.MAX_VALUE), RiskJson.instant(call, "effectiveFrom"),
            call.reason(), call.principal().username());
        final LimitView before = current(scope, key, symbol, name);
        final ChangeOutcome outcome = desk.get().limits().set(request);
        call.changed(outcome.change().status() == ChangeStatus.APPLIED ? "RISK_LIMIT_SET" : "RISK_LIMIT_PROPOSED",
            target(outcome), request.reason(), RiskJson.limit(before), RiskJson.outcome(outcome));
        return Reply.ok(RiskJson.outcome(outcome));
    }

    private Reply history(final Call call) {
        final String scope = RiskJson.query(call, "scope");
        final String name = RiskJson.query(call, "name");
        if (scope == null || name == null) {
            throw ApiProblem.badRequest(scope == null ? "scope" : "name", "is required (a query parameter)");
        }
        final LimitScope limitScope = RiskJson.parseEnum("scope", scope, LimitScope.class);
        final LimitName limitName = RiskJson.parseEnum("name", name, LimitName.class);
        final String key = RiskJson.query(call, "key");
        final String symbol = RiskJson.query(call, "symbol");
        final LimitKey limitKey;
        try {
            limitKey = new LimitKey(limitScope, key == null ? LimitKey.ANY : key, symbol == null ? LimitKey.ANY
                : symbol, limitName);
        } catch (final IllegalArgumentException ex) {
            throw ApiProblem.badRequest("key", ex.getMessage());
        }
        return Reply.ok(Map.of("limit", RiskJson.key(limitKey), "versions",
            desk.get().limits().history(limitKey).stream().map(RiskJson::history).toList()));
    }

    private Reply approvals(final Call call) {
        final String status = RiskJson.query(call, "status");
        final List<ChangeStatus> statuses = status == null
            ? List.of(ChangeStatus.PENDING_APPROVAL, ChangeStatus.SCHEDULED)
            : List.of(RiskJson.parseEnum("status", status, ChangeStatus.class));
        return Reply.ok(Map.of("changes", desk.get().limits().changes(statuses, call.queryInt("limit", 200, 1, 1000))
            .stream().map(RiskJson::change).toList()));
    }

    private Reply decide(final Call call, final boolean approve) {
        call.onlyMembers("reason");
        final String reason = call.reason();
        final long id;
        try {
            id = Long.parseLong(call.path("id"));
        } catch (final NumberFormatException ex) {
            throw new java.util.NoSuchElementException("no limit change '" + call.path("id") + "'");
        }
        final String user = call.principal().username();
        final ChangeOutcome outcome = approve ? desk.get().limits().approve(id, user, reason)
            : desk.get().limits().reject(id, user, reason);
        call.changed(approve ? "RISK_LIMIT_APPROVED" : "RISK_LIMIT_REJECTED", target(outcome), reason,
            Map.of("changeId", id, "status", approve ? "PENDING_APPROVAL" : "PENDING_APPROVAL or SCHEDULED"),
            RiskJson.outcome(outcome));
        return Reply.ok(RiskJson.outcome(outcome));
    }

    private LimitView current(final LimitScope scope, final String key, final String symbol, final LimitName name) {
        try {
            return desk.get().limits().get(new LimitKey(scope, scope == LimitScope.FIRM ? LimitKey.ANY : key,
                scope == LimitScope.SYMBOL ? symbol : LimitKey.ANY, name));
        } catch (final RuntimeException ex) {
            return null;
        }
    }

    private static String target(final ChangeOutcome outcome) {
        final LimitKey key = outcome.change().key();
        return "limit " + key.scope() + " " + key.scopeKey() + " " + key.symbol() + " " + key.name() + " (change "
            + outcome.change().changeId() + ")";
    }
}
