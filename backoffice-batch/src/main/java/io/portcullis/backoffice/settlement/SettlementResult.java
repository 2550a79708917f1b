package io.portcullis.backoffice.settlement;

import java.util.List;

/**
 * What a settlement run produces, each list in its file order.
 *
 * @param calendarVersion the calendar version used
 * @param confirmations   by trade date, account, symbol, confirmation id
 * @param obligations     by settlement date, account, symbol
 * @param ledger          by confirmation id, line number
 */
public record SettlementResult(String calendarVersion, List<Confirmation> confirmations, List<Obligation> obligations,
                               List<LedgerEntry> ledger) {
    /** Copies the lists. */
    public SettlementResult {
        confirmations = List.copyOf(confirmations);
        obligations = List.copyOf(obligations);
        ledger = List.copyOf(ledger);
    }
}
