package io.portcullis.oms.engine;

import io.portcullis.oms.book.Order;
import io.portcullis.oms.command.NewOrder;
import io.portcullis.oms.domain.Account;
import io.portcullis.oms.domain.Instrument;
import io.portcullis.oms.domain.InstrumentStatus;
import io.portcullis.oms.domain.OrdType;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.domain.TimeInForce;
import io.portcullis.oms.instrument.InstrumentRegistry;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A version 1 snapshot (written before short sales, locate ids, executed notionals and risk state existed) still
 * restores: same live orders, queues and positions, and the engine carries on from it.
 */
class SnapshotCompatibilityTest {

    private static final long T0 = 1_767_600_000_000_000_000L;

    /** The configuration the version 1 snapshot in test resources was written with. */
    private static EngineConfig config() {
        return new EngineConfig().instruments(InstrumentRegistry.of(List.of(
                new Instrument("AAPL", "Apple Inc.", "XNAS", true, 100, 1, 1_872_500, InstrumentStatus.ACTIVE),
                new Instrument("MSFT", "Microsoft Corporation", "XNAS", true, 100, 1, 4_784_300,
                    InstrumentStatus.ACTIVE))))
            .accounts(List.of(Account.customer("ALICE", "FIRMA"), Account.customer("BOB", "FIRMB")))
            .expectedLiveOrders(64);
    }

    @Test
    void shouldRestoreAVersionOneSnapshot() throws IOException {
        // written by the version 1 engine after: ALICE buys 100 AAPL @ 187.00 (DAY), BOB sells 40 AAPL @ 187.00,
        // ALICE sells 50 MSFT @ 478.00 (GTC), BOB's buy stop 30 MSFT @ 479.00 (GTC)
        final OrderEngine engine;
        try (InputStream in = SnapshotCompatibilityTest.class.getResourceAsStream("/snapshots/engine-v1.bin")) {
            assertThat(in).isNotNull();
            engine = OrderEngine.restore(config(), in);
        }
        assertThat(engine.lastSequence()).isEqualTo(4);
        assertThat(engine.liveOrderCount()).isEqualTo(3);
        assertThat(engine.checkInvariants()).isNull();
        final Order first = engine.order(1);
        assertThat(first.side()).isEqualTo(Side.BUY);
        assertThat(first.cumQty()).isEqualTo(40);
        assertThat(first.leavesQty()).isEqualTo(60);
        assertThat(first.locateId()).isNull();
        assertThat(engine.order(3).side()).isEqualTo(Side.SELL);
        assertThat(engine.order(4).isPendingStop()).isTrue();
        assertThat(engine.position("ALICE", "AAPL").netQty()).isEqualTo(40);
        assertThat(engine.position("BOB", "AAPL").netQty()).isEqualTo(-40);
        assertThat(engine.lastPrice("AAPL")).isEqualTo(1_870_000);
        assertThat(engine.exposures().openBuyNotional("ALICE")).isEqualTo(60 * 1_870_000L);
        assertThat(engine.exposures().executedBuyNotional(0)).as("not in version 1: starts at 0").isZero();

        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        engine.writeSnapshot(out);
        final OrderEngine again = OrderEngine.restore(config(), new ByteArrayInputStream(out.toByteArray()));
        assertThat(again.stateHashHex()).isEqualTo(engine.stateHashHex());

        engine.apply(new NewOrder(5, T0 + 5, "FIX.B", "B3", "BOB", "AAPL", Side.SELL_SHORT, OrdType.LIMIT,
            TimeInForce.DAY, 60, 1_870_000, Prices.NONE, 0, 0, "LOC-1"));
        assertThat(engine.order(1)).as("filled by the short sale").isNull();
        assertThat(engine.position("BOB", "AAPL").netQty()).isEqualTo(-100);
        assertThat(engine.exposures().executedBuyNotional(0)).isEqualTo(60 * 1_870_000L);
        assertThat(engine.checkInvariants()).isNull();
    }
}
