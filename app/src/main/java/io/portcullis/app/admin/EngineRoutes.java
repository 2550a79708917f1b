package io.portcullis.app.admin;

import static io.portcullis.app.admin.Route.Method.POST;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Engine commands for the back office (roles BACK_OFFICE and OPERATIONS): {@code POST /api/engine/expire-day-orders}
 * expires every live DAY order through the engine at the trade-date close, so each broker receives its Expired
 * execution reports, and starts the new trading day's statistics. Journaled like any command; needs a
 * {@code reason}; audited.
 */
public final class EngineRoutes {
    /** What the node's engine does when asked. */
    @FunctionalInterface
    public interface DayOrderExpiry {
        /**
         * Submits {@code ExpireDayOrders} and waits until it is durable.
         *
         * @return the number of orders it expired and where it is in the journal
         */
        Expired expireDayOrders() throws InterruptedException;
    }

    /**
     * The outcome.
     *
     * @param orders        DAY orders expired
     * @param journalOffset where the command is in the journal
     */
    public record Expired(int orders, long journalOffset) {
    }

    private final DayOrderExpiry engine;

    EngineRoutes(final DayOrderExpiry engine) {
        this.engine = engine;
    }

    List<Route> routes() {
        final Access backOffice = Access.roles(Role.BACK_OFFICE, Role.OPERATIONS);
        return List.of(new Route(POST, "/api/engine/expire-day-orders", backOffice, this::expire));
    }

    private Reply expire(final Call call) throws Exception {
        call.onlyMembers("reason");
        final String reason = call.reason();
        final Expired expired = engine.expireDayOrders();
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("expiredOrders", expired.orders());
        body.put("journalOffset", expired.journalOffset());
        call.changed("ENGINE_EXPIRE_DAY_ORDERS", "engine", reason, null, body);
        return Reply.ok(body);
    }
}
