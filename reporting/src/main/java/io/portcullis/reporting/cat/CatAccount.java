package io.portcullis.reporting.cat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

import io.portcullis.oms.domain.AccountType;

/**
 * What CAT needs to know of one trading account. Immutable.
 *
 * <p><b>Who is a CAT reporter.</b> An order's account belongs to one of our broker firms (MySQL {@code account.firm_id}).
 * A broker firm with a {@code broker_firm.cat_reporter_imid} (and its {@code crd_number}) is an Industry Member that
 * reports its own side to CAT: its orders reach us as routes it reports (MEOR), so we report them as accepted from
 * another CAT reporter (MEOA, {@code senderIMID = <CRD>:<IMID>}). A firm without one (a foreign broker-dealer, a
 * non-broker-dealer customer firm, or our own desks) is not a CAT reporter: we report its orders as new orders
 * (MENO). A firm whose IMID is ours is our own desk (MENO).
 *
 * <p><b>FDID.</b> CAT forbids reporting the account number as the Firm Designated ID. The FDID is the account's
 * {@code account.fdid}; when that equals the account id (the engine's default for accounts configured without one),
 * a stable substitute {@code FD<16 hex digits of SHA-256(reporter IMID ":" account id)>} is reported instead, the
 * same on every run, and the FDID should be registered in CAIS with it.
 *
 * @param accountId  the FIX Account(1) value
 * @param firmId     the owning broker firm
 * @param type       the account's capacity (account holder type and department type derive from it)
 * @param fdid       the FDID to report (never the account number)
 * @param senderImid the broker firm's Industry Member ID {@code <CRD>:<IMID>} when it is another CAT reporter,
 *                   otherwise null
 */
public record CatAccount(String accountId, String firmId, AccountType type, String fdid, String senderImid) {

    /** Requires the identity fields. */
    public CatAccount {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(firmId, "firmId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(fdid, "fdid");
    }

    /** @return true when the order came from another CAT reporter (MEOA rather than MENO) */
    public boolean fromReporter() {
        return senderImid != null;
    }

    /**
     * The FDID to report for an account.
     *
     * @param accountId    the account id
     * @param fdid         the stored FDID, or null
     * @param reporterImid our CATReporterIMID (salts the substitute)
     * @return {@code fdid} when it is set and differs from the account id, else the substitute
     */
    public static String reportableFdid(final String accountId, final String fdid, final String reporterImid) {
        if (fdid != null && !fdid.isBlank() && !fdid.equals(accountId)) {
            return fdid;
        }
        try {
            final byte[] hash = MessageDigest.getInstance("SHA-256")
                .digest((reporterImid + ":" + accountId).getBytes(StandardCharsets.UTF_8));
            return "FD" + HexFormat.of().withUpperCase().formatHex(hash, 0, 8);
        } catch (final NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is not available", ex);
        }
    }
}
