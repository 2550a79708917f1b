-- Users of the admin HTTP API, their roles, their bearer tokens, and the audit trail of every API call.
-- Passwords and tokens are never stored: users.password_hash is a PHC string (PBKDF2-HMAC-SHA256), and
-- api_tokens.token_hash is the lower-case hex SHA-256 of the token a client presents.

CREATE TABLE users (
  username         VARCHAR(64)  NOT NULL,
  -- PHC-format hash string (algorithm, parameters, salt, hash); never the password
  password_hash    VARCHAR(255) NOT NULL,
  enabled          BOOLEAN      NOT NULL DEFAULT TRUE,
  -- consecutive failed logins; reset by a successful login
  failed_attempts  INT          NOT NULL DEFAULT 0,
  locked_until     DATETIME(6)  NULL,
  created_at       DATETIME(6)  NOT NULL,
  -- the user who created it, or 'launcher' for ./portcullis admin create-user
  created_by       VARCHAR(64)  NOT NULL,
  updated_at       DATETIME(6)  NOT NULL,
  PRIMARY KEY (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE user_roles (
  username         VARCHAR(64)  NOT NULL,
  -- OPERATIONS, RISK_OFFICER, BACK_OFFICE, COMPLIANCE, ADMIN or BROKER_VIEWER
  role             VARCHAR(32)  NOT NULL,
  PRIMARY KEY (username, role),
  CONSTRAINT fk_user_roles_user FOREIGN KEY (username) REFERENCES users (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE api_tokens (
  -- hex SHA-256 of the bearer token
  token_hash       CHAR(64)     NOT NULL,
  username         VARCHAR(64)  NOT NULL,
  created_at       DATETIME(6)  NOT NULL,
  expires_at       DATETIME(6)  NOT NULL,
  revoked_at       DATETIME(6)  NULL,
  PRIMARY KEY (token_hash),
  CONSTRAINT fk_api_tokens_user FOREIGN KEY (username) REFERENCES users (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_api_tokens_user ON api_tokens (username);

-- One row per admin API call, written after the call is answered. Append-only: the application never updates or
-- deletes a row (grant it INSERT and SELECT only on this table in production).
CREATE TABLE admin_audit (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  occurred_at      DATETIME(6)  NOT NULL,
  -- the authenticated user, or the username a failed login named, or NULL (no credentials)
  username         VARCHAR(64)  NULL,
  -- the user's roles at the time of the call, comma-separated
  roles            VARCHAR(255) NULL,
  http_method      VARCHAR(8)   NOT NULL,
  -- the request path as received (session ids percent-encoded)
  path             VARCHAR(512) NOT NULL,
  http_status      INT          NOT NULL,
  -- what was done, e.g. SESSION_LOGOUT, USER_ROLES_CHANGED, LOGIN; NULL for reads
  action           VARCHAR(64)  NULL,
  -- the session, user or token the change was made to
  target           VARCHAR(255) NULL,
  reason           VARCHAR(512) NULL,
  -- JSON of the state before and after a change; never a password or token
  before_state     TEXT         NULL,
  after_state      TEXT         NULL,
  -- the problem detail of a refused call
  detail           VARCHAR(1024) NULL,
  remote_address   VARCHAR(64)  NULL,
  duration_micros  BIGINT       NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_admin_audit_time ON admin_audit (occurred_at);
CREATE INDEX ix_admin_audit_user ON admin_audit (username, occurred_at);
