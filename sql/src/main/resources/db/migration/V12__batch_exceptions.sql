-- The back office's Spring Batch jobs (backoffice-batch, io.portcullis.backoffice.batch): what they found and what
-- they kept. Every table is keyed so that a restarted job writes each row once (upserts on the natural key).

-- Breaks and exceptions a job found for a business date, for the back-office clerk to work through.
-- exception_key is stable across restarts (e.g. ExecID|kind|source|field), so a restart never duplicates a row.
CREATE TABLE batch_exception (
  exception_id      BIGINT        NOT NULL AUTO_INCREMENT,
  job_name          VARCHAR(64)   NOT NULL,
  business_date     DATE          NOT NULL,
  exception_key     VARCHAR(191)  NOT NULL,
  -- MISSING, DUPLICATE, FIELD_DIFFERS (reconcile); DAY_ORDER_OPEN, POSITIONS_MOVED (trade-date-close)
  category          VARCHAR(32)   NOT NULL,
  exec_id           VARCHAR(40)   NULL,
  order_id          BIGINT        NULL,
  -- the source at fault (JOURNAL, MYSQL, ELASTICSEARCH) for reconcile breaks
  source            VARCHAR(16)   NULL,
  field_name        VARCHAR(32)   NULL,
  expected_value    VARCHAR(255)  NULL,
  actual_value      VARCHAR(255)  NULL,
  detail            VARCHAR(2000) NOT NULL,
  -- OPEN until the clerk resolves it
  status            VARCHAR(16)   NOT NULL,
  job_execution_id  BIGINT        NOT NULL,
  created_at        DATETIME(6)   NOT NULL,
  PRIMARY KEY (exception_id),
  CONSTRAINT uq_batch_exception UNIQUE (job_name, business_date, exception_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_batch_exception_open ON batch_exception (status, business_date);

-- trade-date-close: every position at the close of a business date, valued at the closing price.
-- close_px is the last trade price of the symbol on that date in executions (by exec_time, then exec_id), or,
-- when it did not trade that day, its last trade before (close_px_source PRIOR_TRADE); NONE leaves unrealized null.
CREATE TABLE position_snapshot (
  business_date     DATE          NOT NULL,
  account_id        VARCHAR(32)   NOT NULL,
  symbol            VARCHAR(16)   NOT NULL,
  quantity          BIGINT        NOT NULL,
  avg_cost          DECIMAL(19,8) NOT NULL,
  realized_pnl      DECIMAL(21,8) NOT NULL,
  close_px          DECIMAL(19,8) NULL,
  -- LAST_TRADE_OF_DAY, PRIOR_TRADE or NONE
  close_px_source   VARCHAR(20)   NOT NULL,
  unrealized_pnl    DECIMAL(21,8) NULL,
  -- the positions row's journal position when it was read
  journal_seq       BIGINT        NOT NULL,
  job_execution_id  BIGINT        NOT NULL,
  PRIMARY KEY (business_date, account_id, symbol)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- trade-date-close: P&L per account at the close, summed from position_snapshot (USD).
CREATE TABLE account_pnl_snapshot (
  business_date     DATE          NOT NULL,
  account_id        VARCHAR(32)   NOT NULL,
  positions         INT           NOT NULL,
  realized_pnl      DECIMAL(23,8) NOT NULL,
  -- null when a position of the account has no closing price
  unrealized_pnl    DECIMAL(23,8) NULL,
  job_execution_id  BIGINT        NOT NULL,
  PRIMARY KEY (business_date, account_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- trade-date-close: the GTC orders still working at the close, carried forward to the next business date.
CREATE TABLE gtc_carry_forward (
  business_date     DATE          NOT NULL,
  order_id          BIGINT        NOT NULL,
  account_id        VARCHAR(32)   NOT NULL,
  symbol            VARCHAR(16)   NOT NULL,
  side              CHAR(1)       NOT NULL,
  price             DECIMAL(19,8) NULL,
  leaves_qty        BIGINT        NOT NULL,
  ord_status        CHAR(1)       NOT NULL,
  next_business_date DATE         NOT NULL,
  job_execution_id  BIGINT        NOT NULL,
  PRIMARY KEY (business_date, order_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The fencing token of each job: the run that holds the job's Redis lock takes the next token here, and every
-- chunk transaction of that run checks it (SELECT ... FOR UPDATE) before it commits. A run whose lock lapsed
-- (a pause longer than the lease) finds a newer token and rolls back instead of writing beside its successor.
CREATE TABLE batch_job_fence (
  job_name          VARCHAR(64)   NOT NULL,
  token             BIGINT        NOT NULL,
  job_execution_id  BIGINT        NULL,
  owner             VARCHAR(191)  NOT NULL,
  acquired_at       DATETIME(6)   NOT NULL,
  PRIMARY KEY (job_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
