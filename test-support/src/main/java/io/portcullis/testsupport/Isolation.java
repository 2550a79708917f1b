package io.portcullis.testsupport;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Names that keep tests apart on shared services: every test class of every run gets its own database, Kafka topics
 * and Elasticsearch index prefix, so tests run in any order, in parallel, and re-run without cleanup.
 *
 * <p>A name is {@code t<run>_<class>}: {@code run} is random per JVM (6 base-36 characters), {@code class} the
 * test class's simple name in lower case, trimmed so that the whole name fits MySQL's 64-character limit.
 */
public final class Isolation {
    private static final String RUN_ID = newRunId();

    private Isolation() {
    }

    /** The random id of this test JVM, 6 lower-case base-36 characters. */
    public static String runId() {
        return RUN_ID;
    }

    /** A database name for {@code testClass}, unique to this run. */
    public static String databaseName(final Class<?> testClass) {
        return base(testClass, 60);
    }

    /** A Kafka topic name for {@code testClass} and a purpose such as {@code journal}, unique to this run. */
    public static String topicName(final Class<?> testClass, final String purpose) {
        return base(testClass, 120) + "." + purpose.toLowerCase(Locale.ROOT);
    }

    /** An Elasticsearch index prefix for {@code testClass} (lower case, as index names must be), ending in '-'. */
    public static String indexPrefix(final Class<?> testClass) {
        return base(testClass, 100).replace('_', '-') + "-";
    }

    private static String base(final Class<?> testClass, final int maxLength) {
        final String prefix = "t" + RUN_ID + "_";
        String name = testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (prefix.length() + name.length() > maxLength) {
            name = name.substring(0, maxLength - prefix.length());
        }
        return prefix + name;
    }

    private static String newRunId() {
        final SecureRandom random = new SecureRandom();
        final StringBuilder id = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            id.append(Character.forDigit(random.nextInt(36), 36));
        }
        return id.toString();
    }
}
