-- The expert pool: counsellors, psychotherapists and health educators, kept by county (or by the city).
CREATE SEQUENCE counsellor_seq INCREMENT BY 50;

CREATE TABLE counsellor (
    id            bigint       PRIMARY KEY DEFAULT nextval('counsellor_seq'),
    full_name     varchar(100) NOT NULL CHECK (length(trim(full_name)) > 0),
    home_division varchar(12)  NOT NULL REFERENCES division (code) CHECK (length(home_division) IN (4, 6)),
    kind          varchar(24)  NOT NULL CHECK (kind IN ('COUNSELLOR', 'PSYCHOTHERAPIST', 'HEALTH_EDUCATOR')),
    status        varchar(16)  NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED', 'LEFT')),
    -- The Keycloak account the counsellor signs in with; many pool members never use the line.
    username      varchar(255) UNIQUE,
    max_caseload  integer      NOT NULL DEFAULT 20 CHECK (max_caseload BETWEEN 0 AND 500),
    version       integer      NOT NULL DEFAULT 0,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX counsellor_division_idx ON counsellor (home_division text_pattern_ops);
