package io.portcullis.risk.desk;

import java.util.List;

/**
 * What the desk's services do with state they committed: publish it to Redis and apply it to this node's engine
 * ({@link RiskDesk} does both, in that order). Called after the commit, on the caller's thread.
 */
@FunctionalInterface
interface Publisher {
    /**
     * @param committed the state rows the transaction wrote, in sequence order
     * @return whether this node's engine took them before returning
     */
    boolean publish(List<DeskEntry> committed);
}
