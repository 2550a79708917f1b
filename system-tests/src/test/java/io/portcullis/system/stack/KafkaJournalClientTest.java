package io.portcullis.system.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import io.portcullis.testsupport.Isolation;
import io.portcullis.testsupport.LocalStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real Kafka broker through kafka-clients, configured as the journal will be: an idempotent producer with
 * acks=all, and consumers that read only committed records.
 */
@Timeout(120)
class KafkaJournalClientTest {
    private static final String TOPIC = Isolation.topicName(KafkaJournalClientTest.class, "journal");
    private static Admin admin;

    @BeforeAll
    static void createTopic() throws Exception {
        LocalStack.require(LocalStack.Service.KAFKA);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.kafkaBootstrap()));
        admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
    }

    @AfterAll
    static void deleteTopic() throws Exception {
        admin.deleteTopics(List.of(TOPIC)).all().get();
        admin.close();
    }

    @Test
    void anIdempotentProducerWithAcksAllAppendsInOrderPerKey() throws Exception {
        final List<RecordMetadata> sent = new ArrayList<>();
        try (KafkaProducer<String, String> producer = producer(null)) {
            for (int i = 0; i < 100; i++) {
                sent.add(producer.send(new ProducerRecord<>(TOPIC, "AAPL", "event-" + i)).get());
            }
        }

        final List<ConsumerRecord<String, String>> read = readAll("idempotent", 100);

        assertThat(sent).extracting(RecordMetadata::partition).containsOnly(sent.get(0).partition());
        assertThat(read).filteredOn(r -> r.key().equals("AAPL")).extracting(ConsumerRecord::value)
            .startsWith("event-0", "event-1", "event-2").contains("event-99");
        assertThat(read).filteredOn(r -> r.key().equals("AAPL")).extracting(ConsumerRecord::offset).isSorted();
    }

    @Test
    void aReadCommittedConsumerSeesCommittedRecordsAndNeverAbortedOnes() throws Exception {
        try (KafkaProducer<String, String> producer = producer("tx-" + UUID.randomUUID())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(TOPIC, "MSFT", "committed"));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(TOPIC, "MSFT", "aborted"));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(TOPIC, "MSFT", "committed-after-abort"));
            producer.commitTransaction();
        }

        final List<String> values = readAll("read-committed", 2).stream()
            .filter(r -> r.key().equals("MSFT")).map(ConsumerRecord::value).toList();

        assertThat(values).containsExactly("committed", "committed-after-abort");
    }

    @Test
    void theProducerRunsWithTheJournalsDurabilitySettings() {
        final Properties props = producerProperties(null);

        assertThat(props).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
            .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    }

    private static KafkaProducer<String, String> producer(final String transactionalId) {
        return new KafkaProducer<>(producerProperties(transactionalId), new StringSerializer(), new StringSerializer());
    }

    private static Properties producerProperties(final String transactionalId) {
        final Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.kafkaBootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        if (transactionalId != null) {
            props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        return props;
    }

    /** Reads the topic from the beginning with read_committed until at least {@code atLeast} records arrived. */
    private static List<ConsumerRecord<String, String>> readAll(final String group, final int atLeast) {
        final Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.kafkaBootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, TOPIC + "." + group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        final List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                 new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            final long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            int idlePolls = 0;
            while (System.nanoTime() < deadline && (records.size() < atLeast || idlePolls < 3)) {
                final var batch = consumer.poll(Duration.ofMillis(500));
                batch.forEach(records::add);
                idlePolls = batch.isEmpty() ? idlePolls + 1 : 0;
            }
        }
        return records;
    }
}
