package io.portcullis.backoffice.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Fees to the cent, with the V11 rates (copied here as rows) and hand-computed expectations. */
class FeeCalculatorTest {
    private final FeeCalculator calculator = new FeeCalculator(FeeSchedule.of(
        List.of(new Section31Rate(d("2023-02-27"), new BigDecimal("8.00"), false, "FY2023"),
            new Section31Rate(d("2024-05-22"), new BigDecimal("27.80"), true, "Release 34-99973"),
            new Section31Rate(d("2025-05-14"), new BigDecimal("0.00"), true, "Release 34-102779"),
            new Section31Rate(d("2026-03-29"), null, false, "Release 34-104909, figure not read")),
        List.of(new TafRate(d("2024-01-01"), new BigDecimal("0.000166"), new BigDecimal("8.30"), false, "secondary"),
            new TafRate(d("2026-01-01"), null, null, false, "SR-FINRA-2024-019, not read")),
        List.of(new CommissionSchedule("A-CUST-1", d("2024-01-01"), new BigDecimal("0.005"), BigDecimal.ZERO,
                new BigDecimal("1.00"), "per share, min 1"),
            new CommissionSchedule("A-CUST-2", d("2024-01-01"), BigDecimal.ZERO, new BigDecimal("10"),
                new BigDecimal("5.00"), "10 bps, min 5"),
            new CommissionSchedule(CommissionSchedule.DEFAULT_ACCOUNT, d("2024-01-01"), new BigDecimal("0.01"),
                BigDecimal.ZERO, BigDecimal.ZERO, "default"))));

    @Test
    void shouldRoundSection31UpToTheCent() {
        // 10,000.00 * 27.80 / 1e6 = 0.278 -> 0.28
        assertThat(calculator.secFee(usd("10000.00"), d("2024-06-03"))).isEqualByComparingTo("0.28");
        // 12,345.67 * 27.80 / 1e6 = 0.343209626 -> 0.35
        assertThat(calculator.secFee(usd("12345.67"), d("2025-05-13"))).isEqualByComparingTo("0.35");
        // exactly 1,000,000.00 -> 27.80, no rounding
        assertThat(calculator.secFee(usd("1000000.00"), d("2025-05-13"))).isEqualByComparingTo("27.80");
    }

    @Test
    void shouldApplyTheRateInForceOnTheTradeDate() {
        // 100,000.00 at USD 8.00 per million on 2024-05-21 = 0.80; at 27.80 from 2024-05-22 = 2.78
        assertThat(calculator.secFee(usd("100000.00"), d("2024-05-21"))).isEqualByComparingTo("0.80");
        assertThat(calculator.secFee(usd("100000.00"), d("2024-05-22"))).isEqualByComparingTo("2.78");
        // USD 0.00 from 2025-05-14
        assertThat(calculator.secFee(usd("100000.00"), d("2025-05-14"))).isEqualByComparingTo("0.00");
    }

    @Test
    void shouldCapTheTafPerTradeAndRoundItUp() {
        // 100 * 0.000166 = 0.0166 -> 0.02
        assertThat(calculator.tafFee(100, d("2025-06-02"))).isEqualByComparingTo("0.02");
        // 1 share: 0.000166 -> 0.01 (the smallest charge)
        assertThat(calculator.tafFee(1, d("2025-06-02"))).isEqualByComparingTo("0.01");
        // 50,000 * 0.000166 = 8.30, at the cap; 60,000 -> 9.96, capped to 8.30
        assertThat(calculator.tafFee(50_000, d("2025-06-02"))).isEqualByComparingTo("8.30");
        assertThat(calculator.tafFee(60_000, d("2025-06-02"))).isEqualByComparingTo("8.30");
    }

    @Test
    void shouldChargeNoRegulatoryFeesOnAPurchase() {
        final Fees fees = calculator.fees("A-CUST-1", false, 100, usd("21050.00"), d("2025-05-13"));
        // 100 * 0.005 = 0.50, below the 1.00 minimum
        assertThat(fees).isEqualTo(new Fees(usd("1.00"), usd("0.00"), usd("0.00")));
    }

    @Test
    void shouldChargeCommissionSection31AndTafOnASale() {
        // 500 MSFT @ 449.1234 = 224,561.70; 10 bps = 224.5617 -> 224.56; Section 31 6.24281526 -> 6.25;
        // TAF 500 * 0.000166 = 0.083 -> 0.09
        final Fees fees = calculator.fees("A-CUST-2", true, 500, usd("224561.70"), d("2025-05-13"));
        assertThat(fees).isEqualTo(new Fees(usd("224.56"), usd("6.25"), usd("0.09")));
        assertThat(fees.total()).isEqualByComparingTo("230.90");
    }

    @Test
    void shouldUseTheDefaultCommissionScheduleForOtherAccounts() {
        assertThat(calculator.commission("ALLOC-9", 334, usd("170405.96"), d("2025-10-10")))
            .isEqualByComparingTo("3.34");
    }

    @Test
    void shouldRefuseASaleWhenTheSection31FigureInForceIsNotVerified() {
        assertThatThrownBy(() -> calculator.fees("A-CUST-1", true, 100, usd("1000.00"), d("2026-04-01")))
            .isInstanceOfSatisfying(RateUnavailableException.class, ex -> {
                assertThat(ex.fee()).isEqualTo(FeeKind.SEC_SECTION_31);
                assertThat(ex.tradeDate()).isEqualTo(d("2026-04-01"));
            })
            .hasMessageContaining("SEC_SECTION_31").hasMessageContaining("2026-04-01");
    }

    @Test
    void shouldRefuseASaleWhenTheTafInForceHasNoFigures() {
        assertThatThrownBy(() -> calculator.fees("A-CUST-1", true, 100, usd("1000.00"), d("2026-02-02")))
            .isInstanceOfSatisfying(RateUnavailableException.class,
                ex -> assertThat(ex.fee()).isEqualTo(FeeKind.FINRA_TAF))
            .hasMessageContaining("2026-02-02");
    }

    @Test
    void shouldRefuseATradeBeforeAnyRate() {
        assertThatThrownBy(() -> calculator.secFee(usd("1000.00"), d("2023-01-03")))
            .isInstanceOf(RateUnavailableException.class).hasMessageContaining("SEC_SECTION_31")
            .hasMessageContaining("2023-01-03");
        final FeeCalculator noDefault = new FeeCalculator(FeeSchedule.of(List.of(), List.of(), List.of()));
        assertThatThrownBy(() -> noDefault.commission("X", 1, usd("1.00"), d("2025-01-02")))
            .isInstanceOf(RateUnavailableException.class).hasMessageContaining("COMMISSION")
            .hasMessageContaining("account X");
    }

    private static BigDecimal usd(final String amount) {
        return new BigDecimal(amount);
    }

    private static LocalDate d(final String iso) {
        return LocalDate.parse(iso);
    }
}
