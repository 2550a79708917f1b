package io.portcullis.risk.check;

/**
 * The pre-trade risk engine's configuration (one object per component): each setting has a name and a default,
 * {@link #validate()} names the setting and the bad value, {@link #toString()} prints the effective configuration.
 * Limits, lists, locates and kill switches are not configuration: they arrive as journaled risk updates. Built on any
 * thread before the engine starts; not thread-safe.
 */
public final class RiskConfig {

    /** Default {@code duplicateTableCapacity}: 65,536 slots (32,768 orders remembered at once before it grows). */
    public static final int DEFAULT_DUPLICATE_TABLE_CAPACITY = 1 << 16;

    private boolean enforceTradingHours = true;
    private boolean presumeEasyToBorrow;
    private int duplicateTableCapacity = DEFAULT_DUPLICATE_TABLE_CAPACITY;

    /**
     * @param enforce {@code enforceTradingHours}: refuse new orders and replaces outside each instrument's trading
     *                hours (America/New_York, weekends closed, exchange holidays not modelled); default true
     * @return this
     */
    public RiskConfig enforceTradingHours(final boolean enforce) {
        this.enforceTradingHours = enforce;
        return this;
    }

    /**
     * @param presume {@code presumeEasyToBorrow}: let a short sale (Side=5) without a locate id pass when its symbol
     *                is not on a hard-to-borrow list (an easy-to-borrow presumption under Reg SHO 203(b)); default
     *                false: every short sale needs a locate
     * @return this
     */
    public RiskConfig presumeEasyToBorrow(final boolean presume) {
        this.presumeEasyToBorrow = presume;
        return this;
    }

    /**
     * @param slots {@code duplicateTableCapacity}: initial slots of the duplicate-order table, a power of two of at
     *              least 16; the table grows (allocating) when more orders are remembered than half of it; default
     *              {@value #DEFAULT_DUPLICATE_TABLE_CAPACITY}
     * @return this
     */
    public RiskConfig duplicateTableCapacity(final int slots) {
        this.duplicateTableCapacity = slots;
        return this;
    }

    /**
     * Checks every setting.
     *
     * @return this
     * @throws IllegalArgumentException naming the setting and the bad value
     */
    public RiskConfig validate() {
        if (duplicateTableCapacity < 16 || Integer.bitCount(duplicateTableCapacity) != 1) {
            throw new IllegalArgumentException("duplicateTableCapacity: must be a power of two of at least 16, was "
                + duplicateTableCapacity);
        }
        return this;
    }

    /** @return whether trading hours are enforced */
    public boolean enforceTradingHours() {
        return enforceTradingHours;
    }

    /** @return whether a short sale without a locate passes for symbols that are not hard to borrow */
    public boolean presumeEasyToBorrow() {
        return presumeEasyToBorrow;
    }

    /** @return the duplicate table's initial slots */
    public int duplicateTableCapacity() {
        return duplicateTableCapacity;
    }

    @Override
    public String toString() {
        return "RiskConfig{enforceTradingHours=" + enforceTradingHours + ", presumeEasyToBorrow=" + presumeEasyToBorrow
            + ", duplicateTableCapacity=" + duplicateTableCapacity + '}';
    }
}
