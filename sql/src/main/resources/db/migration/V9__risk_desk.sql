-- The risk officers' desk (issue 5): limits with four eyes, restricted and hard-to-borrow lists, locates and kill
-- switches. MySQL is the authority; Redis mirrors the current state and announces changes to every gateway node.
--
-- Every change that takes effect is one transaction that takes the next value of risk_desk_sequence.seq (a row lock:
-- desk changes commit one at a time, in sequence order) and stamps it as change_seq on the state row it writes. A
-- node has applied the authority up to N when it has applied every state row with change_seq <= N; rows are never
-- deleted (a removed list entry or a released kill switch stays as a row), so "every row with change_seq > N" is
-- exactly what a node that applied N lacks.

CREATE TABLE risk_desk_sequence (
  -- always 1: one counter for all desk state
  id               INT          NOT NULL,
  -- the change_seq of the newest change that took effect
  seq              BIGINT       NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
INSERT INTO risk_desk_sequence (id, seq) VALUES (1, 0);

-- risk_limit (V4) holds one row per limit slot: the value in force. Its version counts the changes of that slot
-- (compare-and-set on it); risk_limit_history keeps every value it had, with who, when and why (actions APPLIED for
-- a change that applied at once or when due, APPROVED for an increase a second risk officer approved, CLAMPED for a
-- child lowered with its parent).
CREATE UNIQUE INDEX uk_risk_limit_slot ON risk_limit (scope, scope_key, symbol, limit_name);
ALTER TABLE risk_limit ADD COLUMN change_seq BIGINT NOT NULL DEFAULT 0;
CREATE INDEX ix_risk_limit_seq ON risk_limit (change_seq);

-- Every requested limit change, from proposal to outcome: increases (looser values) wait here for a second risk
-- officer; changes with a future effective_from wait here until due.
CREATE TABLE risk_limit_change (
  change_id        BIGINT        NOT NULL AUTO_INCREMENT,
  scope            VARCHAR(16)   NOT NULL,
  scope_key        VARCHAR(32)   NOT NULL,
  symbol           VARCHAR(16)   NOT NULL,
  limit_name       VARCHAR(48)   NOT NULL,
  -- the slot's version the proposer saw (0: no value at this scope yet); applying needs it unchanged
  base_version     BIGINT        NOT NULL,
  -- the slot's value the proposer saw, NULL when there was none
  old_value        DECIMAL(24,8) NULL,
  new_value        DECIMAL(24,8) NOT NULL,
  effective_from   DATETIME(6)   NOT NULL,
  -- LOOSER (needs a second risk officer) or TIGHTER (applies at once, or when due)
  direction        VARCHAR(8)    NOT NULL,
  -- PENDING_APPROVAL, SCHEDULED, APPLIED, REJECTED or SUPERSEDED (the slot changed before it could apply)
  status           VARCHAR(20)   NOT NULL,
  proposed_by      VARCHAR(64)   NOT NULL,
  proposed_at      DATETIME(6)   NOT NULL,
  reason           VARCHAR(512)  NOT NULL,
  -- the risk officer who approved or rejected it (never the proposer)
  decided_by       VARCHAR(64)   NULL,
  decided_at       DATETIME(6)   NULL,
  decision_reason  VARCHAR(512)  NULL,
  -- set once applied: the slot's new version and the desk sequence
  applied_version  BIGINT        NULL,
  applied_seq      BIGINT        NULL,
  applied_at       DATETIME(6)   NULL,
  PRIMARY KEY (change_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_risk_limit_change_status ON risk_limit_change (status, effective_from);
CREATE INDEX ix_risk_limit_change_slot ON risk_limit_change (scope, scope_key, symbol, limit_name);

-- Restricted and hard-to-borrow symbols, firm-wide (scope_key '*') or for one account. A removal keeps the row
-- (present FALSE) so that nodes learn of it.
CREATE TABLE risk_list_entry (
  -- RESTRICTED or HARD_TO_BORROW
  list_name        VARCHAR(16)   NOT NULL,
  -- '*' for every account, else an account id
  scope_key        VARCHAR(32)   NOT NULL,
  symbol           VARCHAR(16)   NOT NULL,
  present          BOOLEAN       NOT NULL,
  version          BIGINT        NOT NULL,
  change_seq       BIGINT        NOT NULL,
  updated_by       VARCHAR(64)   NOT NULL,
  updated_at       DATETIME(6)   NOT NULL,
  reason           VARCHAR(512)  NOT NULL,
  PRIMARY KEY (list_name, scope_key, symbol)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_risk_list_entry_seq ON risk_list_entry (change_seq);

CREATE TABLE risk_list_history (
  history_id       BIGINT        NOT NULL AUTO_INCREMENT,
  list_name        VARCHAR(16)   NOT NULL,
  scope_key        VARCHAR(32)   NOT NULL,
  symbol           VARCHAR(16)   NOT NULL,
  -- ADDED or REMOVED
  action           VARCHAR(8)    NOT NULL,
  version          BIGINT        NOT NULL,
  change_seq       BIGINT        NOT NULL,
  changed_by       VARCHAR(64)   NOT NULL,
  changed_at       DATETIME(6)   NOT NULL,
  reason           VARCHAR(512)  NOT NULL,
  PRIMARY KEY (history_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_risk_list_history_entry ON risk_list_history (list_name, scope_key, symbol);

-- Reg SHO locates: shares of a symbol an account may sell short under locate_id, through expires_on (a US trading
-- date, inclusive). Granted once; the row is its own record of who, when and why.
CREATE TABLE risk_locate (
  locate_id        VARCHAR(40)   NOT NULL,
  account_id       VARCHAR(32)   NOT NULL,
  symbol           VARCHAR(16)   NOT NULL,
  quantity         BIGINT        NOT NULL,
  expires_on       DATE          NOT NULL,
  granted_by       VARCHAR(64)   NOT NULL,
  granted_at       DATETIME(6)   NOT NULL,
  reason           VARCHAR(512)  NOT NULL,
  change_seq       BIGINT        NOT NULL,
  PRIMARY KEY (locate_id),
  CONSTRAINT fk_risk_locate_account FOREIGN KEY (account_id) REFERENCES account (account_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_risk_locate_account ON risk_locate (account_id, symbol);
CREATE INDEX ix_risk_locate_seq ON risk_locate (change_seq);

-- Kill switches in force or released: one row per scope and key; engaging and releasing apply at once.
CREATE TABLE risk_kill_switch (
  -- FIRM, BROKER_FIRM, SESSION, ACCOUNT or SYMBOL
  scope            VARCHAR(16)   NOT NULL,
  -- '*' for FIRM, else a broker firm id, FIX session id, account id or symbol
  scope_key        VARCHAR(128)  NOT NULL,
  engaged          BOOLEAN       NOT NULL,
  version          BIGINT        NOT NULL,
  change_seq       BIGINT        NOT NULL,
  updated_by       VARCHAR(64)   NOT NULL,
  updated_at       DATETIME(6)   NOT NULL,
  reason           VARCHAR(512)  NOT NULL,
  PRIMARY KEY (scope, scope_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_risk_kill_switch_seq ON risk_kill_switch (change_seq);

CREATE TABLE risk_kill_switch_history (
  history_id       BIGINT        NOT NULL AUTO_INCREMENT,
  scope            VARCHAR(16)   NOT NULL,
  scope_key        VARCHAR(128)  NOT NULL,
  engaged          BOOLEAN       NOT NULL,
  version          BIGINT        NOT NULL,
  change_seq       BIGINT        NOT NULL,
  changed_by       VARCHAR(64)   NOT NULL,
  changed_at       DATETIME(6)   NOT NULL,
  reason           VARCHAR(512)  NOT NULL,
  PRIMARY KEY (history_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_risk_kill_switch_history_key ON risk_kill_switch_history (scope, scope_key);
