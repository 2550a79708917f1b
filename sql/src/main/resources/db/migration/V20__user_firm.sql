-- A user's broker firm. A BROKER_VIEWER sees only the accounts of its firm (the console's positions and position
-- pushes); a BROKER_VIEWER without a firm sees no account. Null for the broker-dealer's own staff, whose roles see
-- every firm.
ALTER TABLE users ADD COLUMN firm_id VARCHAR(32) NULL;
ALTER TABLE users ADD CONSTRAINT fk_users_firm FOREIGN KEY (firm_id) REFERENCES broker_firm (firm_id);
