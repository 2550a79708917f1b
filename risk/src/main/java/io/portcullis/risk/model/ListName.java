package io.portcullis.risk.model;

/**
 * Symbol lists. An entry is a symbol at FIRM scope (key {@code *}: every account) or for one account (key: the account
 * id).
 */
public enum ListName {
    /** Orders in the symbol are refused (RISK_RESTRICTED). */
    RESTRICTED,
    /** Short sales (Side=5) in the symbol need a locate even where the firm would otherwise presume availability. */
    HARD_TO_BORROW
}
