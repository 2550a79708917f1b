package io.portcullis.backoffice.batch;

import java.io.IOException;
import java.util.EnumSet;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.reporting.reconcile.ElasticsearchExecutions;
import io.portcullis.reporting.reconcile.ExecutionBreak;
import io.portcullis.reporting.reconcile.ExecutionReconciler;
import io.portcullis.reporting.reconcile.ExecutionSource;
import io.portcullis.reporting.reconcile.JournalExecutions;
import io.portcullis.reporting.reconcile.MysqlExecutions;
import io.portcullis.reporting.reconcile.ReconcileConfiguration;
import io.portcullis.reporting.reconcile.ReconciliationResult;
import io.portcullis.reporting.reconcile.TradingDay;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;

/**
 * {@code reconcile}: the date's executions in the journal (Kafka), MySQL and the audit index (Elasticsearch),
 * compared by ExecID with reporting's {@link ExecutionReconciler} (the same readers and rules as
 * {@code ./portcullis reconcile}); every break becomes a {@code batch_exception} row keyed by ExecID, kind, source
 * and field, and a run with breaks ends COMPLETED_WITH_EXCEPTIONS (exit 1). One tasklet step: the comparison needs
 * every source whole, so there is no chunk to restart from; a failed run (a source down) simply runs again.
 */
final class ReconcileJob {
    private ReconcileJob() {
    }

    static Job build(final RunContext context) {
        return new JobBuilder(BatchJob.RECONCILE.jobName(), context.infrastructure().jobRepository())
            .listener(context.fence()).listener(context.exceptions())
            .start(JobSteps.taskletStep("reconcile-executions", context, (contribution, chunk) -> {
                final ReconciliationResult result = reconcile(context);
                final long jobExecutionId = chunk.getStepContext().getStepExecution().getJobExecutionId();
                for (final ExecutionBreak b : result.breaks()) {
                    context.exceptions().record(new ExceptionLog.Entry(b.execId() + "|" + b.kind() + "|" + b.source()
                            + "|" + (b.field() == null ? "" : b.field()), b.kind().name(), b.execId(), null,
                        b.source().name(), b.field(), b.expected(), b.actual(), b.describe()), jobExecutionId);
                }
                for (long i = 0; i < result.distinct(); i++) {
                    contribution.incrementReadCount();
                }
                contribution.incrementWriteCount(result.breaks().size());
                context.err().printf("reconcile %s: %,d ExecIDs, %,d agree, %,d breaks%n", context.date(),
                    result.distinct(), result.matched(), result.breaks().size());
                return null;
            }))
            .build();
    }

    private static ReconciliationResult reconcile(final RunContext context) {
        final TradingDay day = new TradingDay(context.date());
        final ReconcileConfiguration sources = context.configuration().reconcile();
        final ExecutionReconciler reconciler = new ExecutionReconciler(EnumSet.allOf(ExecutionSource.class));
        final long mysql = MysqlExecutions.read(context.infrastructure().database().dsl(), day,
            e -> reconciler.add(ExecutionSource.MYSQL, e));
        context.err().printf("reconcile: mysql %,d executions%n", mysql);
        final RestClient rest = RestClient.builder(HttpHost.create(sources.elasticsearchUrl()))
            .setRequestConfigCallback(c -> c.setConnectTimeout(3_000).setSocketTimeout(60_000)).build();
        try {
            final ElasticsearchClient client = new ElasticsearchClient(new RestClientTransport(rest,
                new JacksonJsonpMapper(new ObjectMapper()
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false))));
            final long documents = ElasticsearchExecutions.read(client, sources.alias(), day,
                e -> reconciler.add(ExecutionSource.ELASTICSEARCH, e), sources.elasticsearchUrl());
            context.err().printf("reconcile: elasticsearch %,d documents in %s%n", documents, sources.alias());
        } finally {
            try {
                rest.close();
            } catch (final IOException ex) {
                context.err().println("warning: closing the Elasticsearch client: " + ex.getMessage());
            }
        }
        final JournalExecutions.Scan scan = JournalExecutions.read(sources.bootstrap(), sources.journalTopic(), day,
            null, context.err()::println, e -> reconciler.add(ExecutionSource.JOURNAL, e));
        context.err().printf("reconcile: journal %,d executions in %s (%,d records)%n", scan.executions(),
            sources.journalTopic(), scan.records());
        return reconciler.result();
    }
}
