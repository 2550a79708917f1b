package io.portcullis.app.console;

import java.util.Arrays;

/**
 * Technical indicators of the console's charts, over closing prices oldest first. Each result has one entry per
 * input, {@link Double#NaN} where the indicator is not yet defined (fewer than {@code period} closes). Stateless.
 *
 * <ul>
 *   <li>SMA: the mean of the last {@code period} closes.</li>
 *   <li>EMA: seeded with the SMA of the first {@code period} closes, then {@code ema += k * (close - ema)} with
 *       {@code k = 2 / (period + 1)}.</li>
 *   <li>RSI: Wilder's, over {@code period} changes: the first average gain and loss are plain means, then
 *       {@code avg = (avg * (period - 1) + current) / period}; RSI = 100 - 100 / (1 + gain / loss), 100 when there
 *       was no loss (and no gain either: a flat series is 50).</li>
 *   <li>Bollinger bands: the SMA, and the SMA plus and minus {@code width} population standard deviations of the
 *       same closes.</li>
 * </ul>
 */
public final class Indicators {
    private Indicators() {
    }

    /** Simple moving average. */
    public static double[] sma(final double[] closes, final int period) {
        final double[] out = undefined(closes.length);
        double sum = 0;
        for (int i = 0; i < closes.length; i++) {
            sum += closes[i];
            if (i >= period) {
                sum -= closes[i - period];
            }
            if (i >= period - 1) {
                out[i] = sum / period;
            }
        }
        return out;
    }

    /** Exponential moving average. */
    public static double[] ema(final double[] closes, final int period) {
        final double[] out = undefined(closes.length);
        if (closes.length < period) {
            return out;
        }
        double ema = 0;
        for (int i = 0; i < period; i++) {
            ema += closes[i];
        }
        ema /= period;
        out[period - 1] = ema;
        final double k = 2.0 / (period + 1);
        for (int i = period; i < closes.length; i++) {
            ema += k * (closes[i] - ema);
            out[i] = ema;
        }
        return out;
    }

    /** Relative strength index (Wilder). */
    public static double[] rsi(final double[] closes, final int period) {
        final double[] out = undefined(closes.length);
        if (closes.length <= period) {
            return out;
        }
        double gain = 0;
        double loss = 0;
        for (int i = 1; i <= period; i++) {
            final double change = closes[i] - closes[i - 1];
            gain += Math.max(change, 0);
            loss += Math.max(-change, 0);
        }
        gain /= period;
        loss /= period;
        out[period] = rsi(gain, loss);
        for (int i = period + 1; i < closes.length; i++) {
            final double change = closes[i] - closes[i - 1];
            gain = (gain * (period - 1) + Math.max(change, 0)) / period;
            loss = (loss * (period - 1) + Math.max(-change, 0)) / period;
            out[i] = rsi(gain, loss);
        }
        return out;
    }

    private static double rsi(final double gain, final double loss) {
        if (loss == 0) {
            return gain == 0 ? 50 : 100;
        }
        return 100 - 100 / (1 + gain / loss);
    }

    /**
     * Bollinger bands.
     *
     * @return {upper, middle, lower}
     */
    public static double[][] bollinger(final double[] closes, final int period, final double width) {
        final double[] middle = sma(closes, period);
        final double[] upper = undefined(closes.length);
        final double[] lower = undefined(closes.length);
        for (int i = period - 1; i < closes.length; i++) {
            double squares = 0;
            for (int j = i - period + 1; j <= i; j++) {
                final double d = closes[j] - middle[i];
                squares += d * d;
            }
            final double sd = Math.sqrt(squares / period);
            upper[i] = middle[i] + width * sd;
            lower[i] = middle[i] - width * sd;
        }
        return new double[][] {upper, middle, lower};
    }

    private static double[] undefined(final int length) {
        final double[] out = new double[length];
        Arrays.fill(out, Double.NaN);
        return out;
    }
}
