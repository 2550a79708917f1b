package io.portcullis.risk.desk;

import java.util.List;

/**
 * Recently rejected orders with their reasons, for the risk officers. The engine's reject events carry the reason
 * code (the lead wires them); {@link MysqlRejectSource} reads rejected orders from the MySQL projection meanwhile.
 *
 * <p>Implementations are thread-safe; called on HTTP threads.
 */
public interface RejectSource {
    /**
     * The newest rejects first.
     *
     * @param account null for every account
     * @param limit   at most this many, 1..1000
     */
    List<RecentReject> recent(String account, int limit);
}
