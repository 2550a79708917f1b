package io.portcullis.backoffice.settlement;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A block to allocate: the orders whose fills make up the block, and how to split it among sub-accounts.
 *
 * @param blockId      identifier of the block (names the confirmations)
 * @param orderIds     the block orders; every execution of these orders belongs to the block
 * @param instructions the split, one per sub-account
 */
public record BlockAllocation(String blockId, Set<Long> orderIds, List<AllocationInstruction> instructions) {
    /** Copies the collections and requires at least one order and one instruction. */
    public BlockAllocation {
        Objects.requireNonNull(blockId, "blockId");
        orderIds = Set.copyOf(orderIds);
        instructions = List.copyOf(instructions);
        if (orderIds.isEmpty() || instructions.isEmpty()) {
            throw new IllegalArgumentException("block " + blockId + " needs orders and instructions");
        }
    }
}
