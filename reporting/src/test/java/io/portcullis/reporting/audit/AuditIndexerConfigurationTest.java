package io.portcullis.reporting.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import io.portcullis.config.Settings;
import org.junit.jupiter.api.Test;

class AuditIndexerConfigurationTest {
    @Test
    void defaultsNameTheLocalStackAndTheProductionPrefix() {
        final AuditIndexerConfiguration config = AuditIndexerConfiguration.from(settings(Map.of()));

        assertThat(config.topic()).isEqualTo("portcullis.journal");
        assertThat(config.elasticsearchUrl()).isEqualTo("http://127.0.0.1:19200");
        assertThat(new AuditIndices(config.indexPrefix(), 0).alias()).isEqualTo("portcullis-audit");
        assertThat(new AuditIndices(config.indexPrefix(), 0).dailyIndex(1_767_600_000_000_000_000L))
            .isEqualTo("portcullis-audit-2026.01.05");
        assertThat(new AuditIndices(config.indexPrefix(), 0).offsetsIndex()).isEqualTo("portcullis-audit-offsets");
    }

    @Test
    void anIndexPrefixElasticsearchWouldRefuseIsRefusedAtStartUpNamingTheSetting() {
        assertThatThrownBy(() -> AuditIndexerConfiguration.from(settings(Map.of("audit.index-prefix", "Audit"))))
            .hasMessageContaining("setting audit.index-prefix").hasMessageContaining("'Audit'");
    }

    @Test
    void theLargestBackoffMayNotBeShorterThanTheFirst() {
        assertThatThrownBy(() -> AuditIndexerConfiguration.from(settings(Map.of("audit.retry-initial-ms", "500",
            "audit.retry-max-ms", "100")))).hasMessageContaining("setting audit.retry-max-ms");
    }

    private static Settings settings(final Map<String, String> file) {
        return Settings.of(file, Map.of(), Map.of());
    }
}
