package io.portcullis.backoffice.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.portcullis.backoffice.calendar.SettlementCalendar;
import io.portcullis.backoffice.fees.FeeCalculator;
import io.portcullis.backoffice.fees.Fees;

/**
 * The settlement run: executions → customer trades (blocks allocated at their average price) → confirmations with
 * fees and settlement dates → obligations netted per account, security and settlement date → ledger postings.
 *
 * <p>Deterministic: the same input gives equal results in the same order, whatever the order of the input lists.
 * The steps are public so a chunk-oriented batch step can call them one item at a time ({@link #trades},
 * {@link #confirm}, {@link #post}) and net at the end ({@link #net}). Stateless apart from its calendar and fee
 * tables; thread-safe.
 */
public final class SettlementRun {
    private static final Comparator<Confirmation> CONFIRMATION_ORDER = Comparator
        .comparing((Confirmation c) -> c.trade().tradeDate())
        .thenComparing(c -> c.trade().accountId())
        .thenComparing(c -> c.trade().symbol())
        .thenComparing(Confirmation::confirmId);

    private static final Comparator<Key> KEY_ORDER = Comparator.comparing(Key::settlementDate)
        .thenComparing(Key::accountId).thenComparing(Key::symbol);

    private final SettlementCalendar calendar;
    private final FeeCalculator fees;

