package io.portcullis.oms.journal;

/**
 * The journal's event format (version 1): a sequence of events, each a type byte followed by its fields in the order
 * of the matching {@code EngineListener} callback. Enumerations travel as their FIX character (Side, OrdType,
 * TimeInForce, ExecType, OrdStatus), their stable numeric code (RejectCode, MassScope) or their name (the rare
 * administrative kinds). Prices and notionals are i64 1e-4 USD, quantities i64 shares, times i64 epoch nanos UTC.
 * New event types get new type bytes; fields are only ever appended together with a format version bump.
 */
final class EventFormat {
    static final byte EXECUTION_REPORT = 1;
    static final byte CANCEL_REJECT = 2;
    static final byte TRADE = 3;
    static final byte DEPTH_LEVEL = 4;
    static final byte TOP_OF_BOOK = 5;
    static final byte DAILY_STATS = 6;
    static final byte POSITION = 7;
    static final byte MASS_ACTION_REPORT = 8;
    static final byte INSTRUMENT_STATUS = 9;
    static final byte ADMIN_REJECT = 10;
    static final byte RISK_WARNING = 11;

    private EventFormat() {
    }
}
