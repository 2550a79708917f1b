package io.portcullis.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SettingsTest {
    enum Dialect { MYSQL, MARIADB }

    @Test
    void environmentOverridesSystemPropertyWhichOverridesFile() {
        final Settings settings = Settings.of(
            Map.of("db.url", "file", "db.user", "file", "db.schema", "file"),
            Map.of("portcullis.db.url", "system", "portcullis.db.user", "system"),
            Map.of("PORTCULLIS_DB_URL", "env"));

        assertThat(settings.string("db.url", "default")).isEqualTo("env");
        assertThat(settings.string("db.user", "default")).isEqualTo("system");
        assertThat(settings.string("db.schema", "default")).isEqualTo("file");
        assertThat(settings.string("db.other", "default")).isEqualTo("default");
    }

    @Test
    void shouldNameTheSettingAndValueWhenANumberIsOutOfRange() {
        final Settings settings = Settings.of(Map.of("db.pool-size", "0"), Map.of(), Map.of());

        assertThatThrownBy(() -> settings.integer("db.pool-size", 10, 1, 200))
            .isInstanceOf(SettingException.class)
            .hasMessage("setting db.pool-size: must be from 1 to 200, was '0'");
    }

    @Test
    void shouldRejectAWordWhereANumberIsExpected() {
        final Settings settings = Settings.of(Map.of(), Map.of(), Map.of("PORTCULLIS_DB_POOL_SIZE", "ten"));

        assertThatThrownBy(() -> settings.integer("db.pool-size", 10, 1, 200))
            .hasMessage("setting db.pool-size: must be a whole number, was 'ten'");
    }

    @Test
    void shouldListTheAllowedChoicesWhenAnEnumValueIsUnknown() {
        final Settings settings = Settings.of(Map.of("db.dialect", "postgres"), Map.of(), Map.of());

        assertThatThrownBy(() -> settings.choice("db.dialect", Dialect.class, Dialect.MARIADB))
            .hasMessage("setting db.dialect: must be one of MYSQL, MARIADB, was 'postgres'");
        assertThat(Settings.of(Map.of("db.dialect", "mysql"), Map.of(), Map.of())
            .choice("db.dialect", Dialect.class, Dialect.MARIADB)).isEqualTo(Dialect.MYSQL);
    }

    @Test
    void shouldSayHowToSetARequiredSettingThatIsMissing() {
        assertThatThrownBy(() -> Settings.of(Map.of(), Map.of(), Map.of()).required("db.password"))
            .hasMessageContaining("setting db.password: is required")
            .hasMessageContaining("PORTCULLIS_DB_PASSWORD");
    }

    @Test
    void shouldReadBooleansInTheUsualSpellings() {
        final Settings settings = Settings.of(Map.of("a", "Y", "b", "no", "c", "maybe"), Map.of(), Map.of());

        assertThat(settings.bool("a", false)).isTrue();
        assertThat(settings.bool("b", true)).isFalse();
        assertThatThrownBy(() -> settings.bool("c", true)).hasMessage("setting c: must be true or false, was 'maybe'");
    }

    @Test
    void shouldMaskSecretsInTheEffectiveConfiguration() {
        final String printed = new EffectiveConfiguration("database")
            .add("db.url", "jdbc:mysql://127.0.0.1:13306/portcullis")
            .add("db.password", "hunter2")
            .toString();

        assertThat(printed).contains("db.url = jdbc:mysql://127.0.0.1:13306/portcullis")
            .contains("db.password = ********").doesNotContain("hunter2");
    }
}
