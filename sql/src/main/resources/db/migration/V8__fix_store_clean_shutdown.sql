-- The gateway's FIX message store writes behind (group commit, ADR 009). A run that stops cleanly marks each
-- session's row; a store opened on a row left unmarked (a crash) advances its outgoing sequence number past anything
-- the crash may have lost, so no MsgSeqNum is used twice.
ALTER TABLE qfj_sessions ADD COLUMN clean_shutdown BOOLEAN NOT NULL DEFAULT TRUE;
