package io.portcullis.reporting.cat;

import io.portcullis.config.EffectiveConfiguration;
import io.portcullis.config.SettingException;
import io.portcullis.config.Settings;
import io.portcullis.reporting.audit.AuditIndexerConfiguration;
import io.portcullis.sql.DatabaseConfiguration;

/**
 * Settings of the CAT file builder (environment variable: {@code PORTCULLIS_} + the name upper-cased, dots and dashes
 * as underscores):
 * <ul>
 *   <li>{@code es.url}, {@code audit.index-prefix} (and {@code journal.topic}, which the prefix defaults from): the
 *       audit alias {@code <prefix>-audit}, as {@link AuditIndexerConfiguration#from} reads them</li>
 *   <li>{@code db.*}: the book-of-record database (accounts and broker firms)</li>
 *   <li>{@code cat.spec-version}: the specification version written into every metadata file, default
 *       {@value #DEFAULT_SPEC_VERSION} (regulatory.md §1.1)</li>
 *   <li>{@code cat.submitter-id}: our CATSubmitterID, digits, default {@code 99999} (demo)</li>
 *   <li>{@code cat.reporter-imid}: our CATReporterIMID, 1..7 letters or digits, default {@code PCLS} (demo)</li>
 *   <li>{@code cat.reporter-crd}: our CRD number (receiverIMID {@code <CRD>:<IMID>}), digits, default {@code 999999}
 *       (demo)</li>
 *   <li>{@code cat.file-group}: the file name's group, 1..20 letters or digits, default {@code EQ}</li>
 *   <li>{@code cat.max-file-bytes}: a data file is closed before its uncompressed JSON Lines would pass this size;
 *       1,000..100,000,000,000, default 1,000,000,000 (the 1 GB per-file limit regulatory.md §1.3 gives; SFTP allows
 *       100 GB)</li>
 *   <li>{@code cat.market-center-id}: the TRF our trades are reported to, the MEOT's {@code marketCenterID}, default
 *       {@code L}</li>
 *   <li>{@code cat.page-size}: audit documents per search, 1..10,000, default 1,000</li>
 *   <li>{@code cat.order-cache}: orders whose entry terms are kept in memory, 1,000..10,000,000, default 200,000</li>
 * </ul>
 *
 * @param elasticsearchUrl Elasticsearch base URL
 * @param indexPrefix      the audit index prefix
 * @param database         the book-of-record database
 * @param specVersion      the CAT specification version
 * @param submitterId      CATSubmitterID
 * @param reporterImid     CATReporterIMID
 * @param reporterCrd      our CRD number
 * @param group            the file name's group
 * @param maxFileBytes     uncompressed bytes per data file at most
 * @param marketCenterId   MEOT marketCenterID
 * @param pageSize         documents per search
 * @param orderCache       orders kept in memory
 */
public record CatConfiguration(String elasticsearchUrl, String indexPrefix, DatabaseConfiguration database,
                               String specVersion, String submitterId, String reporterImid, String reporterCrd,
                               String group, long maxFileBytes, String marketCenterId, int pageSize,
                               int orderCache) {
    /** The specification version regulatory.md §1.1 names as the newest read in full. */
    public static final String DEFAULT_SPEC_VERSION = "4.1.0r15";

    /** Validates the identities and limits, naming the setting. */
    public CatConfiguration {
        check("cat.submitter-id", submitterId, submitterId.matches("[0-9]{1,10}"), "must be 1 to 10 digits");
        check("cat.reporter-imid", reporterImid, reporterImid.matches("[A-Za-z0-9]{1,7}"),
            "must be 1 to 7 letters or digits");
        check("cat.reporter-crd", reporterCrd, reporterCrd.matches("[0-9]{1,10}"), "must be 1 to 10 digits");
        check("cat.file-group", group, group.matches("[A-Za-z0-9]{1,20}"), "must be 1 to 20 letters or digits");
        check("cat.spec-version", specVersion, specVersion.matches("[A-Za-z0-9.]{1,20}"),
            "must be 1 to 20 letters, digits or dots");
        check("cat.max-file-bytes", Long.toString(maxFileBytes),
            maxFileBytes >= 1_000 && maxFileBytes <= 100_000_000_000L, "must be 1,000..100,000,000,000");
        check("cat.market-center-id", marketCenterId, marketCenterId.matches("[A-Z]{1,2}"),
            "must be 1 or 2 capital letters");
    }

    private static void check(final String name, final String value, final boolean ok, final String problem) {
        if (!ok) {
            throw new SettingException(name, value, problem);
        }
    }

    /**
     * Reads the settings.
     *
     * @throws SettingException naming a bad setting
     */
    public static CatConfiguration from(final Settings settings) {
        final AuditIndexerConfiguration audit;
        try {
            audit = AuditIndexerConfiguration.from(settings);
        } catch (final IllegalArgumentException ex) {
            throw new SettingException("audit.index-prefix", settings.string("audit.index-prefix", ""),
                ex.getMessage());
        }
        final String maxBytes = settings.string("cat.max-file-bytes", "1000000000").replace("_", "");
        final long max;
        try {
            max = Long.parseLong(maxBytes);
        } catch (final NumberFormatException ex) {
            throw new SettingException("cat.max-file-bytes", maxBytes, "must be a whole number of bytes");
        }
        return new CatConfiguration(audit.elasticsearchUrl(), audit.indexPrefix(), DatabaseConfiguration.from(settings),
            settings.string("cat.spec-version", DEFAULT_SPEC_VERSION),
            settings.string("cat.submitter-id", "99999"),
            settings.string("cat.reporter-imid", "PCLS"),
            settings.string("cat.reporter-crd", "999999"),
            settings.string("cat.file-group", "EQ"),
            max,
            settings.string("cat.market-center-id", "L"),
            settings.integer("cat.page-size", 1_000, 1, 10_000),
            settings.integer("cat.order-cache", 200_000, 1_000, 10_000_000));
    }

    /** @return the audit alias */
    public String alias() {
        return indexPrefix + "-audit";
    }

    /** A copy reading another index prefix (tests isolate themselves this way). */
    public CatConfiguration withIndexPrefix(final String prefix) {
        return new CatConfiguration(elasticsearchUrl, prefix, database, specVersion, submitterId, reporterImid,
            reporterCrd, group, maxFileBytes, marketCenterId, pageSize, orderCache);
    }

    /** A copy splitting files at another size. */
    public CatConfiguration withMaxFileBytes(final long bytes) {
        return new CatConfiguration(elasticsearchUrl, indexPrefix, database, specVersion, submitterId, reporterImid,
            reporterCrd, group, bytes, marketCenterId, pageSize, orderCache);
    }

    /** @return the effective settings, password masked */
    public EffectiveConfiguration describe() {
        return new EffectiveConfiguration("report cat").add("es.url", elasticsearchUrl)
            .add("audit.index-prefix", indexPrefix).add("db.url", database.url()).add("db.user", database.user())
            .add("db.password", database.password()).add("cat.spec-version", specVersion)
            .add("cat.submitter-id", submitterId).add("cat.reporter-imid", reporterImid)
            .add("cat.reporter-crd", reporterCrd).add("cat.file-group", group)
            .add("cat.max-file-bytes", maxFileBytes).add("cat.market-center-id", marketCenterId)
            .add("cat.page-size", pageSize).add("cat.order-cache", orderCache);
    }
}
