-- Block allocations: the back office's instructions to split a block order's fills among sub-accounts at the
-- average price. The settlement job reads the blocks whose trade date it settles; an instruction naming an account
-- the books do not know stops the job with nothing written.
CREATE TABLE block_allocation (
  block_id         VARCHAR(64)  NOT NULL,
  -- an order whose fills belong to the block (a block may gather several orders)
  order_id         BIGINT       NOT NULL,
  trade_date       DATE         NOT NULL,
  created_by       VARCHAR(64)  NOT NULL,
  created_at       DATETIME(6)  NOT NULL,
  PRIMARY KEY (block_id, order_id),
  CONSTRAINT uk_block_allocation_order UNIQUE (order_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_block_allocation_date ON block_allocation (trade_date);

CREATE TABLE block_allocation_instruction (
  block_id         VARCHAR(64)  NOT NULL,
  -- the sub-account (not a foreign key: an unknown account is reported by the job, by name)
  account_id       VARCHAR(32)  NOT NULL,
  -- requested shares; the block's fill is pro-rated on them
  shares           BIGINT       NOT NULL,
  PRIMARY KEY (block_id, account_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
