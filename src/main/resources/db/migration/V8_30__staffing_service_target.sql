-- A line's service-level target for the staffing forecast: answered_share of the calls answered within
-- within_seconds. A line without a row takes the service's default (80% within the hotline's
-- service-level threshold, 20 s).
CREATE TABLE staffing_service_target (
    line_division  varchar(12)  PRIMARY KEY REFERENCES division (code) CHECK (length(line_division) IN (4, 6)),
    answered_share numeric(4,3) NOT NULL CHECK (answered_share >= 0.5 AND answered_share < 1),
    within_seconds smallint     NOT NULL CHECK (within_seconds BETWEEN 1 AND 600),
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    updated_by     varchar(255) NOT NULL
);
