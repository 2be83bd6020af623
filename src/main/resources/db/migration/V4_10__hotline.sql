-- The 24-hour aid line: its lines, the counsellors' presence, and a contact record for every call.

-- A line is one number callers dial (a county's line, the city line, the number 12356 calls are forwarded
-- to). Its queues follow from its division: tier 1 is hl-<division>, tier 2 is hl-<city>.
CREATE TABLE hotline_line (
    id                 varchar(32)  PRIMARY KEY CHECK (id ~ '^\+?[0-9]{3,31}$'),
    name               varchar(100) NOT NULL CHECK (length(trim(name)) > 0),
    division_code      varchar(12)  NOT NULL REFERENCES division (code) CHECK (length(division_code) IN (4, 6)),
    asks_press_one     boolean      NOT NULL DEFAULT false,
    tier1_wait_seconds integer      NOT NULL DEFAULT 30 CHECK (tier1_wait_seconds BETWEEN 5 AND 600),
    tier2_wait_seconds integer      NOT NULL DEFAULT 90 CHECK (tier2_wait_seconds BETWEEN 5 AND 1800),
    backup_number      varchar(32)  NOT NULL CHECK (backup_number ~ '^\+?[0-9]{3,31}$'),
    -- Calls to the national number 12356, forwarded to this city by the carrier.
    forwarded_12356    boolean      NOT NULL DEFAULT false,
    active             boolean      NOT NULL DEFAULT true,
    version            integer      NOT NULL DEFAULT 0,
    updated_at         timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX hotline_line_division_idx ON hotline_line (division_code text_pattern_ops);

-- A supervisor lets a counsellor take calls outside the roster (a colleague fell ill, a surge).
CREATE SEQUENCE hotline_shift_override_seq INCREMENT BY 50;
CREATE TABLE hotline_shift_override (
    id            bigint       PRIMARY KEY DEFAULT nextval('hotline_shift_override_seq'),
    username      varchar(255) NOT NULL,
    line_division varchar(12)  NOT NULL REFERENCES division (code) CHECK (length(line_division) IN (4, 6)),
    valid_from    timestamptz  NOT NULL,
    valid_until   timestamptz  NOT NULL,
    reason        varchar(500) NOT NULL CHECK (length(trim(reason)) > 0),
    granted_by    varchar(255) NOT NULL,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT hotline_shift_override_period CHECK (valid_until > valid_from
        AND valid_until - valid_from <= interval '24 hours')
);
CREATE INDEX hotline_shift_override_user_idx ON hotline_shift_override (username, valid_until);
REVOKE UPDATE, DELETE ON hotline_shift_override FROM ${app_role};

-- The service is the authority on presence; Asterisk's queue membership follows it.
CREATE TABLE hotline_presence (
    username           varchar(255) PRIMARY KEY,
    extension          varchar(32)  NOT NULL CHECK (extension ~ '^[0-9A-Za-z_-]{1,32}$'),
    -- The account's own division, for the jurisdiction of supervisors and wallboards.
    division_code      varchar(12)  NOT NULL REFERENCES division (code),
    -- The line whose queues the counsellor serves while signed in (from the shift or the override).
    queue_division     varchar(12)  REFERENCES division (code) CHECK (length(queue_division) IN (4, 6)),
    state              varchar(16)  NOT NULL CHECK (state IN ('OFFLINE', 'AVAILABLE', 'PAUSED', 'WRAP_UP')),
    pause_reason       varchar(64),
    state_since        timestamptz  NOT NULL DEFAULT now(),
    signed_in_at       timestamptz,
    wrap_up_until      timestamptz,
    wrap_up_contact_id bigint,
    in_call_contact_id bigint,
    version            integer      NOT NULL DEFAULT 0,
    CONSTRAINT hotline_presence_reason CHECK ((state = 'PAUSED') = (pause_reason IS NOT NULL)),
    CONSTRAINT hotline_presence_wrap_up CHECK ((state = 'WRAP_UP') = (wrap_up_until IS NOT NULL)),
    CONSTRAINT hotline_presence_signed_in CHECK ((state = 'OFFLINE') = (queue_division IS NULL))
);
-- One phone, one signed-in counsellor.
CREATE UNIQUE INDEX hotline_presence_extension_idx ON hotline_presence (extension) WHERE state <> 'OFFLINE';
CREATE INDEX hotline_presence_wrap_up_idx ON hotline_presence (wrap_up_until) WHERE state = 'WRAP_UP';

-- Every change of presence, for the record (occupancy, who paused whom): the service only adds rows.
CREATE TABLE hotline_presence_change (
    id         bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username   varchar(255) NOT NULL,
    state      varchar(16)  NOT NULL,
    reason     varchar(64),
    actor      varchar(255) NOT NULL,
    changed_at timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX hotline_presence_change_user_idx ON hotline_presence_change (username, changed_at);
REVOKE UPDATE, DELETE ON hotline_presence_change FROM ${app_role};

-- A contact is one call that reached a line, with or without a form. The caller's number is never stored
-- in clear: caller_key (HMAC) recognises repeat callers, the sealed number serves rescue and callbacks.
-- Contacts are only ever inserted by SQL (INSERT ... ON CONFLICT on the call), never by Hibernate, so the
-- sequence counts by one.
CREATE SEQUENCE hotline_contact_seq;
CREATE TABLE hotline_contact (
    id                        bigint       PRIMARY KEY DEFAULT nextval('hotline_contact_seq'),
    -- The caller's channel in Asterisk: the key of every event about this call.
    call_uniqueid             varchar(64)  NOT NULL UNIQUE,
    linked_id                 varchar(64),
    line_id                   varchar(32)  REFERENCES hotline_line (id),
    division_code             varchar(12)  NOT NULL REFERENCES division (code),
    -- ROUTE: the service decided; FAIL_OPEN: the dialplan went on without it; RECOVERED: from CDRs.
    source                    varchar(16)  NOT NULL CHECK (source IN ('ROUTE', 'FAIL_OPEN', 'RECOVERED')),
    caller_key                varchar(64),
    caller_number_sealed      text,
    redirecting_number_sealed text,
    priority                  integer      NOT NULL DEFAULT 0,
    risk_reason               varchar(16)  CHECK (risk_reason IN ('PRESSED_ONE', 'OPEN_CASE')),
    repeat_caller             boolean      NOT NULL DEFAULT false,
    preferred_username        varchar(255),
    tier1_queue               varchar(64),
    tier2_queue               varchar(64),
    status                    varchar(8)   NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
    outcome                   varchar(16)  CHECK (outcome IN ('ANSWERED', 'ABANDONED', 'SHORT_ABANDON',
                                                              'TRANSFERRED', 'BACKUP', 'UNANSWERED')),
    offered_at                timestamptz  NOT NULL,
    queued_at                 timestamptz,
    queue_wait_ms             integer      CHECK (queue_wait_ms >= 0),
    ring_ms                   integer      CHECK (ring_ms >= 0),
    answered_at               timestamptz,
    answered_via              varchar(16)  CHECK (answered_via IN ('TIER1', 'TIER2', 'PREFERRED', 'BACKUP')),
    answered_queue            varchar(64),
    talk_ms                   integer      CHECK (talk_ms >= 0),
    ended_at                  timestamptz,
    -- The end was not seen (the service or the AMI link was down) and is the time it was noticed.
    end_estimated             boolean      NOT NULL DEFAULT false,
    wrap_up_ended_at          timestamptz,
    missed_count              integer      NOT NULL DEFAULT 0,
    counsellor_username       varchar(255),
    counsellor_division       varchar(12),
    -- The counsellor's record (12356 form).
    problems                  varchar(200) NOT NULL DEFAULT '' CHECK (problems ~
        '^((HEALTH|MENTAL_ILLNESS|EMOTION|SEX|LOVE|MARRIAGE|FAMILY|CHILD_EDUCATION|OTHER)(,(HEALTH|MENTAL_ILLNESS|EMOTION|SEX|LOVE|MARRIAGE|FAMILY|CHILD_EDUCATION|OTHER))*)?$'),
    notes_sealed              text,
    flag_repeat               boolean      NOT NULL DEFAULT false,
    flag_difficult            boolean      NOT NULL DEFAULT false,
    flag_high_crisis          boolean      NOT NULL DEFAULT false,
    callback_requested        boolean      NOT NULL DEFAULT false,
    form_saved_at             timestamptz,
    form_saved_by             varchar(255),
    version                   integer      NOT NULL DEFAULT 0,
    CONSTRAINT hotline_contact_closed CHECK (status = 'OPEN' OR (outcome IS NOT NULL AND ended_at IS NOT NULL)),
    CONSTRAINT hotline_contact_answered CHECK ((answered_at IS NULL) = (answered_via IS NULL)),
    CONSTRAINT hotline_contact_withheld CHECK ((caller_key IS NULL) = (caller_number_sealed IS NULL))
);
CREATE INDEX hotline_contact_caller_idx ON hotline_contact (caller_key, offered_at DESC) WHERE caller_key IS NOT NULL;
CREATE INDEX hotline_contact_offered_idx ON hotline_contact (offered_at);
CREATE INDEX hotline_contact_division_idx ON hotline_contact (division_code text_pattern_ops, offered_at);
CREATE INDEX hotline_contact_counsellor_idx ON hotline_contact (counsellor_username, offered_at);
CREATE INDEX hotline_contact_open_idx ON hotline_contact (offered_at) WHERE status = 'OPEN';

-- The timeline of a call as the PBX reported it. event_key makes replaying an event a no-op.
CREATE TABLE hotline_contact_event (
    id          bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contact_id  bigint       NOT NULL REFERENCES hotline_contact (id),
    event_key   varchar(300) NOT NULL UNIQUE,
    kind        varchar(24)  NOT NULL,
    occurred_at timestamptz  NOT NULL,
    queue       varchar(64),
    member      varchar(255),
    detail      varchar(200)
);
CREATE INDEX hotline_contact_event_contact_idx ON hotline_contact_event (contact_id, occurred_at);
REVOKE UPDATE, DELETE ON hotline_contact_event FROM ${app_role};

-- Callers to call back: abandoned calls and calls where the counsellor asked for it.
CREATE SEQUENCE hotline_callback_seq; -- inserted by SQL only (one callback per contact)
CREATE TABLE hotline_callback (
    id              bigint       PRIMARY KEY DEFAULT nextval('hotline_callback_seq'),
    contact_id      bigint       NOT NULL UNIQUE REFERENCES hotline_contact (id),
    division_code   varchar(12)  NOT NULL REFERENCES division (code),
    reason          varchar(16)  NOT NULL CHECK (reason IN ('ABANDONED', 'UNANSWERED', 'REQUESTED')),
    status          varchar(16)  NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DIALLING', 'REACHED')),
    attempts        integer      NOT NULL DEFAULT 0,
    last_attempt_at timestamptz,
    last_outcome    varchar(24),
    created_at      timestamptz  NOT NULL DEFAULT now(),
    reached_at      timestamptz,
    version         integer      NOT NULL DEFAULT 0
);
CREATE INDEX hotline_callback_open_idx ON hotline_callback (division_code text_pattern_ops, created_at)
    WHERE status <> 'REACHED';

-- One try to call a caller back: the counsellor's phone rings (AMI Originate), then it dials the caller.
-- The PBX's answer may come before the service has stored the attempt, so either side may create the
-- row (keyed by the Originate's id) and the other completes it.
CREATE SEQUENCE hotline_callback_attempt_seq; -- inserted by SQL only
CREATE TABLE hotline_callback_attempt (
    id                  bigint       PRIMARY KEY DEFAULT nextval('hotline_callback_attempt_seq'),
    -- The Originate's correlation id: the Uniqueid of the counsellor's leg, so its events find the attempt.
    originate_id        varchar(64)  NOT NULL UNIQUE,
    callback_id         bigint       REFERENCES hotline_callback (id),
    counsellor_username varchar(255),
    started_at          timestamptz  NOT NULL DEFAULT now(),
    phone_answered_at   timestamptz,
    ended_at            timestamptz,
    outcome             varchar(24)  NOT NULL DEFAULT 'PENDING' CHECK (outcome IN ('PENDING', 'PHONE_UNANSWERED',
                                                    'CALLEE_ANSWERED', 'CALLEE_UNANSWERED', 'FAILED'))
);
CREATE INDEX hotline_callback_attempt_callback_idx ON hotline_callback_attempt (callback_id);
