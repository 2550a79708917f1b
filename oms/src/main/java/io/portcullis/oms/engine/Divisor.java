package io.portcullis.oms.engine;

/**
 * "Is x a multiple of d?" for one fixed positive d without a hardware division (a 64-bit {@code %} costs tens
 * of cycles, twice per order for tick and lot checks). For d = 2<sup>k</sup>·m with m odd, x &ge; 0 is a
 * multiple of d exactly when its low k bits are zero and (x &gt;&gt;&gt; k)·m<sup>-1</sup> mod 2<sup>64</sup>
 * is at most (2<sup>64</sup> - 1) / m, unsigned (Granlund and Montgomery; Hacker's Delight 10-17). Immutable;
 * does not allocate after construction.
 */
final class Divisor {

    private final long divisor;
    private final long lowMask;
    private final int shift;
    private final long inverse;
    private final long limit;

    /**
     * @param divisor the divisor; positive
     * @throws IllegalArgumentException when not positive
     */
    Divisor(final long divisor) {
        if (divisor <= 0) {
            throw new IllegalArgumentException("divisor: must be positive, was " + divisor);
        }
        this.divisor = divisor;
        this.shift = Long.numberOfTrailingZeros(divisor);
        this.lowMask = (1L << shift) - 1;
        final long odd = divisor >>> shift;
        long x = odd;
        // Newton's iteration for the inverse mod 2^64: 3 correct low bits to start, doubling each round
        for (int i = 0; i < 5; i++) {
            x *= 2 - odd * x;
        }
        this.inverse = x;
        this.limit = Long.divideUnsigned(-1L, odd);
    }

    /**
     * @param x any value
     * @return {@code x % divisor == 0}
     */
    boolean divides(final long x) {
        if (x < 0) {
            return x % divisor == 0;
        }
        return (x & lowMask) == 0 && Long.compareUnsigned((x >>> shift) * inverse, limit) <= 0;
    }
}
