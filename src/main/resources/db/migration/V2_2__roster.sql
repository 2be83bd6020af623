-- The 24-hour roster: shifts on a line (the city's 12356 line or a county line), the minimum staffing
-- per hour of the week, weekly patterns, and the record of every swap and cancellation.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE SEQUENCE roster_pattern_seq INCREMENT BY 50;
CREATE TABLE roster_pattern (
    id            bigint       PRIMARY KEY DEFAULT nextval('roster_pattern_seq'),
    line_division varchar(12)  NOT NULL REFERENCES division (code) CHECK (length(line_division) IN (4, 6)),
    name          varchar(100) NOT NULL CHECK (length(trim(name)) > 0),
    created_by    varchar(255) NOT NULL,
    version       integer      NOT NULL DEFAULT 0,
    created_at    timestamptz  NOT NULL DEFAULT now()
);

CREATE SEQUENCE roster_pattern_entry_seq INCREMENT BY 50;
CREATE TABLE roster_pattern_entry (
    id            bigint   PRIMARY KEY DEFAULT nextval('roster_pattern_entry_seq'),
    pattern_id    bigint   NOT NULL REFERENCES roster_pattern (id) ON DELETE CASCADE,
    counsellor_id bigint   NOT NULL REFERENCES counsellor (id),
    -- ISO day of week of the shift's start: 1 = Monday .. 7 = Sunday.
    day_of_week   smallint NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
    -- Local times of the line; an end at or before the start means the shift ends the next day.
    start_time    time     NOT NULL,
    end_time      time     NOT NULL,
    CHECK (start_time <> end_time)
);
CREATE INDEX roster_pattern_entry_pattern_idx ON roster_pattern_entry (pattern_id);

CREATE SEQUENCE roster_shift_seq INCREMENT BY 50;
CREATE TABLE roster_shift (
    id            bigint       PRIMARY KEY DEFAULT nextval('roster_shift_seq'),
    counsellor_id bigint       NOT NULL REFERENCES counsellor (id),
    line_division varchar(12)  NOT NULL REFERENCES division (code) CHECK (length(line_division) IN (4, 6)),
    starts_at     timestamptz  NOT NULL,
    ends_at       timestamptz  NOT NULL,
    status        varchar(16)  NOT NULL DEFAULT 'SCHEDULED' CHECK (status IN ('SCHEDULED', 'CANCELLED')),
    pattern_id    bigint       REFERENCES roster_pattern (id) ON DELETE SET NULL,
    cancel_reason varchar(500),
    created_by    varchar(255) NOT NULL,
    version       integer      NOT NULL DEFAULT 0,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT roster_shift_positive_length CHECK (ends_at > starts_at),
    CONSTRAINT roster_shift_at_most_a_day CHECK (ends_at - starts_at <= interval '24 hours'),
    CONSTRAINT roster_shift_cancel_reason CHECK (status <> 'CANCELLED' OR length(trim(cancel_reason)) > 0),
    -- One counsellor, one seat at a time. Deferrable so that a swap can exchange two shifts in one
    -- transaction; checked at once otherwise.
    CONSTRAINT roster_shift_no_overlap EXCLUDE USING gist (
        counsellor_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
        WHERE (status = 'SCHEDULED') DEFERRABLE INITIALLY IMMEDIATE
);
CREATE INDEX roster_shift_line_start_idx ON roster_shift (line_division text_pattern_ops, starts_at)
    WHERE status = 'SCHEDULED';
CREATE INDEX roster_shift_counsellor_start_idx ON roster_shift (counsellor_id, starts_at);

-- Seats required per line, hour of day and day of week (local time). An hour without a row needs the
-- line's default: the 12356 rule for a city line (at least 2 seats), nothing for a county line.
CREATE TABLE staffing_minimum (
    line_division varchar(12) NOT NULL REFERENCES division (code) CHECK (length(line_division) IN (4, 6)),
    day_of_week   smallint    NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
    hour          smallint    NOT NULL CHECK (hour BETWEEN 0 AND 23),
    seats         smallint    NOT NULL CHECK (seats BETWEEN 0 AND 200),
    PRIMARY KEY (line_division, day_of_week, hour),
    CONSTRAINT staffing_minimum_12356 CHECK (length(line_division) <> 4 OR seats >= 2)
);

-- Swaps and cancellations, kept for the record: the service may add rows, never change them.
CREATE SEQUENCE roster_shift_change_seq INCREMENT BY 50;
CREATE TABLE roster_shift_change (
    id                 bigint       PRIMARY KEY DEFAULT nextval('roster_shift_change_seq'),
    shift_id           bigint       NOT NULL REFERENCES roster_shift (id),
    kind               varchar(16)  NOT NULL CHECK (kind IN ('SWAP', 'REASSIGN', 'CANCEL')),
    from_counsellor_id bigint       NOT NULL REFERENCES counsellor (id),
    to_counsellor_id   bigint       REFERENCES counsellor (id),
    reason             varchar(500) NOT NULL CHECK (length(trim(reason)) > 0),
    actor              varchar(255) NOT NULL,
    changed_at         timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX roster_shift_change_shift_idx ON roster_shift_change (shift_id);
REVOKE UPDATE, DELETE ON roster_shift_change FROM ${app_role};
