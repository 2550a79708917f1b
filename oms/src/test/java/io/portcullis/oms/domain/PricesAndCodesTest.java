package io.portcullis.oms.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Scaled-long prices at the edge, and the stable reject code table. */
class PricesAndCodesTest {

    @Test
    void shouldConvertDecimalPricesExactlyToTenThousandths() {
        assertThat(Prices.fromBigDecimal(new BigDecimal("187.25")).price()).isEqualTo(1_872_500);
        assertThat(Prices.fromBigDecimal(new BigDecimal("0.0001")).price()).isEqualTo(1);
        assertThat(Prices.fromBigDecimal(new BigDecimal("187.250000")).price()).isEqualTo(1_872_500);
        assertThat(Prices.toBigDecimal(1_872_500)).isEqualByComparingTo("187.25");
    }

    @Test
    void shouldReportNonRepresentablePricesAsAResult() {
        assertThat(Prices.fromBigDecimal(new BigDecimal("1.00005")).outcome())
            .isEqualTo(PriceConversion.Outcome.TOO_MANY_DECIMALS);
        assertThat(Prices.fromBigDecimal(new BigDecimal("1e20")).outcome())
            .isEqualTo(PriceConversion.Outcome.OUT_OF_RANGE);
        assertThat(Prices.fromBigDecimal(null).outcome()).isEqualTo(PriceConversion.Outcome.MISSING);
        assertThat(Prices.parse("abc").outcome()).isEqualTo(PriceConversion.Outcome.NOT_A_NUMBER);
        assertThat(Prices.parse("abc").price()).isEqualTo(Prices.NONE);
    }

    @Test
    void shouldGiveEveryRejectCodeAUniqueStableNumberAndFixMapping() {
        final Set<Integer> codes = new HashSet<>();
        for (final RejectCode code : RejectCode.values()) {
            assertThat(codes.add(code.code())).as("unique %s", code).isTrue();
            assertThat(RejectCode.fromCode(code.code())).isEqualTo(code);
            assertThat(code.text()).isNotBlank();
            assertThat(code.ordRejReason()).isBetween(0, 99);
            assertThat(code.cxlRejReason()).isBetween(0, 99);
        }
        assertThat(RejectCode.UNKNOWN_SYMBOL.code()).isEqualTo(1);
        assertThat(RejectCode.DUPLICATE_CLORDID.ordRejReason()).isEqualTo(6);
        assertThat(RejectCode.UNKNOWN_ORDER.cxlRejReason()).isEqualTo(1);
    }

    @Test
    void shouldDeriveOrderStatusDoneness() {
        assertThat(OrdStatus.FILLED.isDone()).isTrue();
        assertThat(OrdStatus.PARTIALLY_FILLED.isDone()).isFalse();
        assertThat(Side.fromFix('2')).isEqualTo(Side.SELL);
        assertThat(TimeInForce.fromFix('6')).isEqualTo(TimeInForce.GTD);
    }
}
