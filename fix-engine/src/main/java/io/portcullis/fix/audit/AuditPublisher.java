package io.portcullis.fix.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.Log;
import quickfix.LogFactory;
import quickfix.SessionID;

/**
 * Publishes audit records to the Kafka audit topic (one partition: one ordered stream), as JSON objects (the format
 * is in docs/audit.md): {@code FIX} records for every message a session receives or sends, session-level ones too,
 * and {@code ADMIN} records for admin API calls. Sends are asynchronous (idempotent producer, acks=all): the
 * session threads never wait for Kafka or for anything downstream of it. A send that fails is logged and counted
 * ({@link #failed()}, exported as a metric).
 *
 * <p>Thread-safe: the session threads and the HTTP threads publish concurrently; the topic's order is the order
 * of the {@code send} calls.
 */
public final class AuditPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditPublisher.class);

    private final String topic;
    private final Producer<byte[], byte[]> producer;
    private final Clock clock;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    /**
     * Creates the topic if it does not exist (one partition, kept forever) and opens the producer.
     *
     * @param bootstrap         Kafka bootstrap servers
     * @param topic             the audit topic
     * @param replicationFactor replication factor of the topic if it is created
     */
    public static AuditPublisher open(final String bootstrap, final String topic, final short replicationFactor) {
        ensureTopic(bootstrap, topic, replicationFactor);
        final Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(64L * 1024 * 1024));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "portcullis-audit-" + topic);
        return new AuditPublisher(topic, new KafkaProducer<>(props, new ByteArraySerializer(),
            new ByteArraySerializer()), Clock.systemUTC());
    }

    AuditPublisher(final String topic, final Producer<byte[], byte[]> producer, final Clock clock) {
        this.topic = topic;
        this.producer = producer;
        this.clock = clock;
    }

    /** The topic records go to. */
    public String topic() {
        return topic;
    }

    /** Publishes one FIX message (already masked) as received ({@code inbound}) or sent by {@code session}. */
    public void fix(final String session, final boolean inbound, final String message) {
        final StringBuilder json = new StringBuilder(message.length() + 160);
        json.append("{\"type\":\"FIX\",\"time\":").append(nanos()).append(",\"session\":");
        string(json, session);
        json.append(",\"direction\":\"").append(inbound ? "IN" : "OUT").append("\",\"message\":");
        string(json, message);
        send(json.append('}'));
    }

    /**
     * Publishes one admin action: {@code fields} in order (strings, numbers or null), e.g. username, roles, method,
     * path, status, action, target, reason, before, after, detail, remoteAddress, durationMicros.
     *
     * @param occurredAt when the call was answered
     */
    public void admin(final Instant occurredAt, final Map<String, Object> fields) {
        final StringBuilder json = new StringBuilder(256);
        json.append("{\"type\":\"ADMIN\",\"time\":")
            .append(occurredAt.getEpochSecond() * 1_000_000_000L + occurredAt.getNano());
        for (final Map.Entry<String, Object> field : fields.entrySet()) {
            if (field.getValue() == null) {
                continue;
            }
            json.append(',');
            string(json, field.getKey());
            json.append(':');
            if (field.getValue() instanceof Number n) {
                json.append(n);
            } else {
                string(json, field.getValue().toString());
            }
        }
        send(json.append('}'));
    }

    private void send(final CharSequence json) {
        final byte[] value = json.toString().getBytes(StandardCharsets.UTF_8);
        try {
            producer.send(new ProducerRecord<>(topic, value), (metadata, ex) -> {
                if (ex == null) {
                    sent.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                    LOG.error("audit record not written to {}: {}", topic, ex.toString());
                }
            });
        } catch (final RuntimeException ex) {
            failed.incrementAndGet();
            LOG.error("audit record not written to {}: {}", topic, ex.toString());
        }
    }

    private long nanos() {
        final Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** Appends {@code text} as a JSON string literal (control characters, SOH included, as \\u escapes). */
    static void string(final StringBuilder out, final String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16))
                            .append(Character.forDigit(c & 15, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A QuickFIX/J log factory whose logs publish every message in and out of their session. */
    public LogFactory logFactory() {
        return new LogFactory() {
            @Override
            public Log create(final SessionID sessionID) {
                return new SessionLog(sessionID.toString());
            }
        };
    }

    /** Records acknowledged by Kafka since start. */
    public long sent() {
        return sent.get();
    }

    /** Records Kafka did not take since start (each one logged as an error). */
    public long failed() {
        return failed.get();
    }

    /** Sends what is buffered and waits for it, then closes the producer. */
    @Override
    public void close() {
        producer.flush();
        producer.close();
    }

    private static void ensureTopic(final String bootstrap, final String topic, final short replicationFactor) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000", AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
            "10000"))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, replicationFactor).configs(Map.of("retention.ms", "-1",
                "retention.bytes", "-1", "cleanup.policy", "delete", "min.insync.replicas",
                Integer.toString(Math.min(2, replicationFactor)))))).all().get(15, TimeUnit.SECONDS);
        } catch (final ExecutionException ex) {
            if (!(ex.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create the audit topic " + topic + " on " + bootstrap + ": "
                    + ex.getCause().getMessage(), ex);
            }
        } catch (final TimeoutException ex) {
            throw new IllegalStateException("Kafka at " + bootstrap + " did not answer within 15 s. Is it running? "
                + "For the local stack: ./portcullis stack up", ex);
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the audit topic", ex);
        }
    }

    /** One session's log: messages go to the topic; events stay in the process log. */
    private final class SessionLog implements Log {
        private final String session;

        SessionLog(final String session) {
            this.session = session;
        }

        @Override
        public void clear() {
            // the audit trail is never cleared
        }

        @Override
        public void onIncoming(final String message) {
            fix(session, true, message);
        }

        @Override
        public void onOutgoing(final String message) {
            fix(session, false, message);
        }

        @Override
        public void onEvent(final String text) {
            // session events are in the process log
        }

        @Override
        public void onErrorEvent(final String text) {
            // session errors are in the process log
        }
    }
}
