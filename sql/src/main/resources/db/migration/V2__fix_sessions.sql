-- FIX sessions held in MySQL (beside the .cfg files), their logon credentials,
-- and the QuickFIX/J JdbcStore / JdbcLog tables (layout of QuickFIX/J's MySQL DDL, prefixed qfj_).

CREATE TABLE fix_session (
  session_id       VARCHAR(128) NOT NULL,
  begin_string     VARCHAR(8)   NOT NULL,
  sender_comp_id   VARCHAR(64)  NOT NULL,
  target_comp_id   VARCHAR(64)  NOT NULL,
  firm_id          VARCHAR(32)  NOT NULL,
  -- ORDER_ENTRY or DROP_COPY
  session_role     VARCHAR(16)  NOT NULL,
  default_account_id VARCHAR(32) NULL,
  start_time       VARCHAR(16)  NULL,
  end_time         VARCHAR(16)  NULL,
  weekdays         VARCHAR(32)  NULL,
  time_zone        VARCHAR(40)  NULL,
  -- comma-separated allowlist of source addresses, NULL = any
  allowed_addresses VARCHAR(512) NULL,
  max_msgs_per_second INT       NULL,
  cancel_on_disconnect BOOLEAN  NOT NULL DEFAULT FALSE,
  enabled          BOOLEAN      NOT NULL DEFAULT TRUE,
  created_at       DATETIME(6)  NOT NULL,
  updated_at       DATETIME(6)  NOT NULL,
  PRIMARY KEY (session_id),
  CONSTRAINT uk_fix_session_ids UNIQUE (begin_string, sender_comp_id, target_comp_id),
  CONSTRAINT fk_fix_session_firm FOREIGN KEY (firm_id) REFERENCES broker_firm (firm_id),
  CONSTRAINT fk_fix_session_account FOREIGN KEY (default_account_id) REFERENCES account (account_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE fix_credential (
  username         VARCHAR(64)  NOT NULL,
  -- the counterparty CompID the credential is bound to
  comp_id          VARCHAR(64)  NOT NULL,
  -- PHC-format hash string (algorithm, parameters, salt, hash); never the password
  password_hash    VARCHAR(255) NOT NULL,
  failed_attempts  INT          NOT NULL DEFAULT 0,
  locked_until     DATETIME(6)  NULL,
  created_at       DATETIME(6)  NOT NULL,
  updated_at       DATETIME(6)  NOT NULL,
  PRIMARY KEY (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_fix_credential_comp ON fix_credential (comp_id);

CREATE TABLE qfj_sessions (
  beginstring       CHAR(8)     NOT NULL,
  sendercompid      VARCHAR(64) NOT NULL,
  sendersubid       VARCHAR(64) NOT NULL,
  senderlocid       VARCHAR(64) NOT NULL,
  targetcompid      VARCHAR(64) NOT NULL,
  targetsubid       VARCHAR(64) NOT NULL,
  targetlocid       VARCHAR(64) NOT NULL,
  session_qualifier VARCHAR(64) NOT NULL,
  creation_time     DATETIME    NOT NULL,
  incoming_seqnum   INT         NOT NULL,
  outgoing_seqnum   INT         NOT NULL,
  PRIMARY KEY (beginstring, sendercompid, sendersubid, senderlocid,
               targetcompid, targetsubid, targetlocid, session_qualifier)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE qfj_messages (
  beginstring       CHAR(8)     NOT NULL,
  sendercompid      VARCHAR(64) NOT NULL,
  sendersubid       VARCHAR(64) NOT NULL,
  senderlocid       VARCHAR(64) NOT NULL,
  targetcompid      VARCHAR(64) NOT NULL,
  targetsubid       VARCHAR(64) NOT NULL,
  targetlocid       VARCHAR(64) NOT NULL,
  session_qualifier VARCHAR(64) NOT NULL,
  msgseqnum         INT         NOT NULL,
  message           TEXT        NOT NULL,
  PRIMARY KEY (beginstring, sendercompid, sendersubid, senderlocid,
               targetcompid, targetsubid, targetlocid, session_qualifier, msgseqnum)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE qfj_messages_log (
  id                BIGINT NOT NULL AUTO_INCREMENT,
  time              DATETIME(6) NOT NULL,
  beginstring       CHAR(8)     NOT NULL,
  sendercompid      VARCHAR(64) NOT NULL,
  sendersubid       VARCHAR(64) NOT NULL,
  senderlocid       VARCHAR(64) NOT NULL,
  targetcompid      VARCHAR(64) NOT NULL,
  targetsubid       VARCHAR(64) NOT NULL,
  targetlocid       VARCHAR(64) NOT NULL,
  session_qualifier VARCHAR(64) NOT NULL,
  text              TEXT        NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE qfj_event_log (
  id                BIGINT NOT NULL AUTO_INCREMENT,
  time              DATETIME(6) NOT NULL,
  beginstring       CHAR(8)     NOT NULL,
  sendercompid      VARCHAR(64) NOT NULL,
  sendersubid       VARCHAR(64) NOT NULL,
  senderlocid       VARCHAR(64) NOT NULL,
  targetcompid      VARCHAR(64) NOT NULL,
  targetsubid       VARCHAR(64) NOT NULL,
  targetlocid       VARCHAR(64) NOT NULL,
  session_qualifier VARCHAR(64) NULL,
  text              TEXT        NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

