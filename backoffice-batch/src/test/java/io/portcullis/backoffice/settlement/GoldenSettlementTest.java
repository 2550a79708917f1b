package io.portcullis.backoffice.settlement;

import static io.portcullis.sql.schema.Tables.COMMISSION_SCHEDULE;
import static io.portcullis.sql.schema.Tables.LEDGER_ENTRY;
import static io.portcullis.sql.schema.Tables.SETTLEMENT_OBLIGATION;
import static io.portcullis.sql.schema.Tables.TRADE_CONFIRMATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.portcullis.backoffice.calendar.SettlementCalendar;
import io.portcullis.backoffice.fees.FeeCalculator;
import io.portcullis.backoffice.fees.FeeSchedule;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A fixed day's blotter through the whole settlement run with the calendar and fee tables loaded from V11 (plus
 * commission schedules inserted here): the expected obligations are computed by hand below, and the confirmations
 * and settlement-instructions files must match the checked-in files byte for byte.
 *
 * <p>Rates: trade date 2025-05-13 Section 31 USD 27.80 per million (the last day before USD 0.00), TAF USD 0.000166 a
 * share capped at USD 8.30; trade dates 2025-10-10 and 2025-10-13 (Columbus Day: trades, does not settle) Section 31
 * USD 0.00; both settle on 2025-10-14. Commission: A-CUST-1 USD 0.005/share min 1.00; A-CUST-2 10 bps min 5.00;
 * every other account the default USD 0.01/share.
 */
class GoldenSettlementTest {
    private static final String GOLDEN = "/io/portcullis/backoffice/settlement/golden/";
    private static final Set<String> ACCOUNTS = Set.of("A-CUST-1", "A-CUST-2", "B-CUST-1", "BLOCK-1", "ALLOC-1",
        "ALLOC-2", "ALLOC-3");
    private static final Map<String, String> NAMES = Map.of("AAPL", "Apple Inc.", "MSFT", "Microsoft Corporation",
        "NVDA", "NVIDIA Corporation", "JPM", "JPMorgan Chase & Co.");
    private static final List<String> STANDING = List.of("PORTCULLIS ACTS AS AGENT, NO PAYMENT FOR ORDER FLOW RECEIVED");

    private static BackOfficeDatabase database;
    private static SettlementRun run;

    @BeforeAll
    static void loadTheTablesFromV11() {
        database = BackOfficeDatabase.create(GoldenSettlementTest.class);
        final DSLContext dsl = database.dsl();
        commission(dsl, "A-CUST-1", "0.005", "0", "1.00");
        commission(dsl, "A-CUST-2", "0", "10", "5.00");
        commission(dsl, "*", "0.01", "0", "0.00");
        run = new SettlementRun(SettlementCalendar.load(dsl, "2026.1"), new FeeCalculator(FeeSchedule.load(dsl)));
    }

    @AfterAll
    static void dropTheDatabase() {
        database.close();
    }

