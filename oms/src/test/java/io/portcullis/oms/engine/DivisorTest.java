package io.portcullis.oms.engine;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class DivisorTest {

    @Test
    void shouldAgreeWithRemainderForSmallAndLargeValues() {
        final long[] divisors = {1, 2, 3, 7, 25, 100, 128, 500, 1_000, 10_000, 12_345, 1L << 40, Long.MAX_VALUE};
        final SplittableRandom random = new SplittableRandom(42);
        for (final long d : divisors) {
            final Divisor divisor = new Divisor(d);
            for (long x = -300; x <= 30_000; x++) {
                assertThat(divisor.divides(x)).as("%d %% %d", x, d).isEqualTo(x % d == 0);
            }
            for (int i = 0; i < 100_000; i++) {
                final long x = random.nextLong();
                final long multiple = (random.nextLong(Long.MAX_VALUE) / d) * d;
                assertThat(divisor.divides(x)).as("%d %% %d", x, d).isEqualTo(x % d == 0);
                assertThat(divisor.divides(multiple)).as("%d %% %d", multiple, d).isTrue();
                assertThat(divisor.divides(Long.MAX_VALUE - i)).isEqualTo((Long.MAX_VALUE - i) % d == 0);
            }
        }
    }
}
