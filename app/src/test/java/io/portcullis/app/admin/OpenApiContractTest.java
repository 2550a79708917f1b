package io.portcullis.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.portcullis.app.admin.audit.MysqlAdminAudit;
import io.portcullis.app.http.GatewayHttpServer;
import io.portcullis.sql.Database;
import io.portcullis.sql.DatabaseConfiguration;
import io.portcullis.config.Settings;
import io.portcullis.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract {@code api/openapi.yaml} and the gateway's HTTP server agree both ways: every registered admin route is
 * documented with its method and path, every documented operation is registered, each documents the roles the route
 * table declares ({@code x-roles}), and the gateway serves the document unchanged without a token.
 */
@Timeout(120)
class OpenApiContractTest {
    private static final Path DOCUMENT = Path.of("..", "api", "openapi.yaml");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
        "trace");

    private static TestDatabase testDatabase;
    private static Database database;
    private static AdminApi adminApi;
    private static GatewayHttpServer http;
    private static int port;
    private static JsonNode document;

    @BeforeAll
    static void startServer() throws Exception {
        testDatabase = TestDatabase.create(OpenApiContractTest.class);
        database = Database.open(DatabaseConfiguration.from(Settings.of(Map.of("db.url", testDatabase.jdbcUrl(),
            "db.user", testDatabase.user(), "db.password", testDatabase.password()), Map.of(), Map.of())));
        database.migrate();
        adminApi = new AdminApi(Duration.ofMinutes(5), database, () -> {
            throw new IllegalStateException("no FIX sessions in this test");
        }, new MysqlAdminAudit(database.dsl()), InstantSource.system());
        http = new GatewayHttpServer(adminApi);
        port = http.start("127.0.0.1", 0);
        document = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(DOCUMENT));
    }

    @AfterAll
    static void stop() {
        if (http != null) {
            http.close();
        }
        if (database != null) {
            database.close();
        }
        if (testDatabase != null) {
            testDatabase.close();
        }
    }

    @Test
    void theDocumentIsOpenApi31() {
        assertThat(document.get("openapi").asText()).startsWith("3.1.");
        assertThat(document.get("info").get("title").asText()).isNotBlank();
    }

    @Test
    void registeredRoutesAndDocumentedOperationsMatchBothWays() {
        final Set<String> registered = new TreeSet<>(http.routes().stream()
            .filter(route -> route.contains(" /api/")).toList());
        final Set<String> documented = new TreeSet<>(documentedOperations().keySet());

        assertThat(registered).as("registered but not documented").isSubsetOf(documented);
        assertThat(documented).as("documented but not registered").isSubsetOf(registered);
        assertThat(registered).hasSize(adminApi.routes().size());
    }

    @Test
    void everyOperationDocumentsTheRolesItsRouteDeclares() {
        final Map<String, JsonNode> operations = documentedOperations();
        for (final Route route : adminApi.routes()) {
            final List<String> roles = new ArrayList<>();
            operations.get(route.toString()).get("x-roles").forEach(role -> roles.add(role.asText()));
            final List<String> declared = route.access().open() ? List.of("anyone")
                : route.access().roles().stream().map(Enum::name).toList();
            assertThat(roles).as(route.toString()).containsExactlyInAnyOrderElementsOf(declared);
            final JsonNode security = operations.get(route.toString()).get("security");
            assertThat(security != null && security.isEmpty()).as(route + " is documented without a token")
                .isEqualTo(route.access().open());
        }
    }

    @Test
    void theGatewayServesTheDocumentWithoutAToken() throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            final HttpResponse<String> answer = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/openapi.yaml")).build(),
                HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/yaml"));
            assertThat(answer.body()).isEqualTo(Files.readString(DOCUMENT));
        }
    }

    private static Map<String, JsonNode> documentedOperations() {
        final Map<String, JsonNode> out = new java.util.TreeMap<>();
        for (final Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (final Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (METHODS.contains(operation.getKey())) {
                    out.put(operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(),
                        operation.getValue());
                }
            }
        }
        return out;
    }
}