    static List<Execution> blotter() {
        return List.of(
            // 2025-05-13, settles 2025-05-14 (T+1)
            // buy 100 @ 210.50 = 21,050.00; commission 100*0.005=0.50 -> min 1.00; pays 21,051.00
            fill("E01", 101, "A-CUST-1", "AAPL", Side.BUY, 100, "210.50", "2025-05-13T14:30:00.123456Z"),
            // sell 40 @ 212.25 = 8,490.00; commission 1.00; SEC 8,490*27.8/1e6=0.236022 -> 0.24;
            // TAF 40*0.000166=0.00664 -> 0.01; receives 8,488.75
            fill("E02", 102, "A-CUST-1", "AAPL", Side.SELL, 40, "212.25", "2025-05-13T15:01:02.000001Z"),
            // sell 500 @ 449.1234 = 224,561.70; commission 10 bps 224.5617 -> 224.56; SEC 6.24281526 -> 6.25;
            // TAF 0.083 -> 0.09; receives 224,330.80
            fill("E03", 103, "A-CUST-2", "MSFT", Side.SELL, 500, "449.1234", "2025-05-13T16:10:00Z"),
            // short 60,000 @ 135.01 = 8,100,600.00; commission 600.00; SEC 225.19668 -> 225.20;
            // TAF 9.96 capped 8.30; receives 8,099,766.50
            fill("E04", 104, "B-CUST-1", "NVDA", Side.SELL_SHORT, 60_000, "135.01", "2025-05-13T19:59:59.999999Z"),
            // 2025-10-10, the Friday before Columbus Day, settles Tuesday 2025-10-14
            // buy 200 @ 245.27 = 49,054.00; commission 1.00; pays 49,055.00
            fill("E05", 105, "A-CUST-1", "AAPL", Side.BUY, 200, "245.27", "2025-10-10T13:35:00Z"),
            // sell 50 @ 246.00 = 12,300.00; commission 1.00; SEC 0.00; TAF 0.0083 -> 0.01; receives 12,298.99
            fill("E06", 106, "A-CUST-1", "AAPL", Side.SELL, 50, "246.00", "2025-10-10T14:00:00Z"),
            // buy 300 @ 246.315 = 73,894.50; commission 73.8945 -> 73.89; pays 73,968.39
            fill("E07", 107, "A-CUST-2", "JPM", Side.BUY, 300, "246.315", "2025-10-10T15:00:00Z"),
            // block BLK-1 (order 9001 in BLOCK-1): 400 @ 510.10 + 350 @ 510.20 + 250 @ 510.35
            // = 204,040.00 + 178,570.00 + 127,587.50 = 510,197.50 for 1,000 shares, average 510.1975
            fill("E08", 9001, "BLOCK-1", "MSFT", Side.BUY, 400, "510.10", "2025-10-10T15:30:00Z"),
            fill("E09", 9001, "BLOCK-1", "MSFT", Side.BUY, 350, "510.20", "2025-10-10T15:31:00Z"),
            fill("E10", 9001, "BLOCK-1", "MSFT", Side.BUY, 250, "510.35", "2025-10-10T15:32:00Z"),
            // 2025-10-13, Columbus Day: trading, not settling; settles 2025-10-14 with Friday's trades
            // sell 100 @ 247.10 = 24,710.00; commission 1.00; TAF 0.0166 -> 0.02; receives 24,708.98
            fill("E11", 111, "A-CUST-1", "AAPL", Side.SELL, 100, "247.10", "2025-10-13T14:00:00Z"),
            // buy 1,000 @ 188.8888 = 188,888.80; commission 10.00; pays 188,898.80
            fill("E12", 112, "B-CUST-1", "NVDA", Side.BUY, 1_000, "188.8888", "2025-10-13T14:05:00Z"),
            // sell 300 @ 247.00 = 74,100.00; commission 74.10; TAF 0.0498 -> 0.05; receives 74,025.85
            fill("E13", 113, "A-CUST-2", "JPM", Side.SELL, 300, "247.00", "2025-10-13T18:00:00Z"));
    }

    /**
     * 999 shares asked for, 1,000 filled: floor(1000*333/999) = 333 each, one residual share to the lowest account
     * (equal remainders): ALLOC-1 334, ALLOC-2 333, ALLOC-3 333. Cents of 51,019,750: ALLOC-1 17,040,596.5 -> 17,040,596
     * (.5), ALLOC-2 and ALLOC-3 16,989,576.75 -> 16,989,576 (.75); 2 residual cents to the largest remainders
     * (ALLOC-2, ALLOC-3): 170,405.96 + 169,895.77 + 169,895.77 = 510,197.50. Commissions 3.34, 3.33, 3.33.
     */
    static BlockAllocation block() {
        return new BlockAllocation("BLK-1", Set.of(9001L), List.of(new AllocationInstruction("ALLOC-3", 333),
            new AllocationInstruction("ALLOC-1", 333), new AllocationInstruction("ALLOC-2", 333)));
    }

    @Test
    void shouldNetTheBlotterIntoTheHandComputedObligations() {
        final List<Obligation> obligations = run.run(input(blotter())).obligations();
        assertThat(obligations).extracting(o -> o.settlementDate() + " " + o.accountId() + " " + o.symbol() + " "
            + o.netQuantity() + " " + o.netMoney().toPlainString() + " " + o.commission() + " " + o.secFee() + " "
            + o.tafFee() + " " + o.trades()).containsExactly(
                // 8,490.00 - 21,050.00 - 2.00 - 0.24 - 0.01
                "2025-05-14 A-CUST-1 AAPL 60 -12562.25 2.00 0.24 0.01 2",
                "2025-05-14 A-CUST-2 MSFT -500 224330.80 224.56 6.25 0.09 1",
                "2025-05-14 B-CUST-1 NVDA -60000 8099766.50 600.00 225.20 8.30 1",
                // 12,300.00 + 24,710.00 - 49,054.00 - 3.00 - 0.03
                "2025-10-14 A-CUST-1 AAPL 50 -12047.03 3.00 0.00 0.03 3",
                // 74,100.00 - 73,894.50 - 147.99 - 0.05
                "2025-10-14 A-CUST-2 JPM 0 57.46 147.99 0.00 0.05 2",
                "2025-10-14 ALLOC-1 MSFT 334 -170409.30 3.34 0.00 0.00 1",
                "2025-10-14 ALLOC-2 MSFT 333 -169899.10 3.33 0.00 0.00 1",
                "2025-10-14 ALLOC-3 MSFT 333 -169899.10 3.33 0.00 0.00 1",
                "2025-10-14 B-CUST-1 NVDA 1000 -188898.80 10.00 0.00 0.00 1");
    }

