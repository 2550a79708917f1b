package io.portcullis.reporting.audit;

import static io.portcullis.sql.schema.Tables.AUDIT_CHECKPOINT;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * The hash chains' checkpoints in MySQL ({@code audit_checkpoint}): written by the indexers, read by
 * {@code audit verify}. Append-only ({@code INSERT IGNORE}: a replay reaching the same sequence again adds nothing).
 * Thread-safe.
 */
public final class AuditCheckpoints {
    private final DSLContext dsl;
    private final Clock clock;

    /**
     * One checkpoint.
     *
     * @param stream       the Kafka topic of the chain
     * @param chainSeq     the sequence of the document the checkpoint follows
     * @param chainHash    that document's hash
     * @param nextOffset   the Kafka offset after that document's record
     * @param transactTime that document's transactTime
     */
    public record Checkpoint(String stream, long chainSeq, String chainHash, long nextOffset, Instant transactTime) {
    }

    /** @param dsl the book-of-record database */
    public AuditCheckpoints(final DSLContext dsl) {
        this(dsl, Clock.systemUTC());
    }

    AuditCheckpoints(final DSLContext dsl, final Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Stores {@code checkpoint} unless one with its stream and sequence exists. */
    public void record(final Checkpoint checkpoint) {
        dsl.insertInto(AUDIT_CHECKPOINT)
            .set(AUDIT_CHECKPOINT.STREAM, checkpoint.stream())
            .set(AUDIT_CHECKPOINT.CHAIN_SEQ, checkpoint.chainSeq())
            .set(AUDIT_CHECKPOINT.CHAIN_HASH, checkpoint.chainHash())
            .set(AUDIT_CHECKPOINT.NEXT_OFFSET, checkpoint.nextOffset())
            .set(AUDIT_CHECKPOINT.TRANSACT_TIME, LocalDateTime.ofInstant(checkpoint.transactTime(), ZoneOffset.UTC))
            .set(AUDIT_CHECKPOINT.CREATED_AT, LocalDateTime.now(clock))
            .onDuplicateKeyIgnore()
            .execute();
    }

    /** The last checkpoint of {@code stream} whose document is before {@code time}, if any. */
    public Optional<Checkpoint> lastBefore(final String stream, final Instant time) {
        return dsl.selectFrom(AUDIT_CHECKPOINT)
            .where(AUDIT_CHECKPOINT.STREAM.eq(stream))
            .and(AUDIT_CHECKPOINT.TRANSACT_TIME.lt(LocalDateTime.ofInstant(time, ZoneOffset.UTC)))
            .orderBy(AUDIT_CHECKPOINT.CHAIN_SEQ.desc())
            .limit(1)
            .fetchOptional(AuditCheckpoints::checkpoint);
    }

    /** Every checkpoint of {@code stream} with a sequence in [{@code fromSeq}, {@code toSeq}], in order. */
    public List<Checkpoint> between(final String stream, final long fromSeq, final long toSeq) {
        return dsl.selectFrom(AUDIT_CHECKPOINT)
            .where(AUDIT_CHECKPOINT.STREAM.eq(stream))
            .and(AUDIT_CHECKPOINT.CHAIN_SEQ.between(fromSeq, toSeq))
            .orderBy(AUDIT_CHECKPOINT.CHAIN_SEQ)
            .fetch(AuditCheckpoints::checkpoint);
    }

    private static Checkpoint checkpoint(final Record r) {
        return new Checkpoint(r.get(AUDIT_CHECKPOINT.STREAM), r.get(AUDIT_CHECKPOINT.CHAIN_SEQ),
            r.get(AUDIT_CHECKPOINT.CHAIN_HASH), r.get(AUDIT_CHECKPOINT.NEXT_OFFSET),
            r.get(AUDIT_CHECKPOINT.TRANSACT_TIME).toInstant(ZoneOffset.UTC));
    }
}
