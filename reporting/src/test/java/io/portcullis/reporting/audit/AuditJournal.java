package io.portcullis.reporting.audit;


import java.util.Map;
import java.util.TreeMap;

import io.portcullis.config.Settings;
import io.portcullis.oms.command.Command;
import io.portcullis.oms.command.CommandCodec;
import io.portcullis.oms.command.MassScope;
import io.portcullis.oms.command.NewOrder;
import io.portcullis.oms.command.ReplaceOrder;
import io.portcullis.oms.domain.ExecType;
import io.portcullis.oms.domain.InstrumentStatus;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.event.CancelReject;
import io.portcullis.oms.event.EngineListener;
import io.portcullis.oms.event.ExecutionReport;
import io.portcullis.oms.event.MassActionKind;
import io.portcullis.oms.journal.EventDecoder;
import io.portcullis.oms.journal.JournalConfiguration;
import io.portcullis.oms.journal.JournalReader;
import io.portcullis.oms.journal.KafkaJournal;
import io.portcullis.oms.journal.RandomFlowAccess;
import io.portcullis.reporting.AuditDay;
import io.portcullis.testsupport.LocalStack;

/**
 * A journal topic of its own written by a real {@link io.portcullis.oms.engine.OrderEngine} through a real
 * {@link KafkaJournal} from a seeded random flow, and what it holds, counted without the indexer.
 */
final class AuditJournal implements AutoCloseable {
    private final JournalConfiguration configuration;
    private final KafkaJournal kafka;
    private final RandomFlowAccess flow;

    AuditJournal(final String topic, final long seed) {
        configuration = JournalConfiguration.from(Settings.of(Map.of("kafka.bootstrap", LocalStack.kafkaBootstrap()),
            Map.of(), Map.of())).withTopic(topic);
        kafka = KafkaJournal.open(configuration);
        flow = new RandomFlowAccess(seed);
    }

    String topic() {
        return configuration.topic();
    }

    /** Has the engine (recovered from the journal so far) apply {@code commands} more and waits until durable. */
    void journal(final int commands) throws InterruptedException {
        AuditDay.journal(RandomFlowAccess.config(), configuration, kafka, flow::next, commands, 4_096);
    }

    /**
     * Audited events in the journal by event type, read straight from Kafka, plus the expected RISK_DECISION
     * documents: one per NewOrder or ReplaceOrder whose answer (the first new, replaced or rejected execution report,
     * or the replace's cancel reject) carries no reject code or a risk one.
     */
    Map<String, Long> auditedEvents() {
        final Map<String, Long> counts = new TreeMap<>();
        final RejectCode[] answer = new RejectCode[1];
        final EngineListener counter = new EngineListener() {
            @Override
            public void onExecutionReport(final ExecutionReport report) {
                counts.merge("EXECUTION_REPORT", 1L, Long::sum);
                if (answer[0] == null && (report.execType() == ExecType.NEW || report.execType() == ExecType.REPLACED
                    || report.execType() == ExecType.REJECTED)) {
                    answer[0] = report.rejectCode();
                }
            }

            @Override
            public void onCancelReject(final CancelReject reject) {
                counts.merge("CANCEL_REJECT", 1L, Long::sum);
                if (answer[0] == null && reject.replace()) {
                    answer[0] = reject.rejectCode();
                }
            }

            @Override
            public void onTrade(final CharSequence symbol, final long tradeId, final long price, final long qty,
                                final Side aggressorSide, final long takerOrderId, final long makerOrderId,
                                final long transactTime) {
                counts.merge("TRADE", 1L, Long::sum);
            }

            @Override
            public void onPosition(final CharSequence account, final CharSequence symbol, final long netQty,
                                   final long costBasis, final long realizedPnl, final long boughtQty,
                                   final long soldQty, final long transactTime) {
                counts.merge("POSITION", 1L, Long::sum);
            }

            @Override
            public void onMassActionReport(final long commandSequence, final CharSequence sessionId,
                                           final CharSequence requestId, final MassActionKind kind,
                                           final MassScope scope, final CharSequence scopeValue,
                                           final int affectedOrders, final RejectCode rejectCode,
                                           final long transactTime) {
                counts.merge("MASS_ACTION", 1L, Long::sum);
            }

            @Override
            public void onTopOfBook(final CharSequence symbol, final long bidPx, final long bidQty, final long askPx,
                                    final long askQty, final long transactTime) {
                counts.merge("TOP_OF_BOOK", 1L, Long::sum);
            }

            @Override
            public void onInstrumentStatus(final CharSequence symbol, final InstrumentStatus status,
                                           final long transactTime) {
                counts.merge("INSTRUMENT_STATUS", 1L, Long::sum);
            }

            @Override
            public void onAdminReject(final long commandSequence, final RejectCode rejectCode,
                                      final long transactTime) {
                counts.merge("ADMIN_REJECT", 1L, Long::sum);
            }

            @Override
            public void onRiskWarning(final long commandSequence, final long orderId, final CharSequence sessionId,
                                      final CharSequence clOrdId, final RejectCode code, final CharSequence text,
                                      final long transactTime) {
                counts.merge("RISK_WARNING", 1L, Long::sum);
            }
        };
        JournalReader.readToEnd(configuration, 0, (record, offset) -> {
            answer[0] = null;
            EventDecoder.decode(record.events(), 0, record.events().length, counter);
            final Command command = CommandCodec.decode(record.command());
            if ((command instanceof NewOrder || command instanceof ReplaceOrder) && answer[0] != null
                && (answer[0] == RejectCode.NONE || answer[0].name().startsWith("RISK_"))) {
                counts.merge("RISK_DECISION", 1L, Long::sum);
            }
        });
        return counts;
    }

    @Override
    public void close() {
        kafka.close();
    }
}
