package io.portcullis.risk.desk;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A locate as granted. Immutable.
 *
 * @param locateId  the id short sales carry
 * @param account   the account it was granted to
 * @param symbol    the symbol
 * @param quantity  shares located
 * @param expiresOn the last US trading date it may be used (inclusive)
 * @param grantedBy who granted it
 * @param grantedAt when (UTC)
 * @param reason    why (e.g. the lender's confirmation)
 * @param changeSeq the desk sequence of the grant
 */
public record LocateView(String locateId, String account, String symbol, long quantity, LocalDate expiresOn,
                         String grantedBy, Instant grantedAt, String reason, long changeSeq) {
}
