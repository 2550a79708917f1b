-- Checkpoints of the audit hash chains (one chain per audited Kafka stream: the engine journal and the audit topic).
-- The audit indexer writes one row every few thousand documents; `./portcullis audit verify` starts re-walking a chain
-- at the checkpoint before the period it checks and compares every checkpoint it passes. Append-only: the
-- application never updates or deletes a row (INSERT IGNORE: a replay that reaches the same sequence again is a no-op).
CREATE TABLE audit_checkpoint (
  -- the Kafka topic the chain follows
  stream           VARCHAR(200) NOT NULL,
  -- chainSeq of the document the checkpoint is taken after (chains count from 0)
  chain_seq        BIGINT       NOT NULL,
  -- chainHash of that document: lower-case hex SHA-256
  chain_hash       CHAR(64)     NOT NULL,
  -- the Kafka offset of the next record after that document's record
  next_offset      BIGINT       NOT NULL,
  -- transactTime of that document (UTC)
  transact_time    DATETIME(6)  NOT NULL,
  created_at       DATETIME(6)  NOT NULL,
  PRIMARY KEY (stream, chain_seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_audit_checkpoint_time ON audit_checkpoint (stream, transact_time);
