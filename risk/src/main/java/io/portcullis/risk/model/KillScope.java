package io.portcullis.risk.model;

/**
 * Scopes of the kill switch. Keys: FIRM {@code *}; BROKER_FIRM a broker firm id; SESSION a FIX session id
 * ({@code fix_session.session_id}); ACCOUNT an account id; SYMBOL a symbol.
 */
public enum KillScope {
    FIRM,
    BROKER_FIRM,
    SESSION,
    ACCOUNT,
    SYMBOL
}
