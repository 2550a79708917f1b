package io.portcullis.reporting.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import co.elastic.clients.json.JsonData;

/**
 * The names and templates of the audit indices of one prefix:
 * <ul>
 *   <li>{@code <prefix>-audit-YYYY.MM.DD}: daily indices, by the event's transact time (UTC), created by the first
 *       bulk that writes into them, with the mapping of template {@code <prefix>-audit}
 *       ({@code audit-template.json}: strict, explicit);</li>
 *   <li>{@code <prefix>-audit}: the alias over every daily index, for searches;</li>
 *   <li>{@code <prefix>-audit-offsets}: where the indexer keeps its resume position; its own template, of higher
 *       priority, keeps it out of the daily indices' template and alias (only the highest-priority template that
 *       matches an index applies).</li>
 * </ul>
 * Thread-safe; the templates are put with {@code create=false}, so a start-up replaces them with this version's, and
 * the daily indices that already exist (made by an earlier version: today's, and any day a replay may write into) get
 * this version's fields added to their mapping, so that an upgrade in the middle of a day does not stop the indexer
 * on a field the day's index does not know. A field never changes type between versions; if one did, Elasticsearch
 * would refuse the mapping and the start-up would fail naming it.
 */
final class AuditIndices {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC);

    private final String alias;
    private final int replicas;

    AuditIndices(final String prefix, final int replicas) {
        this.alias = prefix + "-audit";
        this.replicas = replicas;
    }

    /** The alias over every daily audit index. */
    String alias() {
        return alias;
    }

    /** The index holding the indexer's resume positions. */
    String offsetsIndex() {
        return alias + "-offsets";
    }

    /** The daily index of an event at {@code transactTime} (epoch nanos UTC). */
    String dailyIndex(final long transactTime) {
        return alias + "-" + DAY.format(Instant.ofEpochSecond(Math.floorDiv(transactTime, 1_000_000_000L)));
    }

    /** Puts both templates, then this version's mapping onto the daily indices that exist. */
    void putTemplates(final ElasticsearchClient client) throws IOException {
        try (InputStream daily = resource("audit-template.json");
             InputStream offsets = resource("audit-offsets-template.json")) {
            client.indices().putIndexTemplate(t -> t.name(alias).indexPatterns(alias + "-*").priority(100L)
                .template(m -> m.withJson(daily)
                    .settings(s -> s.numberOfShards("1").numberOfReplicas(Integer.toString(replicas))
                        .refreshInterval(r -> r.time("1s")).codec("best_compression"))
                    .aliases(alias, a -> a))
                .meta("owner", JsonData.of("portcullis audit indexer")));
            client.indices().putIndexTemplate(t -> t.name(offsetsIndex()).indexPatterns(offsetsIndex()).priority(200L)
                .template(m -> m.withJson(offsets)
                    .settings(s -> s.numberOfShards("1").numberOfReplicas(Integer.toString(replicas)))));
        }
        final List<String> existing = new ArrayList<>(client.indices().get(g -> g.index(alias + "-2*")
            .allowNoIndices(true).ignoreUnavailable(true)).result().keySet());
        if (!existing.isEmpty()) {
            final String mappings;
            try (InputStream daily = resource("audit-template.json")) {
                mappings = JSON.readTree(daily).path("mappings").toString();
            }
            client.indices().putMapping(p -> p.index(existing).withJson(new StringReader(mappings)));
        }
    }

    private static InputStream resource(final String name) {
        final InputStream in = AuditIndices.class.getResourceAsStream(name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("missing resource " + name + " next to "
                + AuditIndices.class.getName()));
        }
        return in;
    }
}
