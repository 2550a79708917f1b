package io.portcullis.bench.engine.workload;

/**
 * Settings of the generated workload (one configuration object, Aeron {@code Context} style): each has a name
 * and a default; {@link #validate()} names a bad setting and value. The defaults reproduce exchange-core's
 * published single-symbol test: ~1,000 resting orders, a 9/3/6/82 mix. Not thread-safe; build, then share the
 * {@link Workload} it produces.
 */
public final class WorkloadConfig {

    /** Default {@code seed}, the one exchange-core's order book performance test uses. */
    public static final long DEFAULT_SEED = 101_572_685L;
    /** Default {@code mixCommands}: commands per measured pass; also JMH's operations per invocation. */
    public static final int DEFAULT_MIX_COMMANDS = 1_000_000;
    /** Default {@code targetOrders}: resting orders the generator steers towards. */
    public static final int DEFAULT_TARGET_ORDERS = 1_000;
    /** Default {@code usersPerSide}: distinct users (accounts) on each side. */
    public static final int DEFAULT_USERS_PER_SIDE = 500;
    /**
     * Default {@code startPrice} in ticks (900.00 USD at 0.01 USD per tick). The price deviation is 5% of it
     * (4,500 ticks), which with ~1,000 resting orders gives ~750 occupied levels, as in exchange-core's test.
     */
    public static final long DEFAULT_START_PRICE = 90_000L;

    private long seed = DEFAULT_SEED;
    private int mixCommands = DEFAULT_MIX_COMMANDS;
    private int targetOrders = DEFAULT_TARGET_ORDERS;
    private int usersPerSide = DEFAULT_USERS_PER_SIDE;
    private long startPrice = DEFAULT_START_PRICE;

    /**
     * @param value {@code seed} of the generator; default {@value #DEFAULT_SEED}
     * @return this
     */
    public WorkloadConfig seed(final long value) {
        this.seed = value;
        return this;
    }

    /**
     * @param value {@code mixCommands}; default {@value #DEFAULT_MIX_COMMANDS}
     * @return this
     */
    public WorkloadConfig mixCommands(final int value) {
        this.mixCommands = value;
        return this;
    }

    /**
     * @param value {@code targetOrders}; default {@value #DEFAULT_TARGET_ORDERS}
     * @return this
     */
    public WorkloadConfig targetOrders(final int value) {
        this.targetOrders = value;
        return this;
    }

    /**
     * @param value {@code usersPerSide}; default {@value #DEFAULT_USERS_PER_SIDE}
     * @return this
     */
    public WorkloadConfig usersPerSide(final int value) {
        this.usersPerSide = value;
        return this;
    }

    /**
     * @param value {@code startPrice} in ticks; default {@value #DEFAULT_START_PRICE}
     * @return this
     */
    public WorkloadConfig startPrice(final long value) {
        this.startPrice = value;
        return this;
    }

    /**
     * @return this
     * @throws IllegalArgumentException naming the setting and the bad value
     */
    public WorkloadConfig validate() {
        if (mixCommands < 1) {
            throw new IllegalArgumentException("mixCommands: must be positive, was " + mixCommands);
        }
        if (targetOrders < 10) {
            throw new IllegalArgumentException("targetOrders: must be at least 10, was " + targetOrders);
        }
        if (usersPerSide < 1) {
            throw new IllegalArgumentException("usersPerSide: must be positive, was " + usersPerSide);
        }
        if (startPrice < 1_000) {
            throw new IllegalArgumentException("startPrice: must be at least 1000 ticks, was " + startPrice);
        }
        return this;
    }

    /** @return seed */
    public long seed() {
        return seed;
    }

    /** @return commands in the measured mix */
    public int mixCommands() {
        return mixCommands;
    }

    /** @return resting orders to steer towards */
    public int targetOrders() {
        return targetOrders;
    }

    /** @return users per side */
    public int usersPerSide() {
        return usersPerSide;
    }

    /** @return start price in ticks */
    public long startPrice() {
        return startPrice;
    }

    @Override
    public String toString() {
        return "WorkloadConfig{seed=" + seed + ", mixCommands=" + mixCommands + ", targetOrders=" + targetOrders
            + ", usersPerSide=" + usersPerSide + ", startPrice=" + startPrice + '}';
    }
}
