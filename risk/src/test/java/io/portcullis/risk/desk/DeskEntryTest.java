package io.portcullis.risk.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.portcullis.risk.model.KillScope;
import io.portcullis.risk.model.LimitKey;
import io.portcullis.risk.model.LimitName;
import io.portcullis.risk.model.LimitScope;
import io.portcullis.risk.model.ListName;
import io.portcullis.risk.model.Locate;
import org.junit.jupiter.api.Test;

/** The text form of desk entries that travels through Redis: round trips, and anything malformed is refused. */
class DeskEntryTest {
    @Test
    void everyKindOfEntrySurvivesTheTextForm() {
        final List<DeskEntry> entries = List.of(
            new DeskEntry.LimitEntry(7, new LimitKey(LimitScope.SYMBOL, "B1-CUST-001", "AAPL",
                LimitName.MAX_ORDER_NOTIONAL), new BigDecimal("250000.5000")),
            new DeskEntry.ListEntry(8, ListName.HARD_TO_BORROW, "*", "NVDA", false),
            new DeskEntry.LocateEntry(9, new Locate("LOC-9", "B1-CUST-001", "NVDA", 300), LocalDate.of(2026, 3, 2)),
            new DeskEntry.KillEntry(10, KillScope.SESSION, "FIX.4.4:PORTCULLIS->BROKER1", true));

        for (final DeskEntry entry : entries) {
            assertThat(DeskEntry.decode(entry.encode())).isEqualTo(entry);
            assertThat(entry.encode()).startsWith(entry.seq() + "|" + entry.id() + "|");
        }
        assertThat(entries.get(0).encode()).isEqualTo("7|L|SYMBOL|B1-CUST-001|AAPL|MAX_ORDER_NOTIONAL|250000.5");
    }

    @Test
    void malformedOrInvalidTextIsRefused() {
        for (final String text : List.of("", "x|L", "0|K|FIRM|*|1", "5|L|FIRM|*|*|MAX_ORDER_QTY|-1",
            "5|L|FIRM|*|*|MAX_ORDER_QTY|1e12", "5|L|ACCOUNT|A|*|CAPITAL_THRESHOLD|5", "5|K|FIRM|A1|1",
            "5|S|RESTRICTED|*|AA PL|1", "5|C|L1|A1|AAPL|0|2026-01-01", "5|C|L1|A1|AAPL|10|tomorrow",
            "5|K|ACCOUNT|A1|2", "5|Q|x", "5|L|FIRM|*|*|MAX_ORDER_QTY|1|extra")) {
            assertThatThrownBy(() -> DeskEntry.decode(text)).as(text).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
