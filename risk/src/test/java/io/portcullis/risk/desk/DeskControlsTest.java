package io.portcullis.risk.desk;

import static io.portcullis.risk.desk.DeskFixture.A1;
import static io.portcullis.risk.desk.DeskFixture.FIRM_B;
import static io.portcullis.risk.desk.DeskFixture.SESSION;
import static io.portcullis.risk.desk.DeskFixture.firm;
import static io.portcullis.risk.desk.RedisDistributionTest.awaitValue;
import static io.portcullis.sql.schema.Tables.RISK_KILL_SWITCH_HISTORY;
import static io.portcullis.sql.schema.Tables.RISK_LIST_HISTORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;

import io.portcullis.risk.model.KillScope;
import io.portcullis.risk.model.LimitName;
import io.portcullis.risk.model.ListName;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Restricted and hard-to-borrow lists, locates and kill switches: each applies at once, reaches the engine, is kept
 * with who, when and why; bad requests are refused naming the field with nothing sent to the engine; and a change the
 * engine refused (stopped) is retried until it takes it.
 */
@Timeout(120)
class DeskControlsTest {
    private static DeskFixture fixture;
    private static DeskFixture.Node node;

    @BeforeAll
    static void start() {
        fixture = DeskFixture.create(DeskControlsTest.class);
        node = fixture.node();
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aRestrictedSymbolIsAddedAndRemovedWithHistory() {
        final Committed<ListEntryView> added = node.desk().lists().set(ListName.RESTRICTED, null, "AAPL", true,
            "pending merger", "alice");

        assertThat(added.engineApplied()).isTrue();
        assertThat(added.state().scopeKey()).isEqualTo("*");
        assertThat(node.sink().value("S|RESTRICTED|*|AAPL")).isEqualTo("1");
        assertThat(node.desk().lists().list(ListName.RESTRICTED, null)).extracting(ListEntryView::symbol)
            .contains("AAPL");

        final Committed<ListEntryView> removed = node.desk().lists().set(ListName.RESTRICTED, "*", "AAPL", false,
            "deal closed", "bob");

        assertThat(removed.state().version()).isEqualTo(2);
        assertThat(node.sink().value("S|RESTRICTED|*|AAPL")).isEqualTo("0");
        assertThat(node.desk().lists().list(ListName.RESTRICTED, null)).extracting(ListEntryView::symbol)
            .doesNotContain("AAPL");
        assertThat(fixture.dsl().selectFrom(RISK_LIST_HISTORY).where(RISK_LIST_HISTORY.SYMBOL.eq("AAPL"))
            .orderBy(RISK_LIST_HISTORY.HISTORY_ID).fetch(row -> row.getAction() + " by " + row.getChangedBy()
                + ": " + row.getReason()))
            .containsExactly("ADDED by alice: pending merger", "REMOVED by bob: deal closed");
    }

    @Test
    void aHardToBorrowEntryForOneAccountIsRefusedTwiceAndRemovingAnAbsentOneIsNotFound() {
        node.desk().lists().set(ListName.HARD_TO_BORROW, A1, "MSFT", true, "recall", "alice");
        final int calls = node.sink().size();

        assertRefused(() -> node.desk().lists().set(ListName.HARD_TO_BORROW, A1, "MSFT", true, "again", "alice"),
            DeskRefusal.Kind.CONFLICT, null);
        assertRefused(() -> node.desk().lists().set(ListName.HARD_TO_BORROW, A1, "NVDA", false, "gone", "alice"),
            DeskRefusal.Kind.NOT_FOUND, null);
        assertRefused(() -> node.desk().lists().set(ListName.HARD_TO_BORROW, "NO-ACC", "NVDA", true, "x", "alice"),
            DeskRefusal.Kind.INVALID, "account");
        assertRefused(() -> node.desk().lists().set(ListName.RESTRICTED, null, "ZZZZ", true, "x", "alice"),
            DeskRefusal.Kind.INVALID, "symbol");
        assertRefused(() -> node.desk().lists().set(ListName.RESTRICTED, null, "NVDA", true, "", "alice"),
            DeskRefusal.Kind.INVALID, "reason");
        assertThat(node.sink().size()).isEqualTo(calls);
    }

    @Test
    void aLocateIsGrantedOnceAndReachesTheEngine() {
        final Committed<LocateView> granted = node.desk().locates().grant(null, A1, "NVDA", 2_000, null,
            "lender conf 77", "alice");

        assertThat(granted.state().locateId()).startsWith("LOC-");
        assertThat(granted.state().expiresOn()).isEqualTo(node.desk().locates().today());
        assertThat(node.sink().value("C|" + granted.state().locateId())).isEqualTo(A1 + "|NVDA|2000");
        assertThat(node.desk().locates().list(A1, false)).extracting(LocateView::locateId)
            .contains(granted.state().locateId());
        assertRefused(() -> node.desk().locates().grant(granted.state().locateId(), A1, "NVDA", 10, null, "dup",
            "alice"), DeskRefusal.Kind.CONFLICT, null);
    }

    @Test
    void badLocatesAreRefusedNamingTheField() {
        final int calls = node.sink().size();
        final LocalDate today = node.desk().locates().today();

        assertRefused(() -> node.desk().locates().grant(null, A1, "NVDA", 0, null, "x", "alice"),
            DeskRefusal.Kind.INVALID, "quantity");
        assertRefused(() -> node.desk().locates().grant(null, A1, "NVDA", 100, today.minusDays(1), "x", "alice"),
            DeskRefusal.Kind.INVALID, "expiresOn");
        assertRefused(() -> node.desk().locates().grant(null, A1, "NVDA", 100, today.plusDays(90), "x", "alice"),
            DeskRefusal.Kind.INVALID, "expiresOn");
        assertRefused(() -> node.desk().locates().grant("bad id!", A1, "NVDA", 100, null, "x", "alice"),
            DeskRefusal.Kind.INVALID, "locateId");
        assertRefused(() -> node.desk().locates().grant(null, "NO-ACC", "NVDA", 100, null, "x", "alice"),
            DeskRefusal.Kind.INVALID, "account");
        assertThat(node.sink().size()).isEqualTo(calls);
    }

    @Test
    void killSwitchesEngageAndReleaseAtOnceForEveryScope() {
        for (final KillScope scope : KillScope.values()) {
            final String key = switch (scope) {
                case FIRM -> "*";
                case BROKER_FIRM -> FIRM_B;
                case SESSION -> SESSION;
                case ACCOUNT -> A1;
                case SYMBOL -> "MSFT";
            };
            node.desk().killSwitches().set(scope, key, true, "test " + scope, "alice");
            assertThat(node.sink().value("K|" + scope + "|" + key)).as(scope.name()).isEqualTo("1");
            assertRefused(() -> node.desk().killSwitches().set(scope, key, true, "twice", "alice"),
                DeskRefusal.Kind.CONFLICT, null);
            node.desk().killSwitches().set(scope, key, false, "all clear", "bob");
            assertThat(node.sink().value("K|" + scope + "|" + key)).as(scope.name()).isEqualTo("0");
        }
        assertThat(fixture.dsl().fetchCount(RISK_KILL_SWITCH_HISTORY)).isEqualTo(2 * KillScope.values().length);
        assertThat(node.desk().killSwitches().list(true)).isEmpty();
    }

    @Test
    void aKillSwitchWithAnUnknownKeyIsRefused() {
        assertRefused(() -> node.desk().killSwitches().set(KillScope.SESSION, "FIX.4.4:X->Y", true, "x", "alice"),
            DeskRefusal.Kind.INVALID, "key");
        assertRefused(() -> node.desk().killSwitches().set(KillScope.FIRM, A1, true, "x", "alice"),
            DeskRefusal.Kind.INVALID, "key");
        assertRefused(() -> node.desk().killSwitches().set(null, "*", true, "x", "alice"),
            DeskRefusal.Kind.INVALID, "scope");
    }

    @Test
    void aChangeTheEngineRefusedIsRetriedUntilItTakesIt() throws InterruptedException {
        node.sink().refuse(true);
        final ChangeOutcome outcome;
        try {
            outcome = node.limits().set(firm(LimitName.MAX_ADV_PCT, "3", 0, "alice"));
        } finally {
            node.sink().refuse(false);
        }

        assertThat(outcome.change().status()).as("the authority has it").isEqualTo(ChangeStatus.APPLIED);
        assertThat(outcome.engineApplied()).isFalse();
        awaitValue(() -> node.sink().value("L|FIRM|*|*|MAX_ADV_PCT"), "3", Duration.ofSeconds(5));
        assertThat(node.desk().sync().problem()).isNull();
    }

    private static void assertRefused(final ThrowingCallable call, final DeskRefusal.Kind kind, final String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DeskRefusal.class, refusal -> {
            assertThat(refusal.kind()).as(refusal.getMessage()).isEqualTo(kind);
            assertThat(refusal.field()).as(refusal.getMessage()).isEqualTo(field);
        });
    }
}
