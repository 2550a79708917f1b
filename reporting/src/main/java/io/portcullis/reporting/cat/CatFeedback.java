package io.portcullis.reporting.cat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Which records to send again, and how: read from a feedback file that operations assemble from CAT's record-level
 * feedback (the rejected records and their error ROE ids) and from our own findings. Format, UTF-8 JSON:
 *
 * <pre>{@code
 * {"records": [
 *   {"firmROEID": "20260105_0-12-0", "errorROEID": 7012345678, "errorCodes": [2095]},
 *   {"firmROEID": "20260105_0-31-2", "errorCodes": [], "reason": "price restated"}
 * ]}
 * }</pre>
 *
 * An entry with {@code errorROEID} (CAT rejected the record) is a <b>repair</b>: the record is rebuilt with
 * {@code actionType "RPR"} and that {@code errorROEID}. An entry without one (CAT accepted the record; we found it
 * wrong) is a <b>correction</b>: {@code actionType "COR"}. Both keep the record's firmROEID, which is stable across
 * runs. {@code errorCodes} and {@code reason} are informational (printed, not sent).
 *
 * <p>Immutable after parsing, except for the record of which firmROEIDs were found ({@link #apply}); one per run.
 */
public final class CatFeedback {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One record to send again.
     *
     * @param firmRoeId  the record's firmROEID
     * @param errorRoeId CAT's error ROE id, or null for a correction
     * @param errorCodes CAT's error codes, possibly empty
     */
    record Entry(String firmRoeId, Long errorRoeId, List<Integer> errorCodes) {
        /** @return RPR for a repair, COR for a correction */
        String actionType() {
            return errorRoeId == null ? "COR" : "RPR";
        }
    }

    private final Map<String, Entry> entries;
    private final Set<String> found = new HashSet<>();

    private CatFeedback(final Map<String, Entry> entries) {
        this.entries = entries;
    }

    /**
     * Reads a feedback file.
     *
     * @throws IllegalArgumentException naming the problem (not JSON, a field of the wrong type, a duplicate)
     * @throws IOException              when the file cannot be read
     */
    static CatFeedback read(final Path file) throws IOException {
        final JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (final com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalArgumentException(file + " is not JSON: " + ex.getOriginalMessage(), ex);
        }
        if (root == null || !root.path("records").isArray()) {
            throw new IllegalArgumentException(file + ": needs an array 'records'");
        }
        final Map<String, Entry> entries = new LinkedHashMap<>();
        int index = 0;
        for (final JsonNode record : root.get("records")) {
            final String where = file + ": records[" + index++ + "]";
            if (!record.path("firmROEID").isTextual() || record.get("firmROEID").asText().isEmpty()) {
                throw new IllegalArgumentException(where + ": needs a string firmROEID");
            }
            final JsonNode error = record.path("errorROEID");
            if (!error.isMissingNode() && !error.isNull() && !error.canConvertToExactIntegral()
                && !(error.isTextual() && error.asText().matches("[0-9]{1,19}"))) {
                throw new IllegalArgumentException(where + ": errorROEID must be a whole number");
            }
            final List<Integer> codes = new ArrayList<>();
            for (final JsonNode code : record.path("errorCodes")) {
                codes.add(code.asInt());
            }
            final Entry entry = new Entry(record.get("firmROEID").asText(),
                error.isMissingNode() || error.isNull() ? null : Long.valueOf(error.asLong()), List.copyOf(codes));
            if (entries.put(entry.firmRoeId(), entry) != null) {
                throw new IllegalArgumentException(where + ": firmROEID " + entry.firmRoeId() + " is listed twice");
            }
        }
        return new CatFeedback(entries);
    }

    /**
     * The record to send again for a built record, or null when the feedback does not list it.
     *
     * @param record a record as built (actionType NEW)
     * @return a new record: actionType RPR (followed by errorROEID) or COR, the rest unchanged
     */
    ObjectNode apply(final ObjectNode record) {
        final Entry entry = entries.get(record.path("firmROEID").asText());
        if (entry == null) {
            return null;
        }
        found.add(entry.firmRoeId());
        final ObjectNode out = JSON.createObjectNode();
        out.put("actionType", entry.actionType());
        if (entry.errorRoeId() != null) {
            out.put("errorROEID", entry.errorRoeId().longValue());
        }
        for (final Map.Entry<String, JsonNode> field : record.properties()) {
            if (!"actionType".equals(field.getKey()) && !"errorROEID".equals(field.getKey())) {
                out.set(field.getKey(), field.getValue());
            }
        }
        return out;
    }

    /** @return the listed firmROEIDs no built record had, in file order */
    List<String> missing() {
        return entries.keySet().stream().filter(id -> !found.contains(id)).toList();
    }

    /** @return how many records the file lists */
    int size() {
        return entries.size();
    }
}
