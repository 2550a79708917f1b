package io.portcullis.fix.order;

import quickfix.FieldMap;
import quickfix.FieldNotFound;

/**
 * The Portcullis custom fields an order carried (5700 LocateID, 5701 LocateBroker, 5702 FirmDesignatedID,
 * 5703 CustomerDisplayInstruction), kept by the gateway to echo on the order's ExecutionReports: the engine does not
 * carry them. Values are the raw FIX strings; any may be null. Immutable.
 */
record OrderTags(String locateId, String locateBroker, String firmDesignatedId, String customerDisplayInstruction) {
    static final int LOCATE_ID = 5700;
    static final int LOCATE_BROKER = 5701;
    static final int FIRM_DESIGNATED_ID = 5702;
    static final int CUSTOMER_DISPLAY_INSTRUCTION = 5703;

    /** @return the tags of a NewOrderSingle or replace, or null when it carries none */
    static OrderTags from(final FieldMap message) {
        final String locate = get(message, LOCATE_ID);
        final String broker = get(message, LOCATE_BROKER);
        final String fdid = get(message, FIRM_DESIGNATED_ID);
        final String display = get(message, CUSTOMER_DISPLAY_INSTRUCTION);
        return locate == null && broker == null && fdid == null && display == null ? null
            : new OrderTags(locate, broker, fdid, display);
    }

    /** Writes the tags that are set. */
    void writeTo(final FieldMap message) {
        put(message, LOCATE_ID, locateId);
        put(message, LOCATE_BROKER, locateBroker);
        put(message, FIRM_DESIGNATED_ID, firmDesignatedId);
        put(message, CUSTOMER_DISPLAY_INSTRUCTION, customerDisplayInstruction);
    }

    private static String get(final FieldMap message, final int tag) {
        try {
            return message.isSetField(tag) ? message.getString(tag) : null;
        } catch (final FieldNotFound notThere) {
            return null;
        }
    }

    private static void put(final FieldMap message, final int tag, final String value) {
        if (value != null) {
            message.setString(tag, value);
        }
    }
}
