-- The FIX gateway's outbound delivery position per session: the first journal offset whose ExecutionReports,
-- OrderCancelRejects and OrderMassCancelReports for that session are not known to have been handed to a logged-on
-- session. At the session's next logon (or after a restart) the gateway re-sends, from the journal, what it holds
-- from that offset on (PossResend=Y, same ExecIDs). Written by the gateway's outbound thread only.

CREATE TABLE fix_outbound_position (
  session_id   VARCHAR(128) NOT NULL,
  next_offset  BIGINT       NOT NULL,
  updated_at   DATETIME(6)  NOT NULL,
  PRIMARY KEY (session_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
