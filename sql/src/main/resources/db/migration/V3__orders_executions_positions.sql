-- The engine's projections: rebuilt from the Kafka journal, never written by anything else.
-- Each projector records the journal position it applied in projector_offset, in the same transaction.

CREATE TABLE orders (
  order_id         BIGINT        NOT NULL,
  cl_ord_id        VARCHAR(64)   NOT NULL,
  orig_cl_ord_id   VARCHAR(64)   NULL,
  session_id       VARCHAR(128)  NOT NULL,
  account_id       VARCHAR(32)   NOT NULL,
  firm_id          VARCHAR(32)   NOT NULL,
  symbol           VARCHAR(16)   NOT NULL,
  -- FIX Side(54): 1 buy, 2 sell, 5 sell short, 6 sell short exempt
  side             CHAR(1)       NOT NULL,
  -- FIX OrdType(40): 1 market, 2 limit, 3 stop, 4 stop limit
  ord_type         CHAR(1)       NOT NULL,
  -- FIX TimeInForce(59): 0 DAY, 1 GTC, 3 IOC, 4 FOK, 6 GTD
  time_in_force    CHAR(1)       NOT NULL,
  price            DECIMAL(19,8) NULL,
  stop_price       DECIMAL(19,8) NULL,
  order_qty        BIGINT        NOT NULL,
  min_qty          BIGINT        NULL,
  cum_qty          BIGINT        NOT NULL,
  leaves_qty       BIGINT        NOT NULL,
  avg_px           DECIMAL(19,8) NOT NULL,
  -- FIX OrdStatus(39)
  ord_status       CHAR(1)       NOT NULL,
  expire_time      DATETIME(6)   NULL,
  received_at      DATETIME(6)   NOT NULL,
  updated_at       DATETIME(6)   NOT NULL,
  journal_seq      BIGINT        NOT NULL,
  PRIMARY KEY (order_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
-- ClOrdID is unique per session and trading day, not forever: an index, not a constraint.
CREATE INDEX ix_orders_clordid ON orders (session_id, cl_ord_id);
CREATE INDEX ix_orders_account ON orders (account_id, received_at);
CREATE INDEX ix_orders_symbol ON orders (symbol, received_at);

CREATE TABLE executions (
  exec_id          VARCHAR(40)   NOT NULL,
  order_id         BIGINT        NOT NULL,
  trade_id         BIGINT        NOT NULL,
  account_id       VARCHAR(32)   NOT NULL,
  firm_id          VARCHAR(32)   NOT NULL,
  symbol           VARCHAR(16)   NOT NULL,
  side             CHAR(1)       NOT NULL,
  last_qty         BIGINT        NOT NULL,
  last_px          DECIMAL(19,8) NOT NULL,
  -- AGGRESSOR (took liquidity) or RESTING (provided it)
  liquidity        VARCHAR(9)    NOT NULL,
  exec_time        DATETIME(6)   NOT NULL,
  trade_date       DATE          NOT NULL,
  journal_seq      BIGINT        NOT NULL,
  PRIMARY KEY (exec_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_executions_order ON executions (order_id);
CREATE INDEX ix_executions_date ON executions (trade_date, account_id);
CREATE INDEX ix_executions_trade ON executions (trade_id);

CREATE TABLE positions (
  account_id       VARCHAR(32)   NOT NULL,
  symbol           VARCHAR(16)   NOT NULL,
  -- signed: positive long, negative short
  quantity         BIGINT        NOT NULL,
  avg_cost         DECIMAL(19,8) NOT NULL,
  realized_pnl     DECIMAL(21,8) NOT NULL,
  bought_qty       BIGINT        NOT NULL,
  sold_qty         BIGINT        NOT NULL,
  updated_at       DATETIME(6)   NOT NULL,
  journal_seq      BIGINT        NOT NULL,
  PRIMARY KEY (account_id, symbol)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE projector_offset (
  projector        VARCHAR(64)   NOT NULL,
  topic            VARCHAR(128)  NOT NULL,
  kafka_partition  INT           NOT NULL,
  -- the next Kafka offset to apply
  next_offset      BIGINT        NOT NULL,
  updated_at       DATETIME(6)   NOT NULL,
  PRIMARY KEY (projector, topic, kafka_partition)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

