package io.portcullis.app.admin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import io.portcullis.app.admin.Role;
import io.portcullis.app.admin.account.Accounts;
import io.portcullis.config.Settings;
import io.portcullis.sql.Database;
import io.portcullis.sql.DatabaseConfiguration;
import io.portcullis.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code ./portcullis admin create-user}: the first administrator is created from the launcher with a password read
 * from standard input, typed twice, or generated and printed once; bad input exits 2 naming the option; a duplicate
 * exits 1.
 */
@Timeout(120)
class AdminCommandTest {
    private static TestDatabase testDatabase;
    private static Settings settings;
    private static Database database;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void createDatabase() {
        testDatabase = TestDatabase.create(AdminCommandTest.class);
        settings = Settings.of(Map.of("db.url", testDatabase.jdbcUrl(), "db.user", testDatabase.user(),
            "db.password", testDatabase.password(), "db.pool-size", "2"), Map.of(), Map.of());
        database = Database.open(DatabaseConfiguration.from(settings));
        database.migrate();
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
        testDatabase.close();
    }

    @Test
    void aGeneratedPasswordIsPrintedOnceAndLogsIn() {
        final int exit = run(null, null, "create-user", "--username", "first-admin", "--role", "ADMIN",
            "--generate-password");

        assertThat(exit).as(err()).isZero();
        final String password = out().lines().filter(line -> line.startsWith("password (shown once"))
            .map(line -> line.substring(line.lastIndexOf(' ') + 1)).findFirst().orElseThrow();
        assertThat(out()).contains("created user first-admin with roles [ADMIN]");
        assertThat(accounts().login("first-admin", password.toCharArray())).isEqualTo(Accounts.LoginOutcome.OK);
        assertThat(accounts().find("first-admin").orElseThrow().createdBy()).isEqualTo("launcher");
    }

    @Test
    void aPasswordIsReadFromStandardInput() {
        final int exit = run("piped-password-1\n", null, "create-user", "--username", "piped", "--role",
            "ADMIN,COMPLIANCE", "--password-stdin");

        assertThat(exit).as(err()).isZero();
        assertThat(out()).doesNotContain("piped-password-1");
        assertThat(accounts().login("piped", "piped-password-1".toCharArray())).isEqualTo(Accounts.LoginOutcome.OK);
        assertThat(accounts().find("piped").orElseThrow().roles()).containsExactly(Role.COMPLIANCE, Role.ADMIN);
    }

    @Test
    void aBrokerUserIsCreatedWithItsFirmAndAnUnknownFirmExitsTwoNamingIt() {
        database.dsl().insertInto(io.portcullis.sql.schema.Tables.BROKER_FIRM)
            .set(io.portcullis.sql.schema.Tables.BROKER_FIRM.FIRM_ID, "ACME")
            .set(io.portcullis.sql.schema.Tables.BROKER_FIRM.NAME, "Acme Securities")
            .set(io.portcullis.sql.schema.Tables.BROKER_FIRM.CREATED_AT, java.time.LocalDateTime.of(2026, 11, 26, 9, 0))
            .execute();

        assertThat(run("viewer-password-1\n", null, "create-user", "--username", "acme.viewer", "--role",
            "BROKER_VIEWER", "--firm", "ACME", "--password-stdin")).as(err()).isZero();
        assertThat(out()).contains("of broker firm ACME");
        assertThat(accounts().find("acme.viewer").orElseThrow().firm()).isEqualTo("ACME");

        assertThat(run("viewer-password-1\n", null, "create-user", "--username", "nowhere.viewer", "--role",
            "BROKER_VIEWER", "--firm", "NOWHERE", "--password-stdin")).isEqualTo(2);
        assertThat(err()).contains("--firm").contains("NOWHERE").contains("ACME");
        assertThat(accounts().find("nowhere.viewer")).isEmpty();
    }

    @Test
    void aPasswordIsPromptedForTwice() {
        final int exit = run(null, prompts("typed-password-1", "typed-password-1"), "create-user", "--username",
            "typed", "--role", "ADMIN");

        assertThat(exit).as(err()).isZero();
        assertThat(accounts().login("typed", "typed-password-1".toCharArray())).isEqualTo(Accounts.LoginOutcome.OK);
    }

    @Test
    void twoDifferentTypedPasswordsAreABadInputNamingThePassword() {
        final int exit = run(null, prompts("typed-password-1", "typed-password-2"), "create-user", "--username",
            "mistyped", "--role", "ADMIN");

        assertThat(exit).isEqualTo(2);
        assertThat(err()).contains("password: the two passwords typed differ");
        assertThat(accounts().find("mistyped")).isEmpty();
    }

    @Test
    void noTerminalAndNoPasswordOptionIsABadUsageSayingWhatToDo() {
        assertThat(run(null, null, "create-user", "--username", "x", "--role", "ADMIN")).isEqualTo(2);
        assertThat(err()).contains("--password-stdin").contains("--generate-password");
    }

    @Test
    void badOptionsExitTwoNamingTheOption() {
        assertUsage("--username: is required", "create-user", "--role", "ADMIN", "--generate-password");
        assertUsage("--username: must be 1 to 64 characters", "create-user", "--username", "a b", "--role", "ADMIN",
            "--generate-password");
        assertUsage("--role: unknown role 'ROOT'", "create-user", "--username", "a", "--role", "ROOT",
            "--generate-password");
        assertUsage("--role: is required", "create-user", "--username", "a", "--generate-password");
        assertUsage("--colour: unknown option", "create-user", "--colour", "red");
        assertUsage("unknown subcommand 'delete-user'", "delete-user");
        assertUsage("a subcommand is required");
        assertThat(run("short\n", null, "create-user", "--username", "a", "--role", "ADMIN", "--password-stdin"))
            .isEqualTo(2);
        assertThat(err()).contains("password: must have 12 to 128 characters");
    }

    @Test
    void anExistingUserExitsOneNamingIt() {
        assertThat(run("duplicate-password\n", null, "create-user", "--username", "dup", "--role", "ADMIN",
            "--password-stdin")).isZero();

        assertThat(run("duplicate-password\n", null, "create-user", "--username", "dup", "--role", "ADMIN",
            "--password-stdin")).isEqualTo(1);
        assertThat(err()).contains("user 'dup' exists");
    }

    private void assertUsage(final String message, final String... args) {
        err.reset();
        assertThat(run(null, null, args)).as(String.join(" ", args)).isEqualTo(2);
        assertThat(err()).contains(message);
    }

    private int run(final String stdin, final AdminMain.Prompt prompt, final String... args) {
        final InputStream in = new ByteArrayInputStream((stdin == null ? "" : stdin).getBytes(StandardCharsets.UTF_8));
        return AdminMain.run(List.of(args), in, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), prompt, settings);
    }

    private static AdminMain.Prompt prompts(final String... typed) {
        final Deque<String> answers = new ArrayDeque<>(List.of(typed));
        return text -> answers.isEmpty() ? null : answers.poll().toCharArray();
    }

    private static Accounts accounts() {
        return new Accounts(database.dsl(), InstantSource.system());
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
