package io.portcullis.risk.desk;

import java.util.List;

/**
 * Live exposure per account, for the desk's utilisation view. The engine's own view is the truth (the lead wires it);
 * {@link MysqlExposureSource} reads the MySQL projection meanwhile (as fresh as the projector).
 *
 * <p>Implementations are thread-safe; called on HTTP threads, never on the order path.
 */
public interface ExposureSource {
    /**
     * Exposure of every account, or of one.
     *
     * @param account null for every account, else one account id
     * @return by account id
     */
    List<AccountExposure> exposures(String account);
}
