package io.portcullis.risk.desk;

import static io.portcullis.risk.desk.DeskFixture.A1;
import static io.portcullis.risk.desk.DeskFixture.FIRM_A;
import static io.portcullis.risk.desk.DeskFixture.firm;
import static io.portcullis.risk.desk.DeskFixture.request;
import static io.portcullis.sql.schema.Tables.RISK_LIMIT;
import static io.portcullis.sql.schema.Tables.RISK_LIMIT_CHANGE;
import static io.portcullis.sql.schema.Tables.RISK_LIMIT_HISTORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.portcullis.risk.model.LimitName;
import io.portcullis.risk.model.LimitScope;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bad limit requests are refused with a clear error naming the field, and nothing is written and nothing reaches
 * the engine: negative, absurd or wrongly precise values, unknown accounts, firms and symbols, a limit at a scope
 * where it cannot be set, a child looser than its parent, no reason, a date in the past, a stale version, approving
 * one's own change.
 */
@Timeout(120)
class LimitValidationTest {
    private static DeskFixture fixture;
    private static DeskFixture.Node node;

    private int callsBefore;
    private int rowsBefore;

    @BeforeAll
    static void start() {
        fixture = DeskFixture.create(LimitValidationTest.class);
        node = fixture.node();
        node.limits().set(firm(LimitName.MAX_ORDER_QTY, "10000", 0, "alice"));
        node.limits().set(request(LimitScope.BROKER_FIRM, FIRM_A, null, LimitName.MAX_ORDER_QTY, "5000", 0, "alice"));
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @BeforeEach
    void rememberState() {
        callsBefore = node.sink().size();
        rowsBefore = rows();
    }

    @Test
    void aNegativeValueIsRefusedNamingValue() {
        assertRefused(() -> node.limits().set(firm(LimitName.MAX_ORDER_NOTIONAL, "-1", 0, "alice")), "value",
            "must not be negative");
    }

    @Test
    void anAbsurdValueIsRefusedNamingTheMaximum() {
        assertRefused(() -> node.limits().set(firm(LimitName.MAX_ORDER_QTY, "100000001", 0, "alice")), "value",
            "at most 100000000");
    }

    @Test
    void fractionalSharesAreRefused() {
        assertRefused(() -> node.limits().set(firm(LimitName.MAX_LONG_POSITION, "10.5", 0, "alice")), "value",
            "whole number");
    }

    @Test
    void aMissingValueIsRefused() {
        assertRefused(() -> node.limits().set(firm(LimitName.MAX_LONG_POSITION, null, 0, "alice")), "value",
            "required");
    }

    @Test
    void anUnknownAccountIsRefusedNamingKey() {
        assertRefused(() -> node.limits().set(request(LimitScope.ACCOUNT, "NO-SUCH", null, LimitName.MAX_ORDER_QTY,
            "100", 0, "alice")), "key", "unknown account 'NO-SUCH'");
    }

    @Test
    void anUnknownBrokerFirmIsRefused() {
        assertRefused(() -> node.limits().set(request(LimitScope.BROKER_FIRM, "NOFIRM", null,
            LimitName.MAX_ORDER_QTY, "100", 0, "alice")), "key", "unknown broker firm 'NOFIRM'");
    }

    @Test
    void anUnknownSymbolIsRefusedNamingSymbol() {
        assertRefused(() -> node.limits().set(request(LimitScope.SYMBOL, A1, "ZZZZ", LimitName.MAX_ORDER_QTY, "100",
            0, "alice")), "symbol", "unknown symbol 'ZZZZ'");
    }

    @Test
    void aLimitAtAScopeWhereItCannotBeSetIsRefusedNamingScope() {
        assertRefused(() -> node.limits().set(request(LimitScope.ACCOUNT, A1, null,
            LimitName.MAX_MESSAGES_PER_SECOND, "100", 0, "alice")), "scope", "cannot be set at ACCOUNT scope");
    }

    @Test
    void theFirmScopeTakesNoOtherKey() {
        assertRefused(() -> node.limits().set(request(LimitScope.FIRM, FIRM_A, null, LimitName.MAX_ORDER_QTY, "100",
            0, "alice")), "key", "'*'");
    }

    @Test
    void onlyASymbolLimitNamesASymbol() {
        assertRefused(() -> node.limits().set(request(LimitScope.ACCOUNT, A1, "AAPL", LimitName.MAX_ORDER_QTY, "100",
            0, "alice")), "symbol", "only a SYMBOL limit");
    }

    @Test
    void aChildLooserThanItsParentIsRefused() {
        assertRefused(() -> node.limits().set(request(LimitScope.ACCOUNT, A1, null, LimitName.MAX_ORDER_QTY, "6000", 0,
            "alice")), "value", "looser than the BROKER_FIRM FIRMA MAX_ORDER_QTY limit of 5000");
    }

    @Test
    void aSymbolOverrideLooserThanTheFirmWideLimitIsRefusedThroughTheChain() {
        assertRefused(() -> node.limits().set(request(LimitScope.SYMBOL, DeskFixture.B1, "AAPL",
            LimitName.MAX_ORDER_QTY, "20000", 0, "alice")), "value", "looser than the FIRM MAX_ORDER_QTY limit");
    }

    @Test
    void aRequestWithoutAReasonIsRefused() {
        assertRefused(() -> node.limits().set(new LimitRequest(LimitScope.FIRM, "*", null, LimitName.MAX_ORDER_QTY,
            new BigDecimal("100"), 1, null, " ", "alice")), "reason", "required");
    }

    @Test
    void anEffectiveTimeInThePastIsRefused() {
        assertRefused(() -> node.limits().set(new LimitRequest(LimitScope.FIRM, "*", null, LimitName.MAX_ORDER_QTY,
            new BigDecimal("100"), 1, Instant.now().minus(1, ChronoUnit.HOURS), "why", "alice")), "effectiveFrom",
            "in the past");
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        assertThatThrownBy(() -> node.limits().set(firm(LimitName.MAX_ORDER_QTY, "9000", 0, "alice")))
            .isInstanceOfSatisfying(DeskRefusal.class, refusal -> {
                assertThat(refusal.kind()).isEqualTo(DeskRefusal.Kind.CONFLICT);
                assertThat(refusal.getMessage()).contains("is at version 1, not 0");
            });
        assertNothingChanged();
    }

    @Test
    void theProposerCannotApproveTheirOwnIncrease() {
        final ChangeOutcome proposed = node.limits().set(firm(LimitName.MAX_ORDER_QTY, "20000", 1, "alice"));
        assertThat(proposed.change().status()).isEqualTo(ChangeStatus.PENDING_APPROVAL);
        final int calls = node.sink().size();

        assertThatThrownBy(() -> node.limits().approve(proposed.change().changeId(), "alice", "looks fine"))
            .isInstanceOfSatisfying(DeskRefusal.class, refusal -> {
                assertThat(refusal.kind()).isEqualTo(DeskRefusal.Kind.FOUR_EYES);
                assertThat(refusal.getMessage()).contains("another risk officer must approve it");
            });

        assertThat(node.sink().size()).isEqualTo(calls);
        assertThat(node.limits().get(proposed.change().key()).value()).isEqualByComparingTo("10000");
        node.limits().reject(proposed.change().changeId(), "alice", "withdrawn by the test");
    }

    @Test
    void anUnknownChangeCannotBeApproved() {
        assertThatThrownBy(() -> node.limits().approve(987_654, "bob", "ok"))
            .isInstanceOfSatisfying(DeskRefusal.class, refusal ->
                assertThat(refusal.kind()).isEqualTo(DeskRefusal.Kind.NOT_FOUND));
    }

    private void assertRefused(final ThrowingCallable call, final String field, final String reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DeskRefusal.class, refusal -> {
            assertThat(refusal.kind()).isEqualTo(DeskRefusal.Kind.INVALID);
            assertThat(refusal.field()).isEqualTo(field);
            assertThat(refusal.reason()).contains(reason);
        });
        assertNothingChanged();
    }

    private void assertNothingChanged() {
        assertThat(node.sink().size()).as("calls to the engine").isEqualTo(callsBefore);
        assertThat(rows()).as("rows written").isEqualTo(rowsBefore);
    }

    private static int rows() {
        return fixture.dsl().fetchCount(RISK_LIMIT) + fixture.dsl().fetchCount(RISK_LIMIT_CHANGE)
            + fixture.dsl().fetchCount(RISK_LIMIT_HISTORY);
    }
}
