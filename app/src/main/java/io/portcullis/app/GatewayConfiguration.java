package io.portcullis.app;

import java.nio.file.Path;

import io.portcullis.config.EffectiveConfiguration;
import io.portcullis.config.SettingException;
import io.portcullis.config.Settings;

/**
 * The gateway process's own settings (environment variable in brackets). The database, journal and FIX sessions
 * have their own configurations, read from the same {@link Settings}.
 * <ul>
 *   <li>{@code gateway.fix-config} [PORTCULLIS_GATEWAY_FIX_CONFIG]: the QuickFIX/J session file; required</li>
 *   <li>{@code gateway.http-port}: admin API, health and metrics, default 18080 (0 = any free port, -1 = off)</li>
 *   <li>{@code gateway.data-dir}: engine snapshots and other local state, default var/gateway</li>
 *   <li>{@code gateway.instruments}: instrument CSV file; default the bundled US equities seed</li>
 *   <li>{@code engine.queue-capacity}: inbound command queue, 1,024..4,194,304, default 65,536</li>
 *   <li>{@code engine.snapshot-every}: commands between engine snapshots, 0 (never)..100,000,000, default 100,000</li>
 *   <li>{@code risk.enforce-trading-hours}: refuse orders outside each instrument's trading hours (New York time),
 *       default true; the demo turns it off so that it trades at any hour</li>
 *   <li>{@code risk.presume-easy-to-borrow}: let a short sale without a locate pass when its symbol is not on the
 *       hard-to-borrow list, default false (every short sale needs a locate)</li>
 *   <li>{@code audit.index}: run the audit indexers (journal and audit topic into Elasticsearch) in this process,
 *       default true; with false, run them elsewhere (the FIX messages and admin actions still go to the audit
 *       topic)</li>
 * </ul>
 *
 * @param fixConfig      the QuickFIX/J .cfg file
 * @param httpPort       HTTP port, 0 for any free port, -1 for none
 * @param dataDir        local state folder
 * @param instruments    instrument CSV, or null for the bundled seed
 * @param queueCapacity  engine inbound queue capacity
 * @param snapshotEvery  commands between snapshots
 * @param enforceTradingHours  whether the risk check refuses orders outside trading hours
 * @param presumeEasyToBorrow  whether short sales of symbols not hard to borrow pass without a locate
 * @param auditIndex     whether this process indexes the audit streams into Elasticsearch
 */
public record GatewayConfiguration(Path fixConfig, int httpPort, Path dataDir, Path instruments, int queueCapacity,
                                   long snapshotEvery, boolean enforceTradingHours, boolean presumeEasyToBorrow,
                                   boolean auditIndex) {
    /** Reads and validates the settings; a missing file names the setting. */
    public static GatewayConfiguration from(final Settings settings) {
        final Path fixConfig = Path.of(settings.required("gateway.fix-config"));
        if (!fixConfig.toFile().isFile()) {
            throw new SettingException("gateway.fix-config", fixConfig.toString(), "must name a readable file");
        }
        final String instruments = settings.string("gateway.instruments", null);
        if (instruments != null && !Path.of(instruments).toFile().isFile()) {
            throw new SettingException("gateway.instruments", instruments, "must name a readable CSV file");
        }
        return new GatewayConfiguration(fixConfig,
            settings.integer("gateway.http-port", 18080, -1, 65535),
            Path.of(settings.string("gateway.data-dir", "var/gateway")),
            instruments == null ? null : Path.of(instruments),
            settings.integer("engine.queue-capacity", 65_536, 1_024, 4_194_304),
            settings.integer("engine.snapshot-every", 100_000, 0, 100_000_000),
            settings.bool("risk.enforce-trading-hours", true),
            settings.bool("risk.presume-easy-to-borrow", false),
            settings.bool("audit.index", true));
    }

    /** For the start-up banner. */
    public EffectiveConfiguration describe() {
        return new EffectiveConfiguration("gateway")
            .add("gateway.fix-config", fixConfig).add("gateway.http-port", httpPort)
            .add("gateway.data-dir", dataDir).add("gateway.instruments", instruments == null ? "(bundled)" : instruments)
            .add("engine.queue-capacity", queueCapacity).add("engine.snapshot-every", snapshotEvery)
            .add("risk.enforce-trading-hours", enforceTradingHours)
            .add("risk.presume-easy-to-borrow", presumeEasyToBorrow)
            .add("audit.index", auditIndex);
    }
}
