package io.portcullis.reporting.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The hash chain of one audited stream. Each document gets, in stream order, {@code chainStream} (the Kafka topic),
 * {@code chainSeq} (0, 1, 2, ...), {@code chainPrev} (the previous document's hash, 64 zeros for the first) and
 * {@code chainHash = hex(SHA-256(ASCII(chainPrev) || UTF-8(canonical document)))}. The canonical document is the
 * document's JSON without the four chain fields, object keys sorted at every level, no whitespace: the same bytes
 * whether it is computed from the map the indexer built or from the {@code _source} Elasticsearch returns.
 *
 * <p>Not thread-safe: one chain per indexer thread (or per verification).
 */
public final class HashChain {
    /** The {@code chainPrev} of a stream's first document. */
    public static final String GENESIS = "0".repeat(64);
    /** The document fields the chain adds (excluded from the canonical document). */
    public static final String STREAM = "chainStream";
    /** See {@link #STREAM}. */
    public static final String SEQ = "chainSeq";
    /** See {@link #STREAM}. */
    public static final String PREV = "chainPrev";
    /** See {@link #STREAM}. */
    public static final String HASH = "chainHash";

    private static final ObjectMapper CANONICAL = new ObjectMapper()
        .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final HexFormat HEX = HexFormat.of();

    private final String stream;
    private final MessageDigest digest;
    private long nextSeq;
    private String lastHash;

    /**
     * @param stream  the Kafka topic the chain follows
     * @param nextSeq the sequence of the next document (0 for a new chain)
     * @param last    the hash of the document before it ({@link #GENESIS} for a new chain)
     */
    public HashChain(final String stream, final long nextSeq, final String last) {
        this.stream = stream;
        this.nextSeq = nextSeq;
        this.lastHash = last;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (final NoSuchAlgorithmException ex) {
            throw new IllegalStateException("the JDK has no SHA-256", ex);
        }
    }

    /**
     * Adds the chain fields to {@code document} (which must not have them yet), advances the chain, and returns the
     * document as it is sent to Elasticsearch: its canonical JSON (the bytes just hashed) with the four chain fields
     * appended, so that each document is serialized once.
     */
    public byte[] link(final Map<String, Object> document) {
        final byte[] canonical = canonical(document);
        digest.reset();
        digest.update(lastHash.getBytes(StandardCharsets.US_ASCII));
        digest.update(canonical);
        final String hash = HEX.formatHex(digest.digest());
        final byte[] tail;
        try {
            tail = (",\"" + HASH + "\":\"" + hash + "\",\"" + PREV + "\":\"" + lastHash + "\",\"" + SEQ + "\":" + nextSeq
                + ",\"" + STREAM + "\":" + CANONICAL.writeValueAsString(stream) + "}").getBytes(StandardCharsets.UTF_8);
        } catch (final JsonProcessingException ex) {
            throw new IllegalArgumentException("stream name cannot be written as JSON: " + ex.getMessage(), ex);
        }
        final byte[] json = new byte[canonical.length - 1 + tail.length];
        System.arraycopy(canonical, 0, json, 0, canonical.length - 1);
        System.arraycopy(tail, 0, json, canonical.length - 1, tail.length);
        document.put(STREAM, stream);
        document.put(SEQ, nextSeq);
        document.put(PREV, lastHash);
        document.put(HASH, hash);
        lastHash = hash;
        nextSeq++;
        return json;
    }

    /** The hash a document with content {@code document} (chain fields ignored) gets after {@code previous}. */
    public String hash(final String previous, final Map<String, Object> document) {
        digest.reset();
        digest.update(previous.getBytes(StandardCharsets.US_ASCII));
        digest.update(canonical(document));
        return HEX.formatHex(digest.digest());
    }

    /** The canonical bytes of {@code document}: its JSON without the chain fields, keys sorted, no whitespace. */
    public static byte[] canonical(final Map<String, Object> document) {
        final Map<String, Object> content = new LinkedHashMap<>(document);
        content.remove(STREAM);
        content.remove(SEQ);
        content.remove(PREV);
        content.remove(HASH);
        try {
            return CANONICAL.writeValueAsBytes(content);
        } catch (final JsonProcessingException ex) {
            throw new IllegalArgumentException("audit document cannot be written as JSON: " + ex.getMessage(), ex);
        }
    }

    /** The Kafka topic this chain follows. */
    public String stream() {
        return stream;
    }

    /** The sequence the next linked document gets. */
    public long nextSeq() {
        return nextSeq;
    }

    /** The hash of the last linked document ({@link #GENESIS} before the first). */
    public String lastHash() {
        return lastHash;
    }
}
