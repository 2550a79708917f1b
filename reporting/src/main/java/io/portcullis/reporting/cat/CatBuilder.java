package io.portcullis.reporting.cat;

import java.nio.file.Path;
import java.util.ArrayList;
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

    /**
     * Where a build stands after a closed file: what a batch step saves in its execution context and continues from
     * in a new process ({@link #segment}). Immutable.
     *
     * @param position     the last document of the walk taken into account (its record, if any, is in a closed file)
     * @param nextSequence the next file's sequence number
     * @param documents    audit documents read so far
     * @param records      records written so far, all in closed files
     * @param byType       records per event type so far
     * @param problemCount documents so far that should have been reported but could not be linked
     * @param problems     the first of them, described
     * @param files        the files closed so far, in order
     * @param done         true when the day is finished (its last file closed, marked done for the day)
     */
    public record Checkpoint(CatReader.Position position, int nextSequence, long documents, long records,
                             Map<String, Long> byType, long problemCount, List<String> problems, List<CatFile> files,
                             boolean done) {
        /** Most problems kept in a checkpoint. */
        static final int MAX_PROBLEMS = 50;

        /** Copies the collections. */
        public Checkpoint {
            byType = Map.copyOf(byType);
            problems = List.copyOf(problems);
            files = List.copyOf(files);
        }

        /** @return the start of a day: nothing read, the first file next */
        public static Checkpoint start() {
            return new Checkpoint(CatReader.Position.START, 1, 0, 0, Map.of(), 0, List.of(), List.of(), false);
        }

        /** @return what the build did, as a {@link Result} */
        public Result result() {
            return new Result(files, documents, records, new TreeMap<>(byType), problemCount, problems, List.of(),
                position);
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
     * Builds the day's files from a checkpoint up to the next closed file: reads on after the checkpoint's position
     * and writes into the file of its next sequence number; stops when that file is full (closed, the record that
     * did not fit left for the next segment) or the day ends (last file closed done for the day). Segment after
     * segment gives the bytes of {@link #build}, whatever the process each segment runs in; a segment that dies
     * leaves at most one partial file without metadata, which the retried segment rewrites.
     *
     * @param day       the CAT trading day
     * @param directory where the files go
     * @param from      {@link Checkpoint#start()} or the checkpoint the last segment returned
     * @return the checkpoint after this segment ({@link Checkpoint#done()} at the end of the day)
     * @throws CatUnavailableException      when Elasticsearch cannot be read
     * @throws java.io.UncheckedIOException when a file cannot be written
     */
    public Checkpoint segment(final TradingDay day, final Path directory, final Checkpoint from) {
        return segment(day, directory, from, Progress.NONE);
    }

    /**
     * As {@link #segment(TradingDay, Path, Checkpoint)}, saying how far it got every {@link Progress#EVERY}
     * documents.
     *
     * @param progress told of the documents read and records written so far in the day
     */
    public Checkpoint segment(final TradingDay day, final Path directory, final Checkpoint from,
                              final Progress progress) {
        return segment(day, directory, from, progress, Progress.EVERY);
    }

    /** As above, reporting every {@code every} documents. */
    Checkpoint segment(final TradingDay day, final Path directory, final Checkpoint from, final Progress progress,
                       final long every) {
        if (from.done()) {
            throw new IllegalArgumentException("the day is already built");
        }
        return run(day, directory, from, null, configuration.group(), true, progress, every);
    }

    /** Told how far a long build got (a day of a million records takes a minute or two). */
    @FunctionalInterface
    public interface Progress {
        /** How many documents between two reports. */
        long EVERY = 50_000;
        /** Tells nobody. */
        Progress NONE = (documents, records) -> { };

        /**
         * @param documents audit documents read so far in the day
         * @param records   records written so far in the day
         */
        void at(long documents, long records);
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
    public Result rebuild(final TradingDay day, final Path directory, final CatFeedback feedback) {
        return run(day, directory, feedback, configuration.group() + "RPR");
    }

    private Result run(final TradingDay day, final Path directory, final CatFeedback feedback, final String group) {
        final Checkpoint end = run(day, directory, Checkpoint.start(), feedback, group, false, Progress.NONE,
            Progress.EVERY);
        final Result result = end.result();
        return new Result(result.files(), result.documents(), result.records(), result.byType(),
            result.problemCount(), result.problems(), feedback == null ? List.of() : feedback.missing(),
            result.position());
    }

    private Checkpoint run(final TradingDay day, final Path directory, final Checkpoint from,
                           final CatFeedback feedback, final String group, final boolean stopWhenFull,
                           final Progress progress, final long every) {
        final CatOrders orders = new CatOrders(es, configuration.alias(), configuration.orderCache());
        final CatEvents events = new CatEvents(configuration, accounts, orders);
        final Map<String, Long> byType = new TreeMap<>(from.byType());
        final int date = day.date().getYear() * 10_000 + day.date().getMonthValue() * 100
            + day.date().getDayOfMonth();
        long documents = from.documents();
        long records = from.records();
        try (CatReader reader = new CatReader(es, configuration.alias(), day, configuration.pageSize(),
                 from.position());
             CatFileWriter writer = new CatFileWriter(directory, configuration, date, group, from.nextSequence())) {
            CatReader.Position before = reader.position();
            for (CatReader.Document doc = reader.next(); doc != null; doc = reader.next()) {
                final ObjectNode built = events.map(doc.id(), doc.source());
                final ObjectNode record = built == null || feedback == null ? built : feedback.apply(built);
                if (record != null) {
                    final byte[] line = writer.encode(record);
                    if (stopWhenFull && writer.rollsOver(line)) {
                        writer.closeFull();
                        return checkpoint(from, before, writer, documents, records, byType, events, false);
                    }
                    writer.append(line);
                    records++;
                    byType.merge(record.path("type").asText(), 1L, Long::sum);
                }
                documents++;
                if (documents % every == 0) {
                    progress.at(documents, records);
                }
                before = reader.position();
            }
            writer.finish();
            return checkpoint(from, before, writer, documents, records, byType, events, true);
        }
    }

    private static Checkpoint checkpoint(final Checkpoint from, final CatReader.Position position,
                                         final CatFileWriter writer, final long documents, final long records,
                                         final Map<String, Long> byType, final CatEvents events, final boolean done) {
        final List<String> problems = new ArrayList<>(from.problems());
        for (final String problem : events.problems()) {
            if (problems.size() < Checkpoint.MAX_PROBLEMS) {
                problems.add(problem);
            }
        }
        final List<CatFile> files = new ArrayList<>(from.files());
        files.addAll(writer.files());
        return new Checkpoint(position, writer.nextSequence(), documents, records, byType,
            from.problemCount() + events.problemCount(), problems, files, done);
    }
}
