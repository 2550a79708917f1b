package io.portcullis.oms.journal;

import io.portcullis.config.EffectiveConfiguration;
import io.portcullis.config.Settings;

/**
 * Where and how the engine journals. Settings (environment variable in brackets):
 * <ul>
 *   <li>{@code kafka.bootstrap} [PORTCULLIS_KAFKA_BOOTSTRAP]: default the local stack, 127.0.0.1:19092</li>
 *   <li>{@code journal.topic}: default {@code portcullis.journal}; one partition per engine</li>
 *   <li>{@code journal.linger-ms}: how long the producer gathers records into one request (group commit), 0..100,
 *       default 1</li>
 *   <li>{@code journal.max-in-flight}: records sent but not yet durable before the engine stops taking commands,
 *       1..1,000,000, default 65,536</li>
 *   <li>{@code journal.replication-factor}: for the topic when the journal creates it, 1..5, default 1</li>
 * </ul>
 *
 * @param bootstrap         Kafka bootstrap servers
 * @param topic             journal topic
 * @param lingerMs          producer linger, milliseconds
 * @param maxInFlight       bound on records awaiting durability
 * @param replicationFactor replication factor of a topic the journal creates
 */
public record JournalConfiguration(String bootstrap, String topic, int lingerMs, int maxInFlight,
                                   short replicationFactor) {
    /** Reads and validates the settings. */
    public static JournalConfiguration from(final Settings settings) {
        return new JournalConfiguration(
            settings.string("kafka.bootstrap", "127.0.0.1:" + settings.string("kafka.port", "19092")),
            settings.string("journal.topic", "portcullis.journal"),
            settings.integer("journal.linger-ms", 1, 0, 100),
            settings.integer("journal.max-in-flight", 65_536, 1, 1_000_000),
            (short) settings.integer("journal.replication-factor", 1, 1, 5));
    }

    /** A copy with another topic (tests isolate themselves this way). */
    public JournalConfiguration withTopic(final String newTopic) {
        return new JournalConfiguration(bootstrap, newTopic, lingerMs, maxInFlight, replicationFactor);
    }

    /** For the start-up banner. */
    public EffectiveConfiguration describe() {
        return new EffectiveConfiguration("journal").add("kafka.bootstrap", bootstrap).add("journal.topic", topic)
            .add("journal.linger-ms", lingerMs).add("journal.max-in-flight", maxInFlight)
            .add("journal.replication-factor", replicationFactor);
    }
}
