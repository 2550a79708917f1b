-- Report runs: one row per regulatory report built (CAT, 606, 606(b)(3), 605, electronic blue sheets), from the
-- command line or the compliance desk's API, with the files it wrote. A run starts RUNNING and ends SUCCEEDED,
-- NO_DATA or FAILED; a RUNNING row whose process died stays RUNNING (its finished_at is null).
CREATE TABLE report_run (
  id               BIGINT        NOT NULL AUTO_INCREMENT,
  -- CAT, 606, 606B3, 605, BLUESHEET
  report_type      VARCHAR(16)   NOT NULL,
  -- the run's parameters as a JSON object (date, quarter, account, symbol, from, to, ...)
  parameters       TEXT          NOT NULL,
  -- the OS user for the command line, the API user for the compliance desk
  requested_by     VARCHAR(64)   NOT NULL,
  started_at       DATETIME(6)   NOT NULL,
  finished_at      DATETIME(6)   NULL,
  -- RUNNING, SUCCEEDED, NO_DATA, FAILED
  status           VARCHAR(16)   NOT NULL,
  -- documents read from the audit index, records written (null until finished)
  documents_read   BIGINT        NULL,
  records_written  BIGINT        NULL,
  -- where the files went (absolute path)
  output_dir       VARCHAR(1024) NOT NULL,
  -- why it failed, or null
  message          VARCHAR(2000) NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_report_run_type_started ON report_run (report_type, started_at);
CREATE INDEX ix_report_run_status ON report_run (status, started_at);

CREATE TABLE report_run_file (
  run_id           BIGINT        NOT NULL,
  -- the file name inside the run's output directory (no directory part)
  file_name        VARCHAR(255)  NOT NULL,
  size_bytes       BIGINT        NOT NULL,
  -- lower-case hex SHA-256 of the file's bytes
  sha256           CHAR(64)      NOT NULL,
  PRIMARY KEY (run_id, file_name),
  CONSTRAINT fk_report_run_file_run FOREIGN KEY (run_id) REFERENCES report_run (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
