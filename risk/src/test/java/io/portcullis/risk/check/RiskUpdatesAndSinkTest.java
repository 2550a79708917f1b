package io.portcullis.risk.check;

import io.portcullis.oms.command.Command;
import io.portcullis.oms.command.MassCancel;
import io.portcullis.oms.command.MassScope;
import io.portcullis.oms.command.RiskUpdate;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.event.EngineEvent;
import io.portcullis.risk.model.KillScope;
import io.portcullis.risk.model.LimitKey;
import io.portcullis.risk.model.LimitName;
import io.portcullis.risk.model.LimitScope;
import io.portcullis.risk.model.ListName;
import io.portcullis.risk.model.Locate;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The risk update body codec and the command sink that turns the desk's changes into engine commands. */
class RiskUpdatesAndSinkTest {

    @Test
    void shouldRoundTripEveryKindOfChange() {
        final LimitKey symbolKey = new LimitKey(LimitScope.SYMBOL, "B1-CUST-001", "AAPL", LimitName.PRICE_COLLAR_PCT);
        assertThat(RiskUpdates.decode(RiskUpdates.setLimit(symbolKey, new BigDecimal("2.5"))))
            .isEqualTo(new RiskChange.SetLimit(symbolKey, 25_000));
        final LimitKey firmKey = new LimitKey(LimitScope.FIRM, LimitKey.ANY, LimitKey.ANY, LimitName.GROSS_NOTIONAL);
        assertThat(RiskUpdates.decode(RiskUpdates.setLimit(firmKey, new BigDecimal("1000000.50"))))
            .isEqualTo(new RiskChange.SetLimit(firmKey, 10_000_005_000L));
        assertThat(RiskUpdates.decode(RiskUpdates.removeLimit(firmKey))).isEqualTo(new RiskChange.RemoveLimit(firmKey));
        assertThat(RiskUpdates.decode(RiskUpdates.listEntry(ListName.HARD_TO_BORROW, "*", "GME", true)))
            .isEqualTo(new RiskChange.ListEntry(ListName.HARD_TO_BORROW, "*", "GME", true));
        final Locate locate = new Locate("LOC-2026-0001", "B1-CUST-001", "AAPL", 5_000);
        assertThat(RiskUpdates.decode(RiskUpdates.addLocate(locate))).isEqualTo(new RiskChange.AddLocate(locate));
        assertThat(RiskUpdates.decode(RiskUpdates.killSwitch(KillScope.SESSION, "FIX.B1", false)))
            .isEqualTo(new RiskChange.KillSwitch(KillScope.SESSION, "FIX.B1", false));
        assertThat(RiskUpdates.unscale(LimitName.PRICE_COLLAR_PCT, 25_000)).isEqualByComparingTo("2.5");
        assertThat(RiskUpdates.scale(LimitName.MAX_ORDER_QTY, new BigDecimal("10000"))).isEqualTo(10_000);
    }

    @Test
    void shouldKeepTheWireFormatStable() {
        // version 1, SET_LIMIT, ACCOUNT, "A1", "*", MAX_ORDER_QTY (1), 10000
        assertThat(HexFormat.of().formatHex(RiskUpdates.setLimit(new LimitKey(LimitScope.ACCOUNT, "A1",
            LimitKey.ANY, LimitName.MAX_ORDER_QTY), new BigDecimal("10000"))))
            .isEqualTo("010103024131012a010000000000002710");
        assertThat(HexFormat.of().formatHex(RiskUpdates.killSwitch(KillScope.FIRM, "*", true)))
            .isEqualTo("010501012a01");
        for (final LimitName name : LimitName.values()) {
            assertThat(RiskUpdates.limitOf(RiskUpdates.limitCode(name))).isEqualTo(name);
        }
    }

