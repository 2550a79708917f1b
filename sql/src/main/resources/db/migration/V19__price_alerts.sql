-- Price alerts of the web console: a user asks to be told when a symbol trades at or above (ABOVE) or at or below
-- (BELOW) a price. An alert fires once, on the first such trade a running gateway sees after the alert was created;
-- the conditional update of triggered_at makes it fire once even with several gateways watching.
CREATE TABLE price_alert (
  id               BIGINT        NOT NULL AUTO_INCREMENT,
  -- the console user who set it (admin API username)
  username         VARCHAR(64)   NOT NULL,
  symbol           VARCHAR(16)   NOT NULL,
  -- ABOVE or BELOW
  alert_condition  VARCHAR(8)    NOT NULL,
  price            DECIMAL(18,4) NOT NULL,
  created_at       DATETIME(6)   NOT NULL,
  -- when it fired, the trade that fired it; null while it waits
  triggered_at     DATETIME(6)   NULL,
  trade_price      DECIMAL(18,4) NULL,
  trade_id         BIGINT        NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_price_alert_user ON price_alert (username, created_at);
CREATE INDEX ix_price_alert_waiting ON price_alert (symbol, triggered_at);
