package io.portcullis.oms.command;

import io.portcullis.oms.domain.OrdType;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.domain.TimeInForce;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.HexFormat;
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
            new ExpireGtdOrders(11, T, T - 5),
            new NewOrder(12, T, "FIX.A", "c4", "ALICE", "AAPL", Side.SELL_SHORT, OrdType.LIMIT, TimeInForce.DAY, 100,
                1_872_500, Prices.NONE, 0, 0, "LOC-20260105-0001"),
            new NewOrder(13, T, "FIX.A", "c5", "ALICE", "AAPL", Side.SELL_SHORT_EXEMPT, OrdType.MARKET,
                TimeInForce.IOC, 100, Prices.NONE, Prices.NONE, 0, 0, null),
            new ReplaceOrder(14, T, "FIX.A", "c6", "c4", 43, "AAPL", Side.SELL_SHORT, 150, 1_872_500, Prices.NONE,
                "LOC-2"),
            new RiskUpdate(15, T, new byte[] {1, 2, 3, (byte) 0xFF}),
            new RiskUpdate(16, T, new byte[RiskUpdate.MAX_BODY_BYTES]));
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
    void shouldDecodeVersionOneBytesWrittenBeforeLocateIdsAndRiskUpdatesExisted() {
        // encoded by the version 1 codec (before this change), byte for byte as a journal holds them
        final HexFormat hex = HexFormat.of();
        assertThat(CommandCodec.decode(hex.parseHex("010001010000000000000015cd56c0d5c6871805004649582e41020063310500"
            + "414c49434504004141504c313436640000000000000074921c0000000000b0881c00000000000a00000000000000fdd056c0d5c68718")))
            .isEqualTo(new NewOrder(1, T, "FIX.A", "c1", "ALICE", "AAPL", Side.BUY, OrdType.STOP_LIMIT,
                TimeInForce.GTD, 100, 1_872_500, 1_870_000, 10, T + 1_000, null));
        assertThat(CommandCodec.decode(hex.parseHex("010003040000000000000015cd56c0d5c6871805004649582e4102006333020063"
            + "312a0000000000000004004141504c323200000000000000d8921c00000000000000000000000080")))
            .isEqualTo(new ReplaceOrder(4, T, "FIX.A", "c3", "c1", 42, "AAPL", Side.SELL, 50, 1_872_600,
                Prices.NONE, null));
        assertThat(CommandCodec.decode(hex.parseHex(
            "010005060000000000000015cd56c0d5c6871805004649582e4102006d310205004649524d41")))
            .isEqualTo(new MassCancel(6, T, "FIX.A", "m1", MassScope.BROKER_FIRM, "FIRMA"));
    }

    @Test
    void shouldWriteTheCurrentVersionAndAppendTheLocateIdToTheVersionOneLayout() {
        final NewOrder order = new NewOrder(1, T, "FIX.A", "c1", "ALICE", "AAPL", Side.BUY, OrdType.STOP_LIMIT,
            TimeInForce.GTD, 100, 1_872_500, 1_870_000, 10, T + 1_000, "L1");
        final byte[] bytes = CommandCodec.encode(order);
        assertThat(bytes[0]).isEqualTo((byte) CommandCodec.VERSION);
        assertThat(CommandCodec.VERSION).isEqualTo(2);
        final byte[] withoutLocate = CommandCodec.encode(new NewOrder(1, T, "FIX.A", "c1", "ALICE", "AAPL", Side.BUY,
            OrdType.STOP_LIMIT, TimeInForce.GTD, 100, 1_872_500, 1_870_000, 10, T + 1_000));
        assertThat(withoutLocate).hasSize(bytes.length - 2);
        assertThat(java.util.Arrays.copyOfRange(withoutLocate, 2, withoutLocate.length - 2))
            .as("same fields as version 1, locate id appended")
            .isEqualTo(java.util.Arrays.copyOfRange(HexFormat.of().parseHex("010001010000000000000015cd56c0d5c68718"
                + "05004649582e41020063310500414c49434504004141504c313436640000000000000074921c0000000000b0881c00000"
                + "000000a00000000000000fdd056c0d5c68718"), 2, withoutLocate.length - 2));
    }

    @Test
    void shouldBoundAndCopyTheRiskUpdateBody() {
        final byte[] body = {1, 2};
        final RiskUpdate update = new RiskUpdate(1, T, body);
        body[0] = 9;
        assertThat(update.bodyByte(0)).isEqualTo((byte) 1);
        update.body()[1] = 9;
        assertThat(update.bodyByte(1)).isEqualTo((byte) 2);
        assertThatThrownBy(() -> new RiskUpdate(1, T, new byte[RiskUpdate.MAX_BODY_BYTES + 1]))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("961 bytes");
        assertThat(CommandCodec.encode(new RiskUpdate(2, T, new byte[RiskUpdate.MAX_BODY_BYTES])))
            .hasSizeLessThanOrEqualTo(CommandCodec.MAX_ENCODED_LENGTH);
    }

    @Test
    void shouldRefuseOverlongStrings() {
        assertThatThrownBy(() -> CommandCodec.encode(new HaltSymbol(1, T, "A".repeat(200))))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
