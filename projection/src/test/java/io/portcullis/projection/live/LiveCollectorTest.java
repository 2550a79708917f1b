package io.portcullis.projection.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.Side;
import org.junit.jupiter.api.Test;

/** One-minute bars across minutes, days and a restart; quote fields; the update message's text form. */
class LiveCollectorTest {
    private static final long MINUTE = 60_000_000_000L;
    /** 2026-11-25T23:59:00Z in epoch nanoseconds. */
    private static final long BEFORE_MIDNIGHT = 1_795_651_140L * 1_000_000_000L;

    @Test
    void tradesMakeOneBarPerMinuteWithOpenHighLowCloseAndVolume() {
        final Map<String, String> stored = new HashMap<>();
        final LiveCollector collector = new LiveCollector((symbol, minute) -> null);
        collector.onTrade("AAPL", 1, 2_684_700, 100, Side.BUY, 10, 11, BEFORE_MIDNIGHT + 1_000);
        collector.onTrade("AAPL", 2, 2_685_000, 200, Side.SELL_SHORT, 12, 13, BEFORE_MIDNIGHT + 30 * 1_000_000_000L);
        collector.onTrade("AAPL", 3, 2_684_500, 50, Side.SELL, 14, 15, BEFORE_MIDNIGHT + MINUTE - 1);
        collector.onTrade("AAPL", 4, 2_684_600, 10, Side.BUY, 16, 17, BEFORE_MIDNIGHT + MINUTE);
        collector.dirtyBars().forEach(bar -> stored.put(bar.minute + "", bar.encode()));

        assertThat(stored).containsOnly(
            Map.entry("1795651140", "2684700,2685000,2684500,2684500,350"),
            Map.entry("1795651200", "2684600,2684600,2684600,2684600,10"));
        assertThat(new LiveKeys("p:").bars("AAPL", 1_795_651_140L)).isEqualTo("p:bars:AAPL:2026-11-25");
        assertThat(new LiveKeys("p:").bars("AAPL", 1_795_651_200L)).isEqualTo("p:bars:AAPL:2026-11-26");
        assertThat(collector.trades()).extracting(LiveUpdate.Trade::aggressor)
            .containsExactly("BUY", "SELL", "SELL", "BUY");
    }

    @Test
    void aRestartInTheMiddleOfAMinuteContinuesTheStoredBar() {
        final LiveCollector collector = new LiveCollector((symbol, minute) ->
            minute == 1_795_651_140L ? LiveCollector.Bar.decode(symbol, minute, "100,120,90,110,1000") : null);
        collector.onTrade("MSFT", 9, 95, 5, Side.BUY, 1, 2, BEFORE_MIDNIGHT + 5);
        collector.onTrade("MSFT", 10, 130, 5, Side.BUY, 1, 2, BEFORE_MIDNIGHT + 6);

        assertThat(collector.dirtyBars()).singleElement().extracting(LiveCollector.Bar::encode)
            .isEqualTo("100,130,90,130,1010");
        collector.clear();
        assertThat(collector.dirtyBars()).isEmpty();
        collector.onTrade("MSFT", 11, 80, 1, Side.SELL, 1, 2, BEFORE_MIDNIGHT + 7);
        assertThat(collector.dirtyBars()).singleElement().extracting(LiveCollector.Bar::encode)
            .as("the bar carries over between batches").isEqualTo("100,130,80,80,1011");
    }

    @Test
    void anEmptyBookSideIsStoredAsNoPrice() {
        final LiveCollector collector = new LiveCollector((symbol, minute) -> null);
        collector.onTopOfBook("SPY", Prices.NONE, 0, 6_687_300, 400, 77);

        assertThat(collector.symbolFields().get("SPY")).containsEntry("bid", "").containsEntry("ask", "6687300")
            .containsEntry("askQty", "400").containsEntry("updatedAt", "77");
    }

    @Test
    void anUpdateMessageSurvivesItsTextForm() {
        final LiveUpdate update = new LiveUpdate(List.of("AAPL", "SPY"),
            List.of(new LiveUpdate.Trade("AAPL", 7, 2_684_700, 100, "BUY", 123_456_789L)), List.of("ALICE|AAPL"));

        assertThat(LiveUpdate.decode(update.encode())).isEqualTo(update);
        assertThatThrownBy(() -> LiveUpdate.decode("X AAPL")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("X AAPL");
    }
}
