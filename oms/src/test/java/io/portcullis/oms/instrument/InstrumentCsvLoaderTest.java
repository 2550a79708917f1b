package io.portcullis.oms.instrument;

import io.portcullis.oms.domain.Instrument;
import io.portcullis.oms.domain.InstrumentStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled seed loads cleanly and every bad field of a user's file is reported by line and column. */
class InstrumentCsvLoaderTest {

    @Test
    void shouldLoadAtLeastFiftyRealUsEquitiesFromTheBundledSeed() {
        final InstrumentLoadResult result = InstrumentCsvLoader.loadBundled();
        assertThat(result.errors()).isEmpty();
        assertThat(result.instruments()).hasSizeGreaterThanOrEqualTo(50);
        assertThat(result.instruments()).filteredOn(Instrument::sp500).hasSizeGreaterThanOrEqualTo(40);
        assertThat(result.instruments()).filteredOn(i -> !i.sp500()).isNotEmpty();
        assertThat(result.instruments()).allSatisfy(i -> {
            assertThat(i.tickSize()).isEqualTo(100);
            assertThat(i.lotSize()).isEqualTo(1);
            assertThat(i.status()).isEqualTo(InstrumentStatus.ACTIVE);
        });
        final InstrumentRegistry registry = result.toRegistry();
        assertThat(registry.find("AAPL").mic()).isEqualTo("XNAS");
        assertThat(registry.find("SPY").mic()).isEqualTo("ARCX");
        assertThat(registry.find("BRK.B")).isNotNull();
    }

    @Test
    void shouldReportTheLineAndColumnOfEveryBadField() {
        final String csv = InstrumentCsvLoader.HEADER + "\n"
            + "AAPL,Apple Inc.,XNAS,true,0.01,1,268.47,ACTIVE\n"
            + "MSFT,Microsoft,XNAS,maybe,0.01,1,478.43,ACTIVE\n"
            + "\n"
            + "# comment\n"
            + "NVDA,NVIDIA,XNAS,true,0.01,0,180.645,ACTIVE\n"
            + "AAPL,Apple again,XNAS,true,0.01,1,268.47,ACTIVE\n"
            + "\"QQQ\",\"Invesco QQQ Trust, Series 1\",XNAS,false,0.01,1,605.16,HALTED\n"
            + "IWM,short row\n";
        final InstrumentLoadResult result = InstrumentCsvLoader.load(new StringReader(csv), "user.csv");
        assertThat(result.errors()).extracting(LoadError::toString).containsExactly(
            "user.csv:3:4 (sp500): sp500 must be true or false, got 'maybe'",
            "user.csv:6:6 (lot_size): must be a positive whole number, got '0'",
            "user.csv:6:7 (reference_price): reference_price 180.645 is not a multiple of tick_size 0.01",
            "user.csv:7:1 (symbol): duplicate symbol 'AAPL'",
            "user.csv:9: expected 8 columns, found 2");
        assertThat(result.instruments()).extracting(Instrument::symbol).containsExactly("AAPL", "QQQ");
        assertThat(result.instruments().get(1).name()).isEqualTo("Invesco QQQ Trust, Series 1");
        assertThat(result.instruments().get(1).status()).isEqualTo(InstrumentStatus.HALTED);
    }

    @Test
    void shouldReadAverageDailyVolumeAndTradingHoursFromTheExtendedHeaderWithDefaultsWhenEmpty() {
        final String csv = InstrumentCsvLoader.EXTENDED_HEADER + "\n"
            + "AAPL,Apple Inc.,XNAS,true,0.01,1,268.47,ACTIVE,52000000,\n"
            + "SPY,SPDR S&P 500,ARCX,false,0.01,1,668.73,ACTIVE,,04:00-20:00\n"
            + "QQQ,Invesco QQQ,XNAS,false,0.01,1,605.16,ACTIVE,0,16:00-09:30\n"
            + "IWM,iShares Russell 2000,ARCX,false,0.01,1,245.10,ACTIVE,1000,9:30-16:00\n";
        final InstrumentLoadResult result = InstrumentCsvLoader.load(new StringReader(csv), "risk.csv");
        assertThat(result.errors()).extracting(LoadError::toString).containsExactly(
            "risk.csv:4:9 (adv): must be a positive whole number, got '0'",
            "risk.csv:4:10 (trading_hours): trading_hours must be HH:MM-HH:MM with the open before the close, got "
                + "'16:00-09:30'",
            "risk.csv:5:10 (trading_hours): trading_hours must be HH:MM-HH:MM with the open before the close, got "
                + "'9:30-16:00'");
        assertThat(result.instruments()).hasSize(2);
        final Instrument aapl = result.instruments().get(0);
        assertThat(aapl.averageDailyVolume()).isEqualTo(52_000_000L);
        assertThat(aapl.tradingOpenMinute()).isEqualTo(Instrument.REGULAR_OPEN_MINUTE).isEqualTo(570);
        assertThat(aapl.tradingCloseMinute()).isEqualTo(Instrument.REGULAR_CLOSE_MINUTE).isEqualTo(960);
        final Instrument spy = result.instruments().get(1);
        assertThat(spy.averageDailyVolume()).isEqualTo(Instrument.DEFAULT_AVERAGE_DAILY_VOLUME);
        assertThat(spy.tradingOpenMinute()).isEqualTo(240);
        assertThat(spy.tradingCloseMinute()).isEqualTo(1200);
        assertThat(InstrumentCsvLoader.loadBundled().instruments())
            .allSatisfy(i -> assertThat(i.averageDailyVolume()).isEqualTo(Instrument.DEFAULT_AVERAGE_DAILY_VOLUME));
    }

    @Test
    void shouldRejectAFileWithoutTheHeader(@TempDir final Path dir) throws IOException {
        final Path file = dir.resolve("bad.csv");
        Files.writeString(file, "AAPL,Apple Inc.,XNAS,true,0.01,1,268.47,ACTIVE\n");
        final InstrumentLoadResult result = InstrumentCsvLoader.load(file);
        assertThat(result.isOk()).isFalse();
        assertThat(result.errors().getFirst().line()).isEqualTo(1);
        assertThat(result.errors().getFirst().message()).contains("header");
    }
}
