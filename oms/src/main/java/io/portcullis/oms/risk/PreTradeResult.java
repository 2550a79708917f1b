package io.portcullis.oms.risk;

import io.portcullis.oms.domain.RejectCode;

import java.util.Objects;

/**
 * The outcome of a {@link PreTradeCheck}: PASS, or a reject code with the text for Text(58). Immutable; safe
 * on any thread. {@link #PASS} and {@link #of(RejectCode)} return cached instances (no allocation);
 * {@link #reject(RejectCode, String)} allocates, so checks should cache their frequent rejects.
 *
 * @param code {@link RejectCode#NONE} for PASS, otherwise the reject code; non-null
 * @param text text for the reject; non-null
 */
public record PreTradeResult(RejectCode code, String text) {

    /** The order may be accepted. */
    public static final PreTradeResult PASS = new PreTradeResult(RejectCode.NONE, RejectCode.NONE.text());

    private static final PreTradeResult[] CACHED = cache();

    /** Checks non-null fields. */
    public PreTradeResult {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
    }

    /** @return true when the order may be accepted */
    public boolean passed() {
        return code == RejectCode.NONE;
    }

    /**
     * @param code reject code; non-null
     * @return a cached result with the code's standard text; does not allocate
     */
    public static PreTradeResult of(final RejectCode code) {
        return CACHED[code.ordinal()];
    }

    /**
     * @param code reject code; non-null
     * @param text specific text, e.g. "notional 1,250,000.00 exceeds 1,000,000.00"; non-null
     * @return a new result; allocates
     */
    public static PreTradeResult reject(final RejectCode code, final String text) {
        return new PreTradeResult(code, text);
    }

    private static PreTradeResult[] cache() {
        final RejectCode[] codes = RejectCode.values();
        final PreTradeResult[] results = new PreTradeResult[codes.length];
        for (final RejectCode code : codes) {
            results[code.ordinal()] = code == RejectCode.NONE ? PASS : new PreTradeResult(code, code.text());
        }
        return results;
    }
}
