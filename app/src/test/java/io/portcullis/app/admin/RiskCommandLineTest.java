package io.portcullis.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./portcullis risk ...} against a real gateway: the launcher's subcommands reach the desk's routes, print
 * the API's JSON, exit 1 with the problem when the gateway refuses (self-approval), 2 on bad usage, and each has
 * its {@code --help}.
 */
@Timeout(300)
class RiskCommandLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;

    private static AdminGateway api;
    private static String carol;
    private static String dave;

    /** A finished launcher run. */
    private record Run(int exit, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (final IOException ex) {
                throw new AssertionError("not JSON: " + out + " / " + err, ex);
            }
        }
    }

    @BeforeAll
    static void startGateway() throws Exception {
        api = AdminGateway.start(RiskCommandLineTest.class, temp);
        api.accounts().create("carol", Set.of(Role.RISK_OFFICER), AdminGateway.PASSWORD.toCharArray(), "test");
        api.accounts().create("dave", Set.of(Role.RISK_OFFICER), AdminGateway.PASSWORD.toCharArray(), "test");
        carol = api.tokens().issue("carol", Duration.ofMinutes(10)).token();
        dave = api.tokens().issue("dave", Duration.ofMinutes(10)).token();
    }

    @AfterAll
    static void stopGateway() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void limitsAreSetProposedAndApprovedByAnotherOfficer() throws Exception {
        final Run set = risk(carol, "set-limit", "--scope", "ACCOUNT", "--key", "B1-CUST-002", "--name",
            "MAX_ORDER_QTY", "--value", "2000", "--expected-version", "0", "--reason", "new account");
        assertThat(set.exit()).as(set.toString()).isZero();
        assertThat(set.json().get("status").asText()).isEqualTo("APPLIED");

        final Run raise = risk(carol, "set-limit", "--scope", "ACCOUNT", "--key", "B1-CUST-002", "--name",
            "MAX_ORDER_QTY", "--value", "3000", "--expected-version", "1", "--reason", "bigger tickets");
        assertThat(raise.json().get("status").asText()).as(raise.toString()).isEqualTo("PENDING_APPROVAL");
        final String changeId = raise.json().get("change").get("changeId").asText();
        assertThat(risk(dave, "pending").json().get("changes").findValuesAsText("changeId")).contains(changeId);

        final Run self = risk(carol, "approve", changeId, "--reason", "mine");
        assertThat(self.exit()).as(self.toString()).isEqualTo(1);
        assertThat(self.out()).contains("four-eyes");

        final Run approved = risk(dave, "approve", changeId, "--reason", "desk head ok");
        assertThat(approved.exit()).as(approved.toString()).isZero();
        assertThat(risk(dave, "limits", "--scope", "ACCOUNT", "--key", "B1-CUST-002").json().get("limits").get(0)
            .get("value").asInt()).isEqualTo(3000);
        assertThat(risk(dave, "history", "--scope", "ACCOUNT", "--key", "B1-CUST-002", "--name", "MAX_ORDER_QTY")
            .json().get("versions")).hasSize(2);
    }

    @Test
    void listsLocatesKillSwitchExposureAndRejectsWorkFromTheLauncher() throws Exception {
        assertThat(risk(carol, "restricted", "add", "SPY", "--reason", "index event").exit()).isZero();
        assertThat(risk(carol, "restricted", "list").json().get("entries").findValuesAsText("symbol")).contains("SPY");
        final Run removed = risk(dave, "restricted", "remove", "SPY", "--reason", "event over");
        assertThat(removed.exit()).as(removed.toString()).isZero();
        assertThat(removed.json().get("present").asBoolean()).isFalse();
        assertThat(risk(carol, "hard-to-borrow", "add", "NVDA", "--account", "B2-CUST-002", "--reason", "recall")
            .exit()).isZero();
        final Run locate = risk(carol, "locate", "grant", "--account", "B2-CUST-002", "--symbol", "NVDA",
            "--quantity", "700", "--reason", "lender conf 9");
        assertThat(locate.exit()).as(locate.toString()).isZero();
        assertThat(risk(carol, "locate", "list", "--account", "B2-CUST-002").json().get("locates")).hasSize(1);
        final Run kill = risk(carol, "kill", "--scope", "SESSION", "--key", "FIX.4.4:PORTCULLIS->BROKER2", "--reason",
            "stuck algo");
        assertThat(kill.exit()).as(kill.toString()).isZero();
        assertThat(risk(dave, "kill-switches", "--engaged").json().get("killSwitches").findValuesAsText("key"))
            .containsExactly("FIX.4.4:PORTCULLIS->BROKER2");
        assertThat(risk(dave, "release", "--scope", "SESSION", "--key", "FIX.4.4:PORTCULLIS->BROKER2", "--reason",
            "fixed").exit()).isZero();
        assertThat(risk(dave, "exposure", "--account", "B1-CUST-001").json().get("accounts")).hasSize(1);
        assertThat(risk(dave, "rejects", "--limit", "5").exit()).isZero();
        assertThat(api.lastAudit().getUsername()).isEqualTo("dave");
    }

    @Test
    void badUsageExitsTwoAndEveryCommandHasHelp() throws Exception {
        assertThat(risk(carol, "kill", "--scope", "FIRM").exit()).isEqualTo(2);
        assertThat(risk(carol, "set-limit", "--scope", "FIRM", "--reason", "x").exit()).isEqualTo(2);
        assertThat(risk(carol, "approve", "abc", "--reason", "x").exit()).isEqualTo(2);
        assertThat(risk(carol, "nonsense").exit()).isEqualTo(2);
        assertThat(risk(null, "limits").exit()).isEqualTo(2);
        for (final String command : List.of("limits", "set-limit", "history", "pending", "approve", "reject",
            "restricted", "hard-to-borrow", "locate", "kill-switches", "kill", "release", "exposure", "rejects",
            "login")) {
            final Run help = risk(null, command, "--help");
            assertThat(help.exit()).as(command).isZero();
            assertThat(help.out()).as(command).startsWith("Usage: ./portcullis risk " + command);
        }
        final Run refused = risk(carol, "set-limit", "--scope", "FIRM", "--name", "MAX_ORDER_QTY", "--value", "-1",
            "--expected-version", "0", "--reason", "oops");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out()).contains("\"field\":\"value\"");
    }

    private static Run risk(final String token, final String... args) throws Exception {
        final Path home = Path.of(System.getenv().getOrDefault("PORTCULLIS_HOME", ".."));
        final List<String> command = new ArrayList<>(List.of(home.resolve("portcullis").toString(), "risk"));
        command.addAll(List.of(args));
        final ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(
            Files.writeString(temp.resolve("stdin"), "").toFile()));
        final Map<String, String> env = builder.environment();
        env.put("PORTCULLIS_API_URL", "http://127.0.0.1:" + api.gateway().httpPort());
        if (token == null) {
            env.remove("PORTCULLIS_API_TOKEN");
        } else {
            env.put("PORTCULLIS_API_TOKEN", token);
        }
        final Process process = builder.start();
        final String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        final String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out, err);
    }
}
