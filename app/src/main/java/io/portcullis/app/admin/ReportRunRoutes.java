package io.portcullis.app.admin;

import static io.portcullis.app.admin.Route.Method.GET;
import static io.portcullis.app.admin.Route.Method.POST;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portcullis.backoffice.batch.BatchConfiguration;
import io.portcullis.backoffice.batch.BatchInfrastructure;
import io.portcullis.backoffice.batch.ReportJobLauncher;
import io.portcullis.config.Settings;
import io.portcullis.reporting.runs.ReportRun;
import io.portcullis.reporting.runs.ReportRuns;
import io.portcullis.reporting.runs.ReportType;
import io.portcullis.reporting.runs.RunFile;
import io.portcullis.reporting.runs.RunStatus;
import io.portcullis.sql.Database;

/**
 * The compliance desk's report runs (role COMPLIANCE): run a report now ({@code POST /api/reports/runs},
 * synchronously, on the calling Jetty thread) into a directory of its own under {@code report.output-dir} (default
 * {@code var/reports}), list and read the recorded runs, download a run's file (streamed; only a file the run
 * recorded, by a bare name). A run is the same back-office job as {@code ./portcullis report}
 * ({@link ReportJobLauncher}: Spring Batch job repository in the gateway's database, a Redis lock) and is recorded
 * in {@code report_run} as the API user with its job execution.
 *
 * <p>Settings of the reports: the process's settings (environment, system properties), with the gateway's
 * database ({@code db.*}), audit index ({@code es.url}, {@code audit.index-prefix}) and Redis ({@code redis.*})
 * laid over them.
 */
