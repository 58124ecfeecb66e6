-- Login throttling, shared by every instance: one row per account and one per client address.
-- subject is 'user:' + SHA-256 of the typed user name (lower case), so a password typed into the name
-- field is never stored, and unknown names are throttled exactly like real ones; or 'address:' + IP.
-- failures counts attempts charged in the current window (an attempt is charged before its password
-- check, so parallel attempts cannot pass the limit); next_attempt_at is the back-off, locked_until the lock.
CREATE TABLE login_throttle (
    subject         VARCHAR(100) PRIMARY KEY,
    failures        INT          NOT NULL,
    last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    locked_until    TIMESTAMP WITH TIME ZONE
);
-- stale rows (no lock, last failure older than the window) are deleted on successful logins
CREATE INDEX login_throttle_last_failure_idx ON login_throttle (last_failure_at);
