package io.portcullis.reporting.cat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portcullis.reporting.reconcile.TradingDay;

/**
 * Builds a CAT trading day's order event files: {@link CatReader} (audit documents in journal order) ->
 * {@link CatEvents} (CAT records) -> optionally {@link CatFeedback} (only the records to repair or correct, marked)
 * -> {@link CatFileWriter} (split bzip2 JSON Lines files with metadata). Streaming: memory is one page of documents,
 * the order cache and one compressor block, whatever the day's size.
 *
 * <p>Restart: {@link CatReader} exposes its position (the sort key of the last document read) and resumes from it in
 * a new process; a batch step that saves it each time a file is closed restarts at the next document and the next
 * file sequence number. {@link #build} itself always walks the whole day, which is what makes reruns
 * byte-identical.
 *
 * <p>Not thread-safe: one build at a time per instance.
 */
public final class CatBuilder {
    /**
     * What a build did.
     *
     * @param files        the data files written, in order (empty when the day had nothing to report)
     * @param documents    audit documents read
     * @param records      CAT records written
     * @param byType       records per event type, by type name
     * @param problemCount documents that should have been reported but could not be linked
     * @param problems     the first of them, described
     * @param missing      firmROEIDs a feedback file listed that no record of the day had
     * @param position     where the reader stopped (the last document read)
     */
    public record Result(List<CatFile> files, long documents, long records, Map<String, Long> byType,
                         long problemCount, List<String> problems, List<String> missing,
                         CatReader.Position position) {
        /** @return true when every document was reported and every feedback entry found */
        public boolean clean() {
            return problemCount == 0 && missing.isEmpty();
        }
    }

    private final ElasticsearchClient es;
    private final CatConfiguration configuration;
    private final CatAccounts accounts;

    /**
     * @param es            the client (its mapper must ignore unknown properties)
     * @param configuration names, limits and the audit alias
     * @param accounts      the account directory
     */
    public CatBuilder(final ElasticsearchClient es, final CatConfiguration configuration, final CatAccounts accounts) {
        this.es = es;
        this.configuration = configuration;
        this.accounts = accounts;
    }

    /**
     * Builds the day's files.
     *
     * @param day       the CAT trading day
     * @param directory where the files go
     * @return what was done
     * @throws CatUnavailableException        when Elasticsearch cannot be read
     * @throws java.io.UncheckedIOException   when a file cannot be written
     */
    public Result build(final TradingDay day, final Path directory) {
        return run(day, directory, null, configuration.group());
    }

    /**
     * Builds only the records a feedback file lists, marked as repairs or corrections, into files of the group
     * {@code <group>RPR} (so that they never overwrite the day's first submission).
     *
     * @param day      the CAT trading day the records belong to
     * @param feedback the parsed feedback file
     * @return what was done; {@link Result#missing()} names listed records the day does not have
     */
    Result rebuild(final TradingDay day, final Path directory, final CatFeedback feedback) {
        return run(day, directory, feedback, configuration.group() + "RPR");
    }

    private Result run(final TradingDay day, final Path directory, final CatFeedback feedback, final String group) {
        final CatOrders orders = new CatOrders(es, configuration.alias(), configuration.orderCache());
        final CatEvents events = new CatEvents(configuration, accounts, orders);
        final Map<String, Long> byType = new TreeMap<>();
        final int date = day.date().getYear() * 10_000 + day.date().getMonthValue() * 100
            + day.date().getDayOfMonth();
        long documents = 0;
        long records = 0;
        try (CatReader reader = new CatReader(es, configuration.alias(), day, configuration.pageSize(),
                 CatReader.Position.START);
             CatFileWriter writer = new CatFileWriter(directory, configuration, date, group, 1)) {
            for (CatReader.Document doc = reader.next(); doc != null; doc = reader.next()) {
                documents++;
                final ObjectNode built = events.map(doc.id(), doc.source());
                final ObjectNode record = built == null || feedback == null ? built : feedback.apply(built);
                if (record != null) {
                    writer.write(record);
                    records++;
                    byType.merge(record.path("type").asText(), 1L, Long::sum);
                }
            }
            return new Result(writer.finish(), documents, records, byType, events.problemCount(),
                List.copyOf(events.problems()), feedback == null ? List.of() : feedback.missing(),
                reader.position());
        }
    }
}
