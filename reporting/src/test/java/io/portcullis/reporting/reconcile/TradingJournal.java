package io.portcullis.reporting.reconcile;

import static io.portcullis.sql.schema.Tables.EXECUTIONS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.portcullis.config.Settings;
import io.portcullis.oms.domain.ExecType;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.event.EngineListener;
import io.portcullis.oms.event.ExecutionReport;
import io.portcullis.oms.journal.EventDecoder;
import io.portcullis.oms.journal.JournalConfiguration;
import io.portcullis.oms.journal.JournalReader;
import io.portcullis.oms.journal.KafkaJournal;
import io.portcullis.oms.journal.RandomFlowAccess;
import io.portcullis.sql.schema.tables.records.ExecutionsRecord;
import io.portcullis.reporting.AuditDay;
import io.portcullis.testsupport.LocalStack;
import org.jooq.DSLContext;

/**
 * A journal topic of its own written by a real engine through a real {@link KafkaJournal} from a seeded random flow
 * (transact times on 2026-01-05 from 08:00Z), what it holds, and its executions written into MySQL's
 * {@code executions} table the way the MySQL projector writes them.
 */
final class TradingJournal implements AutoCloseable {
    private final JournalConfiguration configuration;
    private final KafkaJournal kafka;
    private final RandomFlowAccess flow;

    /** One fill as the journal holds it. */
    record Fill(String execId, long orderId, long tradeId, String account, String symbol, char side, long lastQty,
                long lastPx, boolean aggressor, long transactTime, long sequence) {
    }

    TradingJournal(final String topic, final long seed) {
        configuration = JournalConfiguration.from(Settings.of(Map.of("kafka.bootstrap", LocalStack.kafkaBootstrap()),
            Map.of(), Map.of())).withTopic(topic);
        kafka = KafkaJournal.open(configuration);
        flow = new RandomFlowAccess(seed);
    }

    String topic() {
        return configuration.topic();
    }

    /** Has the engine apply {@code commands} and waits until they are durable; returns the journal's end offset. */
    long journal(final int commands) throws InterruptedException {
        AuditDay.journal(RandomFlowAccess.config(), configuration, kafka, flow::next, commands, 4_096);
        return JournalReader.readToEnd(configuration, 0, (record, offset) -> { });
    }

    /** Every fill in the journal, in journal order, read straight from Kafka. */
    List<Fill> fills() {
        final List<Fill> fills = new ArrayList<>();
        final long[] sequence = new long[1];
        final EngineListener collector = new EngineListener() {
            @Override
            public void onExecutionReport(final ExecutionReport r) {
                if (r.execType() == ExecType.TRADE) {
                    fills.add(new Fill(Long.toString(r.execId()), r.orderId(), r.tradeId(), r.account().toString(),
                        r.symbol().toString(), r.side().fixValue(), r.lastQty(), r.lastPx(), r.aggressor(),
                        r.transactTime(), sequence[0]));
                }
            }
        };
        JournalReader.readToEnd(configuration, 0, (record, offset) -> {
            sequence[0] = record.sequence();
            EventDecoder.decode(record.events(), 0, record.events().length, collector);
        });
        return fills;
    }

    /** Writes each fill as one {@code executions} row, columns as the MySQL projector fills them. */
    static void project(final DSLContext dsl, final List<Fill> fills) {
        final List<ExecutionsRecord> rows = new ArrayList<>();
        for (final Fill f : fills) {
            final ExecutionsRecord row = new ExecutionsRecord();
            final Instant time = Instant.ofEpochSecond(0, f.transactTime());
            row.setExecId(f.execId());
            row.setOrderId(f.orderId());
            row.setTradeId(f.tradeId());
            row.setAccountId(f.account());
            row.setFirmId(f.account().compareTo("C") < 0 ? "FIRMA" : "FIRMB");
            row.setSymbol(f.symbol());
            row.setSide(String.valueOf(f.side()));
            row.setLastQty(f.lastQty());
            row.setLastPx(Prices.toBigDecimal(f.lastPx()));
            row.setLiquidity(f.aggressor() ? "AGGRESSOR" : "RESTING");
            row.setExecTime(LocalDateTime.ofInstant(time, ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
            row.setTradeDate(time.atZone(TradingDay.ZONE).toLocalDate());
            row.setJournalSeq(f.sequence());
            rows.add(row);
        }
        dsl.batchInsert(rows).execute();
        assertThat(dsl.fetchCount(EXECUTIONS)).isEqualTo(fills.size());
    }

    @Override
    public void close() {
        kafka.close();
    }
}