final class ReportRunRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern OPTION = Pattern.compile("--([a-z]+)");
    private static final Map<ReportType, List<String>> MEMBERS = Map.of(
        ReportType.CAT, List.of("date"),
        ReportType.RULE_606, List.of("quarter"),
        ReportType.RULE_606B3, List.of("account", "from", "to"),
        ReportType.RULE_605, List.of("month"),
        ReportType.BLUESHEET, List.of("symbol", "account", "from", "to"));

    private final ReportRuns runs;
    private final Settings settings;
    private final Path outputDir;
    private final Database database;
    private ReportJobLauncher launcher;

    /**
     * @param database    the gateway's database (the run book, and CAT's accounts)
     * @param auditSearch where the audit index is, or null to take it from the process's settings
     * @param clock       wall clock
     * @param gateway     the gateway's settings (its Redis), or null for this process's
     */
    ReportRunRoutes(final Database database, final AuditSearchConnection auditSearch, final InstantSource clock,
                    final Settings gateway) {
        this.runs = new ReportRuns(database.dsl(), clock);
        this.database = database;
        final Map<String, String> environment = new HashMap<>(System.getenv());
        if (gateway != null) {
            for (final String name : List.of("redis.url", "redis.host", "redis.port", "redis.timeout-ms",
                "batch.lock-prefix")) {
                final String value = gateway.string(name, null);
                if (value != null) {
                    environment.put(Settings.environmentName(name), value);
                }
            }
        }
        environment.put(Settings.environmentName("db.url"), database.configuration().url());
        environment.put(Settings.environmentName("db.user"), database.configuration().user());
        environment.put(Settings.environmentName("db.password"), database.configuration().password());
        environment.put(Settings.environmentName("db.dialect"), database.configuration().dialect().name());
        if (auditSearch != null) {
            environment.put(Settings.environmentName("es.url"), auditSearch.configuration().elasticsearchUrl());
            environment.put(Settings.environmentName("audit.index-prefix"),
                auditSearch.configuration().indexPrefix());
        }
        final Map<String, String> system = new HashMap<>();
        System.getProperties().stringPropertyNames().forEach(n -> system.put(n, System.getProperty(n)));
        this.settings = Settings.of(Map.of(), system, environment);
        this.outputDir = Path.of(settings.string("report.output-dir", "var/reports")).toAbsolutePath().normalize();
    }

    List<Route> routes() {
        final Access compliance = Access.roles(Role.COMPLIANCE);
        return List.of(
            new Route(POST, "/api/reports/runs", compliance, this::run),
            new Route(GET, "/api/reports/runs", compliance, this::list),
            new Route(GET, "/api/reports/runs/{id}", compliance, call -> Reply.ok(json(find(call)))),
            new Route(GET, "/api/reports/runs/{id}/files/{name}", compliance, this::download));
    }

    private Reply run(final Call call) {
        final ReportType type;
        try {
            type = ReportType.parse(call.text("type", 16));
        } catch (final IllegalArgumentException ex) {
            throw ApiProblem.badRequest("type", ex.getMessage());
        }
        final List<String> members = new ArrayList<>(MEMBERS.get(type));
        members.add("type");
        call.onlyMembers(members.toArray(String[]::new));
        final List<String> args = new ArrayList<>();
        for (final String member : MEMBERS.get(type)) {
            final String value = call.optionalText(member, 80);
            if (value != null) {
                args.add("--" + member);
                args.add(value);
            }
        }
        final Path directory = outputDir.resolve(type.code().toLowerCase(java.util.Locale.ROOT) + "-"
            + UUID.randomUUID());
        args.add("--out");
        args.add(directory.toString());
        final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        final PrintStream print = new PrintStream(captured, true, StandardCharsets.UTF_8);
        final ReportJobLauncher.Outcome outcome = launcher().run(type.code().toLowerCase(java.util.Locale.ROOT),
            args, settings, call.principal().username(), print, print);
        if (outcome.exitCode() == 2) {
            final String message = lastLine(captured);
            throw ApiProblem.badRequest(field(message, MEMBERS.get(type)), message);
        }
        if (outcome.exitCode() == 4) {
            throw ApiProblem.conflict(lastLine(captured));
        }
        if (outcome.runId() < 0) {
            throw ApiProblem.internal("the report could not run: " + lastLine(captured));
        }
        final ReportRun run = runs.find(outcome.runId()).orElseThrow();
        call.changed("REPORT_RUN", "report run " + run.id(), null, null, Map.of("type", type.code(),
            "status", run.status().name()));
        return Reply.created(json(run));
    }

    /** The job launcher on the gateway's database, made at the first run (the job repository is not free). */
    private synchronized ReportJobLauncher launcher() {
        if (launcher == null) {
            launcher = new ReportJobLauncher(BatchInfrastructure.on(database), BatchConfiguration.from(settings));
        }
        return launcher;
    }

    private Reply list(final Call call) {
        final ReportType type;
        final RunStatus status;
        try {
            final String t = call.context().queryParam("type");
            type = t == null ? null : ReportType.parse(t);
        } catch (final IllegalArgumentException ex) {
            throw ApiProblem.badRequest("type", ex.getMessage());
        }
        try {
            final String s = call.context().queryParam("status");
            status = s == null ? null : RunStatus.valueOf(s);
        } catch (final IllegalArgumentException ex) {
            throw ApiProblem.badRequest("status", "must be one of RUNNING, SUCCEEDED, NO_DATA, FAILED");
        }
        final List<Object> out = new ArrayList<>();
        for (final ReportRun run : runs.list(type, status, call.queryInt("limit", 100, 1, 1_000))) {
            out.add(json(run));
        }
        return Reply.ok(Map.of("runs", out));
    }

    private ReportRun find(final Call call) {
        final long id;
        try {
            id = Long.parseLong(call.path("id"));
        } catch (final NumberFormatException ex) {
            throw ApiProblem.badRequest("id", "must be a run id (an integer)");
        }
        return runs.find(id).orElseThrow(() -> ApiProblem.notFound("no report run " + id));
    }

    private Reply download(final Call call) {
        final String name = call.path("name");
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.contains("..")
            || name.startsWith(".")) {
            throw ApiProblem.badRequest("name", "must be a file name of the run, without '/' or '..'");
        }
        final ReportRun run = find(call);
        final RunFile file = run.files().stream().filter(f -> f.name().equals(name)).findFirst()
            .orElseThrow(() -> ApiProblem.notFound("run " + run.id() + " has no file '" + name + "'"));
        final Path directory = Path.of(run.outputDir()).normalize();
        final Path path = directory.resolve(file.name()).normalize();
        if (!path.getParent().equals(directory) || !Files.isRegularFile(path)) {
            throw ApiProblem.notFound("the file '" + name + "' of run " + run.id() + " is no longer on disk");
        }
        call.context().header("Content-Disposition", "attachment; filename=\"" + file.name() + "\"");
        call.context().header("Digest", "sha-256=" + file.sha256());
        return Reply.streamed("application/octet-stream", out -> {
            try (InputStream in = Files.newInputStream(path)) {
                in.transferTo(out);
            }
        });
    }

    private static Map<String, Object> json(final ReportRun run) {
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", run.id());
        out.put("type", run.type().code());
        out.put("jobExecution", run.jobExecution());
        out.put("status", run.status().name());
        out.put("parameters", parameters(run.parameters()));
        out.put("requestedBy", run.requestedBy());
        out.put("startedAt", run.startedAt().toString());
        out.put("finishedAt", run.finishedAt() == null ? null : run.finishedAt().toString());
        out.put("documents", run.documents());
        out.put("records", run.records());
        out.put("message", run.message());
        final List<Object> files = new ArrayList<>();
        for (final RunFile file : run.files()) {
            files.add(Map.of("name", file.name(), "size", file.size(), "sha256", file.sha256(),
                "href", "/api/reports/runs/" + run.id() + "/files/" + file.name()));
        }
        out.put("files", files);
        return out;
    }

    private static JsonNode parameters(final String text) {
        try {
            return JSON.readTree(text);
        } catch (final JsonProcessingException ex) {
            final ObjectNode raw = JSON.createObjectNode();
            raw.put("raw", text);
            return raw;
        }
    }

    private static String lastLine(final ByteArrayOutputStream captured) {
        final String[] lines = captured.toString(StandardCharsets.UTF_8).strip().split("\n");
        return lines[lines.length - 1].replaceFirst("^error: ", "").replace(" (see ./portcullis report", "")
            .replaceFirst(" [a-z0-9]+ --help\\)$", "");
    }

    /** The body member a usage message names ({@code --from ...} names {@code from}), else {@code body}. */
    private static String field(final String message, final List<String> members) {
        final Matcher m = OPTION.matcher(message);
        while (m.find()) {
            if (members.contains(m.group(1))) {
                return m.group(1);
            }
        }
        return "body";
    }
}
