-- The settlement job replaces a settlement date's ledger lines whole; find them by date.
CREATE INDEX ix_ledger_entry_settlement_date ON ledger_entry (settlement_date);
