package io.portcullis.backoffice.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.portcullis.testsupport.LocalStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The reconcile job on the real Kafka, MySQL and Elasticsearch: MySQL holds executions that the (empty) journal
 * topic and the (absent) audit index do not, so each is a MISSING break in batch_exception and the run completes
 * with exceptions (exit 1); a day without trading agrees (exit 0); neither date runs twice.
 */
@Timeout(180)
class ReconcileJobTest {
    private static BatchFixture fixture;

    @BeforeAll
    static void anEmptyJournalBesideAFullTable() throws Exception {
        LocalStack.require(LocalStack.Service.KAFKA, LocalStack.Service.ELASTICSEARCH);
        fixture = BatchFixture.create(ReconcileJobTest.class);
        final Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.kafkaBootstrap());
        try (Admin kafka = Admin.create(admin)) {
            kafka.createTopics(List.of(new NewTopic(fixture.settingsMap().get("journal.topic"), 1, (short) 1)))
                .all().get();
        }
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (fixture != null) {
            final Properties admin = new Properties();
            admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.kafkaBootstrap());
            try (Admin kafka = Admin.create(admin)) {
                kafka.deleteTopics(List.of(fixture.settingsMap().get("journal.topic"))).all().get();
            }
            fixture.close();
        }
    }

    @Test
    void breaksBecomeExceptionsAndTheRunCompletesWithExceptions() {
        final BatchFixture.Run run = fixture.batch("run", "reconcile", "--date", "2026-01-05");
        System.out.println(run);

        assertThat(run.status()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("COMPLETED_WITH_EXCEPTIONS", "72 exception(s) for 2026-01-05");
        assertThat(run.err()).contains("reconcile: mysql 36 executions", "36 ExecIDs, 0 agree, 72 breaks");
        final List<Map<String, Object>> breaks = fixture.jdbc().queryForList("SELECT category, source, COUNT(*) AS n "
            + "FROM batch_exception WHERE job_name = 'reconcile' AND business_date = ? GROUP BY category, source "
            + "ORDER BY source", Date.valueOf("2026-01-05"));
        assertThat(breaks).extracting(m -> m.get("category") + " " + m.get("source") + " " + m.get("n"))
            .containsExactly("MISSING ELASTICSEARCH 36", "MISSING JOURNAL 36");
        assertThat(fixture.count("SELECT COUNT(*) FROM batch_exception WHERE exec_id = '1001' AND detail LIKE "
            + "'ExecID 1001: missing in JOURNAL%'")).isEqualTo(1);

        assertThat(fixture.batch("run", "reconcile", "--date", "2026-01-05").status()).isEqualTo(4);
    }

    @Test
    void aDayWithoutTradingAgrees() {
        final BatchFixture.Run run = fixture.batch("run", "reconcile", "--date", "2026-01-07");

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).contains("reconcile 2026-01-07: COMPLETED", "exit COMPLETED)");
        assertThat(fixture.count("SELECT COUNT(*) FROM batch_exception WHERE business_date = '2026-01-07'")).isZero();
    }
}
