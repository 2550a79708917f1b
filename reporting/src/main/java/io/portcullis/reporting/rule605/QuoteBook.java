package io.portcullis.reporting.rule605;

import java.util.HashMap;
import java.util.Map;

/**
 * The engine's best bid and offer per symbol, fed with TOP_OF_BOOK documents in journal order, answering "which
 * quote was in force when the journal record at this offset was applied", i.e. the last TOP_OF_BOOK of the symbol
 * from an earlier record: the quote an order met on receipt. A TOP_OF_BOOK of the order's own record (the book after
 * the order rested or traded) is not the quote at its receipt, whatever the order of events inside the record.
 *
 * <p>One thread; memory: two quotes per symbol seen.
 */
public final class QuoteBook {
    private static final class Entry {
        private Quote before = Quote.EMPTY;
        private Quote latest = Quote.EMPTY;
        private long offset = -1;
    }

    private final Map<String, Entry> symbols = new HashMap<>();

    /**
     * Applies a TOP_OF_BOOK.
     *
     * @param symbol the symbol; non-null
     * @param offset journal offset of the record that produced it (non-decreasing from call to call per symbol)
     * @param quote  the book after that record
     */
    public void apply(final String symbol, final long offset, final Quote quote) {
        final Entry entry = symbols.computeIfAbsent(symbol, s -> new Entry());
        if (offset != entry.offset) {
            entry.before = entry.latest;
            entry.offset = offset;
        }
        entry.latest = quote;
    }

    /**
     * The quote in force before the journal record at {@code offset} was applied.
     *
     * @param symbol the symbol
     * @param offset journal offset of the record (at or after every offset applied for the symbol)
     * @return the quote, {@link Quote#EMPTY} when none is known
     */
    public Quote before(final String symbol, final long offset) {
        final Entry entry = symbols.get(symbol);
        if (entry == null) {
            return Quote.EMPTY;
        }
        return entry.offset == offset ? entry.before : entry.latest;
    }

    /**
     * The latest quote applied for a symbol.
     *
     * @param symbol the symbol
     * @return the quote, {@link Quote#EMPTY} when none is known
     */
    public Quote latest(final String symbol) {
        final Entry entry = symbols.get(symbol);
        return entry == null ? Quote.EMPTY : entry.latest;
    }
}
