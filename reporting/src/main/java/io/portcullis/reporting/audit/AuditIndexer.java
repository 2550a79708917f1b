package io.portcullis.reporting.audit;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import org.apache.http.HttpHost;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes the engine journal into Elasticsearch as the audit trail: every audited event of every journal record
 * becomes one document (see {@link AuditDocuments}) with the id {@code <topic>-<partition>-<offset>-<eventIndex>},
 * written with {@code op_type=create}, so a replayed record writes nothing twice.
 *
 * <p>Reads partition 0 of the journal (read_committed, no consumer group: positions are the indexer's own). After
 * every poll's documents are in Elasticsearch it stores the next offset in {@code <prefix>-audit-offsets}, next to
 * the data it describes (an index restored from a snapshot brings its position with it); a restart resumes there,
 * and the overlap since the last stored position is absorbed by create-by-id. While Elasticsearch is unreachable or
 * overloaded it retries with backoff and reads nothing more from Kafka: nothing is dropped, memory stays bounded by
 * one poll. A document Elasticsearch refuses for good stops the indexer ({@link #failure()}) without storing a
 * position past it.
 *
 * <p>Runs on its own thread ({@link #start()}); the accessors may be read from any thread.
 */
public final class AuditIndexer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditIndexer.class);
    /** A checkpoint at least this often while documents arrive, whatever {@code audit.checkpoint-every} says. */
    private static final long CHECKPOINT_INTERVAL_NANOS = 60_000_000_000L;

    private final AuditIndexerConfiguration configuration;
    private final AuditIndices indices;
    private final AuditCheckpoints checkpoints;
    private final AtomicLong nextOffset = new AtomicLong(-1);
    private final AtomicLong endOffset = new AtomicLong();
    private final AtomicLong created = new AtomicLong();
    private final AtomicLong alreadyIndexed = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private volatile boolean running;
    // Writer stage only (then read by the indexer thread after it has stopped): what is written, the last
    // checkpoint taken.
    private volatile long writtenSeq;
    private volatile String writtenHash;
    private long checkpointedSeq;
    private long checkpointedAt;
    private volatile String lastIndexedTime;
    private volatile Exception failure;
    private Thread thread;
    private RestClient restClient;
    private KafkaConsumer<byte[], byte[]> consumer;
    private KafkaConsumer<byte[], byte[]> endConsumer;
    private long endCheckedAt;

    /** An indexer that keeps no checkpoints (tests of indexing alone). */
    public AuditIndexer(final AuditIndexerConfiguration configuration) {
        this(configuration, null);
    }

    /**
     * @param configuration where to read and write
     * @param checkpoints   where the hash chain's checkpoints go, or null for none
     */
    public AuditIndexer(final AuditIndexerConfiguration configuration, final AuditCheckpoints checkpoints) {
        this.configuration = configuration;
        this.indices = new AuditIndices(configuration.indexPrefix(), configuration.replicas());
        this.checkpoints = checkpoints;
    }

    /** Starts the indexer thread; templates are put (and the stored position read) once Elasticsearch answers. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        LOG.info("{}", configuration.describe());
        restClient = RestClient.builder(HttpHost.create(configuration.elasticsearchUrl())).build();
        consumer = new KafkaConsumer<>(consumerProperties(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        thread = new Thread(this::run, "audit-indexer-" + configuration.stream().name().toLowerCase(
            java.util.Locale.ROOT));
        thread.setDaemon(true);
        thread.start();
    }

    private Properties consumerProperties() {
        final Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, configuration.bootstrap());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(configuration.maxPollRecords()));
        // Larger, fewer bulks: the audit trail is asynchronous, and each bulk fsyncs Elasticsearch's translog on the
        // disk the journal shares.
        props.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "262144");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "audit-indexer-" + configuration.topic());
        return props;
    }

    private void run() {
        final TopicPartition partition = new TopicPartition(configuration.topic(), 0);
        final Backoff backoff = new Backoff(configuration.retryInitialMs(), configuration.retryMaxMs(),
            () -> running, retries);
        final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
            final Thread t = new Thread(runnable, Thread.currentThread().getName() + "-writer");
            t.setDaemon(true);
            return t;
        });
        Future<?> inFlight = null;
        try {
            final ElasticsearchClient client = new ElasticsearchClient(
                new RestClientTransport(restClient, new JacksonJsonpMapper()));
            final BulkCreate bulk = new BulkCreate(client, configuration.bulkDocuments(), backoff);
            putTemplates(client, backoff);
            final StoredOffset stored = storedOffset(client, partition, backoff);
            final long start = stored.nextOffset();
            consumer.assign(List.of(partition));
            consumer.seek(partition, start);
            nextOffset.set(start);
            final HashChain chain = new HashChain(configuration.topic(), stored.chainSeq(), stored.chainHash());
            writtenSeq = chain.nextSeq();
            writtenHash = chain.lastHash();
            LOG.info("audit indexer resumes {} at offset {} (chain sequence {}) into {}", configuration.topic(), start,
                chain.nextSeq(), indices.alias());
            final AuditSource documents = configuration.stream().create(indices, chain);
            checkpointedSeq = chain.nextSeq();
            checkpointedAt = System.nanoTime();
            // Two stages: this thread polls Kafka and builds (and hashes) the documents of the next poll while the
            // writer thread has the previous poll's bulk in flight. At most one poll waits and one is written.
            while (running) {
                final ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(200));
                trackEnd(partition, batch.isEmpty());
                if (batch.isEmpty()) {
                    if (inFlight != null && inFlight.isDone()) {
                        awaitWrite(inFlight);
                        inFlight = null;
                    }
                    continue;
                }
                long last = -1;
                for (final ConsumerRecord<byte[], byte[]> record : batch) {
                    documents.add(record.topic(), record.partition(), record.offset(), record.timestamp(),
                        record.value());
                    last = record.offset();
                }
                final List<AuditDocument> toWrite = new ArrayList<>(documents.documents());
                documents.clear();
                final long next = last + 1;
                final long seqAfter = chain.nextSeq();
                final String hashAfter = chain.lastHash();
                awaitWrite(inFlight);
                inFlight = writer.submit(() -> write(client, bulk, partition, toWrite, next, seqAfter, hashAfter,
                    backoff));
            }
        } catch (final Backoff.Stopped | WakeupException ex) {
            if (running) {
                failure = ex;
            }
        } catch (final RuntimeException ex) {
            failure = ex;
            LOG.error("audit indexer stopped: {}", ex.toString(), ex);
        } finally {
            try {
                awaitWrite(inFlight);
            } catch (final Backoff.Stopped ex) {
                // closed while the last bulk waited for Elasticsearch: its records are read again at the next start
            } catch (final RuntimeException ex) {
                if (failure == null && running) {
                    failure = ex;
                }
            }
            writer.shutdownNow();
            consumer.close();
            finalCheckpoint();
        }
    }

    /** Waits for the write in flight, if any; rethrows what stopped it. */
    private static void awaitWrite(final Future<?> inFlight) {
        if (inFlight == null) {
            return;
        }
        try {
            inFlight.get();
        } catch (final ExecutionException ex) {
            if (ex.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(ex.getCause());
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new Backoff.Stopped();
        }
    }

    /** The writer stage: one poll's documents, then the position after them, then a checkpoint when due. */
    private void write(final ElasticsearchClient client, final BulkCreate bulk, final TopicPartition partition,
                       final List<AuditDocument> documents, final long next, final long seqAfter,
                       final String hashAfter, final Backoff backoff) {
        bulk.write(documents);
        storeOffset(client, partition, next, seqAfter, hashAfter, backoff);
        writtenSeq = seqAfter;
        writtenHash = hashAfter;
        nextOffset.set(next);
        created.set(bulk.created());
        alreadyIndexed.set(bulk.alreadyIndexed());
        if (documents.isEmpty()) {
            return;
        }
        final String lastTime = (String) documents.getLast().source().get("transactTime");
        lastIndexedTime = lastTime;
        if (checkpoints != null && (seqAfter - checkpointedSeq >= configuration.checkpointEvery()
            || System.nanoTime() - checkpointedAt >= CHECKPOINT_INTERVAL_NANOS)
            && checkpoint(seqAfter, hashAfter, next, lastTime)) {
            checkpointedSeq = seqAfter;
            checkpointedAt = System.nanoTime();
        }
    }

    /** A clean stop leaves a checkpoint at the last document indexed. */
    private void finalCheckpoint() {
        if (checkpoints != null && failure == null && lastIndexedTime != null && writtenSeq > checkpointedSeq) {
            checkpoint(writtenSeq, writtenHash, nextOffset.get(), lastIndexedTime);
        }
    }

    private void trackEnd(final TopicPartition partition, final boolean empty) {
        final OptionalLong lag = consumer.currentLag(partition);
        if (lag.isPresent()) {
            endOffset.set(consumer.position(partition) + lag.getAsLong());
        } else if (empty) {
            endOffset.set(consumer.endOffsets(List.of(partition)).get(partition));
        }
    }

    private void putTemplates(final ElasticsearchClient client, final Backoff backoff) {
        while (true) {
            try {
                indices.putTemplates(client);
                backoff.reset();
                return;
            } catch (final IOException | ElasticsearchException ex) {
                retryOrRefuse("put the audit templates", ex, backoff);
            }
        }
    }

    /** Stores a checkpoint of the chain; a failure is logged and retried at the next batch (indexing goes on). */
    private boolean checkpoint(final long seqAfter, final String hash, final long next, final String lastTime) {
        try {
            checkpoints.record(new AuditCheckpoints.Checkpoint(configuration.topic(), seqAfter - 1, hash, next,
                Instant.parse(lastTime)));
            return true;
        } catch (final RuntimeException ex) {
            LOG.warn("audit indexer cannot store the checkpoint at chain sequence {} ({}); retrying with the next "
                + "batch", seqAfter - 1, ex.toString());
            return false;
        }
    }

    private StoredOffset storedOffset(final ElasticsearchClient client, final TopicPartition partition,
                                      final Backoff backoff) {
        final StoredOffset none = new StoredOffset(partition.topic(), partition.partition(), 0, null, 0,
            HashChain.GENESIS);
        while (true) {
            try {
                final GetResponse<StoredOffset> got = client.get(g -> g.index(indices.offsetsIndex())
                    .id(offsetId(partition)), StoredOffset.class);
                backoff.reset();
                if (!got.found() || got.source() == null) {
                    return none;
                }
                final StoredOffset stored = got.source();
                if (stored.chainHash() == null) {
                    LOG.warn("the stored position of {} has no hash chain state: indexing again from offset 0",
                        partition.topic());
                    return none;
                }
                return stored;
            } catch (final ElasticsearchException ex) {
                if (ex.status() == 404) {
                    return none; // no offsets index yet: nothing indexed
                }
                retryOrRefuse("read the stored offset", ex, backoff);
            } catch (final IOException ex) {
                retryOrRefuse("read the stored offset", ex, backoff);
            }
        }
    }

    private void storeOffset(final ElasticsearchClient client, final TopicPartition partition, final long next,
                             final long chainSeq, final String chainHash, final Backoff backoff) {
        final Map<String, Object> doc = Map.of("topic", partition.topic(), "partition", partition.partition(),
            "nextOffset", next, "updatedAt", Instant.now().toString(), "chainSeq", chainSeq, "chainHash", chainHash);
        while (true) {
            try {
                client.index(i -> i.index(indices.offsetsIndex()).id(offsetId(partition)).document(doc));
                backoff.reset();
                return;
            } catch (final IOException | ElasticsearchException ex) {
                retryOrRefuse("store offset " + next, ex, backoff);
            }
        }
    }

    private static void retryOrRefuse(final String what, final Exception ex, final Backoff backoff) {
        if (ex instanceof ElasticsearchException es && es.status() != 429 && es.status() < 500) {
            throw new BulkCreate.Refused("cannot " + what + ": " + es.getMessage());
        }
        LOG.warn("audit indexer cannot {} ({}); retrying", what, ex.toString());
        backoff.pause();
    }

    private static String offsetId(final TopicPartition partition) {
        return partition.topic() + "-" + partition.partition();
    }

    /**
     * The offsets document: the next Kafka offset to index and the chain's state there.
     *
     * @param chainSeq  the chain sequence the next document gets
     * @param chainHash the hash of the last document indexed ({@link HashChain#GENESIS} before the first)
     */
    record StoredOffset(String topic, int partition, long nextOffset, String updatedAt, long chainSeq,
                        String chainHash) {
    }

    /** The alias over every daily audit index. */
    public String alias() {
        return indices.alias();
    }

    /** The daily index an event at {@code transactTime} (epoch nanos UTC) belongs in. */
    public String dailyIndex(final long transactTime) {
        return indices.dailyIndex(transactTime);
    }

    /** The index holding the stored positions. */
    public String offsetsIndex() {
        return indices.offsetsIndex();
    }

    /** The next journal offset to index (-1 until the stored position is read): every record below it is indexed. */
    public long nextOffset() {
        return nextOffset.get();
    }

    /**
     * Records of the stream not yet indexed (for metrics). While the indexer thread waits for Elasticsearch it polls
     * nothing, so the end of the topic is looked up here (at most once a second, with a consumer of its own).
     */
    public long lag() {
        refreshEnd();
        return Math.max(0, endOffset.get() - Math.max(0, nextOffset.get()));
    }

    private synchronized void refreshEnd() {
        if (!running || System.nanoTime() - endCheckedAt < 1_000_000_000L) {
            return;
        }
        endCheckedAt = System.nanoTime();
        try {
            if (endConsumer == null) {
                final Properties props = consumerProperties();
                props.put(ConsumerConfig.CLIENT_ID_CONFIG, "audit-indexer-end-" + configuration.topic());
                endConsumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            }
            final TopicPartition partition = new TopicPartition(configuration.topic(), 0);
            final Long end = endConsumer.endOffsets(List.of(partition), Duration.ofSeconds(2)).get(partition);
            if (end != null) {
                endOffset.accumulateAndGet(end, Math::max);
            }
        } catch (final RuntimeException ex) {
            LOG.debug("cannot read the end of {}: {}", configuration.topic(), ex.toString());
        }
    }

    /** Documents this indexer created since start. */
    public long createdDocuments() {
        return created.get();
    }

    /** Documents found already indexed (409 on create) since start: the replayed overlap. */
    public long alreadyIndexedDocuments() {
        return alreadyIndexed.get();
    }

    /** Elasticsearch attempts that failed and were retried since start. */
    public long retries() {
        return retries.get();
    }

    /** The error that stopped the indexer, or null. */
    public Exception failure() {
        return failure;
    }

    /** Stops the thread, waits for it and closes the Elasticsearch client. */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        consumer.wakeup();
        if (endConsumer != null) {
            endConsumer.close();
        }
        try {
            thread.join(30_000);
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        try {
            restClient.close();
        } catch (final IOException ex) {
            LOG.warn("closing the Elasticsearch client: {}", ex.toString());
        }
    }
}
