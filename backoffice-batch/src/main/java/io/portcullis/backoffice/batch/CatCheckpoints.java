package io.portcullis.backoffice.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portcullis.reporting.cat.CatBuilder;
import io.portcullis.reporting.cat.CatFile;
import io.portcullis.reporting.cat.CatReader;

/**
 * A CAT build's {@link CatBuilder.Checkpoint} as the JSON text the report-cat step keeps in its execution context
 * (files by bare name: they live in the run's output directory, which is one of the job's identifying parameters).
 */
final class CatCheckpoints {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CatCheckpoints() {
    }

    static String encode(final CatBuilder.Checkpoint checkpoint) {
        final ObjectNode node = JSON.createObjectNode();
        node.put("journalOffset", checkpoint.position().journalOffset())
            .put("eventIndex", checkpoint.position().eventIndex())
            .put("nextSequence", checkpoint.nextSequence())
            .put("documents", checkpoint.documents())
            .put("records", checkpoint.records())
            .put("problemCount", checkpoint.problemCount())
            .put("done", checkpoint.done());
        final ObjectNode byType = node.putObject("byType");
        checkpoint.byType().forEach(byType::put);
        final ArrayNode problems = node.putArray("problems");
        checkpoint.problems().forEach(problems::add);
        final ArrayNode files = node.putArray("files");
        for (final CatFile file : checkpoint.files()) {
            files.addObject().put("data", file.data().getFileName().toString())
                .put("meta", file.meta().getFileName().toString()).put("records", file.records())
                .put("sha256", file.sha256()).put("jsonBytes", file.jsonBytes());
        }
        try {
            return JSON.writeValueAsString(node);
        } catch (final JsonProcessingException ex) {
            throw new IllegalStateException("cannot encode a CAT checkpoint", ex);
        }
    }

    static CatBuilder.Checkpoint decode(final String text, final Path directory) {
        final JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (final JsonProcessingException ex) {
            throw new IllegalStateException("the saved CAT checkpoint is not JSON: " + ex.getOriginalMessage(), ex);
        }
        final Map<String, Long> byType = new LinkedHashMap<>();
        node.path("byType").properties().forEach(e -> byType.put(e.getKey(), e.getValue().asLong()));
        final List<String> problems = new ArrayList<>();
        node.path("problems").forEach(p -> problems.add(p.asText()));
        final List<CatFile> files = new ArrayList<>();
        for (final JsonNode file : node.path("files")) {
            files.add(new CatFile(directory.resolve(file.path("data").asText()),
                directory.resolve(file.path("meta").asText()), file.path("records").asLong(),
                file.path("sha256").asText(), file.path("jsonBytes").asLong()));
        }
        return new CatBuilder.Checkpoint(new CatReader.Position(node.path("journalOffset").asLong(),
            node.path("eventIndex").asInt()), node.path("nextSequence").asInt(), node.path("documents").asLong(),
            node.path("records").asLong(), byType, node.path("problemCount").asLong(), problems, files,
            node.path("done").asBoolean());
    }
}
