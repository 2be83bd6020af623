-- Sessions booked in the rooms. The database itself makes a double booking impossible: exclusion
-- constraints reject any two non-cancelled bookings of one room, one counsellor or one client whose
-- time ranges overlap, however many requests race (an application check-then-insert is not enough).
-- btree_gist lets one GiST index combine equality on the id with overlap on the range; it is a
-- trusted extension, so the schema owner may create it.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE SEQUENCE booking_series_seq INCREMENT BY 50;

-- A weekly series, booked all or nothing.
CREATE TABLE booking_series (
    id         bigint       PRIMARY KEY DEFAULT nextval('booking_series_seq'),
    weeks      integer      NOT NULL CHECK (weeks BETWEEN 2 AND 52),
    created_by varchar(255) NOT NULL,
    created_at timestamptz  NOT NULL DEFAULT now()
);

CREATE SEQUENCE booking_seq INCREMENT BY 50;

CREATE TABLE booking (
    id            bigint       PRIMARY KEY DEFAULT nextval('booking_seq'),
    room_id       bigint       NOT NULL REFERENCES room (id),
    counsellor_id bigint       NOT NULL REFERENCES counsellor (id),
    client_id     bigint       NOT NULL REFERENCES room_client (id),
    starts_at     timestamptz  NOT NULL,
    ends_at       timestamptz  NOT NULL,
    -- Half-open [start, end): a session ending at 10:00 does not collide with one starting at 10:00.
    period        tstzrange    GENERATED ALWAYS AS (tstzrange(starts_at, ends_at, '[)')) STORED,
    mode          varchar(16)  NOT NULL CHECK (mode IN ('IN_PERSON', 'PHONE', 'VIDEO')),
    purpose       varchar(500),
    status        varchar(16)  NOT NULL DEFAULT 'BOOKED'
                  CHECK (status IN ('BOOKED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW', 'CANCELLED')),
    series_id     bigint       REFERENCES booking_series (id),
    series_week   integer      CHECK (series_week BETWEEN 1 AND 52),
    -- How often the session moved; calendars use it as the iCalendar SEQUENCE.
    reschedules   integer      NOT NULL DEFAULT 0 CHECK (reschedules >= 0),
    created_by    varchar(255) NOT NULL,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    checked_in_at timestamptz,
    completed_at  timestamptz,
    no_show_at    timestamptz,
    cancelled_at  timestamptz,
    cancelled_by  varchar(255),
    cancel_reason varchar(500),
    version       integer      NOT NULL DEFAULT 0,
    updated_at    timestamptz  NOT NULL DEFAULT now(),
    CHECK (starts_at < ends_at),
    CHECK ((series_id IS NULL) = (series_week IS NULL)),
    CHECK (status <> 'CHECKED_IN' OR checked_in_at IS NOT NULL),
    CHECK (status <> 'COMPLETED' OR (checked_in_at IS NOT NULL AND completed_at IS NOT NULL)),
    CHECK (status <> 'NO_SHOW' OR no_show_at IS NOT NULL),
    CHECK (status <> 'CANCELLED'
        OR (cancelled_at IS NOT NULL AND cancelled_by IS NOT NULL AND length(trim(cancel_reason)) > 0)),
    CONSTRAINT booking_series_week_key UNIQUE (series_id, series_week),
    CONSTRAINT booking_room_overlap
        EXCLUDE USING gist (room_id WITH =, period WITH &&) WHERE (status <> 'CANCELLED'),
    CONSTRAINT booking_counsellor_overlap
        EXCLUDE USING gist (counsellor_id WITH =, period WITH &&) WHERE (status <> 'CANCELLED'),
    CONSTRAINT booking_client_overlap
        EXCLUDE USING gist (client_id WITH =, period WITH &&) WHERE (status <> 'CANCELLED')
);
CREATE INDEX booking_room_start_idx ON booking (room_id, starts_at);
CREATE INDEX booking_counsellor_start_idx ON booking (counsellor_id, starts_at);
CREATE INDEX booking_client_start_idx ON booking (client_id, starts_at);

-- What happened to a booking, step by step: booked, rescheduled (with the new times), checked in,
-- completed, no-show, cancelled. Append-only for the service.
CREATE TABLE booking_event (
    id            bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    booking_id    bigint       NOT NULL REFERENCES booking (id),
    kind          varchar(16)  NOT NULL
                  CHECK (kind IN ('BOOKED', 'RESCHEDULED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW', 'CANCELLED')),
    at            timestamptz  NOT NULL DEFAULT now(),
    actor         varchar(255) NOT NULL,
    -- The booking's times and counsellor after this event.
    starts_at     timestamptz  NOT NULL,
    ends_at       timestamptz  NOT NULL,
    counsellor_id bigint       NOT NULL REFERENCES counsellor (id),
    reason        varchar(500)
);
CREATE INDEX booking_event_booking_idx ON booking_event (booking_id, id);
REVOKE UPDATE, DELETE, TRUNCATE ON booking_event FROM ${app_role};

-- Idempotency keys of POST /api/bookings: the first request with a key books and stores its answer
-- in the same transaction; a retry with that key gets the stored answer and never books twice.
CREATE TABLE booking_request (
    actor           varchar(255) NOT NULL,
    idempotency_key varchar(255) NOT NULL,
    request_hash    varchar(64)  NOT NULL,
    response_status integer      NOT NULL,
    response_body   text         NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (actor, idempotency_key)
);
CREATE INDEX booking_request_created_idx ON booking_request (created_at);
