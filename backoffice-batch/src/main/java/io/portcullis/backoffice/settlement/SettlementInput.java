package io.portcullis.backoffice.settlement;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a settlement run works on: plain data, so a batch step can build it from the blotter close.
 *
 * @param executions      the fills (block fills included: those of a block's orders are allocated)
 * @param blocks          blocks to allocate
 * @param knownAccounts   every account the back office knows
 * @param securityNames   instrument name by symbol
 * @param standingRemarks firm-level confirmation disclosures printed on every confirmation (e.g. payment for order
 *                        flow, SIPC membership), in order
 */
public record SettlementInput(List<Execution> executions, List<BlockAllocation> blocks, Set<String> knownAccounts,
                              Map<String, String> securityNames, List<String> standingRemarks) {
    /** Copies the collections. */
    public SettlementInput {
        executions = List.copyOf(executions);
        blocks = List.copyOf(blocks);
        knownAccounts = Set.copyOf(knownAccounts);
        securityNames = Map.copyOf(securityNames);
        standingRemarks = List.copyOf(standingRemarks);
    }
}