    @Test
    void shouldWriteTheCheckedInFilesByteForByte() throws IOException {
        final SettlementResult result = run.run(input(blotter()));
        assertThat(SettlementFiles.confirmations(result.confirmations()).getBytes(StandardCharsets.UTF_8))
            .isEqualTo(golden("confirmations.csv"));
        assertThat(SettlementFiles.instructions(result.obligations()).getBytes(StandardCharsets.UTF_8))
            .isEqualTo(golden("settlement-instructions.csv"));
    }

    @Test
    void shouldWriteTheSameBytesWhateverTheInputOrder() {
        final List<Execution> shuffled = new ArrayList<>(blotter());
        final long seed = 20_251_014L;
        Collections.shuffle(shuffled, new Random(seed));
        final SettlementResult a = run.run(input(blotter()));
        final SettlementResult b = run.run(input(shuffled));
        assertThat(SettlementFiles.confirmations(b.confirmations())).as("seed %d", seed)
            .isEqualTo(SettlementFiles.confirmations(a.confirmations()));
        assertThat(SettlementFiles.instructions(b.obligations())).isEqualTo(SettlementFiles.instructions(a.obligations()));
        assertThat(b.ledger()).isEqualTo(a.ledger());
    }

    @Test
    void shouldBalanceEveryConfirmationsPostings() {
        final SettlementResult result = run.run(input(blotter()));
        for (final Confirmation confirmation : result.confirmations()) {
            for (final LedgerEntry.Kind kind : LedgerEntry.Kind.values()) {
                final List<LedgerEntry> lines = result.ledger().stream()
                    .filter(e -> e.confirmId().equals(confirmation.confirmId()) && e.kind() == kind).toList();
                assertThat(lines).as("%s %s", confirmation.confirmId(), kind).isNotEmpty();
                assertThat(sum(lines, true)).as("%s %s", confirmation.confirmId(), kind)
                    .isEqualByComparingTo(sum(lines, false));
            }
        }
        // the customer's cash lines are the obligations' net money, per account and settlement date
        final BigDecimal customerCash = result.ledger().stream()
            .filter(e -> e.kind() == LedgerEntry.Kind.CASH && e.ledgerAccount().equals("A-CUST-1")
                && e.settlementDate().equals(LocalDate.parse("2025-10-14")))
            .map(e -> e.credit().subtract(e.debit())).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(customerCash).isEqualByComparingTo("-12047.03");
    }

    @Test
    void shouldCarryTheRule10b10ContentOnTheConfirmations() {
        final SettlementResult result = run.run(input(blotter()));
        final Confirmation allocation = result.confirmations().stream()
            .filter(c -> c.confirmId().equals("A-BLK-1-ALLOC-1")).findFirst().orElseThrow();
        assertThat(allocation.trade().averagePrice()).isTrue();
        assertThat(allocation.trade().price()).isEqualByComparingTo("510.1975");
        assertThat(allocation.trade().execTime()).isNull();
        assertThat(allocation.remarks().get(0)).contains("AVERAGE PRICE").contains("ON REQUEST");
        final Confirmation shortSale = result.confirmations().stream()
            .filter(c -> c.confirmId().equals("C-E04")).findFirst().orElseThrow();
        assertThat(shortSale.remarks()).startsWith("SHORT SALE");
        assertThat(shortSale.trade().capacity()).isEqualTo(Capacity.AGENT);
        assertThat(shortSale.settlementDate()).isEqualTo(LocalDate.parse("2025-05-14"));
    }

