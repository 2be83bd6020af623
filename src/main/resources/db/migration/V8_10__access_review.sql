-- The access review. A supervisor's review of a break-the-glass use may say why, in words: sealed like the
-- use's reason, since free text written about a call may name its caller.
ALTER TABLE risk_break_glass ADD COLUMN review_comment_sealed text;

-- Every verification of the audit chain, so that the review shows the last one (how far the chain verified,
-- when, by whom, and its head hash to record elsewhere) without recomputing the chain on every page. Each
-- run is in the audit log too; this table holds no personal data and is not under row-level security.
CREATE TABLE audit_verification (
    id          bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    verified_at timestamptz  NOT NULL,
    verified_by varchar(255) NOT NULL,
    intact      boolean      NOT NULL,
    entries     bigint       NOT NULL CHECK (entries >= 0),
    head_seq    bigint       NOT NULL CHECK (head_seq >= 0),
    head_hash   char(64)     NOT NULL,
    broken_at   bigint,
    problem     varchar(32),
    millis      bigint       NOT NULL,
    CHECK (intact = (broken_at IS NULL)),
    CHECK ((broken_at IS NULL) = (problem IS NULL))
);
CREATE INDEX audit_verification_at_idx ON audit_verification (verified_at DESC);
REVOKE UPDATE, DELETE, TRUNCATE ON audit_verification FROM ${app_role};
