package io.portcullis.fix.order;

import quickfix.FixVersions;
import quickfix.SessionID;

/**
 * The three FIX versions Portcullis serves, as far as the order layer must tell them apart. Immutable.
 */
enum FixVersion {
    /** FIX 4.2: ExecTransType(20), ExecType 1/2 for fills, no mass messages, short reject-reason lists. */
    FIX42(FixVersions.BEGINSTRING_FIX42),
    /** FIX 4.4. */
    FIX44(FixVersions.BEGINSTRING_FIX44),
    /** FIXT 1.1 carrying FIX 5.0SP2 application messages. */
    FIX50SP2(FixVersions.BEGINSTRING_FIXT11);

    private final String beginString;

    FixVersion(final String beginString) {
        this.beginString = beginString;
    }

    /** @return BeginString(8) of a session of this version */
    String beginString() {
        return beginString;
    }

    /**
     * @param sessionId a QuickFIX/J session
     * @return its version
     * @throws IllegalArgumentException for a BeginString Portcullis does not serve
     */
    static FixVersion of(final SessionID sessionId) {
        return of(sessionId.getBeginString());
    }

    /**
     * @param beginString BeginString(8)
     * @return the version
     * @throws IllegalArgumentException for a BeginString Portcullis does not serve
     */
    static FixVersion of(final String beginString) {
        return switch (beginString) {
            case FixVersions.BEGINSTRING_FIX42 -> FIX42;
            case FixVersions.BEGINSTRING_FIX44 -> FIX44;
            case FixVersions.BEGINSTRING_FIXT11, FixVersions.FIX50SP2 -> FIX50SP2;
            default -> throw new IllegalArgumentException("no Portcullis FIX version for BeginString " + beginString);
        };
    }

    /** @return OrdRejReason(103) as this version's dictionary allows it (FIX 4.2 knows 0..8 only) */
    int ordRejReason(final int reason) {
        return this == FIX42 && (reason < 0 || reason > 8) ? 0 : reason;
    }

    /** @return CxlRejReason(102) as this version allows it (FIX 4.2 knows 0..3 only: 2 = broker option) */
    int cxlRejReason(final int reason) {
        return this == FIX42 && (reason < 0 || reason > 3) ? 2 : reason;
    }

    /** @return BusinessRejectReason(380) as this version allows it (6 NOT_AUTHORIZED is FIX 4.3+) */
    int businessRejectReason(final int reason) {
        return this == FIX42 && reason > 5 ? 0 : reason;
    }
}
