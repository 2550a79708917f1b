package io.portcullis.reporting.surveillance;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.portcullis.reporting.audit.JournalOrderWalk;

/**
 * Streams the EXECUTION_REPORT and POSITION documents of a period from the audit alias in journal order
 * (journalOffset, eventIndex), page by page through a point in time with {@code search_after}: memory is one page.
 * Restartable ({@link JournalOrderWalk}): when a page fails, a new point in time is opened and the walk goes on
 * strictly after the last document delivered (nothing twice, nothing skipped); it gives up after {@code retries}
 * failures in a row.
 *
 * <p>One thread; allocates per page.
 */
final class SurveillanceWalk {
    private static final List<String> EVENTS = List.of("EXECUTION_REPORT", "POSITION");

    private final JournalOrderWalk walk;

    /**
     * @param es       the client
     * @param alias    the audit alias
     * @param pageSize documents per page, 1..10000
     * @param retries  failed pages in a row tolerated
     */
    SurveillanceWalk(final ElasticsearchClient es, final String alias, final int pageSize, final int retries) {
        this.walk = new JournalOrderWalk(es, alias, pageSize, retries, "surveillance walk");
    }

    /**
     * Walks a period.
     *
     * @param from start, inclusive
     * @param to   end, exclusive
     * @param sink every document of the period in journal order
     * @return documents delivered; -1 when the alias does not exist
     * @throws IOException when Elasticsearch cannot be reached {@code retries + 1} times in a row
     */
    long walk(final Instant from, final Instant to, final Consumer<Doc> sink) throws IOException {
        return walk.walk(from, to, EVENTS, List.of(Doc.FIELDS), pit -> pit, source -> {
            final Doc doc = Doc.of(source);
            if (doc == null) {
                return false;
            }
            sink.accept(doc);
            return true;
        });
    }
}
