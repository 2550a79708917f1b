package io.portcullis.backoffice.settlement;

import java.util.Objects;

/**
 * One sub-account's share of a block: the shares it asked for. When the block filled a different number of shares
 * than the instructions ask for in total, the fill is pro-rated on these numbers.
 *
 * @param accountId the sub-account
 * @param shares    requested shares, positive
 */
public record AllocationInstruction(String accountId, long shares) {
    /** Validates the instruction. */
    public AllocationInstruction {
        Objects.requireNonNull(accountId, "accountId");
        if (shares <= 0) {
            throw new IllegalArgumentException("allocation to " + accountId + " needs positive shares, not "
                + shares);
        }
    }
}