    /** With the calendar and fee tables to apply. */
    public SettlementRun(final SettlementCalendar calendar, final FeeCalculator fees) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.fees = Objects.requireNonNull(fees, "fees");
    }

    /** Runs every step over {@code input}. */
    public SettlementResult run(final SettlementInput input) {
        final List<Confirmation> confirmations = new ArrayList<>();
        for (final Trade trade : trades(input)) {
            confirmations.add(confirm(trade, input.securityNames(), input.standingRemarks()));
        }
        confirmations.sort(CONFIRMATION_ORDER);
        final List<LedgerEntry> ledger = new ArrayList<>();
        confirmations.stream().sorted(Comparator.comparing(Confirmation::confirmId))
            .forEach(confirmation -> ledger.addAll(post(confirmation)));
        return new SettlementResult(calendar.version(), confirmations, net(confirmations), ledger);
    }

    /**
     * The customer trades: each execution not in a block is one trade; each block becomes one trade per sub-account.
     *
     * @throws UnknownAccountException for an execution or allocation to an unknown account
     * @throws AllocationException     for a block that cannot be allocated, or an execution in two blocks
     */
    public List<Trade> trades(final SettlementInput input) {
        final Map<Long, BlockAllocation> blockOfOrder = new HashMap<>();
        for (final BlockAllocation block : input.blocks()) {
            for (final Long orderId : block.orderIds()) {
                if (blockOfOrder.put(orderId, block) != null) {
                    throw new AllocationException(block.blockId(), "order " + orderId + " is in two blocks");
                }
            }
        }
        final Map<String, List<Execution>> fillsOfBlock = new TreeMap<>();
        final List<Trade> trades = new ArrayList<>();
        final List<Execution> executions = new ArrayList<>(input.executions());
        executions.sort(Comparator.comparing(Execution::execId));
        for (final Execution execution : executions) {
            if (!input.knownAccounts().contains(execution.accountId())) {
                throw new UnknownAccountException(execution.accountId(), "execution " + execution.execId());
            }
            final BlockAllocation block = blockOfOrder.get(execution.orderId());
            if (block != null) {
                fillsOfBlock.computeIfAbsent(block.blockId(), id -> new ArrayList<>()).add(execution);
                continue;
            }
            final BigDecimal gross = execution.price().multiply(BigDecimal.valueOf(execution.quantity()))
                .setScale(2, RoundingMode.HALF_UP);
            trades.add(new Trade("C-" + execution.execId(), execution.accountId(), execution.symbol(),
                execution.side(), execution.quantity(), execution.price(), gross, execution.tradeDate(),
                execution.execTime(), execution.capacity(), false, List.of(execution.execId())));
        }
        final Allocator allocator = new Allocator(input.knownAccounts());
        final List<BlockAllocation> blocks = new ArrayList<>(input.blocks());
        blocks.sort(Comparator.comparing(BlockAllocation::blockId));
        for (final BlockAllocation block : blocks) {
            trades.addAll(allocator.allocate(block, fillsOfBlock.getOrDefault(block.blockId(), List.of())));
        }
        return trades;
    }

    /**
     * The confirmation of one trade: settlement date, fees, net amount, disclosures.
     *
     * @throws IllegalArgumentException when the security has no name
     */
    public Confirmation confirm(final Trade trade, final Map<String, String> securityNames,
                                final List<String> standingRemarks) {
        final String name = securityNames.get(trade.symbol());
        if (name == null) {
            throw new IllegalArgumentException("no instrument name for " + trade.symbol() + " (trade "
                + trade.tradeId() + ")");
        }
        final Fees charges = fees.fees(trade.accountId(), trade.side().isSale(), trade.quantity(), trade.gross(),
            trade.tradeDate());
        final BigDecimal net = trade.side().isSale() ? trade.gross().subtract(charges.total())
            : trade.gross().add(charges.total());
        final List<String> remarks = new ArrayList<>();
        if (trade.averagePrice()) {
            remarks.add("AVERAGE PRICE TRANSACTION; PRICE AND TIME OF EACH EXECUTION AVAILABLE ON REQUEST");
        } else if (trade.execTime() == null) {
            remarks.add("TIME OF EXECUTION AVAILABLE ON REQUEST");
        }
        if (trade.side() == Side.SELL_SHORT || trade.side() == Side.SELL_SHORT_EXEMPT) {
            remarks.add("SHORT SALE");
        }
        remarks.addAll(standingRemarks);
        return new Confirmation(trade, name, calendar.settlementDate(trade.tradeDate()), charges, net, remarks);
    }

    /** The double-entry postings of one confirmation (zero lines left out), numbered from 1. */
    public List<LedgerEntry> post(final Confirmation confirmation) {
        final Trade trade = confirmation.trade();
        final boolean sale = trade.side().isSale();
        final String id = confirmation.confirmId();
        final String memo = trade.side() + " " + trade.quantity() + " " + trade.symbol() + " @ "
            + trade.price().toPlainString() + " TD " + trade.tradeDate();
        final List<LedgerEntry> lines = new ArrayList<>();
        final BigDecimal zero = BigDecimal.ZERO.setScale(2);
        final Fees charges = confirmation.fees();
        final List<Object[]> cash = new ArrayList<>();
        if (sale) {
            cash.add(new Object[] {LedgerEntry.CLEARING, trade.gross(), zero});
            cash.add(new Object[] {trade.accountId(), zero, confirmation.netAmount()});
            cash.add(new Object[] {LedgerEntry.COMMISSION, zero, charges.commission()});
            cash.add(new Object[] {LedgerEntry.SEC_FEE_PAYABLE, zero, charges.secFee()});
            cash.add(new Object[] {LedgerEntry.TAF_PAYABLE, zero, charges.tafFee()});
        } else {
            cash.add(new Object[] {trade.accountId(), confirmation.netAmount(), zero});
            cash.add(new Object[] {LedgerEntry.CLEARING, zero, trade.gross()});
            cash.add(new Object[] {LedgerEntry.COMMISSION, zero, charges.commission()});
        }
        for (final Object[] line : cash) {
            add(lines, confirmation, (String) line[0], LedgerEntry.Kind.CASH, "USD", (BigDecimal) line[1],
                (BigDecimal) line[2], memo);
        }
        final BigDecimal shares = BigDecimal.valueOf(trade.quantity()).setScale(2);
        add(lines, confirmation, sale ? LedgerEntry.CLEARING : trade.accountId(), LedgerEntry.Kind.POSITION,
            trade.symbol(), shares, zero, memo);
        add(lines, confirmation, sale ? trade.accountId() : LedgerEntry.CLEARING, LedgerEntry.Kind.POSITION,
            trade.symbol(), zero, shares, memo);
        return lines;
    }

    /** Nets confirmations into obligations per settlement date, account and security, in that order. */
    public List<Obligation> net(final List<Confirmation> confirmations) {
        final Map<Key, List<Confirmation>> groups = new TreeMap<>(KEY_ORDER);
        for (final Confirmation confirmation : confirmations) {
            final Trade trade = confirmation.trade();
            groups.computeIfAbsent(new Key(confirmation.settlementDate(), trade.accountId(), trade.symbol()),
                key -> new ArrayList<>()).add(confirmation);
        }
        final List<Obligation> obligations = new ArrayList<>();
        final BigDecimal zero = BigDecimal.ZERO.setScale(2);
        for (final List<Confirmation> group : groups.values()) {
            final Trade first = group.get(0).trade();
            long bought = 0;
            long sold = 0;
            BigDecimal grossBought = zero;
            BigDecimal grossSold = zero;
            BigDecimal commission = zero;
            BigDecimal secFee = zero;
            BigDecimal tafFee = zero;
            for (final Confirmation confirmation : group) {
                final Trade trade = confirmation.trade();
                if (trade.side().isSale()) {
                    sold += trade.quantity();
                    grossSold = grossSold.add(trade.gross());
                } else {
                    bought += trade.quantity();
                    grossBought = grossBought.add(trade.gross());
                }
                commission = commission.add(confirmation.fees().commission());
                secFee = secFee.add(confirmation.fees().secFee());
                tafFee = tafFee.add(confirmation.fees().tafFee());
            }
            obligations.add(new Obligation(group.get(0).settlementDate(), first.accountId(), first.symbol(), bought,
                sold, grossBought, grossSold, commission, secFee, tafFee, group.size(), calendar.version()));
        }
        return obligations;
    }

    private static void add(final List<LedgerEntry> lines, final Confirmation confirmation, final String account,
                            final LedgerEntry.Kind kind, final String symbol, final BigDecimal debit,
                            final BigDecimal credit, final String memo) {
        if (debit.signum() == 0 && credit.signum() == 0) {
            return;
        }
        lines.add(new LedgerEntry(confirmation.confirmId(), lines.size() + 1, confirmation.settlementDate(), account,
            kind, symbol, debit, credit, memo));
    }

    /** An obligation's identity. */
    private record Key(LocalDate settlementDate, String accountId, String symbol) {
    }
}
