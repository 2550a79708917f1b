package io.portcullis.oms.risk;

import io.portcullis.oms.domain.RejectCode;

import java.util.Objects;

/**
 * The outcome of a {@link PreTradeCheck}: PASS, a reject with its code and the text for Text(58), or a warning (the
 * order passes; the engine reports the code and text as a risk warning event before accepting it, for the audit
 * trail). Immutable; safe on any thread. {@link #PASS} and {@link #of(RejectCode)} return cached instances (no
 * allocation); {@link #reject(RejectCode, String)} and {@link #warn(RejectCode, String)} allocate, which is acceptable
 * on a reject or a warning, never on a plain pass.
 *
 * @param code    {@link RejectCode#NONE} for PASS, otherwise the reject (or warning) code; non-null
 * @param text    text for the reject or warning; non-null
 * @param warning true when the order passes with a warning (then {@code code} is not NONE)
 */
public record PreTradeResult(RejectCode code, String text, boolean warning) {

    /** The order may be accepted. */
    public static final PreTradeResult PASS = new PreTradeResult(RejectCode.NONE, RejectCode.NONE.text(), false);

    private static final PreTradeResult[] CACHED = cache();

    /** Checks non-null fields and that a warning names what it warns of. */
    public PreTradeResult {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
        if (warning && code == RejectCode.NONE) {
            throw new IllegalArgumentException("a warning needs a code");
        }
    }

    /**
     * A pass ({@code NONE}) or a reject.
     *
     * @param code {@link RejectCode#NONE} for PASS, otherwise the reject code; non-null
     * @param text text for the reject; non-null
     */
    public PreTradeResult(final RejectCode code, final String text) {
        this(code, text, false);
    }

    /** @return true when the order may be accepted (a plain pass or a warning) */
    public boolean passed() {
        return code == RejectCode.NONE || warning;
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
        return new PreTradeResult(code, text, false);
    }

    /**
     * @param code what was noticed, e.g. {@link RejectCode#RISK_DUPLICATE_ORDER}; not NONE
     * @param text specific text; non-null
     * @return a new passing result with a warning; allocates
     */
    public static PreTradeResult warn(final RejectCode code, final String text) {
        return new PreTradeResult(code, text, true);
    }

    private static PreTradeResult[] cache() {
        final RejectCode[] codes = RejectCode.values();
        final PreTradeResult[] results = new PreTradeResult[codes.length];
        for (final RejectCode code : codes) {
            results[code.ordinal()] = code == RejectCode.NONE ? PASS : new PreTradeResult(code, code.text(), false);
        }
        return results;
    }
}
