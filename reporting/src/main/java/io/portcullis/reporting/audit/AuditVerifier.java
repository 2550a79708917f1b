package io.portcullis.reporting.audit;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeSet;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Re-walks one stream's hash chain and names the first record that does not match. Three sources are compared:
 * <ol>
 *   <li>Kafka: the stream's records are turned into documents again by the indexer's own code, and linked into a
 *       chain from a checkpoint, so the expected content and hash of every document is known without trusting the
 *       index;</li>
 *   <li>the checkpoints in MySQL: each one passed must carry the hash the rebuilt chain has at its sequence (a
 *       rewritten Kafka topic, or a chain rewritten in the index, does not);</li>
 *   <li>the audit index: every document of the period, in chain order, must be there once, with exactly the
 *       rebuilt content and chain fields (an edited, deleted, added or re-hashed document does not).</li>
 * </ol>
 * The walk starts at the last checkpoint before {@code from} (or at the chain's start) and ends at {@code to} or at
 * the indexer's stored position, whichever comes first: what is not indexed yet is not a mismatch. Documents before
 * {@code from} are rebuilt (the chain needs them) but not compared.
 *
 * <p><b>Documents of an earlier format</b> ({@link AuditDocument#FORMAT}: written by a version whose rules gave other
 * documents for the same record) cannot be rebuilt from Kafka by this version. They come first in the chain (the
 * format only rises), and are checked as a chain: each one's hash must follow from its own content and the previous
 * hash, the sequence must have no gap or repeat, and every MySQL checkpoint among them must carry its hash. The
 * rebuild from Kafka then starts after the journal offset of the last of them, from its hash: an upgrade does not
 * look like tampering, and documents of the current format are compared in full.
 *
 * <p>Single use per call; not thread-safe.
 */
public final class AuditVerifier {
    private static final int PAGE = 2_000;

    private final AuditIndexerConfiguration configuration;
    private final ElasticsearchClient client;
    private final AuditCheckpoints checkpoints;
    private final AuditIndices indices;

    /** What a verification found. */
    public enum MismatchKind {
        /** A document of the chain is not in the index (deleted). */
        MISSING,
        /** The index holds a document whose content differs from what its Kafka record gives (edited). */
        ALTERED,
        /** The document's content matches but its chain fields do not (the chain was edited). */
        CHAIN,
        /** The index holds a chain sequence twice, or one that Kafka does not give (inserted). */
        UNEXPECTED,
        /** A checkpoint in MySQL does not carry the hash the chain rebuilt from Kafka has there. */
        CHECKPOINT
    }

    /**
     * The first mismatch.
     *
     * @param kind         what is wrong
     * @param documentId   the document's id ({@code <topic>-<partition>-<offset>-<eventIndex>})
     * @param chainSeq     its chain sequence
     * @param transactTime its time, as in the document
     * @param detail       a sentence for the operator
     */
    public record Mismatch(MismatchKind kind, String documentId, long chainSeq, String transactTime, String detail) {
    }

    /**
     * The outcome.
     *
     * @param stream              the topic whose chain was walked
     * @param startSeq            the first chain sequence rebuilt
     * @param endSeq              one past the last chain sequence rebuilt
     * @param documentsCompared   index documents compared with their rebuilt selves
     * @param checkpointsCompared MySQL checkpoints compared
     * @param recordsRead         Kafka records read
     * @param mismatch            the first mismatch, or null when everything matches
     * @param chainOnly           of the documents compared, those of an earlier format, checked by their chain links
     *                            and checkpoints only (not rebuilt from Kafka)
     */
    public record Result(String stream, long startSeq, long endSeq, long documentsCompared, long checkpointsCompared,
                         long recordsRead, Mismatch mismatch, long chainOnly) {
        /** Whether the period verified clean. */
        public boolean ok() {
            return mismatch == null;
        }
    }

    /** Told of progress every few thousand documents. */
    @FunctionalInterface
    public interface Progress {
        /** @param chainSeq the sequence reached; {@code endSeq} the last one to reach */
        void at(long chainSeq, long endSeq);
    }

    /**
     * @param configuration the stream and the indices, as the indexer was configured
     * @param client        Elasticsearch
     * @param checkpoints   the checkpoints in MySQL
     */
    public AuditVerifier(final AuditIndexerConfiguration configuration, final ElasticsearchClient client,
                         final AuditCheckpoints checkpoints) {
        this.configuration = configuration;
        this.client = client;
        this.checkpoints = checkpoints;
        this.indices = new AuditIndices(configuration.indexPrefix(), configuration.replicas());
    }

    /**
     * Verifies the documents with transact times in [{@code from}, {@code to}].
     *
     * @param from     start of the period, or null for the chain's start
     * @param to       end of the period, or null for the indexer's position
     * @param progress told of progress
     * @throws IOException when Elasticsearch cannot be read
     */
    public Result verify(final Instant from, final Instant to, final Progress progress) throws IOException {
        final String topic = configuration.topic();
        final AuditCheckpoints.Checkpoint start = from == null ? null
            : checkpoints.lastBefore(topic, from).orElse(null);
        final long startSeq = start == null ? 0 : start.chainSeq() + 1;
        final long startOffset = start == null ? 0 : start.nextOffset();
        final HashChain chain = new HashChain(topic, startSeq, start == null ? HashChain.GENESIS : start.chainHash());
        final AuditIndexer.StoredOffset position = indexedPosition(topic);
        final long endOffset = position == null ? 0 : position.nextOffset();
        final long endSeq = position == null ? 0 : position.chainSeq();
        if (endSeq <= startSeq) {
            return new Result(topic, startSeq, startSeq, 0, 0, 0, null, 0);
        }
        final Deque<AuditCheckpoints.Checkpoint> marks = new ArrayDeque<>(checkpoints.between(topic, startSeq,
            endSeq - 1));
        final IndexWalk index = new IndexWalk(topic, startSeq, endSeq);
        final Legacy legacy;
        try {
            legacy = index.legacy(start == null ? HashChain.GENESIS : start.chainHash(), startSeq, marks, from, to);
        } catch (final IOException | RuntimeException ex) {
            index.close();
            throw ex;
        }
        if (legacy.mismatch() != null || legacy.reachedTo() || legacy.nextSeq() >= endSeq) {
            index.close();
            return new Result(topic, startSeq, legacy.nextSeq(), legacy.compared(), legacy.checkpoints(), 0,
                legacy.mismatch(), legacy.compared());
        }
        final HashChain resumed = legacy.nextSeq() == startSeq ? chain
            : new HashChain(topic, legacy.nextSeq(), legacy.lastHash());
        final long firstOffset = legacy.nextSeq() == startSeq ? startOffset
            : legacy.nextOffset() >= 0 ? legacy.nextOffset() : legacy.lastOffset() + 1;
        final AuditSource rebuilt = configuration.stream().create(indices, resumed);
        long compared = legacy.compared();
        long checkpointsCompared = legacy.checkpoints();
        final long chainOnly = legacy.compared();
        long records = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(),
            new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            final TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            final long logStart = consumer.beginningOffsets(List.of(partition)).get(partition);
            if (logStart > firstOffset) {
                throw new IllegalStateException("Kafka no longer holds " + topic + " from offset " + firstOffset
                    + " (the log starts at " + logStart + "); verify a later period (--from)");
            }
            consumer.seek(partition, firstOffset);
            long offset = firstOffset;
            while (offset < endOffset) {
                final var batch = consumer.poll(Duration.ofMillis(500));
                for (final ConsumerRecord<byte[], byte[]> record : batch) {
                    if (record.offset() >= endOffset) {
                        break;
                    }
                    offset = record.offset() + 1;
                    records++;
                    rebuilt.add(record.topic(), record.partition(), record.offset(), record.timestamp(),
                        record.value());
                    for (final AuditDocument expected : rebuilt.documents()) {
                        final Map<String, Object> doc = expected.source();
                        final long seq = ((Number) doc.get(HashChain.SEQ)).longValue();
                        final Instant time = Instant.parse((String) doc.get("transactTime"));
                        if (to != null && time.isAfter(to)) {
                            return new Result(topic, startSeq, seq, compared, checkpointsCompared, records,
                                null, chainOnly);
                        }
                        while (!marks.isEmpty() && marks.peekFirst().chainSeq() < seq) {
                            marks.removeFirst(); // a checkpoint of a sequence Kafka gives no document for: none
                        }
                        if (!marks.isEmpty() && marks.peekFirst().chainSeq() == seq) {
                            final AuditCheckpoints.Checkpoint mark = marks.removeFirst();
                            checkpointsCompared++;
                            if (!mark.chainHash().equals(doc.get(HashChain.HASH))) {
                                return new Result(topic, startSeq, seq, compared, checkpointsCompared, records,
                                    new Mismatch(MismatchKind.CHECKPOINT, expected.id(), seq,
                                        (String) doc.get("transactTime"), "the checkpoint in MySQL at chain sequence "
                                        + seq + " has hash " + mark.chainHash() + " but the chain rebuilt from "
                                        + "Kafka has " + doc.get(HashChain.HASH)), chainOnly);
                            }
                        }
                        final boolean inPeriod = from == null || !time.isBefore(from);
                        final Mismatch mismatch = index.check(expected, seq, inPeriod);
                        if (mismatch != null) {
                            return new Result(topic, startSeq, seq, compared, checkpointsCompared, records,
                                mismatch, chainOnly);
                        }
                        if (inPeriod) {
                            compared++;
                        }
                        if (seq % 10_000 == 0) {
                            progress.at(seq, endSeq);
                        }
                    }
                    rebuilt.clear();
                }
                if (batch.isEmpty() && consumer.position(partition) >= consumer.endOffsets(List.of(partition))
                    .get(partition)) {
                    break; // the indexer's position is past the end of the topic: nothing more to rebuild
                }
            }
            final Mismatch extra = index.remaining(resumed.nextSeq());
            return new Result(topic, startSeq, resumed.nextSeq(), compared, checkpointsCompared, records, extra,
                chainOnly);
        } finally {
            index.close();
        }
    }

    private AuditIndexer.StoredOffset indexedPosition(final String topic) throws IOException {
        try {
            final GetResponse<AuditIndexer.StoredOffset> got = client.get(g -> g.index(indices.offsetsIndex())
                .id(topic + "-0"), AuditIndexer.StoredOffset.class);
            return got.found() ? got.source() : null;
        } catch (final co.elastic.clients.elasticsearch._types.ElasticsearchException ex) {
            if (ex.status() == 404) {
                return null;
            }
            throw ex;
        }
    }

    private Properties consumerProperties() {
        final Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, configuration.bootstrap());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "audit-verify-" + configuration.topic());
        return props;
    }

    /**
     * The documents of an earlier format at the start of the walk, checked as a chain.
     *
     * @param nextSeq     the sequence after the last of them ({@code startSeq} when there were none)
     * @param lastHash    the hash of the last of them
     * @param lastOffset  the journal offset of the last of them
     * @param nextOffset  the journal offset of the first document of the current format after them, or -1 (records
     *                    between the two gave no document under the earlier rules, whatever this version's give)
     * @param compared    how many were checked within the period
     * @param checkpoints MySQL checkpoints compared among them
     * @param reachedTo   the period's end came before the first document of the current format
     * @param mismatch    the first mismatch among them, or null
     */
    private record Legacy(long nextSeq, String lastHash, long lastOffset, long nextOffset, long compared,
                          long checkpoints, boolean reachedTo, Mismatch mismatch) {
    }

    /** The index side: the stream's documents in chain order, a page at a time over a point in time. */
    private final class IndexWalk {
        private final String topic;
        private final long endSeq;
        private String pit;
        private final Deque<Hit<Map<String, Object>>> page = new ArrayDeque<>();
        private List<FieldValue> after;
        private boolean exhausted;

        IndexWalk(final String topic, final long startSeq, final long endSeq) throws IOException {
            this.topic = topic;
            this.endSeq = endSeq;
            this.pit = client.openPointInTime(p -> p.index(indices.alias()).keepAlive(k -> k.time("5m"))
                .ignoreUnavailable(true)).id();
            this.after = List.of(FieldValue.of(startSeq - 1));
        }

        /**
         * Walks the documents of an earlier format at the head of the walk as a chain (see the class comment),
         * consuming the checkpoints among them from {@code marks}.
         */
        Legacy legacy(final String startHash, final long startSeq, final Deque<AuditCheckpoints.Checkpoint> marks,
                      final Instant from, final Instant to) throws IOException {
            final HashChain hasher = new HashChain(topic, startSeq, startHash);
            String prev = startHash;
            long seq = startSeq;
            long lastOffset = -1;
            long compared = 0;
            long checkpointsCompared = 0;
            for (Hit<Map<String, Object>> hit = peek(); hit != null
                && AuditDocument.formatOf(hit.source()) != AuditDocument.FORMAT; hit = peek()) {
                final Map<String, Object> doc = hit.source();
                final Instant time = Instant.parse(String.valueOf(doc.get("transactTime")));
                if (to != null && time.isAfter(to)) {
                    return new Legacy(seq, prev, lastOffset, -1, compared, checkpointsCompared, true, null);
                }
                if (seqOf(hit) != seq) {
                    return new Legacy(seq, prev, lastOffset, -1, compared, checkpointsCompared, false, seqOf(hit) > seq
                        ? mismatch(MismatchKind.MISSING, hit, "chain sequence " + seq + " is not in the index: the "
                            + "next document of format " + AuditDocument.formatOf(doc) + " is " + hit.id()
                            + " at sequence " + seqOf(hit) + " (deleted)")
                        : mismatch(MismatchKind.UNEXPECTED, hit, "the index holds chain sequence " + seqOf(hit)
                            + " twice (" + hit.id() + ")"));
                }
                if (!prev.equals(doc.get(HashChain.PREV))) {
                    return new Legacy(seq, prev, lastOffset, -1, compared, checkpointsCompared, false,
                        mismatch(MismatchKind.CHAIN, hit, "document " + hit.id() + " (chain sequence " + seq
                            + ") has chainPrev " + doc.get(HashChain.PREV) + " where the chain has " + prev));
                }
                final String hash = hasher.hash(prev, doc);
                if (!hash.equals(doc.get(HashChain.HASH))) {
                    return new Legacy(seq, prev, lastOffset, -1, compared, checkpointsCompared, false,
                        mismatch(MismatchKind.ALTERED, hit, "document " + hit.id() + " (chain sequence " + seq
                            + ", format " + AuditDocument.formatOf(doc) + ", written by an earlier version) does "
                            + "not give its own chainHash: its content was changed after it was indexed"));
                }
                while (!marks.isEmpty() && marks.peekFirst().chainSeq() < seq) {
                    marks.removeFirst();
                }
                if (!marks.isEmpty() && marks.peekFirst().chainSeq() == seq) {
                    final AuditCheckpoints.Checkpoint mark = marks.removeFirst();
                    checkpointsCompared++;
                    if (!mark.chainHash().equals(hash)) {
                        return new Legacy(seq, prev, lastOffset, -1, compared, checkpointsCompared, false,
                            mismatch(MismatchKind.CHECKPOINT, hit, "the checkpoint in MySQL at chain sequence " + seq
                                + " has hash " + mark.chainHash() + " but the index's chain has " + hash));
                    }
                }
                page.removeFirst();
                if (from == null || !time.isBefore(from)) {
                    compared++;
                }
                prev = hash;
                lastOffset = ((Number) doc.get("journalOffset")).longValue();
                seq++;
            }
            final Hit<Map<String, Object>> next = peek();
            return new Legacy(seq, prev, lastOffset, next == null ? -1
                : ((Number) next.source().get("journalOffset")).longValue(), compared, checkpointsCompared, false,
                null);
        }

        /** Compares the next index document(s) with {@code expected}; null when they match. */
        Mismatch check(final AuditDocument expected, final long seq, final boolean compare) throws IOException {
            final Hit<Map<String, Object>> hit = peek();
            if (hit != null && seqOf(hit) < seq) {
                // A sequence below the expected one is either one already matched (a duplicate) or one Kafka
                // does not give.
                return mismatch(MismatchKind.UNEXPECTED, hit, "the index holds " + hit.id() + " at chain sequence "
                    + seqOf(hit) + ", which the chain rebuilt from Kafka does not have there (inserted or "
                    + "duplicated)");
            }
            if (hit == null || seqOf(hit) > seq) {
                if (!compare) {
                    return null;
                }
                return new Mismatch(MismatchKind.MISSING, expected.id(), seq,
                    (String) expected.source().get("transactTime"), "document " + expected.id()
                    + " (chain sequence " + seq + ") is not in the index: deleted, or never indexed");
            }
            page.removeFirst();
            if (!compare) {
                return null;
            }
            final Map<String, Object> actual = hit.source();
            if (!expected.id().equals(hit.id())) {
                return mismatch(MismatchKind.UNEXPECTED, hit, "chain sequence " + seq + " is document " + hit.id()
                    + " in the index but " + expected.id() + " in Kafka");
            }
            final byte[] want = HashChain.canonical(expected.source());
            final byte[] have = HashChain.canonical(actual);
            if (!java.util.Arrays.equals(want, have)) {
                return mismatch(MismatchKind.ALTERED, hit, "document " + hit.id() + " (chain sequence " + seq
                    + ") differs from its Kafka record: " + difference(expected.source(), actual));
            }
            for (final String field : List.of(HashChain.STREAM, HashChain.SEQ, HashChain.PREV, HashChain.HASH)) {
                if (!Objects.equals(String.valueOf(expected.source().get(field)), String.valueOf(actual.get(field)))) {
                    return mismatch(MismatchKind.CHAIN, hit, "document " + hit.id() + " (chain sequence " + seq
                        + ") has " + field + " " + actual.get(field) + " where the chain has "
                        + expected.source().get(field));
                }
            }
            return null;
        }

        /** After the last expected document: anything left in the index below the end is unexpected. */
        Mismatch remaining(final long rebuiltEnd) throws IOException {
            final Hit<Map<String, Object>> hit = peek();
            if (hit != null && seqOf(hit) < endSeq) {
                return mismatch(MismatchKind.UNEXPECTED, hit, "the index holds " + hit.id() + " at chain sequence "
                    + seqOf(hit) + ", beyond the " + rebuiltEnd + " documents Kafka gives");
            }
            return null;
        }

        private Mismatch mismatch(final MismatchKind kind, final Hit<Map<String, Object>> hit, final String detail) {
            final Object time = hit.source() == null ? null : hit.source().get("transactTime");
            return new Mismatch(kind, hit.id(), seqOf(hit), time == null ? null : time.toString(), detail);
        }

        private Hit<Map<String, Object>> peek() throws IOException {
            if (page.isEmpty() && !exhausted) {
                fetch();
            }
            return page.peekFirst();
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private void fetch() throws IOException {
            final List<FieldValue> searchAfter = after;
            final String pitId = pit;
            final SearchResponse<Map> response = client.search(s -> s
                .pit(p -> p.id(pitId).keepAlive(k -> k.time("5m")))
                .size(PAGE)
                .query(q -> q.bool(b -> b
                    .filter(f -> f.term(t -> t.field(HashChain.STREAM).value(topic)))
                    .filter(f -> f.range(r -> r.number(n -> n.field(HashChain.SEQ).lt((double) endSeq))))))
                .sort(o -> o.field(f -> f.field(HashChain.SEQ).order(SortOrder.Asc)))
                .searchAfter(searchAfter), Map.class);
            if (response.pitId() != null) {
                pit = response.pitId();
            }
            final List<Hit<Map>> hits = response.hits().hits();
            if (hits.isEmpty()) {
                exhausted = true;
                return;
            }
            for (final Hit<Map> hit : hits) {
                page.addLast((Hit<Map<String, Object>>) (Hit) hit);
            }
            after = hits.getLast().sort();
        }

        private long seqOf(final Hit<Map<String, Object>> hit) {
            return ((Number) hit.source().get(HashChain.SEQ)).longValue();
        }

        void close() {
            try {
                client.closePointInTime(c -> c.id(pit));
            } catch (final IOException | RuntimeException ex) {
                // the point in time expires on its own
            }
        }
    }

    /** The first field whose value differs, for the operator. */
    static String difference(final Map<String, Object> expected, final Map<String, Object> actual) {
        final TreeSet<String> fields = new TreeSet<>(expected.keySet());
        fields.addAll(actual.keySet());
        final List<String> differing = new ArrayList<>();
        for (final Iterator<String> it = fields.iterator(); it.hasNext() && differing.size() < 3; ) {
            final String field = it.next();
            final Object want = expected.get(field);
            final Object have = actual.get(field);
            if (want == null && have != null) {
                differing.add(field + " present in the index only");
            } else if (want != null && have == null) {
                differing.add(field + " missing from the index");
            } else if (want != null && !Objects.equals(String.valueOf(want), String.valueOf(have))) {
                differing.add(field + " is " + abbreviate(have) + ", Kafka gives " + abbreviate(want));
            }
        }
        return differing.isEmpty() ? "field types differ" : String.join("; ", differing);
    }

    private static String abbreviate(final Object value) {
        final String text = String.valueOf(value);
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
