package io.portcullis.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;

import io.portcullis.reporting.runs.ReportRuns;
import io.portcullis.reporting.runs.ReportType;
import io.portcullis.reporting.runs.RunStatus;
import io.portcullis.testsupport.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compliance desk's report runs on a real gateway: a report run through the API is a back-office job, recorded
 * and answered with its outcome; bad input is a 400 naming the member; a download gives the recorded file's bytes and never a path
 * outside the run's directory.
 */
@Timeout(300)
class ReportRunApiTest {
    @TempDir
    static Path temp;

    private static AdminGateway api;
    private static String token;
    private static long run;

    @BeforeAll
    static void startGateway() throws Exception {
        LocalStack.require(LocalStack.Service.ELASTICSEARCH, LocalStack.Service.REDIS);
        api = AdminGateway.start(ReportRunApiTest.class, temp);
        token = api.token(Role.COMPLIANCE);
        final Path directory = Files.createDirectories(temp.resolve("run"));
        Files.writeString(directory.resolve("report.txt"), "the report");
        Files.writeString(temp.resolve("secret.txt"), "outside the run");
        final ReportRuns runs = new ReportRuns(api.gateway().database().dsl(), InstantSource.system());
        run = runs.start(ReportType.BLUESHEET, "{\"symbol\":\"AAPL\"}", "tester", directory);
        runs.file(run, directory.resolve("report.txt"));
        runs.finish(run, RunStatus.SUCCEEDED, 1L, 3L, null);
    }

    @AfterAll
    static void stopGateway() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void aBlueSheetWithoutExecutionsIsRecordedAsNoData() throws Exception {
        final AdminGateway.Answer answer = post("{\"type\":\"BLUESHEET\",\"symbol\":\"ZZZZ\",\"from\":\"2026-10-15\","
            + "\"to\":\"2026-10-16\"}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.json().path("status").asText()).as(answer.toString()).isEqualTo("NO_DATA");
        assertThat(answer.json().path("type").asText()).isEqualTo("BLUESHEET");
        assertThat(answer.json().path("jobExecution").isNumber()).as("built as a back-office job: " + answer)
            .isTrue();
        assertThat(answer.json().path("requestedBy").asText()).isEqualTo(api.user(Role.COMPLIANCE));
        assertThat(answer.json().path("parameters").path("symbol").asText()).isEqualTo("ZZZZ");
        final long id = answer.json().path("id").asLong();
        assertThat(get("/api/reports/runs/" + id).json().path("status").asText()).isEqualTo("NO_DATA");
        assertThat(get("/api/reports/runs?type=BLUESHEET&status=NO_DATA").json().path("runs").findValuesAsText("id"))
            .contains(Long.toString(id));
    }

    @Test
    void badInputNamesTheMember() throws Exception {
        assertField(post("{\"type\":\"NOPE\"}"), "type");
        assertField(post("{\"type\":\"BLUESHEET\",\"symbol\":\"AAPL\",\"from\":\"15/10/2026\",\"to\":\"2026-10-16\"}"),
            "from");
        assertField(post("{\"type\":\"CAT\"}"), "date");
        assertField(post("{\"type\":\"605\",\"month\":\"2026-10\",\"quarter\":\"2026Q4\"}"), "quarter");
        assertField(get("/api/reports/runs?status=DONE"), "status");
        assertField(get("/api/reports/runs/abc"), "id");
    }

    @Test
    void aDownloadGivesTheRecordedFile() throws Exception {
        final AdminGateway.Answer answer = get("/api/reports/runs/" + run + "/files/report.txt");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.response().body()).isEqualTo("the report");
        assertThat(answer.header("Content-Disposition")).contains("report.txt");
    }

    @Test
    void aDownloadNeverLeavesTheRunsDirectory() throws Exception {
        assertField(get("/api/reports/runs/" + run + "/files/..secret.txt"), "name");
        assertThat(get("/api/reports/runs/" + run + "/files/..%2Fsecret.txt").status()).isEqualTo(400);
        assertThat(get("/api/reports/runs/" + run + "/files/secret.txt").status()).isEqualTo(404);
        assertThat(get("/api/reports/runs/999999/files/report.txt").status()).isEqualTo(404);
    }

    private static AdminGateway.Answer post(final String body) throws Exception {
        return api.call("POST", "/api/reports/runs", token, body);
    }

    private static AdminGateway.Answer get(final String path) throws Exception {
        return api.call("GET", path, token, null);
    }

    private static void assertField(final AdminGateway.Answer answer, final String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.json().path("field").asText()).as(answer.toString()).isEqualTo(field);
    }
}
