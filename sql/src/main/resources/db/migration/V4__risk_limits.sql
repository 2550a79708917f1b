-- Risk limits: MySQL is the authority, Redis distributes. Every change is a new version with who, when, why.

CREATE TABLE risk_limit (
  limit_id         BIGINT        NOT NULL AUTO_INCREMENT,
  -- FIRM, BROKER_FIRM, ACCOUNT or SYMBOL (account + symbol override)
  scope            VARCHAR(16)   NOT NULL,
  -- '*' for the firm scope, else a firm id or account id
  scope_key        VARCHAR(32)   NOT NULL,
  -- '*' unless the scope is SYMBOL
  symbol           VARCHAR(16)   NOT NULL DEFAULT '*',
  -- the check's setting, e.g. MAX_ORDER_QTY, MAX_ORDER_NOTIONAL, PRICE_COLLAR_BPS
  limit_name       VARCHAR(48)   NOT NULL,
  limit_value      DECIMAL(24,8) NOT NULL,
  effective_from   DATETIME(6)   NOT NULL,
  -- optimistic-concurrency version: every update is a compare-and-set on it
  version          BIGINT        NOT NULL,
  -- ACTIVE, PENDING_APPROVAL or RETIRED
  status           VARCHAR(20)   NOT NULL,
  updated_by       VARCHAR(64)   NOT NULL,
  updated_at       DATETIME(6)   NOT NULL,
  PRIMARY KEY (limit_id),
  CONSTRAINT uk_risk_limit UNIQUE (scope, scope_key, symbol, limit_name, effective_from)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE risk_limit_history (
  history_id       BIGINT        NOT NULL AUTO_INCREMENT,
  limit_id         BIGINT        NOT NULL,
  version          BIGINT        NOT NULL,
  old_value        DECIMAL(24,8) NULL,
  new_value        DECIMAL(24,8) NOT NULL,
  -- PROPOSED, APPROVED, REJECTED, APPLIED, RETIRED
  action           VARCHAR(16)   NOT NULL,
  changed_by       VARCHAR(64)   NOT NULL,
  approved_by      VARCHAR(64)   NULL,
  reason           VARCHAR(512)  NOT NULL,
  changed_at       DATETIME(6)   NOT NULL,
  PRIMARY KEY (history_id),
  CONSTRAINT fk_risk_limit_history_limit FOREIGN KEY (limit_id) REFERENCES risk_limit (limit_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_risk_limit_history_limit ON risk_limit_history (limit_id, version);