    @Test
    void shouldChargeTheShippedRatesOf2026() {
        final FeeCalculator fees = new FeeCalculator(FeeSchedule.load(database.dsl()));
        // 1,000 shares sold for 100,000.00: Section 31 100,000 x 20.60 / 1e6 = 2.06; TAF 1,000 x 0.000195 = 0.195 -> 0.20
        assertFees(fees.fees("A-CUST-1", true, 1_000, new BigDecimal("100000.00"), LocalDate.parse("2026-04-02")),
            "0.00", "0.20");
        assertFees(fees.fees("A-CUST-1", true, 1_000, new BigDecimal("100000.00"), LocalDate.parse("2026-04-06")),
            "2.06", "0.20");
        // 100,000 shares: TAF 19.50 capped at 9.79
        assertFees(fees.fees("A-CUST-1", true, 100_000, new BigDecimal("1000000.00"), LocalDate.parse("2026-06-01")),
            "20.60", "9.79");
        // the TAF pause of the fourth quarter, then the 2026 rates again
        assertFees(fees.fees("A-CUST-1", true, 1_000, new BigDecimal("100000.00"), LocalDate.parse("2026-10-15")),
            "2.06", "0.00");
        assertFees(fees.fees("A-CUST-1", true, 1_000, new BigDecimal("100000.00"), LocalDate.parse("2027-01-04")),
            "2.06", "0.20");
        // a buy pays neither
        assertFees(fees.fees("A-CUST-1", false, 1_000, new BigDecimal("100000.00"), LocalDate.parse("2026-06-01")),
            "0.00", "0.00");
    }

    private static void assertFees(final io.portcullis.backoffice.fees.Fees fees, final String sec, final String taf) {
        assertThat(fees.secFee()).as("Section 31").isEqualByComparingTo(sec);
        assertThat(fees.tafFee()).as("TAF").isEqualByComparingTo(taf);
    }

    @Test
    void shouldRefuseAnAllocationToAnUnknownAccount() {
        final BlockAllocation bad = new BlockAllocation("BLK-2", Set.of(9001L), List.of(
            new AllocationInstruction("ALLOC-1", 500), new AllocationInstruction("NOBODY-7", 500)));
        final SettlementInput input = new SettlementInput(blotter(), List.of(bad), ACCOUNTS, NAMES, STANDING);
        assertThatThrownBy(() -> run.run(input)).isInstanceOfSatisfying(UnknownAccountException.class,
            ex -> assertThat(ex.accountId()).isEqualTo("NOBODY-7")).hasMessageContaining("NOBODY-7")
            .hasMessageContaining("BLK-2");
    }

    @Test
    void shouldStoreTheResultAndReplaceItOnARerun() {
        final SettlementResult result = run.run(input(blotter()));
        SettlementStore.save(database.dsl(), result);
        SettlementStore.save(database.dsl(), result);
        final DSLContext dsl = database.dsl();
        assertThat(dsl.fetchCount(TRADE_CONFIRMATION)).isEqualTo(result.confirmations().size());
        assertThat(dsl.fetchCount(SETTLEMENT_OBLIGATION)).isEqualTo(9);
        assertThat(dsl.fetchCount(LEDGER_ENTRY)).isEqualTo(result.ledger().size());
        assertThat(dsl.select(SETTLEMENT_OBLIGATION.NET_MONEY).from(SETTLEMENT_OBLIGATION)
            .where(SETTLEMENT_OBLIGATION.ACCOUNT_ID.eq("A-CUST-2"), SETTLEMENT_OBLIGATION.SYMBOL.eq("JPM"))
            .fetchOne(SETTLEMENT_OBLIGATION.NET_MONEY)).isEqualByComparingTo("57.46");
    }

    private static SettlementInput input(final List<Execution> executions) {
        return new SettlementInput(executions, List.of(block()), ACCOUNTS, NAMES, STANDING);
    }

    private static Execution fill(final String execId, final long orderId, final String account, final String symbol,
                                  final Side side, final long quantity, final String price, final String time) {
        final Instant at = Instant.parse(time);
        return new Execution(execId, orderId, account, symbol, side, quantity, new BigDecimal(price), at,
            LocalDate.parse(time.substring(0, 10)), Capacity.AGENT);
    }

    private static void commission(final DSLContext dsl, final String account, final String perShare,
                                   final String bps, final String minimum) {
        dsl.insertInto(COMMISSION_SCHEDULE).set(COMMISSION_SCHEDULE.ACCOUNT_ID, account)
            .set(COMMISSION_SCHEDULE.EFFECTIVE_FROM, LocalDate.parse("2024-01-01"))
            .set(COMMISSION_SCHEDULE.PER_SHARE, new BigDecimal(perShare))
            .set(COMMISSION_SCHEDULE.BPS, new BigDecimal(bps))
            .set(COMMISSION_SCHEDULE.MINIMUM, new BigDecimal(minimum))
            .set(COMMISSION_SCHEDULE.NOTE, "golden test").execute();
    }

    private static BigDecimal sum(final List<LedgerEntry> lines, final boolean debits) {
        return lines.stream().map(debits ? LedgerEntry::debit : LedgerEntry::credit)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static byte[] golden(final String name) throws IOException {
        try (InputStream in = GoldenSettlementTest.class.getResourceAsStream(GOLDEN + name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            return in.readAllBytes();
        }
    }
}