    @Test
    void shouldRefuseMalformedBodiesAndInvalidValues() {
        final byte[] body = RiskUpdates.killSwitch(KillScope.FIRM, "*", true);
        final byte[] future = body.clone();
        future[0] = 2;
        assertThatThrownBy(() -> RiskUpdates.decode(future)).hasMessageContaining("version 2");
        assertThatThrownBy(() -> RiskUpdates.decode(new byte[] {1, 1, 3})).hasMessageContaining("truncated");
        final byte[] trailing = java.util.Arrays.copyOf(body, body.length + 1);
        assertThatThrownBy(() -> RiskUpdates.decode(trailing)).hasMessageContaining("trailing");
        final byte[] badFlag = body.clone();
        badFlag[badFlag.length - 1] = 7;
        assertThatThrownBy(() -> RiskUpdates.decode(badFlag)).hasMessageContaining("flag");
        assertThatThrownBy(() -> RiskUpdates.setLimit(new LimitKey(LimitScope.FIRM, "*", "*",
            LimitName.MARKET_ORDERS_ALLOWED), new BigDecimal("0.5"))).hasMessageContaining("must be 0 or 1");
        assertThatThrownBy(() -> RiskUpdates.setLimit(new LimitKey(LimitScope.FIRM, "*", "*",
            LimitName.GROSS_NOTIONAL), new BigDecimal("1.00001"))).hasMessageContaining("at most 4 decimals");
    }

    @Test
    void shouldAnswerAMalformedUpdateWithAnAdminRejectAndChangeNothing() {
        final RiskDriver driver = new RiskDriver();
        driver.update(new byte[] {1, 9});
        assertThat(driver.events.ofType(EngineEvent.AdminRejected.class)).singleElement()
            .extracting(EngineEvent.AdminRejected::rejectCode).isEqualTo(RejectCode.RISK_UPDATE_REFUSED);
        assertThat(driver.risk.refusedUpdates()).isEqualTo(1);
    }

    @Test
    void shouldSubmitTheKillSwitchBeforeItsMassCancelAndNothingElseOnRelease() {
        final List<Command> submitted = new ArrayList<>();
        final EngineRiskCommandSink sink = new EngineRiskCommandSink((command, callback) -> submitted.add(command),
            RiskDriver.NO_CALLBACK, () -> 42L);
        sink.setKillSwitch(KillScope.BROKER_FIRM, "B1", true);
        assertThat(submitted).hasSize(2);
        assertThat(submitted.get(0)).isInstanceOfSatisfying(RiskUpdate.class, u -> {
            assertThat(u.timestamp()).isEqualTo(42L);
            assertThat(RiskUpdates.decode(u.body()))
                .isEqualTo(new RiskChange.KillSwitch(KillScope.BROKER_FIRM, "B1", true));
        });
        assertThat(submitted.get(1)).isEqualTo(new MassCancel(0, 42L, EngineRiskCommandSink.KILL_SWITCH_SESSION,
            "KILL-BROKER_FIRM", MassScope.BROKER_FIRM, "B1"));
        sink.setKillSwitch(KillScope.FIRM, "*", true);
        assertThat(((MassCancel) submitted.get(3)).scope()).isEqualTo(MassScope.ALL);
        assertThat(((MassCancel) submitted.get(3)).scopeValue()).isNull();
        sink.setKillSwitch(KillScope.FIRM, "*", false);
        assertThat(submitted).hasSize(5);
        assertThat(EngineRiskCommandSink.massScope(KillScope.SESSION)).isEqualTo(MassScope.SESSION);
        assertThat(EngineRiskCommandSink.massScope(KillScope.ACCOUNT)).isEqualTo(MassScope.ACCOUNT);
        assertThat(EngineRiskCommandSink.massScope(KillScope.SYMBOL)).isEqualTo(MassScope.SYMBOL);
    }

    @Test
    void shouldThrowWhenTheEngineDoesNotTakeTheCommand() {
        final EngineRiskCommandSink sink = new EngineRiskCommandSink((command, callback) -> false,
            RiskDriver.NO_CALLBACK);
        assertThatThrownBy(() -> sink.addLocate(new Locate("L1", "A1", "AAPL", 100)))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("add locate L1");
        assertThatThrownBy(() -> sink.setLimit(new LimitKey(LimitScope.FIRM, "*", "*", LimitName.MAX_ORDER_QTY),
            new BigDecimal("-1"))).isInstanceOf(IllegalArgumentException.class);
        final List<Command> submitted = new ArrayList<>();
        final EngineRiskCommandSink taking = new EngineRiskCommandSink((command, callback) -> submitted.add(command),
            RiskDriver.NO_CALLBACK);
        assertThatThrownBy(() -> taking.setKillSwitch(KillScope.ACCOUNT, "A".repeat(129), true))
            .isInstanceOf(IllegalArgumentException.class);
        assertThat(submitted).as("nothing half-submitted").isEmpty();
    }
}
