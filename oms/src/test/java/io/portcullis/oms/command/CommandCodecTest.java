package io.portcullis.oms.command;

import io.portcullis.oms.domain.OrdType;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.domain.TimeInForce;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every command survives the journal's byte round trip unchanged. */
class CommandCodecTest {

    private static final long T = 1_767_600_000_123_456_789L;

    @Test
    void shouldRoundTripEveryCommandType() {
        final List<Command> commands = List.of(
            new NewOrder(1, T, "FIX.A", "c1", "ALICE", "AAPL", Side.BUY, OrdType.STOP_LIMIT, TimeInForce.GTD, 100,
                1_872_500, 1_870_000, 10, T + 1_000),
            new NewOrder(2, T, "FIX.A", null, "ALICE", "AAPL", null, null, null, 0, Prices.NONE, Prices.NONE, 0, 0),
            new CancelOrder(3, T, "FIX.A", "c2", "c1", 0),
            new ReplaceOrder(4, T, "FIX.A", "c3", "c1", 42, "AAPL", Side.SELL, 50, 1_872_600, Prices.NONE),
            new OrderStatusRequest(5, T, "FIX.A", "s1", "c3", 42),
            new MassCancel(6, T, "FIX.A", "m1", MassScope.BROKER_FIRM, "FIRMA"),
            new MassStatus(7, T, "FIX.A", null, MassScope.ALL, null),
            new HaltSymbol(8, T, "AAPL"),
            new ResumeSymbol(9, T, "AAPL"),
            new ExpireDayOrders(10, T),
            new ExpireGtdOrders(11, T, T - 5));
        final ByteBuffer journal = ByteBuffer.allocate(64 * 1024);
        for (final Command command : commands) {
            assertThat(CommandCodec.decode(CommandCodec.encode(command))).isEqualTo(command);
            CommandCodec.encode(command, journal);
        }
        journal.flip();
        for (final Command command : commands) {
            assertThat(CommandCodec.decode(journal)).isEqualTo(command);
        }
        assertThat(journal.hasRemaining()).isFalse();
    }

    @Test
    void shouldRefuseBytesOfAnUnknownVersionOrTruncatedCommands() {
        final byte[] bytes = CommandCodec.encode(new HaltSymbol(1, T, "AAPL"));
        final byte[] future = bytes.clone();
        future[0] = 9;
        assertThatThrownBy(() -> CommandCodec.decode(future)).hasMessageContaining("version 9");
        final byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 2);
        assertThatThrownBy(() -> CommandCodec.decode(truncated)).hasMessageContaining("truncated");
    }

    @Test
    void shouldRefuseOverlongStrings() {
        assertThatThrownBy(() -> CommandCodec.encode(new HaltSymbol(1, T, "A".repeat(200))))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
