package io.portcullis.backoffice.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The settle step refuses a settlement date its heap cannot hold, before reading it, and says what to set. */
class SettleStepHeapTest {
    private static final long GB = 1L << 30;

    @Test
    void aDayThatFitsRuns() {
        assertThat(SettleStep.heapShortfall(100_000, 2 * GB)).isEmpty();
        assertThat(SettleStep.heapShortfall(0, SettleStep.BASE_BYTES)).isEmpty();
    }

    @Test
    void aDayThatDoesNotFitIsRefusedNamingTheSettingAndASizeThatFits() {
        final String message = SettleStep.heapShortfall(1_000_000, 2 * GB).orElseThrow();
        assertThat(message).contains("1,000,000 executions", "PORTCULLIS_BATCH_HEAP=6g", "2,048 MB",
            "nothing was written");
        final long suggested = 6 * GB;
        assertThat(SettleStep.heapShortfall(1_000_000, suggested)).as("the suggested size is enough").isEmpty();
        assertThat(SettleStep.heapShortfall(1_000_000, suggested - 512L * 1024 * 1024)).isPresent();
    }
}
