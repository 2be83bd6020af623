-- The web console (issue 14).

-- What a console user chose for themselves, kept with the account rather than with one browser.
CREATE TABLE console_preference (
    username   varchar(255) PRIMARY KEY,
    language   varchar(8)   NOT NULL CHECK (language IN ('zh-CN', 'en')),
    updated_at timestamptz  NOT NULL DEFAULT now()
);

-- A contact form is sent with a key made when it was opened: the same key again (a double click, a retry
-- after a dropped connection) records no second screening. Per screener, as the screener's own records are.
ALTER TABLE risk_screening ADD COLUMN request_key varchar(64) CHECK (request_key ~ '^[A-Za-z0-9_-]{8,64}$');
CREATE UNIQUE INDEX risk_screening_request_key ON risk_screening (screened_by, request_key) WHERE request_key IS NOT NULL;
