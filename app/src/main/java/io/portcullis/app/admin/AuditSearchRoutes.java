package io.portcullis.app.admin;

import static io.portcullis.app.admin.Route.Method.GET;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.portcullis.app.admin.account.Principal;
import io.portcullis.reporting.search.AuditSearch;
import io.portcullis.reporting.search.CsvExport;
import io.portcullis.reporting.search.InvalidSearch;
import io.portcullis.reporting.search.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trade-history search over the Elasticsearch audit index (roles COMPLIANCE and OPERATIONS), read-only:
 * orders in their latest state, executions, volume and notional by symbol, account or hour, CSV exports streamed
 * page by page, and the lineage of one order. Parameters are query parameters; every bad one is a 400 naming it
 * (see {@link AuditSearch} for the filters and their semantics).
 */
final class AuditSearchRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(AuditSearchRoutes.class);
    private static final String CSV = "text/csv; charset=utf-8";

    private final Supplier<AuditSearch> search;

    /** @param search the search, looked up at each call */
    AuditSearchRoutes(final Supplier<AuditSearch> search) {
        this.search = search;
    }

    List<Route> routes() {
        final Access readers = Access.roles(Role.COMPLIANCE, Role.OPERATIONS);
        // A broker firm's viewer searches its own firm's orders and executions (query() scopes it); the lineage of
        // an order is found by its ids, across firms, so it stays with the staff.
        final Access firmReaders = Access.roles(Role.COMPLIANCE, Role.OPERATIONS, Role.BROKER_VIEWER);
        return List.of(
            new Route(GET, "/api/audit/orders", firmReaders, call -> searched(() -> page("orders",
                search.get().orders(query(call))))),
            new Route(GET, "/api/audit/orders/export", firmReaders, call -> searched(() -> csv(call,
                search.get().exportOrders(query(call))))),
            new Route(GET, "/api/audit/executions", firmReaders, call -> searched(() -> page("executions",
                search.get().executions(query(call))))),
            new Route(GET, "/api/audit/executions/export", firmReaders, call -> searched(() -> csv(call,
                search.get().exportExecutions(query(call))))),
            new Route(GET, "/api/audit/aggregations", firmReaders, call -> searched(() -> Reply.ok(
                search.get().volumes(query(call))))),
            new Route(GET, "/api/audit/lineage", readers, call -> searched(() -> Reply.ok(
                search.get().lineage(query(call))))));
    }

    /**
     * The search parameters of a call. A caller who is only a broker firm's viewer searches its firm's accounts:
     * {@code brokerFirm} is set to its firm, and naming another firm is refused.
     */
    private static Map<String, List<String>> query(final Call call) {
        final Map<String, List<String>> asked = call.context().queryParamMap();
        final Principal principal = call.principal();
        if (principal.roles().contains(Role.COMPLIANCE) || principal.roles().contains(Role.OPERATIONS)) {
            return asked;
        }
        if (principal.firm() == null) {
            throw ApiProblem.noFirm();
        }
        final List<String> firm = asked.get("brokerFirm");
        if (firm != null && !firm.equals(List.of(principal.firm()))) {
            throw ApiProblem.outsideFirm("you see the accounts of broker firm " + principal.firm() + " only, not "
                + String.join(", ", firm));
        }
        final Map<String, List<String>> scoped = new LinkedHashMap<>(asked);
        scoped.put("brokerFirm", List.of(principal.firm()));
        return scoped;
    }

    private static Reply page(final String name, final Page page) {
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put(name, page.rows());
        body.put("next", page.next());
        return Reply.ok(body);
    }

    private static Reply csv(final Call call, final CsvExport export) {
        call.context().header("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"");
        return Reply.streamed(CSV, export::writeTo);
    }

    /** A search step that may refuse a parameter or fail to reach Elasticsearch. */
    @FunctionalInterface
    private interface Search {
        Reply run() throws IOException;
    }

    private static Reply searched(final Search search) {
        try {
            return search.run();
        } catch (final InvalidSearch ex) {
            throw ApiProblem.badRequest(ex.parameter(), ex.reason());
        } catch (final IOException | ElasticsearchException ex) {
            LOG.error("audit search failed", ex);
            throw ApiProblem.internal("the audit index (Elasticsearch) did not answer or refused the search: "
                + ex.getClass().getSimpleName() + "; see the gateway log");
        }
    }
}
