package io.portcullis.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Indicator values computed by hand, and Wilder's RSI on the 14-period worked example published by StockCharts. */
class IndicatorsTest {

    @Test
    void smaIsTheMeanOfTheLastPeriodCloses() {
        assertThat(Indicators.sma(new double[] {1, 2, 3, 4, 5}, 3)).containsExactly(Double.NaN, Double.NaN, 2, 3, 4);
    }

    @Test
    void emaStartsFromTheSmaAndMovesByTwoOverPeriodPlusOne() {
        // seed (1+2+3)/3 = 2; k = 0.5: 2 + 0.5 * (4 - 2) = 3; 3 + 0.5 * (5 - 3) = 4; 4 + 0.5 * (2 - 4) = 3
        assertThat(Indicators.ema(new double[] {1, 2, 3, 4, 5, 2}, 3))
            .containsExactly(Double.NaN, Double.NaN, 2, 3, 4, 3);
        assertThat(Indicators.ema(new double[] {1, 2}, 3)).containsExactly(Double.NaN, Double.NaN);
    }

    @Test
    void rsiSmoothsGainsAndLossesWilderStyle() {
        // changes +1 -1 +1 +1; first averages 0.5 / 0.5 -> 50; then 0.75 / 0.25 -> 75; then 0.875 / 0.125 -> 87.5
        assertThat(Indicators.rsi(new double[] {1, 2, 1, 2, 3}, 2))
            .containsExactly(Double.NaN, Double.NaN, 50, 75, 87.5);
        assertThat(Indicators.rsi(new double[] {5, 5, 5}, 2)).as("flat").containsExactly(Double.NaN, Double.NaN, 50);
        assertThat(Indicators.rsi(new double[] {1, 2, 3}, 2)).as("no loss").containsExactly(Double.NaN, Double.NaN,
            100);
    }

    @Test
    void rsiMatchesThePublishedFourteenPeriodExample() {
        final double[] closes = {44.3389, 44.0902, 44.1497, 43.6124, 44.3278, 44.8264, 45.0955, 45.4245, 45.8433,
            46.0826, 45.8931, 46.0328, 45.6140, 46.2820, 46.2820, 46.0028, 46.0328, 46.4116, 46.2222};
        final double[] rsi = Indicators.rsi(closes, 14);

        assertThat(rsi[13]).isNaN();
        assertThat(rsi[14]).isCloseTo(70.53, within(0.01));
        assertThat(rsi[15]).isCloseTo(66.32, within(0.01));
        assertThat(rsi[16]).isCloseTo(66.55, within(0.01));
        assertThat(rsi[17]).isCloseTo(69.41, within(0.01));
        assertThat(rsi[18]).isCloseTo(66.36, within(0.01));
    }

    @Test
    void bollingerBandsAreTheSmaPlusAndMinusPopulationStandardDeviations() {
        // [1, 3]: mean 2, population sd 1 -> 2 +- 2; [3, 3]: sd 0
        final double[][] bands = Indicators.bollinger(new double[] {1, 3, 3}, 2, 2);

        assertThat(bands[0]).containsExactly(Double.NaN, 4, 3);
        assertThat(bands[1]).containsExactly(Double.NaN, 2, 3);
        assertThat(bands[2]).containsExactly(Double.NaN, 0, 3);
    }
}
