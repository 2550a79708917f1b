package io.portcullis.risk.desk;

import static io.portcullis.risk.desk.DeskFixture.A1;
import static io.portcullis.risk.desk.DeskFixture.A2;
import static io.portcullis.risk.desk.DeskFixture.FIRM_A;
import static io.portcullis.risk.desk.DeskFixture.firm;
import static io.portcullis.risk.desk.DeskFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.portcullis.risk.model.LimitName;
import io.portcullis.risk.model.LimitScope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Four eyes: a looser limit takes effect only once a second risk officer approves it; a tighter one at once; an
 * approval of a stale proposal is refused; lowering a parent lowers its looser children first; an effective-dated
 * change applies when due; every version is in the history with who and why.
 */
@Timeout(120)
class FourEyesTest {
    private static DeskFixture fixture;
    private static DeskFixture.Node node;

    @BeforeAll
    static void start() {
        fixture = DeskFixture.create(FourEyesTest.class);
        node = fixture.node();
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void anIncreaseWaitsForASecondOfficerAndThenReachesTheEngine() {
        final ChangeOutcome first = node.limits().set(firm(LimitName.MAX_ORDER_NOTIONAL, "1000000", 0, "alice"));
        assertThat(first.change().status()).isEqualTo(ChangeStatus.APPLIED);
        assertThat(first.engineApplied()).isTrue();
        assertThat(engineValue("L|FIRM|*|*|MAX_ORDER_NOTIONAL")).isEqualTo("1000000");

        final ChangeOutcome proposed = node.limits().set(firm(LimitName.MAX_ORDER_NOTIONAL, "2000000", 1, "alice"));

        assertThat(proposed.change().status()).isEqualTo(ChangeStatus.PENDING_APPROVAL);
        assertThat(proposed.change().looser()).isTrue();
        assertThat(proposed.engineApplied()).isFalse();
        assertThat(node.limits().pending()).extracting(LimitChange::changeId).contains(proposed.change().changeId());
        assertThat(engineValue("L|FIRM|*|*|MAX_ORDER_NOTIONAL")).as("not in force before approval")
            .isEqualTo("1000000");

        final ChangeOutcome approved = node.limits().approve(proposed.change().changeId(), "bob", "client deposit");

        assertThat(approved.change().status()).isEqualTo(ChangeStatus.APPLIED);
        assertThat(approved.change().decidedBy()).isEqualTo("bob");
        assertThat(approved.limit().version()).isEqualTo(2);
        assertThat(approved.engineApplied()).isTrue();
        assertThat(engineValue("L|FIRM|*|*|MAX_ORDER_NOTIONAL")).isEqualTo("2000000");
        final List<LimitHistoryEntry> history = node.limits().history(approved.limit().key());
        assertThat(history).extracting(LimitHistoryEntry::action).containsExactly("APPLIED", "APPROVED");
        assertThat(history.get(1).changedBy()).isEqualTo("alice");
        assertThat(history.get(1).approvedBy()).isEqualTo("bob");
        assertThat(history.get(1).oldValue()).isEqualByComparingTo("1000000");
        assertThat(history.get(1).reason()).contains("MAX_ORDER_NOTIONAL");
    }

    @Test
    void aDecreaseAppliesAtOnceWithoutApproval() {
        node.limits().set(firm(LimitName.MAX_ORDER_QTY, "50000", 0, "alice"));

        final ChangeOutcome lowered = node.limits().set(firm(LimitName.MAX_ORDER_QTY, "40000", 1, "carol"));

        assertThat(lowered.change().status()).isEqualTo(ChangeStatus.APPLIED);
        assertThat(lowered.change().looser()).isFalse();
        assertThat(engineValue("L|FIRM|*|*|MAX_ORDER_QTY")).isEqualTo("40000");
    }

    @Test
    void aRejectedIncreaseNeverReachesTheEngine() {
        node.limits().set(firm(LimitName.MAX_LONG_POSITION, "1000", 0, "alice"));
        final ChangeOutcome proposed = node.limits().set(firm(LimitName.MAX_LONG_POSITION, "9000", 1, "alice"));
        final int calls = node.sink().size();

        final ChangeOutcome rejected = node.limits().reject(proposed.change().changeId(), "bob", "no collateral");

        assertThat(rejected.change().status()).isEqualTo(ChangeStatus.REJECTED);
        assertThat(rejected.change().decisionReason()).isEqualTo("no collateral");
        assertThat(node.sink().size()).isEqualTo(calls);
        assertThatThrownBy(() -> node.limits().approve(proposed.change().changeId(), "carol", "late"))
            .isInstanceOfSatisfying(DeskRefusal.class, refusal ->
                assertThat(refusal.kind()).isEqualTo(DeskRefusal.Kind.CONFLICT));
        assertThat(engineValue("L|FIRM|*|*|MAX_LONG_POSITION")).isEqualTo("1000");
    }

    @Test
    void anApprovalOfAProposalOvertakenByAnotherChangeIsRefusedAndSuperseded() {
        node.limits().set(firm(LimitName.MAX_SHORT_POSITION, "1000", 0, "alice"));
        final ChangeOutcome increase = node.limits().set(firm(LimitName.MAX_SHORT_POSITION, "5000", 1, "alice"));
        node.limits().set(firm(LimitName.MAX_SHORT_POSITION, "800", 1, "carol"));

        assertThatThrownBy(() -> node.limits().approve(increase.change().changeId(), "bob", "ok"))
            .isInstanceOfSatisfying(DeskRefusal.class, refusal -> {
                assertThat(refusal.kind()).isEqualTo(DeskRefusal.Kind.CONFLICT);
                assertThat(refusal.getMessage()).contains("SUPERSEDED");
            });

        assertThat(node.limits().changes(List.of(ChangeStatus.SUPERSEDED), 10)).extracting(LimitChange::changeId)
            .contains(increase.change().changeId());
        assertThat(engineValue("L|FIRM|*|*|MAX_SHORT_POSITION")).isEqualTo("800");
    }

    @Test
    void loweringAParentLowersItsLooserChildrenFirst() {
        node.limits().set(request(LimitScope.BROKER_FIRM, FIRM_A, null, LimitName.MAX_ORDERS_PER_SECOND, "500", 0,
            "alice"));
        node.limits().set(request(LimitScope.ACCOUNT, A1, null, LimitName.MAX_ORDERS_PER_SECOND, "400", 0, "alice"));
        node.limits().set(request(LimitScope.ACCOUNT, A2, null, LimitName.MAX_ORDERS_PER_SECOND, "100", 0, "alice"));
        final int calls = node.sink().size();

        final ChangeOutcome lowered = node.limits().set(request(LimitScope.BROKER_FIRM, FIRM_A, null,
            LimitName.MAX_ORDERS_PER_SECOND, "200", 1, "carol"));

        assertThat(lowered.clamped()).isEqualTo(1);
        assertThat(node.sink().calls().subList(calls, node.sink().size())).extracting(RecordingSink.Call::id)
            .containsExactly("L|ACCOUNT|A-CUST-1|*|MAX_ORDERS_PER_SECOND",
                "L|BROKER_FIRM|FIRMA|*|MAX_ORDERS_PER_SECOND");
        assertThat(engineValue("L|ACCOUNT|A-CUST-1|*|MAX_ORDERS_PER_SECOND")).isEqualTo("200");
        assertThat(engineValue("L|ACCOUNT|A-CUST-2|*|MAX_ORDERS_PER_SECOND")).isEqualTo("100");
        final LimitView child = node.limits().list(LimitScope.ACCOUNT, A1, null, LimitName.MAX_ORDERS_PER_SECOND)
            .get(0);
        assertThat(child.version()).isEqualTo(2);
        assertThat(node.limits().history(child.key()).get(1).action()).isEqualTo("CLAMPED");
    }

    @Test
    void anEffectiveDatedDecreaseAppliesWhenDueAndNotBefore() throws InterruptedException {
        node.limits().set(firm(LimitName.PRICE_COLLAR_PCT, "10", 0, "alice"));
        final Instant due = Instant.now().plusSeconds(2);

        final ChangeOutcome scheduled = node.limits().set(new LimitRequest(LimitScope.FIRM, "*", null,
            LimitName.PRICE_COLLAR_PCT, new BigDecimal("5.5"), 1, due, "earnings tomorrow", "alice"));

        assertThat(scheduled.change().status()).isEqualTo(ChangeStatus.SCHEDULED);
        assertThat(engineValue("L|FIRM|*|*|PRICE_COLLAR_PCT")).isEqualTo("10");
        final long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!"5.5".equals(engineValue("L|FIRM|*|*|PRICE_COLLAR_PCT")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(engineValue("L|FIRM|*|*|PRICE_COLLAR_PCT")).isEqualTo("5.5");
        assertThat(Instant.now()).isAfterOrEqualTo(due);
        assertThat(node.limits().changes(List.of(ChangeStatus.APPLIED), 100)).extracting(LimitChange::changeId)
            .contains(scheduled.change().changeId());
    }

    @Test
    void anApprovedIncreaseWithAFutureTimeWaitsForItsTime() throws InterruptedException {
        node.limits().set(firm(LimitName.PRICE_COLLAR_TICKS, "50", 0, "alice"));
        final Instant due = Instant.now().plusSeconds(2);
        final ChangeOutcome proposed = node.limits().set(new LimitRequest(LimitScope.FIRM, "*", null,
            LimitName.PRICE_COLLAR_TICKS, new BigDecimal("80"), 1, due, "volatile open", "alice"));

        final ChangeOutcome approved = node.limits().approve(proposed.change().changeId(), "bob", "agreed");

        assertThat(approved.change().status()).isEqualTo(ChangeStatus.SCHEDULED);
        assertThat(engineValue("L|FIRM|*|*|PRICE_COLLAR_TICKS")).isEqualTo("50");
        final long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!"80".equals(engineValue("L|FIRM|*|*|PRICE_COLLAR_TICKS")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(engineValue("L|FIRM|*|*|PRICE_COLLAR_TICKS")).isEqualTo("80");
        assertThat(Instant.now()).isAfterOrEqualTo(due);
        final List<LimitHistoryEntry> history = node.limits().history(approved.change().key());
        assertThat(history.get(history.size() - 1).action()).isEqualTo("APPROVED");
        assertThat(history.get(history.size() - 1).approvedBy()).isEqualTo("bob");
    }

    @Test
    void aNewLimitWhereNoneAppliesIsTighterAndAppliesAtOnce() {
        final ChangeOutcome outcome = node.limits().set(request(LimitScope.SYMBOL, A2, "NVDA",
            LimitName.MAX_ADV_PCT, "2.5", 0, "dave"));

        assertThat(outcome.change().status()).isEqualTo(ChangeStatus.APPLIED);
        assertThat(engineValue("L|SYMBOL|A-CUST-2|NVDA|MAX_ADV_PCT")).isEqualTo("2.5");
    }

    private static String engineValue(final String id) {
        return node.sink().value(id);
    }
}
