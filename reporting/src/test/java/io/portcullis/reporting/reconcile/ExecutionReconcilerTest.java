package io.portcullis.reporting.reconcile;

import static io.portcullis.reporting.reconcile.ExecutionSource.ELASTICSEARCH;
import static io.portcullis.reporting.reconcile.ExecutionSource.JOURNAL;
import static io.portcullis.reporting.reconcile.ExecutionSource.MYSQL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The comparison by ExecID on its own: what agrees, and each kind of break with the source at fault. */
class ExecutionReconcilerTest {

    @Test
    void identicalSourcesAgree() {
        final ReconciliationResult result = ExecutionReconciler.reconcile(Map.of(
            JOURNAL, List.of(fill("1", 100, "187.25"), fill("2", 200, "187.3")),
            MYSQL, List.of(fill("2", 200, "187.30000000"), fill("1", 100, "187.25000000")),
            ELASTICSEARCH, List.of(fill("1", 100, "187.2500"), fill("2", 200, "187.3000"))));

        assertThat(result.agrees()).isTrue();
        assertThat(result.matched()).isEqualTo(2);
        assertThat(result.count(MYSQL)).isEqualTo(2);
    }

    @Test
    void anExecutionAbsentFromASourceIsMissingThere() {
        final ReconciliationResult result = ExecutionReconciler.reconcile(Map.of(
            JOURNAL, List.of(fill("1", 100, "10"), fill("2", 100, "10")),
            MYSQL, List.of(fill("1", 100, "10")),
            ELASTICSEARCH, List.of(fill("1", 100, "10"), fill("2", 100, "10"), fill("3", 100, "10"))));

        assertThat(result.breaks()).extracting(ExecutionBreak::describe).containsExactly(
            "ExecID 2: missing in MYSQL (JOURNAL: offset 0; ELASTICSEARCH: offset 0)",
            "ExecID 3: missing in JOURNAL (ELASTICSEARCH: offset 0)",
            "ExecID 3: missing in MYSQL (ELASTICSEARCH: offset 0)");
        assertThat(result.matched()).isEqualTo(1);
    }

    @Test
    void anExecutionHeldTwiceIsADuplicate() {
        final ReconciliationResult result = ExecutionReconciler.reconcile(Map.of(
            JOURNAL, List.of(fill("7", 100, "10")),
            ELASTICSEARCH, List.of(fill("7", 100, "10"), fill("7", 100, "10"))));

        assertThat(result.breaks()).singleElement().satisfies(b -> {
            assertThat(b.kind()).isEqualTo(ExecutionBreak.Kind.DUPLICATE);
            assertThat(b.source()).isEqualTo(ELASTICSEARCH);
            assertThat(b.origins()).hasSize(2);
        });
    }

    @Test
    void aFieldThatDiffersFromTheJournalIsABreakOfTheOtherSource() {
        final Execution journal = fill("9", 100, "10.5");
        final Execution otherAccount = new Execution("9", journal.orderId(), journal.symbol(), journal.side(),
            journal.lastQty(), journal.lastPx(), "MALLORY", journal.transactTime(), "document d");
        final ReconciliationResult result = ExecutionReconciler.reconcile(Map.of(
            JOURNAL, List.of(journal), MYSQL, List.of(fill("9", 300, "10.50")), ELASTICSEARCH, List.of(otherAccount)));

        assertThat(result.breaks()).extracting(ExecutionBreak::describe).containsExactly(
            "ExecID 9: lastQty differs in MYSQL: 300, JOURNAL has 100 (offset 0)",
            "ExecID 9: account differs in ELASTICSEARCH: MALLORY, JOURNAL has ALICE (document d)");
    }

    @Test
    void withoutTheJournalTheFirstSourceHoldingItIsTheReference() {
        final ReconciliationResult result = ExecutionReconciler.reconcile(Map.of(
            JOURNAL, List.of(), MYSQL, List.of(fill("4", 100, "10")), ELASTICSEARCH, List.of(fill("4", 100, "11"))));

        assertThat(result.breaks(ExecutionBreak.Kind.FIELD_DIFFERS)).singleElement().satisfies(b -> {
            assertThat(b.reference()).isEqualTo(MYSQL);
            assertThat(b.source()).isEqualTo(ELASTICSEARCH);
            assertThat(b.field()).isEqualTo("lastPx");
            assertThat(b.expected()).isEqualTo("10");
            assertThat(b.actual()).isEqualTo("11");
        });
        assertThat(result.breaks(ExecutionBreak.Kind.MISSING)).extracting(ExecutionBreak::source)
            .containsExactly(JOURNAL);
    }

    @Test
    void breaksAreOrderedByNumericExecId() {
        final ReconciliationResult result = ExecutionReconciler.reconcile(Map.of(
            JOURNAL, List.of(fill("10", 1, "1"), fill("9", 1, "1"), fill("100", 1, "1")), MYSQL, List.of()));

        assertThat(result.breaks()).extracting(ExecutionBreak::execId).containsExactly("9", "10", "100");
    }

    @Test
    void aSourceNotComparedIsRefused() {
        final ExecutionReconciler reconciler = new ExecutionReconciler(EnumSet.of(JOURNAL, MYSQL));

        assertThatThrownBy(() -> reconciler.add(ELASTICSEARCH, fill("1", 1, "1")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ELASTICSEARCH");
    }

    @Test
    void aTradingDayIsANewYorkCalendarDay() {
        final TradingDay winter = new TradingDay(LocalDate.of(2026, 1, 5));
        final TradingDay summer = new TradingDay(LocalDate.of(2026, 7, 6));

        assertThat(winter.start()).hasToString("2026-01-05T05:00:00Z");
        assertThat(winter.end()).hasToString("2026-01-06T05:00:00Z");
        assertThat(summer.start()).hasToString("2026-07-06T04:00:00Z");
        assertThat(winter.contains(TradingDay.nanos(winter.end()) - 1)).isTrue();
        assertThat(winter.contains(TradingDay.nanos(winter.end()))).isFalse();
    }

    private static Execution fill(final String execId, final long qty, final String px) {
        return new Execution(execId, 1_000 + Long.parseLong(execId), "AAPL", "BUY", qty, new BigDecimal(px), "ALICE",
            0, "offset 0");
    }
}
