package io.portcullis.app.admin;

import static io.portcullis.app.admin.Route.Method.DELETE;
import static io.portcullis.app.admin.Route.Method.GET;
import static io.portcullis.app.admin.Route.Method.POST;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.portcullis.risk.desk.Committed;
import io.portcullis.risk.desk.KillSwitchView;
import io.portcullis.risk.desk.ListEntryView;
import io.portcullis.risk.desk.LocateView;
import io.portcullis.risk.desk.RiskDesk;
import io.portcullis.risk.model.KillScope;
import io.portcullis.risk.model.ListName;

/**
 * The risk desk's controls besides limits (role RISK_OFFICER only): restricted and hard-to-borrow lists, locates,
 * kill switches (engage and release apply at once), live exposure with utilisation of the credit limits, and recent
 * rejects. Every change names a {@code reason} and is audited with the state before and after.
 */
final class RiskControlRoutes {
    private static final String LIST = "/api/risk/lists/{list}";

    private final Supplier<RiskDesk> desk;

    /** @param desk the node's risk desk, looked up at each call */
    RiskControlRoutes(final Supplier<RiskDesk> desk) {
        this.desk = desk;
    }

    List<Route> routes() {
        final Access risk = Access.roles(Role.RISK_OFFICER);
        return List.of(
            new Route(GET, LIST, risk, RiskJson.refusals(call -> Reply.ok(Map.of("entries", desk.get().lists()
                .list(RiskJson.list(call), RiskJson.query(call, "account")).stream().map(RiskJson::listEntry)
                .toList())))),
            new Route(POST, LIST, risk, RiskJson.refusals(this::addToList)),
            new Route(DELETE, LIST + "/{account}/{symbol}", risk, RiskJson.refusals(this::removeFromList)),
            new Route(GET, "/api/risk/locates", risk, RiskJson.refusals(call -> Reply.ok(Map.of("locates",
                desk.get().locates().list(RiskJson.query(call, "account"),
                    "true".equalsIgnoreCase(RiskJson.query(call, "includeExpired")))
                    .stream().map(RiskJson::locate).toList())))),
            new Route(POST, "/api/risk/locates", risk, RiskJson.refusals(this::grantLocate)),
            new Route(GET, "/api/risk/kill-switches", risk, RiskJson.refusals(call -> Reply.ok(Map.of("killSwitches",
                desk.get().killSwitches().list("true".equalsIgnoreCase(RiskJson.query(call, "engaged")))
                    .stream().map(RiskJson::killSwitch).toList())))),
            new Route(POST, "/api/risk/kill-switches/engage", risk, RiskJson.refusals(call -> kill(call, true))),
            new Route(POST, "/api/risk/kill-switches/release", risk, RiskJson.refusals(call -> kill(call, false))),
            new Route(GET, "/api/risk/exposure", risk, RiskJson.refusals(call -> Reply.ok(Map.of("accounts",
                desk.get().exposure(RiskJson.query(call, "account")).stream().map(RiskJson::exposure).toList())))),
            new Route(GET, "/api/risk/rejects", risk, RiskJson.refusals(call -> Reply.ok(Map.of("rejects",
                desk.get().rejects(RiskJson.query(call, "account"), call.queryInt("limit", 100, 1, 1000)).stream()
                    .map(RiskJson::reject).toList())))));
    }

    private Reply addToList(final Call call) {
        call.onlyMembers("symbol", "account", "reason");
        final ListName list = RiskJson.list(call);
        final String symbol = call.text("symbol", 16);
        final String account = call.optionalText("account", 32);
        final String reason = call.reason();
        final Committed<ListEntryView> added = desk.get().lists().set(list, account, symbol, true, reason,
            call.principal().username());
        call.changed("RISK_LIST_ADDED", list + " " + added.state().scopeKey() + " " + symbol, reason, null,
            RiskJson.listEntry(added.state()));
        return Reply.created(withEngine(RiskJson.listEntry(added.state()), added.engineApplied()));
    }

    private Reply removeFromList(final Call call) {
        call.onlyMembers("reason");
        final ListName list = RiskJson.list(call);
        final String account = call.path("account");
        final String symbol = call.path("symbol");
        final String reason = call.reason();
        final Committed<ListEntryView> removed = desk.get().lists().set(list, account, symbol, false, reason,
            call.principal().username());
        call.changed("RISK_LIST_REMOVED", list + " " + removed.state().scopeKey() + " " + symbol, reason,
            Map.of("present", true), RiskJson.listEntry(removed.state()));
        return Reply.ok(withEngine(RiskJson.listEntry(removed.state()), removed.engineApplied()));
    }

    private Reply grantLocate(final Call call) {
        call.onlyMembers("locateId", "account", "symbol", "quantity", "expiresOn", "reason");
        final String locateId = call.optionalText("locateId", 40);
        final String account = call.text("account", 32);
        final String symbol = call.text("symbol", 16);
        final long quantity = RiskJson.whole(call, "quantity", 1, Long.MAX_VALUE);
        final String reason = call.reason();
        final Committed<LocateView> granted = desk.get().locates().grant(locateId, account, symbol, quantity,
            RiskJson.date(call, "expiresOn"), reason, call.principal().username());
        call.changed("RISK_LOCATE_GRANTED", "locate " + granted.state().locateId(), reason, null,
            RiskJson.locate(granted.state()));
        return Reply.created(withEngine(RiskJson.locate(granted.state()), granted.engineApplied()));
    }

    private Reply kill(final Call call, final boolean engage) {
        call.onlyMembers("scope", "key", "reason");
        final KillScope scope = RiskJson.enumMember(call, "scope", KillScope.class, true);
        final String key = call.optionalText("key", 128);
        final String reason = call.reason();
        final Committed<KillSwitchView> changed = desk.get().killSwitches().set(scope, key, engage, reason,
            call.principal().username());
        call.changed(engage ? "RISK_KILL_SWITCH_ENGAGED" : "RISK_KILL_SWITCH_RELEASED",
            "kill switch " + scope + " " + changed.state().key(), reason, Map.of("engaged", !engage),
            RiskJson.killSwitch(changed.state()));
        return Reply.ok(withEngine(RiskJson.killSwitch(changed.state()), changed.engineApplied()));
    }

    private static Map<String, Object> withEngine(final Map<String, Object> body, final boolean engineApplied) {
        body.put("engineApplied", engineApplied);
        return body;
    }
}
