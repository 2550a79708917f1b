-- Reference data: the firms that connect, their accounts, the instruments they trade.
-- All timestamps in this schema are UTC. Prices are DECIMAL(19,8) (USD); quantities are whole shares.

CREATE TABLE broker_firm (
  firm_id          VARCHAR(32)  NOT NULL,
  name             VARCHAR(128) NOT NULL,
  crd_number       VARCHAR(16)  NULL,
  cat_reporter_imid VARCHAR(16) NULL,
  status           VARCHAR(16)  NOT NULL DEFAULT 'ACTIVE',
  created_at       DATETIME(6)  NOT NULL,
  PRIMARY KEY (firm_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE account (
  account_id       VARCHAR(32)  NOT NULL,
  firm_id          VARCHAR(32)  NOT NULL,
  name             VARCHAR(128) NOT NULL,
  -- CUSTOMER, PROPRIETARY or MARKET_MAKER
  account_type     VARCHAR(16)  NOT NULL,
  -- CAT Firm Designated ID of the account
  fdid             VARCHAR(40)  NOT NULL,
  is_default       BOOLEAN      NOT NULL DEFAULT FALSE,
  status           VARCHAR(16)  NOT NULL DEFAULT 'ACTIVE',
  created_at       DATETIME(6)  NOT NULL,
  PRIMARY KEY (account_id),
  CONSTRAINT uk_account_fdid UNIQUE (fdid),
  CONSTRAINT fk_account_firm FOREIGN KEY (firm_id) REFERENCES broker_firm (firm_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_account_firm ON account (firm_id);

CREATE TABLE instrument (
  symbol           VARCHAR(16)   NOT NULL,
  name             VARCHAR(128)  NOT NULL,
  -- listing exchange MIC, e.g. XNAS, XNYS
  listing_exchange VARCHAR(8)    NOT NULL,
  sp500            BOOLEAN       NOT NULL,
  tick_size        DECIMAL(19,8) NOT NULL,
  lot_size         BIGINT        NOT NULL,
  reference_price  DECIMAL(19,8) NOT NULL,
  -- ACTIVE or HALTED or DELISTED
  status           VARCHAR(16)   NOT NULL DEFAULT 'ACTIVE',
  updated_at       DATETIME(6)   NOT NULL,
  PRIMARY KEY (symbol)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

