-- Surveillance (module reporting, io.portcullis.reporting.surveillance): the alerts a daily run over the audit index
-- raised, and the compliance desk's review of each (FINRA 3110: who reviewed what, when, and what they decided).

-- Beneficial owners for the wash-trade detector. An account without a row here is its own owner; accounts that
-- share an owner_id (e.g. a person's cash and margin accounts, or a fund's accounts at two firms) are one owner.
CREATE TABLE account_beneficial_owner (
  account_id        VARCHAR(32)   NOT NULL,
  owner_id          VARCHAR(64)   NOT NULL,
  created_at        DATETIME(6)   NOT NULL,
  PRIMARY KEY (account_id),
  CONSTRAINT fk_beneficial_owner_account FOREIGN KEY (account_id) REFERENCES account (account_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_beneficial_owner ON account_beneficial_owner (owner_id);

-- One alert per (trading day, pattern, account, symbol): a rerun of a day updates the numbers and evidence of an
-- alert it raises again and never adds a second row; the review fields are left as the desk set them.
CREATE TABLE surveillance_alert (
  alert_id          BIGINT        NOT NULL AUTO_INCREMENT,
  -- New York calendar day
  trading_day       DATE          NOT NULL,
  -- LAYERING, WASH_TRADE, MARKING_THE_CLOSE
  pattern           VARCHAR(32)   NOT NULL,
  account_id        VARCHAR(32)   NOT NULL,
  symbol            VARCHAR(16)   NOT NULL,
  window_start      DATETIME(6)   NOT NULL,
  window_end        DATETIME(6)   NOT NULL,
  -- how far past its threshold the alert is (pattern-specific, larger is worse)
  score             DECIMAL(19,4) NOT NULL,
  -- JSON object: the numbers that crossed the thresholds, and the thresholds
  alert_values      TEXT          NOT NULL,
  -- JSON object: order ids, their lineage links, trades, times
  evidence          MEDIUMTEXT    NOT NULL,
  -- OPEN, ESCALATED, CLOSED_NO_ACTION, CLOSED_REFERRED
  status            VARCHAR(24)   NOT NULL,
  assignee          VARCHAR(64)   NULL,
  decision          VARCHAR(24)   NULL,
  decision_comment  VARCHAR(2000) NULL,
  decided_by        VARCHAR(64)   NULL,
  decided_at        DATETIME(6)   NULL,
  created_at        DATETIME(6)   NOT NULL,
  updated_at        DATETIME(6)   NOT NULL,
  PRIMARY KEY (alert_id),
  CONSTRAINT uq_surveillance_alert UNIQUE (trading_day, pattern, account_id, symbol)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_surveillance_alert_status ON surveillance_alert (status, trading_day);
CREATE INDEX ix_surveillance_alert_account ON surveillance_alert (account_id, trading_day);

-- Append-only: every raise, rerun, assignment and decision, with who and why. The code only inserts here (the
-- jOOQ DDL parser used for code generation cannot read triggers, so there is no trigger guarding it).
CREATE TABLE surveillance_alert_history (
  history_id        BIGINT        NOT NULL AUTO_INCREMENT,
  alert_id          BIGINT        NOT NULL,
  at                DATETIME(6)   NOT NULL,
  actor             VARCHAR(64)   NOT NULL,
  -- RAISED, RERAISED, ASSIGNED, DECIDED
  action            VARCHAR(16)   NOT NULL,
  from_status       VARCHAR(24)   NULL,
  to_status         VARCHAR(24)   NOT NULL,
  assignee          VARCHAR(64)   NULL,
  decision          VARCHAR(24)   NULL,
  comment           VARCHAR(2000) NULL,
  PRIMARY KEY (history_id),
  CONSTRAINT fk_surveillance_history_alert FOREIGN KEY (alert_id) REFERENCES surveillance_alert (alert_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_surveillance_history_alert ON surveillance_alert_history (alert_id, history_id);

