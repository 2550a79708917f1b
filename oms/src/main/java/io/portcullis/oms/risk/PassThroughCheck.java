package io.portcullis.oms.risk;

/**
 * A check that passes everything: for tests, benchmarks and deployments where risk runs elsewhere. Stateless;
 * thread-safe; does not allocate.
 */
public final class PassThroughCheck implements PreTradeCheck {

    /** The shared instance. */
    public static final PassThroughCheck INSTANCE = new PassThroughCheck();

    private PassThroughCheck() {
    }

    @Override
    public PreTradeResult check(final PreTradeOrder order, final ExposureView exposure) {
        return PreTradeResult.PASS;
    }
}
