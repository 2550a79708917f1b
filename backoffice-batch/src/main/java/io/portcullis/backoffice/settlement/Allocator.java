package io.portcullis.backoffice.settlement;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Splits a block's fills among sub-accounts at the block's average price.
 *
 * <p>Shares: each sub-account gets its requested shares when they add up to the filled quantity; otherwise
 * floor(filled × requested / total requested), and the residual shares go one each to the largest fractional
 * remainders, ties to the lower account id. Money: the block's gross (Σ quantity × price, rounded half-up to the
 * cent) is split the same way in cents: floor of the exact share, residual cents one each by largest remainder, ties
 * to the lower account id; so the allocations add up to the block's gross exactly. The confirmed price is the
 * average price, Σ quantity × price / Σ quantity, at scale 8 half-even. Stateless; thread-safe.
 */
public final class Allocator {
    /** 1e-10 USD units per cent: gross amounts are handled as exact integers of 1e-10 USD. */
    private static final BigInteger UNITS_PER_CENT = BigInteger.TEN.pow(8);

    private final Set<String> knownAccounts;

    /** Allocating only to the given accounts. */
    public Allocator(final Set<String> knownAccounts) {
        this.knownAccounts = Set.copyOf(knownAccounts);
    }

    /**
     * The sub-account trades of a block, in account order.
     *
     * @param block the block and its instructions
     * @param fills the executions of the block's orders
     * @throws UnknownAccountException naming an instruction's account that is not known
     * @throws AllocationException     when the block cannot be allocated
     */
    public List<Trade> allocate(final BlockAllocation block, final List<Execution> fills) {
        final String id = block.blockId();
        if (fills.isEmpty()) {
            throw new AllocationException(id, "no executions for orders " + block.orderIds());
        }
        final Set<String> seen = new HashSet<>();
        for (final AllocationInstruction instruction : block.instructions()) {
            if (!knownAccounts.contains(instruction.accountId())) {
                throw new UnknownAccountException(instruction.accountId(), "allocation of block " + id);
            }
            if (!seen.add(instruction.accountId())) {
                throw new AllocationException(id, "account " + instruction.accountId() + " appears twice");
            }
        }
        final Execution first = fills.get(0);
        long filled = 0;
        BigDecimal notional = BigDecimal.ZERO;
        final List<String> execIds = new ArrayList<>();
        for (final Execution fill : fills) {
            if (!fill.symbol().equals(first.symbol()) || fill.side() != first.side()
                || !fill.tradeDate().equals(first.tradeDate()) || fill.capacity() != first.capacity()) {
                throw new AllocationException(id, "executions " + first.execId() + " and " + fill.execId()
                    + " differ in symbol, side, trade date or capacity");
            }
            filled = Math.addExact(filled, fill.quantity());
            notional = notional.add(fill.price().multiply(BigDecimal.valueOf(fill.quantity())));
            execIds.add(fill.execId());
        }
        execIds.sort(Comparator.naturalOrder());
        final List<AllocationInstruction> instructions = new ArrayList<>(block.instructions());
        instructions.sort(Comparator.comparing(AllocationInstruction::accountId));
        final long[] shares = shares(instructions, filled);
        final BigInteger notionalUnits = notional.setScale(10, RoundingMode.UNNECESSARY).unscaledValue();
        final long[] cents = cents(notionalUnits, shares, filled,
            notional.setScale(2, RoundingMode.HALF_UP).unscaledValue().longValueExact());
        final BigDecimal average = notional.divide(BigDecimal.valueOf(filled), 8, RoundingMode.HALF_EVEN);
        final List<Trade> trades = new ArrayList<>();
        for (int i = 0; i < instructions.size(); i++) {
            if (shares[i] == 0) {
                continue;
            }
            final String account = instructions.get(i).accountId();
            trades.add(new Trade("A-" + id + "-" + account, account, first.symbol(), first.side(), shares[i],
                average, BigDecimal.valueOf(cents[i], 2), first.tradeDate(), null, first.capacity(), true, execIds));
        }
        return trades;
    }

    private static long[] shares(final List<AllocationInstruction> instructions, final long filled) {
        final long[] shares = new long[instructions.size()];
        long requested = 0;
        for (final AllocationInstruction instruction : instructions) {
            requested = Math.addExact(requested, instruction.shares());
        }
        final BigInteger[] remainders = new BigInteger[shares.length];
        long given = 0;
        for (int i = 0; i < shares.length; i++) {
            final BigInteger[] division = BigInteger.valueOf(filled)
                .multiply(BigInteger.valueOf(instructions.get(i).shares()))
                .divideAndRemainder(BigInteger.valueOf(requested));
            shares[i] = division[0].longValueExact();
            remainders[i] = division[1];
            given += shares[i];
        }
        distribute(shares, remainders, filled - given);
        return shares;
    }

    private static long[] cents(final BigInteger notionalUnits, final long[] shares, final long filled,
                                final long totalCents) {
        final long[] cents = new long[shares.length];
        final BigInteger[] remainders = new BigInteger[shares.length];
        final BigInteger divisor = BigInteger.valueOf(filled).multiply(UNITS_PER_CENT);
        long given = 0;
        for (int i = 0; i < shares.length; i++) {
            final BigInteger[] division = notionalUnits.multiply(BigInteger.valueOf(shares[i]))
                .divideAndRemainder(divisor);
            cents[i] = division[0].longValueExact();
            remainders[i] = division[1];
            given += cents[i];
        }
        distribute(cents, remainders, totalCents - given);
        return cents;
    }

    /** Adds one to {@code residual} slots, largest remainder first, ties to the lower index (lower account id). */
    private static void distribute(final long[] amounts, final BigInteger[] remainders, final long residual) {
        if (residual < 0 || residual > amounts.length) {
            throw new IllegalStateException("residual " + residual + " over " + amounts.length + " slots");
        }
        final List<Integer> order = new ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer, BigInteger>comparing(i -> remainders[i]).reversed()
            .thenComparing(Comparator.naturalOrder()));
        for (int k = 0; k < residual; k++) {
            amounts[order.get(k)]++;
        }
    }
}
