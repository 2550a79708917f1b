-- Back office (issue 7): the settlement calendar, the regulatory fee and commission tables (all effective-dated),
-- and the settlement run's outputs (obligations, customer confirmations, ledger entries).
--
-- Reference data here is versioned, never edited in place: a correction or a newly published year is a new
-- migration that inserts rows under a new calendar_version (or a new effective_from), so a settlement computed under
-- an older version can be reproduced. Every row names its source.

-- A published version of the settlement calendar and the dates it answers for. Outside covers_from..covers_to the
-- calendar refuses to answer (CalendarCoverageException) rather than guess that a weekday is a business day.
CREATE TABLE settlement_calendar_version (
  calendar_version VARCHAR(32)   NOT NULL,
  covers_from      DATE          NOT NULL,
  covers_to        DATE          NOT NULL,
  published_on     DATE          NOT NULL,
  note             VARCHAR(1024) NOT NULL,
  PRIMARY KEY (calendar_version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The weekdays that are not ordinary: every weekday not listed is a full NYSE trading day (09:30-16:00 ET) and a
-- settlement day; Saturdays and Sundays are neither and are never listed.
--   kind NYSE_HOLIDAY          NYSE closed all day; not a settlement day
--        NYSE_EARLY_CLOSE      NYSE closes at early_close_et (13:00 ET); a settlement day
--        NYSE_SPECIAL_CLOSURE  NYSE closed on a non-holiday (e.g. a national day of mourning); settles per `settles`
--        FED_HOLIDAY           Federal Reserve holiday on which the exchanges trade: a trading day, not a settlement day
CREATE TABLE settlement_calendar_day (
  calendar_version VARCHAR(32)   NOT NULL,
  cal_date         DATE          NOT NULL,
  kind             VARCHAR(24)   NOT NULL,
  trading_open     BOOLEAN       NOT NULL,
  settles          BOOLEAN       NOT NULL,
  -- the early closing time, US Eastern, on NYSE_EARLY_CLOSE days only
  early_close_et   TIME          NULL,
  name             VARCHAR(128)  NOT NULL,
  source           VARCHAR(1024) NOT NULL,
  PRIMARY KEY (calendar_version, cal_date),
  CONSTRAINT fk_calendar_day_version FOREIGN KEY (calendar_version)
    REFERENCES settlement_calendar_version (calendar_version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The regular-way settlement cycle by trade date: the number of settlement days after the trade date.
CREATE TABLE settlement_cycle (
  effective_from   DATE          NOT NULL,
  business_days    INT           NOT NULL,
  source           VARCHAR(1024) NOT NULL,
  PRIMARY KEY (effective_from)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- SEC Section 31 transaction fee on covered sales, USD per USD 1,000,000 of sale proceeds, by trade (charge) date.
-- rate_per_million NULL: a rate is known to take effect on that date but its figure is not verified; the fee
-- calculator refuses trades from that date until a later migration supplies it. verified: the figure and date were
-- checked against the cited source.
CREATE TABLE fee_sec_section31 (
  effective_from   DATE          NOT NULL,
  rate_per_million DECIMAL(12,4) NULL,
  verified         BOOLEAN       NOT NULL,
  source           VARCHAR(1024) NOT NULL,
  PRIMARY KEY (effective_from)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- FINRA Trading Activity Fee on sales of covered equity securities: USD per share, capped per trade. NULLs and
-- verified as for fee_sec_section31.
CREATE TABLE fee_finra_taf (
  effective_from   DATE          NOT NULL,
  per_share        DECIMAL(12,8) NULL,
  max_per_trade    DECIMAL(12,2) NULL,
  verified         BOOLEAN       NOT NULL,
  source           VARCHAR(1024) NOT NULL,
  PRIMARY KEY (effective_from)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The commission each account pays, by trade date: per_share * shares + bps/10000 * gross, at least minimum, rounded
-- half-up to the cent. account_id '*' is the default for accounts without a schedule of their own.
CREATE TABLE commission_schedule (
  account_id       VARCHAR(32)   NOT NULL,
  effective_from   DATE          NOT NULL,
  per_share        DECIMAL(12,6) NOT NULL,
  bps              DECIMAL(9,4)  NOT NULL,
  minimum          DECIMAL(12,2) NOT NULL,
  note             VARCHAR(512)  NOT NULL,
  PRIMARY KEY (account_id, effective_from)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Net settlement obligation per account, security and settlement date, over every trade settling that date:
-- net_quantity > 0 the account receives shares; net_money > 0 the account is paid. Recomputed whole for a settlement
-- date (SettlementStore replaces the date's rows).
CREATE TABLE settlement_obligation (
  settlement_date  DATE          NOT NULL,
  account_id       VARCHAR(32)   NOT NULL,
  symbol           VARCHAR(16)   NOT NULL,
  bought_quantity  BIGINT        NOT NULL,
  sold_quantity    BIGINT        NOT NULL,
  net_quantity     BIGINT        NOT NULL,
  gross_bought     DECIMAL(21,2) NOT NULL,
  gross_sold       DECIMAL(21,2) NOT NULL,
  commission       DECIMAL(21,2) NOT NULL,
  sec_fee          DECIMAL(21,2) NOT NULL,
  taf_fee          DECIMAL(21,2) NOT NULL,
  net_money        DECIMAL(21,2) NOT NULL,
  trade_count      INT           NOT NULL,
  calendar_version VARCHAR(32)   NOT NULL,
  PRIMARY KEY (settlement_date, account_id, symbol)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One customer confirmation (SEA Rule 10b-10) per customer trade: a single execution, or an allocation of a block
-- at its average price.
CREATE TABLE trade_confirmation (
  confirm_id       VARCHAR(64)   NOT NULL,
  account_id       VARCHAR(32)   NOT NULL,
  trade_date       DATE          NOT NULL,
  -- UTC; NULL for an average-price allocation (time of each execution available on request)
  exec_time        DATETIME(6)   NULL,
  settlement_date  DATE          NOT NULL,
  side             VARCHAR(20)   NOT NULL,
  symbol           VARCHAR(16)   NOT NULL,
  security_name    VARCHAR(128)  NOT NULL,
  quantity         BIGINT        NOT NULL,
  price            DECIMAL(19,8) NOT NULL,
  average_price    BOOLEAN       NOT NULL,
  capacity         VARCHAR(16)   NOT NULL,
  gross_amount     DECIMAL(21,2) NOT NULL,
  commission       DECIMAL(21,2) NOT NULL,
  sec_fee          DECIMAL(21,2) NOT NULL,
  taf_fee          DECIMAL(21,2) NOT NULL,
  net_amount       DECIMAL(21,2) NOT NULL,
  exec_ids         VARCHAR(2048) NOT NULL,
  remarks          VARCHAR(1024) NOT NULL,
  PRIMARY KEY (confirm_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_trade_confirmation_date ON trade_confirmation (trade_date, account_id);
CREATE INDEX ix_trade_confirmation_settle ON trade_confirmation (settlement_date, account_id);

-- Double-entry postings per confirmation: for each confirm_id and kind the debits equal the credits. kind CASH
-- (amounts in USD) or POSITION (amounts in shares of symbol). ledger_account is a customer account_id or a house
-- account (HOUSE:CLEARING, HOUSE:COMMISSION, HOUSE:SEC_FEE_PAYABLE, HOUSE:TAF_PAYABLE).
CREATE TABLE ledger_entry (
  confirm_id       VARCHAR(64)   NOT NULL,
  line_no          INT           NOT NULL,
  settlement_date  DATE          NOT NULL,
  ledger_account   VARCHAR(48)   NOT NULL,
  kind             VARCHAR(8)    NOT NULL,
  symbol           VARCHAR(16)   NOT NULL,
  debit            DECIMAL(21,2) NOT NULL,
  credit           DECIMAL(21,2) NOT NULL,
  memo             VARCHAR(256)  NOT NULL,
  PRIMARY KEY (confirm_id, line_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_ledger_entry_account ON ledger_entry (ledger_account, settlement_date);

INSERT INTO settlement_calendar_version (calendar_version, covers_from, covers_to, published_on, note) VALUES
  ('2026.1', '2024-01-01', '2028-12-31', '2026-11-25',
   'NYSE full-day holidays and 13:00 ET early closes 2024-2028 from the NYSE Group holiday calendar releases; Federal Reserve holidays on which the exchanges trade (Columbus Day, Veterans Day) as non-settlement days; the 2025-01-09 national day of mourning as a trading closure that still settled. Assumption: every NYSE full-day holiday is also a non-settlement day (NSCC/DTC do not settle when the exchanges observe a holiday), including the days the Reserve Banks stay open (Good Friday, Saturday holidays observed on Friday).');

INSERT INTO settlement_calendar_day
  (calendar_version, cal_date, kind, trading_open, settles, early_close_et, name, source) VALUES
  ('2026.1', '2024-01-01', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'New Year''s Day',
   'NYSE Group release 2021-12-27, NYSE Group Announces 2022, 2023 and 2024 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2022-2023-and-2024-holiday-and-early-closings-calendar/'),
  ('2026.1', '2024-01-15', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Martin Luther King, Jr. Day',
   'NYSE Group release 2021-12-27, NYSE Group Announces 2022, 2023 and 2024 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2022-2023-and-2024-holiday-and-early-closings-calendar/'),
  ('2026.1', '2024-02-19', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Washington''s Birthday',
   'NYSE Group release 2021-12-27, NYSE Group Announces 2022, 2023 and 2024 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2022-2023-and-2024-holiday-and-early-closings-calendar/'),
  ('2026.1', '2024-03-29', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Good Friday',
   'NYSE Group release 2021-12-27, NYSE Group Announces 2022, 2023 and 2024 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2022-2023-and-2024-holiday-and-early-closings-calendar/'),
  ('2026.1', '2024-05-27', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Memorial Day',
   'NYSE Group release 2021-12-27, NYSE Group Announces 2022, 2023 and 2024 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2022-2023-and-2024-holiday-and-early-closings-calendar/'),
  ('2026.1', '2024-06-19', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Juneteenth National Independence Day',
   'NYSE Group release 2021-12-27, NYSE Group Announces 2022, 2023 and 2024 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2022-2023-and-2024-holiday-and-early-closings-calendar/'),
  ('2026.1', '2024-07-03', 'NYSE_EARLY_CLOSE', TRUE, TRUE, '13:00:00', 'Day before Independence Day',
   'NYSE Group release 2021-12-27, NYSE Group Announces 2022, 2023 and 2024 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2022-2023-and-2024-holiday-and-early-closings-calendar/'),
  ('2026.1', '2024-07-04', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Independence Day',
   'NYSE Group release 2021-12-27, NYSE Group Announces 2022, 2023 and 2024 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2022-2023-and-2024-holiday-and-early-closings-calendar/'),
  ('2026.1', '2024-09-02', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Labor Day',
   'NYSE Group release 2021-12-27, NYSE Group Announces 2022, 2023 and 2024 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2022-2023-and-2024-holiday-and-early-closings-calendar/'),
  ('2026.1', '2024-10-14', 'FED_HOLIDAY', TRUE, FALSE, NULL, 'Columbus Day',
   'Derived: Federal Reserve holiday rules (Saturday holiday: Reserve Banks open the Friday before; Sunday: closed the Monday after) as stated at https://richmondfed.org/about_us/holiday_schedule (second Monday of October) Not a settlement day: FINRA UPC trade date-settlement date practice, e.g. https://finra.org/rules-guidance/notices/95-77'),
  ('2026.1', '2024-11-11', 'FED_HOLIDAY', TRUE, FALSE, NULL, 'Veterans Day',
   'Derived: Federal Reserve holiday rules (Saturday holiday: Reserve Banks open the Friday before; Sunday: closed the Monday after) as stated at https://richmondfed.org/about_us/holiday_schedule (November 11, a Monday) Not a settlement day: FINRA UPC trade date-settlement date practice, e.g. https://finra.org/rules-guidance/notices/95-77'),
  ('2026.1', '2024-11-28', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Thanksgiving Day',
   'NYSE Group release 2021-12-27, NYSE Group Announces 2022, 2023 and 2024 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2022-2023-and-2024-holiday-and-early-closings-calendar/'),
  ('2026.1', '2024-11-29', 'NYSE_EARLY_CLOSE', TRUE, TRUE, '13:00:00', 'Day after Thanksgiving',
   'NYSE Group release 2021-12-27, NYSE Group Announces 2022, 2023 and 2024 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2022-2023-and-2024-holiday-and-early-closings-calendar/ (footnote text truncated in our copy; date confirmed by USA Today 2024 market holiday schedule)'),
  ('2026.1', '2024-12-24', 'NYSE_EARLY_CLOSE', TRUE, TRUE, '13:00:00', 'Christmas Eve',
   'NYSE Group release 2021-12-27, NYSE Group Announces 2022, 2023 and 2024 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2022-2023-and-2024-holiday-and-early-closings-calendar/ (footnote text truncated in our copy; date confirmed by USA Today 2024 market holiday schedule)'),
  ('2026.1', '2024-12-25', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Christmas Day',
   'NYSE Group release 2021-12-27, NYSE Group Announces 2022, 2023 and 2024 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2022-2023-and-2024-holiday-and-early-closings-calendar/'),
  ('2026.1', '2025-01-01', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'New Year''s Day',
   'NYSE Group release 2024-11-08, NYSE Group Announces 2025, 2026 and 2027 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2025-2026-and-2027-holiday-and-early-closings-calendar/'),
  ('2026.1', '2025-01-09', 'NYSE_SPECIAL_CLOSURE', FALSE, TRUE, NULL, 'National Day of Mourning for President Jimmy Carter',
   'NYSE and Nasdaq closed per ICE/NYSE Group and Nasdaq announcements of 2024-12-30 (reported: https://ca.news.yahoo.com/us-stock-market-close-january-235347928.html). Settlement day: Fedwire and settlement open per SIFMA unscheduled close matrix https://sifma.org/resources/unscheduled-close-market-matrix ; NSCC/DTC keep settling on an unscheduled close per DTCC Unscheduled Exchanges and Markets Close Guide (2017)'),
  ('2026.1', '2025-01-20', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Martin Luther King, Jr. Day',
   'NYSE Group release 2024-11-08, NYSE Group Announces 2025, 2026 and 2027 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2025-2026-and-2027-holiday-and-early-closings-calendar/'),
  ('2026.1', '2025-02-17', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Washington''s Birthday',
   'NYSE Group release 2024-11-08, NYSE Group Announces 2025, 2026 and 2027 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2025-2026-and-2027-holiday-and-early-closings-calendar/'),
  ('2026.1', '2025-04-18', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Good Friday',
   'NYSE Group release 2024-11-08, NYSE Group Announces 2025, 2026 and 2027 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2025-2026-and-2027-holiday-and-early-closings-calendar/'),
  ('2026.1', '2025-05-26', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Memorial Day',
   'NYSE Group release 2024-11-08, NYSE Group Announces 2025, 2026 and 2027 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2025-2026-and-2027-holiday-and-early-closings-calendar/'),
  ('2026.1', '2025-06-19', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Juneteenth National Independence Day',
   'NYSE Group release 2024-11-08, NYSE Group Announces 2025, 2026 and 2027 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2025-2026-and-2027-holiday-and-early-closings-calendar/'),
  ('2026.1', '2025-07-03', 'NYSE_EARLY_CLOSE', TRUE, TRUE, '13:00:00', 'Day before Independence Day',
   'NYSE Group release 2024-11-08, NYSE Group Announces 2025, 2026 and 2027 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2025-2026-and-2027-holiday-and-early-closings-calendar/'),
  ('2026.1', '2025-07-04', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Independence Day',
   'NYSE Group release 2024-11-08, NYSE Group Announces 2025, 2026 and 2027 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2025-2026-and-2027-holiday-and-early-closings-calendar/'),
  ('2026.1', '2025-09-01', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Labor Day',
   'NYSE Group release 2024-11-08, NYSE Group Announces 2025, 2026 and 2027 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2025-2026-and-2027-holiday-and-early-closings-calendar/'),
  ('2026.1', '2025-10-13', 'FED_HOLIDAY', TRUE, FALSE, NULL, 'Columbus Day',
   'Federal Reserve Banks holiday schedule 2025-2027: https://richmondfed.org/about_us/holiday_schedule Not a settlement day: FINRA UPC trade date-settlement date practice, e.g. https://finra.org/rules-guidance/notices/95-77'),
  ('2026.1', '2025-11-11', 'FED_HOLIDAY', TRUE, FALSE, NULL, 'Veterans Day',
   'Federal Reserve Banks holiday schedule 2025-2027: https://richmondfed.org/about_us/holiday_schedule Not a settlement day: FINRA UPC trade date-settlement date practice, e.g. https://finra.org/rules-guidance/notices/95-77'),
  ('2026.1', '2025-11-27', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Thanksgiving Day',
   'NYSE Group release 2024-11-08, NYSE Group Announces 2025, 2026 and 2027 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2025-2026-and-2027-holiday-and-early-closings-calendar/'),
  ('2026.1', '2025-11-28', 'NYSE_EARLY_CLOSE', TRUE, TRUE, '13:00:00', 'Day after Thanksgiving',
   'NYSE Group release 2024-11-08, NYSE Group Announces 2025, 2026 and 2027 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2025-2026-and-2027-holiday-and-early-closings-calendar/'),
  ('2026.1', '2025-12-24', 'NYSE_EARLY_CLOSE', TRUE, TRUE, '13:00:00', 'Christmas Eve',
   'NYSE Group release 2024-11-08, NYSE Group Announces 2025, 2026 and 2027 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2025-2026-and-2027-holiday-and-early-closings-calendar/ (footnote on Christmas Day; NYSE website text quoted at https://www.ndtvprofit.com/markets/us-stock-market-holiday-2025-are-us-stock-exchanges-open-or-closed-on-december-25-for-christmas)'),
  ('2026.1', '2025-12-25', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Christmas Day',
   'NYSE Group release 2024-11-08, NYSE Group Announces 2025, 2026 and 2027 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2025-2026-and-2027-holiday-and-early-closings-calendar/'),
  ('2026.1', '2026-01-01', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'New Year''s Day',
   'NYSE Group release 2025-12-23, NYSE Group Announces 2026, 2027 and 2028 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2026-2027-and-2028-holiday-and-early-closings-calendar-20251223/; same in NYSE Group release 2024-11-08, NYSE Group Announces 2025, 2026 and 2027 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2025-2026-and-2027-holiday-and-early-closings-calendar/'),
  ('2026.1', '2026-01-19', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Martin Luther King, Jr. Day',
   'NYSE Group release 2025-12-23, NYSE Group Announces 2026, 2027 and 2028 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2026-2027-and-2028-holiday-and-early-closings-calendar-20251223/; same in NYSE Group release 2024-11-08, NYSE Group Announces 2025, 2026 and 2027 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2025-2026-and-2027-holiday-and-early-closings-calendar/'),
  ('2026.1', '2026-02-16', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Washington''s Birthday',
   'NYSE Group release 2025-12-23, NYSE Group Announces 2026, 2027 and 2028 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2026-2027-and-2028-holiday-and-early-closings-calendar-20251223/; same in NYSE Group release 2024-11-08, NYSE Group Announces 2025, 2026 and 2027 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2025-2026-and-2027-holiday-and-early-closings-calendar/'),
  ('2026.1', '2026-04-03', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Good Friday',
   'NYSE Group release 2025-12-23, NYSE Group Announces 2026, 2027 and 2028 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2026-2027-and-2028-holiday-and-early-closings-calendar-20251223/; same in NYSE Group release 2024-11-08, NYSE Group Announces 2025, 2026 and 2027 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2025-2026-and-2027-holiday-and-early-closings-calendar/'),
  ('2026.1', '2026-05-25', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Memorial Day',
   'NYSE Group release 2025-12-23, NYSE Group Announces 2026, 2027 and 2028 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2026-2027-and-2028-holiday-and-early-closings-calendar-20251223/; same in NYSE Group release 2024-11-08, NYSE Group Announces 2025, 2026 and 2027 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2025-2026-and-2027-holiday-and-early-closings-calendar/'),
  ('2026.1', '2026-06-19', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Juneteenth National Independence Day',
   'NYSE Group release 2025-12-23, NYSE Group Announces 2026, 2027 and 2028 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2026-2027-and-2028-holiday-and-early-closings-calendar-20251223/; same in NYSE Group release 2024-11-08, NYSE Group Announces 2025, 2026 and 2027 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2025-2026-and-2027-holiday-and-early-closings-calendar/'),
  ('2026.1', '2026-07-03', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Independence Day (observed)',
   'NYSE Group release 2025-12-23, NYSE Group Announces 2026, 2027 and 2028 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2026-2027-and-2028-holiday-and-early-closings-calendar-20251223/; same in NYSE Group release 2024-11-08, NYSE Group Announces 2025, 2026 and 2027 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2025-2026-and-2027-holiday-and-early-closings-calendar/'),
  ('2026.1', '2026-09-07', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Labor Day',
   'NYSE Group release 2025-12-23, NYSE Group Announces 2026, 2027 and 2028 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2026-2027-and-2028-holiday-and-early-closings-calendar-20251223/; same in NYSE Group release 2024-11-08, NYSE Group Announces 2025, 2026 and 2027 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2025-2026-and-2027-holiday-and-early-closings-calendar/'),
  ('2026.1', '2026-10-12', 'FED_HOLIDAY', TRUE, FALSE, NULL, 'Columbus Day',
   'Federal Reserve Banks holiday schedule 2025-2027: https://richmondfed.org/about_us/holiday_schedule Not a settlement day: FINRA UPC trade date-settlement date practice, e.g. https://finra.org/rules-guidance/notices/95-77'),
  ('2026.1', '2026-11-11', 'FED_HOLIDAY', TRUE, FALSE, NULL, 'Veterans Day',
   'Federal Reserve Banks holiday schedule 2025-2027: https://richmondfed.org/about_us/holiday_schedule Not a settlement day: FINRA UPC trade date-settlement date practice, e.g. https://finra.org/rules-guidance/notices/95-77'),
  ('2026.1', '2026-11-26', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Thanksgiving Day',
   'NYSE Group release 2025-12-23, NYSE Group Announces 2026, 2027 and 2028 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2026-2027-and-2028-holiday-and-early-closings-calendar-20251223/; same in NYSE Group release 2024-11-08, NYSE Group Announces 2025, 2026 and 2027 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2025-2026-and-2027-holiday-and-early-closings-calendar/'),
  ('2026.1', '2026-11-27', 'NYSE_EARLY_CLOSE', TRUE, TRUE, '13:00:00', 'Day after Thanksgiving',
   'NYSE Group release 2024-11-08, NYSE Group Announces 2025, 2026 and 2027 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2025-2026-and-2027-holiday-and-early-closings-calendar/'),
  ('2026.1', '2026-12-24', 'NYSE_EARLY_CLOSE', TRUE, TRUE, '13:00:00', 'Christmas Eve',
   'NYSE Group release 2025-12-23, NYSE Group Announces 2026, 2027 and 2028 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2026-2027-and-2028-holiday-and-early-closings-calendar-20251223/ (early-close footnote marker on Christmas Day 2026; footnote text truncated in our copy)'),
  ('2026.1', '2026-12-25', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Christmas Day',
   'NYSE Group release 2025-12-23, NYSE Group Announces 2026, 2027 and 2028 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2026-2027-and-2028-holiday-and-early-closings-calendar-20251223/; same in NYSE Group release 2024-11-08, NYSE Group Announces 2025, 2026 and 2027 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2025-2026-and-2027-holiday-and-early-closings-calendar/'),
  ('2026.1', '2027-01-01', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'New Year''s Day',
   'NYSE Group release 2025-12-23, NYSE Group Announces 2026, 2027 and 2028 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2026-2027-and-2028-holiday-and-early-closings-calendar-20251223/; same in NYSE Group release 2024-11-08, NYSE Group Announces 2025, 2026 and 2027 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2025-2026-and-2027-holiday-and-early-closings-calendar/'),
  ('2026.1', '2027-01-18', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Martin Luther King, Jr. Day',
   'NYSE Group release 2025-12-23, NYSE Group Announces 2026, 2027 and 2028 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2026-2027-and-2028-holiday-and-early-closings-calendar-20251223/; same in NYSE Group release 2024-11-08, NYSE Group Announces 2025, 2026 and 2027 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2025-2026-and-2027-holiday-and-early-closings-calendar/'),
  ('2026.1', '2027-02-15', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Washington''s Birthday',
   'NYSE Group release 2025-12-23, NYSE Group Announces 2026, 2027 and 2028 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2026-2027-and-2028-holiday-and-early-closings-calendar-20251223/; same in NYSE Group release 2024-11-08, NYSE Group Announces 2025, 2026 and 2027 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2025-2026-and-2027-holiday-and-early-closings-calendar/'),
  ('2026.1', '2027-03-26', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Good Friday',
   'NYSE Group release 2025-12-23, NYSE Group Announces 2026, 2027 and 2028 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2026-2027-and-2028-holiday-and-early-closings-calendar-20251223/; same in NYSE Group release 2024-11-08, NYSE Group Announces 2025, 2026 and 2027 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2025-2026-and-2027-holiday-and-early-closings-calendar/'),
  ('2026.1', '2027-05-31', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Memorial Day',
   'NYSE Group release 2025-12-23, NYSE Group Announces 2026, 2027 and 2028 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2026-2027-and-2028-holiday-and-early-closings-calendar-20251223/; same in NYSE Group release 2024-11-08, NYSE Group Announces 2025, 2026 and 2027 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2025-2026-and-2027-holiday-and-early-closings-calendar/'),
  ('2026.1', '2027-06-18', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Juneteenth National Independence Day (observed)',
   'NYSE Group release 2025-12-23, NYSE Group Announces 2026, 2027 and 2028 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2026-2027-and-2028-holiday-and-early-closings-calendar-20251223/; same in NYSE Group release 2024-11-08, NYSE Group Announces 2025, 2026 and 2027 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2025-2026-and-2027-holiday-and-early-closings-calendar/'),
  ('2026.1', '2027-07-05', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Independence Day (observed)',
   'NYSE Group release 2025-12-23, NYSE Group Announces 2026, 2027 and 2028 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2026-2027-and-2028-holiday-and-early-closings-calendar-20251223/; same in NYSE Group release 2024-11-08, NYSE Group Announces 2025, 2026 and 2027 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2025-2026-and-2027-holiday-and-early-closings-calendar/'),
  ('2026.1', '2027-09-06', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Labor Day',
   'NYSE Group release 2025-12-23, NYSE Group Announces 2026, 2027 and 2028 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2026-2027-and-2028-holiday-and-early-closings-calendar-20251223/; same in NYSE Group release 2024-11-08, NYSE Group Announces 2025, 2026 and 2027 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2025-2026-and-2027-holiday-and-early-closings-calendar/'),
  ('2026.1', '2027-10-11', 'FED_HOLIDAY', TRUE, FALSE, NULL, 'Columbus Day',
   'Federal Reserve Banks holiday schedule 2025-2027: https://richmondfed.org/about_us/holiday_schedule Not a settlement day: FINRA UPC trade date-settlement date practice, e.g. https://finra.org/rules-guidance/notices/95-77'),
  ('2026.1', '2027-11-11', 'FED_HOLIDAY', TRUE, FALSE, NULL, 'Veterans Day',
   'Federal Reserve Banks holiday schedule 2025-2027: https://richmondfed.org/about_us/holiday_schedule Not a settlement day: FINRA UPC trade date-settlement date practice, e.g. https://finra.org/rules-guidance/notices/95-77'),
  ('2026.1', '2027-11-25', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Thanksgiving Day',
   'NYSE Group release 2025-12-23, NYSE Group Announces 2026, 2027 and 2028 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2026-2027-and-2028-holiday-and-early-closings-calendar-20251223/; same in NYSE Group release 2024-11-08, NYSE Group Announces 2025, 2026 and 2027 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2025-2026-and-2027-holiday-and-early-closings-calendar/'),
  ('2026.1', '2027-11-26', 'NYSE_EARLY_CLOSE', TRUE, TRUE, '13:00:00', 'Day after Thanksgiving',
   'NYSE Group release 2024-11-08, NYSE Group Announces 2025, 2026 and 2027 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2025-2026-and-2027-holiday-and-early-closings-calendar/'),
  ('2026.1', '2027-12-24', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Christmas Day (observed)',
   'NYSE Group release 2025-12-23, NYSE Group Announces 2026, 2027 and 2028 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2026-2027-and-2028-holiday-and-early-closings-calendar-20251223/; same in NYSE Group release 2024-11-08, NYSE Group Announces 2025, 2026 and 2027 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2025-2026-and-2027-holiday-and-early-closings-calendar/'),
  ('2026.1', '2028-01-17', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Martin Luther King, Jr. Day',
   'NYSE Group release 2025-12-23, NYSE Group Announces 2026, 2027 and 2028 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2026-2027-and-2028-holiday-and-early-closings-calendar-20251223/'),
  ('2026.1', '2028-02-21', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Washington''s Birthday',
   'NYSE Group release 2025-12-23, NYSE Group Announces 2026, 2027 and 2028 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2026-2027-and-2028-holiday-and-early-closings-calendar-20251223/'),
  ('2026.1', '2028-04-14', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Good Friday',
   'NYSE Group release 2025-12-23, NYSE Group Announces 2026, 2027 and 2028 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2026-2027-and-2028-holiday-and-early-closings-calendar-20251223/'),
  ('2026.1', '2028-05-29', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Memorial Day',
   'NYSE Group release 2025-12-23, NYSE Group Announces 2026, 2027 and 2028 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2026-2027-and-2028-holiday-and-early-closings-calendar-20251223/'),
  ('2026.1', '2028-06-19', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Juneteenth National Independence Day',
   'NYSE Group release 2025-12-23, NYSE Group Announces 2026, 2027 and 2028 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2026-2027-and-2028-holiday-and-early-closings-calendar-20251223/'),
  ('2026.1', '2028-07-03', 'NYSE_EARLY_CLOSE', TRUE, TRUE, '13:00:00', 'Day before Independence Day',
   'NYSE Group release 2025-12-23, NYSE Group Announces 2026, 2027 and 2028 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2026-2027-and-2028-holiday-and-early-closings-calendar-20251223/'),
  ('2026.1', '2028-07-04', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Independence Day',
   'NYSE Group release 2025-12-23, NYSE Group Announces 2026, 2027 and 2028 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2026-2027-and-2028-holiday-and-early-closings-calendar-20251223/'),
  ('2026.1', '2028-09-04', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Labor Day',
   'NYSE Group release 2025-12-23, NYSE Group Announces 2026, 2027 and 2028 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2026-2027-and-2028-holiday-and-early-closings-calendar-20251223/'),
  ('2026.1', '2028-10-09', 'FED_HOLIDAY', TRUE, FALSE, NULL, 'Columbus Day',
   'Derived: Federal Reserve holiday rules (Saturday holiday: Reserve Banks open the Friday before; Sunday: closed the Monday after) as stated at https://richmondfed.org/about_us/holiday_schedule (second Monday of October; Veterans Day 2028 falls on a Saturday and is not observed by the Reserve Banks) Not a settlement day: FINRA UPC trade date-settlement date practice, e.g. https://finra.org/rules-guidance/notices/95-77'),
  ('2026.1', '2028-11-23', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Thanksgiving Day',
   'NYSE Group release 2025-12-23, NYSE Group Announces 2026, 2027 and 2028 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2026-2027-and-2028-holiday-and-early-closings-calendar-20251223/'),
  ('2026.1', '2028-11-24', 'NYSE_EARLY_CLOSE', TRUE, TRUE, '13:00:00', 'Day after Thanksgiving',
   'NYSE Group release 2025-12-23, NYSE Group Announces 2026, 2027 and 2028 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2026-2027-and-2028-holiday-and-early-closings-calendar-20251223/ (early-close footnote marker on Thanksgiving 2028; footnote text truncated in our copy)'),
  ('2026.1', '2028-12-25', 'NYSE_HOLIDAY', FALSE, FALSE, NULL, 'Christmas Day',
   'NYSE Group release 2025-12-23, NYSE Group Announces 2026, 2027 and 2028 Holiday and Early Closings Calendar: https://mondovisione.com/media-and-resources/news/nyse-group-announces-2026-2027-and-2028-holiday-and-early-closings-calendar-20251223/');

INSERT INTO settlement_cycle (effective_from, business_days, source) VALUES
  ('1995-06-07', 3, 'T+3 under the original SEA Rule 15c6-1 (Release 34-33023, 1993); listed for completeness, outside the calendar coverage'),
  ('2017-09-05', 2, 'T+2: amended SEA Rule 15c6-1 (Release 34-80295, 2017); applies to trade dates up to and including 2024-05-27'),
  ('2024-05-28', 1, 'T+1: amended SEA Rule 15c6-1 (Release 34-96930), compliance date 2024-05-28: https://sec.gov/exams/educationhelpguidesfaqs/t1-faq');

INSERT INTO fee_sec_section31 (effective_from, rate_per_million, verified, source) VALUES
  ('2023-02-27', 8.0000, FALSE,
   'UNVERIFIED in this project: FY2023 rate USD 8.00 per million effective 2023-02-27 (SEC Fee Rate Advisory #2 for FY2023), not re-read; covers trade dates before 2024-05-22'),
  ('2024-05-22', 27.8000, TRUE,
   'SEC Release 34-99973 (2024-04-17, 89 FR 29402), Order Making FY2024 Annual Adjustments to Transaction Fee Rates: https://federalstatelaw.com/federal-register/2024-08512 ; the USD 27.80 rate in force until 2025-05-13 is confirmed by FINRA Information Notice 2025-04-24 (from USD 27.80 to USD 0.00). Effective date 2024-05-22 as announced in the FY2024 fee rate advisory (date not re-read verbatim here)'),
  ('2025-05-14', 0.0000, TRUE,
   'SEC Release 34-102779 (2025-04-08, 90 FR 15492), Order Making FY2025 Annual Adjustments to Transaction Fee Rates: USD 0.00 per million effective 2025-05-14: https://federalstatelaw.com/federal-register/2025-06214 ; FINRA Information Notice 2025-04-24: https://www.finra.org/rules-guidance/notices/information-notice-20250424');
-- FY2026: SEC Release 34-104909 (2026-02-27, 91 FR 10643) sets the FY2026 rate; neither its figure nor its effective
-- date could be read here. A rate is published within 30 days of the appropriation's enactment and takes effect 60
-- days after it (SEC fee rate advisories, e.g. https://www.sec.gov/news/press-release/2012-2012-232htm), so it takes
-- effect between 2026-03-29 (order date + 30) and 2026-04-28 (order date + 60): USD 0.00 holds before 2026-03-29 and
-- the calculator refuses sales from then on until a migration supplies the figure and the exact date.
INSERT INTO fee_sec_section31 (effective_from, rate_per_million, verified, source) VALUES
  ('2026-03-29', NULL, FALSE,
   'UNVERIFIED figure and date: FY2026 rate set by SEC Release 34-104909 (2026-02-27, 91 FR 10643, https://federalstatelaw.com/federal-register/2026-04233), effective no earlier than 2026-03-29; figure not read, sales refused from this date until corrected');

INSERT INTO fee_finra_taf (effective_from, per_share, max_per_trade, verified, source) VALUES
  ('2024-01-01', 0.00016600, 8.30, FALSE,
   'Secondary source only: USD 0.000166 per share, max USD 8.30 per trade (https://www.brokerage-review.com/account-fee/taf-fee.aspx); check FINRA By-Laws Schedule A section 1 for the effective date'),
  ('2026-01-01', NULL, NULL, FALSE,
   'UNVERIFIED: SR-FINRA-2024-019 (Release 34-101696, 89 FR 93709, https://www.govinfo.gov/content/pkg/FR-2024-11-27/html/2024-27764.htm) phases TAF increases in 2026-2029; the 2026 figures were not read. Trades from this date are refused until a migration supplies them');
