package io.portcullis.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * User administration by ADMIN on a real gateway: create (with a generated password shown once), refuse bad input
 * naming the field, refuse duplicates, change roles with immediate effect, disable (revoking tokens), and never leave
 * the gateway without an enabled administrator.
 */
@Timeout(180)
class UserAdministrationTest {
    @TempDir
    static Path temp;

    private static AdminGateway api;
    private static String admin;

    @BeforeAll
    static void startGateway() throws Exception {
        api = AdminGateway.start(UserAdministrationTest.class, temp);
        admin = api.token(Role.ADMIN);
    }

    @AfterAll
    static void stopGateway() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void aUserCreatedWithoutAPasswordGetsOneGeneratedThatLogsIn() throws Exception {
        final AdminGateway.Answer created = api.call("POST", "/api/users", admin,
            "{\"username\":\"ops.jane\",\"roles\":[\"OPERATIONS\",\"COMPLIANCE\"]}");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("roles").toString()).isEqualTo("[\"OPERATIONS\",\"COMPLIANCE\"]");
        assertThat(created.json().get("createdBy").asText()).isEqualTo(api.user(Role.ADMIN));
        final String password = created.json().get("generatedPassword").asText();
        assertThat(password).hasSizeGreaterThanOrEqualTo(12);
        assertThat(api.lastAudit().getAfterState()).contains("ops.jane").doesNotContain(password);
        assertThat(login("ops.jane", password).status()).isEqualTo(201);
        assertThat(api.call("GET", "/api/users", admin, null).json().get("users").toString()).contains("ops.jane")
            .doesNotContain("pbkdf2");
    }

    @Test
    void creatingAnExistingUserIsAConflict() throws Exception {
        final String body = "{\"username\":\"twice\",\"roles\":[\"RISK_OFFICER\"],\"password\":\"a-long-password\"}";
        assertThat(api.call("POST", "/api/users", admin, body).status()).isEqualTo(201);

        final AdminGateway.Answer again = api.call("POST", "/api/users", admin, body);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void badInputIsABadRequestNamingTheField() throws Exception {
        assertField("{\"username\":\"has space\",\"roles\":[\"ADMIN\"]}", "username");
        assertField("{\"username\":\"ok\",\"roles\":[]}", "roles");
        assertField("{\"username\":\"ok\",\"roles\":[\"SUPERUSER\"]}", "roles");
        assertField("{\"username\":\"ok\",\"roles\":[\"ADMIN\"],\"password\":\"short\"}", "password");
        assertField("{\"username\":\"ok\",\"roles\":[\"ADMIN\"],\"admin\":true}", "admin");
        assertField("[1,2]", "body");
        assertField("{\"username\":", "body");
    }

    @Test
    void aBrokerUserBelongsToAKnownFirmShownWithTheUser() throws Exception {
        assertField("{\"username\":\"viewer\",\"roles\":[\"BROKER_VIEWER\"],\"firm\":\"NO-SUCH-FIRM\"}", "firm");

        final AdminGateway.Answer created = api.call("POST", "/api/users", admin,
            "{\"username\":\"b1.viewer\",\"roles\":[\"BROKER_VIEWER\"],\"firm\":\"BROKER1\"}");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("firm").asText()).isEqualTo("BROKER1");
        assertThat(api.call("GET", "/api/users/b1.viewer", admin, null).json().get("firm").asText())
            .isEqualTo("BROKER1");
        assertThat(api.tokens().authenticate(api.tokens().issue("b1.viewer", java.time.Duration.ofMinutes(1))
            .token()).orElseThrow().firm()).as("the token's principal carries the firm").isEqualTo("BROKER1");
        assertThat(api.call("GET", "/api/users/" + api.user(Role.ADMIN), admin, null).json().get("firm").isNull())
            .as("staff belong to no firm").isTrue();

        final AdminGateway.Answer moved = api.call("PUT", "/api/users/b1.viewer/firm", admin, "{\"firm\":\"BROKER2\"}");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().get("firm").asText()).isEqualTo("BROKER2");
        assertThat(api.lastAudit().getAction()).isEqualTo("USER_FIRM_CHANGED");
        assertThat(api.lastAudit().getBeforeState()).contains("\"firm\":\"BROKER1\"");
        assertThat(api.call("PUT", "/api/users/b1.viewer/firm", admin, "{\"firm\":\"NOPE\"}").json()
            .get("field").asText()).isEqualTo("firm");
        assertThat(api.call("PUT", "/api/users/b1.viewer/firm", admin, "{}").json().get("field").asText())
            .isEqualTo("firm");
        assertThat(api.call("PUT", "/api/users/b1.viewer/firm", admin, "{\"firm\":null}").json().get("firm")
            .isNull()).as("cleared").isTrue();
        assertThat(api.call("PUT", "/api/users/nobody/firm", admin, "{\"firm\":null}").status()).isEqualTo(404);
    }

    @Test
    void aRoleChangeAppliesToTheNextRequestAndIsAuditedBeforeAndAfter() throws Exception {
        api.accounts().create("switcher", java.util.Set.of(Role.OPERATIONS), AdminGateway.PASSWORD.toCharArray(),
            "test");
        final String token = api.tokens().issue("switcher", java.time.Duration.ofMinutes(5)).token();
        assertThat(api.call("GET", "/api/sessions", token, null).status()).isEqualTo(200);

        final AdminGateway.Answer changed = api.call("PUT", "/api/users/switcher/roles", admin,
            "{\"roles\":[\"COMPLIANCE\"]}");

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(api.call("GET", "/api/sessions", token, null).status()).isEqualTo(403);
        assertThat(api.call("GET", "/api/audit", token, null).status()).isEqualTo(200);
        final var row = api.gateway().database().dsl().selectFrom(io.portcullis.sql.schema.Tables.ADMIN_AUDIT)
            .where(io.portcullis.sql.schema.Tables.ADMIN_AUDIT.ACTION.eq("USER_ROLES_CHANGED")).fetchOne();
        assertThat(row.getBeforeState()).contains("\"roles\":[\"OPERATIONS\"]");
        assertThat(row.getAfterState()).contains("\"roles\":[\"COMPLIANCE\"]");
    }

    @Test
    void aDisabledUserLosesItsTokensAndCannotLogIn() throws Exception {
        api.accounts().create("leaver", java.util.Set.of(Role.BACK_OFFICE), AdminGateway.PASSWORD.toCharArray(),
            "test");
        final String token = login("leaver", AdminGateway.PASSWORD).json().get("token").asText();

        final AdminGateway.Answer disabled = api.call("POST", "/api/users/leaver/disable", admin, null);

        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(disabled.json().get("tokensRevoked").asInt()).isEqualTo(1);
        assertThat(api.call("DELETE", "/api/auth/token", token, null).status()).isEqualTo(401);
        assertThat(login("leaver", AdminGateway.PASSWORD).status()).isEqualTo(401);
    }

    @Test
    void theOnlyAdministratorCanNeitherBeDisabledNorLoseAdmin() throws Exception {
        final String self = "/api/users/" + api.user(Role.ADMIN);

        assertThat(api.call("POST", self + "/disable", admin, null).status()).isEqualTo(409);
        assertThat(api.call("PUT", self + "/roles", admin, "{\"roles\":[\"COMPLIANCE\"]}").status()).isEqualTo(409);
        assertThat(api.call("GET", "/api/users", admin, null).status()).as("still an administrator").isEqualTo(200);
    }

    @Test
    void anUnknownUserIsNotFound() throws Exception {
        final AdminGateway.Answer answer = api.call("GET", "/api/users/nobody", admin, null);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("detail").asText()).contains("nobody");
    }

    @Test
    void anAdministratorHasNoSessionRights() throws Exception {
        final AdminGateway.Answer answer = api.call("GET", "/api/sessions", admin, null);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("detail").asText()).contains("requires role OPERATIONS");
    }

    private static void assertField(final String body, final String field) throws Exception {
        final AdminGateway.Answer answer = api.call("POST", "/api/users", admin, body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.json().get("field").asText()).as(answer.toString()).isEqualTo(field);
    }

    private static AdminGateway.Answer login(final String username, final String password) throws Exception {
        return api.call("POST", "/api/auth/token", null, "{\"username\":\"" + username + "\",\"password\":\""
            + password + "\"}");
    }
}
