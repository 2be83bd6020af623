-- Self-harm risk: duty, screenings, cases, their timeline and deadlines, emergency referrals, safety
-- plans, follow-ups, break-the-glass and unmasking. Every table holding risk data is guarded by row-level
-- security on the acting context (V5_0); narrative text and contact details are sealed by the service
-- (AES-GCM, *_sealed columns) and never stored in clear.

-- Who is on duty for risk in a division: supervisors on shift (SUPERVISOR, any level), the county lead
-- (COUNTY_LEAD, one county) and the city's clinical lead (CLINICAL_LEAD, one city). A duty without an end
-- stands until ended. The extension is the phone paged when the case needs them.
CREATE SEQUENCE risk_duty_seq INCREMENT BY 50;
CREATE TABLE risk_duty (
    id          bigint       PRIMARY KEY DEFAULT nextval('risk_duty_seq'),
    division    varchar(12)  NOT NULL REFERENCES division (code),
    post        varchar(16)  NOT NULL CHECK (post IN ('SUPERVISOR', 'COUNTY_LEAD', 'CLINICAL_LEAD')),
    username    varchar(255) NOT NULL,
    extension   varchar(32)  CHECK (extension ~ '^[0-9A-Za-z_-]{1,32}$'),
    starts_at   timestamptz  NOT NULL,
    ends_at     timestamptz,
    created_by  varchar(255) NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    CHECK (ends_at IS NULL OR ends_at > starts_at),
    CHECK (post <> 'COUNTY_LEAD' OR length(division) = 6),
    CHECK (post <> 'CLINICAL_LEAD' OR length(division) = 4)
);
CREATE INDEX risk_duty_division_idx ON risk_duty (division text_pattern_ops, post);

-- The C-SSRS screener's level, exactly as the service computes it (domain.md), so that a stored
-- screening can never claim a level its answers do not give.
CREATE FUNCTION cssrs_level(wished_dead boolean, thoughts boolean, method boolean, intent boolean,
                            plan boolean, behaviour boolean, behaviour_recent boolean) RETURNS varchar
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN coalesce(intent, false) OR coalesce(plan, false) OR (behaviour AND coalesce(behaviour_recent, false)) THEN 'HIGH'
        WHEN coalesce(method, false) OR (behaviour AND NOT coalesce(behaviour_recent, false)) THEN 'MODERATE'
        WHEN wished_dead OR thoughts THEN 'LOW'
        ELSE 'NONE' END
$$;

CREATE SEQUENCE risk_case_seq INCREMENT BY 50;
CREATE TABLE risk_case (
    id                  bigint       PRIMARY KEY DEFAULT nextval('risk_case_seq'),
    division            varchar(12)  NOT NULL REFERENCES division (code),
    level               varchar(16)  NOT NULL CHECK (level IN ('MODERATE', 'HIGH', 'IMMINENT')),
    status              varchar(16)  NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
    -- The keyed hash of the caller's number (hotline contacts), for routing and for finding the case again.
    caller_key          varchar(64)  CHECK (caller_key ~ '^[0-9a-f]{64}$'),
    assigned_counsellor varchar(255) NOT NULL,
    supervisor          varchar(255),
    escalation_stage    varchar(16)  NOT NULL DEFAULT 'SUPERVISORS'
                        CHECK (escalation_stage IN ('SUPERVISORS', 'COUNTY_LEAD', 'CLINICAL_LEAD')),
    opened_at           timestamptz  NOT NULL,
    opened_by           varchar(255) NOT NULL,
    acknowledged_at     timestamptz,
    acknowledged_by     varchar(255),
    note_sealed         text,
    subject_sealed      text,
    closed_at           timestamptz,
    closed_by           varchar(255),
    close_reason        varchar(32)  CHECK (close_reason IN ('RISK_RESOLVED', 'LINKED_TO_CARE', 'LOST_TO_FOLLOW_UP',
                                                             'MOVED_AWAY', 'DECEASED', 'DUPLICATE')),
    close_note_sealed   text,
    version             integer      NOT NULL DEFAULT 0,
    CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL)),
    CHECK (status = 'OPEN' OR (closed_by IS NOT NULL AND close_reason IS NOT NULL)),
    CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL))
);
CREATE UNIQUE INDEX risk_case_one_open_per_caller ON risk_case (caller_key) WHERE status = 'OPEN' AND caller_key IS NOT NULL;
CREATE INDEX risk_case_division_idx ON risk_case (division text_pattern_ops, status);
CREATE INDEX risk_case_assigned_idx ON risk_case (assigned_counsellor, status);

CREATE SEQUENCE risk_screening_seq INCREMENT BY 50;
CREATE TABLE risk_screening (
    id                     bigint       PRIMARY KEY DEFAULT nextval('risk_screening_seq'),
    case_id                bigint       REFERENCES risk_case (id),
    division               varchar(12)  NOT NULL REFERENCES division (code),
    contact_id             bigint,
    session_id             bigint,
    screened_by            varchar(255) NOT NULL,
    screened_at            timestamptz  NOT NULL,
    wished_dead            boolean      NOT NULL,
    suicidal_thoughts      boolean      NOT NULL,
    thought_of_method      boolean,
    intent                 boolean,
    plan_and_intent        boolean,
    suicidal_behaviour     boolean      NOT NULL,
    behaviour_recent       boolean,
    imminent               boolean      NOT NULL,
    imminent_basis         varchar(32)  CHECK (imminent_basis IN ('ATTEMPT_IN_PROGRESS', 'INTENT_PLAN_AND_MEANS')),
    computed_level         varchar(16)  NOT NULL,
    requested_level        varchar(16)  NOT NULL CHECK (requested_level IN ('NONE', 'LOW', 'MODERATE', 'HIGH', 'IMMINENT')),
    final_level            varchar(16)  NOT NULL CHECK (final_level IN ('NONE', 'LOW', 'MODERATE', 'HIGH', 'IMMINENT')),
    level_reason_sealed    text,
    lowering_status        varchar(16)  CHECK (lowering_status IN ('PENDING', 'APPROVED', 'REJECTED')),
    lowering_decided_by    varchar(255),
    lowering_decided_at    timestamptz,
    note_sealed            text,
    CHECK ((contact_id IS NULL) <> (session_id IS NULL)),
    -- Skip logic: questions 3 to 5 are asked exactly when question 2 was answered yes.
    CHECK (suicidal_thoughts = (thought_of_method IS NOT NULL)),
    CHECK (suicidal_thoughts = (intent IS NOT NULL)),
    CHECK (suicidal_thoughts = (plan_and_intent IS NOT NULL)),
    CHECK (suicidal_behaviour = (behaviour_recent IS NOT NULL)),
    CHECK (computed_level = cssrs_level(wished_dead, suicidal_thoughts, thought_of_method, intent, plan_and_intent,
                                        suicidal_behaviour, behaviour_recent)),
    CHECK (imminent = (imminent_basis IS NOT NULL)),
    CHECK (NOT imminent OR requested_level = 'IMMINENT'),
    CHECK (lowering_decided_by IS NULL OR lowering_decided_by <> screened_by)
);
CREATE INDEX risk_screening_case_idx ON risk_screening (case_id);
CREATE INDEX risk_screening_pending_idx ON risk_screening (division text_pattern_ops) WHERE lowering_status = 'PENDING';

-- The hotline contacts and room sessions a case was seen in.
CREATE SEQUENCE risk_case_link_seq INCREMENT BY 50;
CREATE TABLE risk_case_link (
    id          bigint       PRIMARY KEY DEFAULT nextval('risk_case_link_seq'),
    case_id     bigint       NOT NULL REFERENCES risk_case (id),
    contact_id  bigint,
    session_id  bigint,
    linked_at   timestamptz  NOT NULL,
    linked_by   varchar(255) NOT NULL,
    CHECK ((contact_id IS NULL) <> (session_id IS NULL)),
    UNIQUE (case_id, contact_id),
    UNIQUE (case_id, session_id)
);

-- Every step of a case, timestamped. Append-only.
CREATE SEQUENCE risk_case_event_seq INCREMENT BY 50;
CREATE TABLE risk_case_event (
    id       bigint       PRIMARY KEY DEFAULT nextval('risk_case_event_seq'),
    case_id  bigint       NOT NULL REFERENCES risk_case (id),
    at       timestamptz  NOT NULL,
    kind     varchar(40)  NOT NULL,
    actor    varchar(255) NOT NULL,
    detail   varchar(500)
);
CREATE INDEX risk_case_event_case_idx ON risk_case_event (case_id, at);

-- What must happen by when. A sweep on any replica claims due rows with FOR UPDATE SKIP LOCKED and marks
-- them fired in the same transaction, so each deadline fires once however many replicas run.
CREATE SEQUENCE risk_deadline_seq INCREMENT BY 50;
CREATE TABLE risk_deadline (
    id           bigint       PRIMARY KEY DEFAULT nextval('risk_deadline_seq'),
    case_id      bigint       NOT NULL REFERENCES risk_case (id),
    kind         varchar(24)  NOT NULL CHECK (kind IN ('ACKNOWLEDGE', 'REFERRAL_OUTCOME', 'FOLLOW_UP')),
    step         integer      NOT NULL DEFAULT 0 CHECK (step >= 0),
    ref_id       bigint,
    due_at       timestamptz  NOT NULL,
    fired_at     timestamptz,
    cancelled_at timestamptz,
    CHECK (fired_at IS NULL OR cancelled_at IS NULL)
);
CREATE INDEX risk_deadline_due_idx ON risk_deadline (due_at) WHERE fired_at IS NULL AND cancelled_at IS NULL;
CREATE INDEX risk_deadline_case_idx ON risk_deadline (case_id);

-- Emergency referrals (110 police, 119 fire, 120 ambulance): who, when, what was shared, and whether the
-- emergency services reached the person.
CREATE SEQUENCE risk_referral_seq INCREMENT BY 50;
CREATE TABLE risk_referral (
    id                  bigint       PRIMARY KEY DEFAULT nextval('risk_referral_seq'),
    case_id             bigint       NOT NULL REFERENCES risk_case (id),
    service             varchar(3)   NOT NULL CHECK (service IN ('110', '119', '120')),
    referred_at         timestamptz  NOT NULL,
    referred_by         varchar(255) NOT NULL,
    shared              varchar(200) NOT NULL CHECK (length(shared) > 0),
    shared_note_sealed  text,
    reference           varchar(64),
    outcome             varchar(16)  CHECK (outcome IN ('REACHED', 'NOT_REACHED')),
    outcome_at          timestamptz,
    outcome_by          varchar(255),
    outcome_note_sealed text,
    CHECK ((outcome IS NULL) = (outcome_at IS NULL)),
    CHECK ((outcome IS NULL) = (outcome_by IS NULL))
);
CREATE INDEX risk_referral_case_idx ON risk_referral (case_id);

-- The Stanley-Brown safety plan, sealed as one document.
CREATE TABLE risk_safety_plan (
    case_id     bigint       PRIMARY KEY REFERENCES risk_case (id),
    plan_sealed text         NOT NULL,
    updated_at  timestamptz  NOT NULL,
    updated_by  varchar(255) NOT NULL,
    version     integer      NOT NULL DEFAULT 0
);

CREATE SEQUENCE risk_follow_up_seq INCREMENT BY 50;
CREATE TABLE risk_follow_up (
    id              bigint       PRIMARY KEY DEFAULT nextval('risk_follow_up_seq'),
    case_id         bigint       NOT NULL REFERENCES risk_case (id),
    window_opens_at timestamptz  NOT NULL,
    due_at          timestamptz  NOT NULL,
    status          varchar(16)  NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'COMPLETED', 'LOST')),
    attempts        integer      NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    max_attempts    integer      NOT NULL CHECK (max_attempts BETWEEN 3 AND 5),
    outcome         varchar(24)  CHECK (outcome IN ('SAFE', 'NEEDS_SUPPORT', 'LINKED_TO_CARE', 'IN_CRISIS', 'DECLINED')),
    completed_at    timestamptz,
    created_by      varchar(255) NOT NULL,
    created_at      timestamptz  NOT NULL,
    version         integer      NOT NULL DEFAULT 0,
    CHECK (due_at >= window_opens_at),
    CHECK ((status = 'OPEN') = (completed_at IS NULL)),
    CHECK ((status = 'COMPLETED') = (outcome IS NOT NULL)),
    CHECK (status <> 'LOST' OR attempts >= max_attempts)
);
CREATE INDEX risk_follow_up_case_idx ON risk_follow_up (case_id, status);

CREATE SEQUENCE risk_follow_up_attempt_seq INCREMENT BY 50;
CREATE TABLE risk_follow_up_attempt (
    id           bigint       PRIMARY KEY DEFAULT nextval('risk_follow_up_attempt_seq'),
    follow_up_id bigint       NOT NULL REFERENCES risk_follow_up (id),
    case_id      bigint       NOT NULL REFERENCES risk_case (id),
    at           timestamptz  NOT NULL,
    made_by      varchar(255) NOT NULL,
    result       varchar(16)  NOT NULL CHECK (result IN ('REACHED', 'NO_ANSWER', 'UNREACHABLE', 'DECLINED')),
    outcome      varchar(24)  CHECK (outcome IN ('SAFE', 'NEEDS_SUPPORT', 'LINKED_TO_CARE', 'IN_CRISIS')),
    note_sealed  text,
    CHECK ((result = 'REACHED') = (outcome IS NOT NULL))
);
CREATE INDEX risk_follow_up_attempt_idx ON risk_follow_up_attempt (follow_up_id);

-- Break-the-glass: a counsellor on a live call with a caller who has a case opens its safety plan after
-- stating a reason; the window is short, the supervisors are told, every use is reviewed.
CREATE SEQUENCE risk_break_glass_seq INCREMENT BY 50;
CREATE TABLE risk_break_glass (
    id             bigint       PRIMARY KEY DEFAULT nextval('risk_break_glass_seq'),
    case_id        bigint       NOT NULL REFERENCES risk_case (id),
    division       varchar(12)  NOT NULL,
    actor          varchar(255) NOT NULL,
    actor_division varchar(12),
    contact_id     bigint       NOT NULL,
    reason_sealed  text         NOT NULL,
    granted_at     timestamptz  NOT NULL,
    expires_at     timestamptz  NOT NULL,
    reviewed_at    timestamptz,
    reviewed_by    varchar(255),
    verdict        varchar(16)  CHECK (verdict IN ('JUSTIFIED', 'UNJUSTIFIED')),
    version        integer      NOT NULL DEFAULT 0,
    CHECK (expires_at > granted_at),
    CHECK ((reviewed_at IS NULL) = (verdict IS NULL)),
    CHECK (reviewed_by IS NULL OR reviewed_by <> actor)
);
CREATE INDEX risk_break_glass_actor_idx ON risk_break_glass (actor, expires_at);
CREATE INDEX risk_break_glass_review_idx ON risk_break_glass (division text_pattern_ops) WHERE reviewed_at IS NULL;

-- Unmasking a caller's number for a rescue: the counsellor asks, a supervisor approves (never the same
-- person), the disclosure is recorded with its legal basis.
CREATE SEQUENCE risk_unmask_seq INCREMENT BY 50;
CREATE TABLE risk_unmask_request (
    id             bigint       PRIMARY KEY DEFAULT nextval('risk_unmask_seq'),
    case_id        bigint       NOT NULL REFERENCES risk_case (id),
    division       varchar(12)  NOT NULL,
    contact_id     bigint       NOT NULL,
    requested_by   varchar(255) NOT NULL,
    requested_at   timestamptz  NOT NULL,
    reason_sealed  text         NOT NULL,
    legal_basis    varchar(40)  NOT NULL CHECK (legal_basis IN ('PIPL_13_1_4_PROTECT_LIFE', 'PUBLIC_SECURITY_REQUEST')),
    status         varchar(16)  NOT NULL DEFAULT 'PENDING'
                   CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'DISCLOSED', 'EXPIRED')),
    decided_by     varchar(255),
    decided_at     timestamptz,
    expires_at     timestamptz  NOT NULL,
    disclosed_at   timestamptz,
    version        integer      NOT NULL DEFAULT 0,
    CHECK (decided_by IS NULL OR decided_by <> requested_by),
    CHECK ((status IN ('PENDING', 'EXPIRED')) OR decided_by IS NOT NULL),
    CHECK ((status = 'DISCLOSED') = (disclosed_at IS NOT NULL))
);
CREATE INDEX risk_unmask_case_idx ON risk_unmask_request (case_id);

-- A case closes only with a supervisor's reason, every emergency referral's outcome recorded and no
-- follow-up still open; the service checks first, the database makes sure.
CREATE FUNCTION risk_case_close_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status = 'CLOSED' AND OLD.status = 'OPEN' THEN
        IF EXISTS (SELECT 1 FROM risk_referral r WHERE r.case_id = NEW.id AND r.outcome IS NULL) THEN
            RAISE EXCEPTION 'case % has an emergency referral without a recorded outcome', NEW.id USING ERRCODE = 'GRR01';
        END IF;
        IF EXISTS (SELECT 1 FROM risk_follow_up f WHERE f.case_id = NEW.id AND f.status = 'OPEN') THEN
            RAISE EXCEPTION 'case % has an open follow-up', NEW.id USING ERRCODE = 'GRR02';
        END IF;
    ELSIF OLD.status = 'CLOSED' AND NEW.status <> 'CLOSED' THEN
        RAISE EXCEPTION 'case % is closed', NEW.id USING ERRCODE = 'GRR03';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER risk_case_close_guard BEFORE UPDATE ON risk_case FOR EACH ROW EXECUTE FUNCTION risk_case_close_guard();

-- History stays as it was written.
REVOKE UPDATE, DELETE, TRUNCATE ON risk_case_event, risk_case_link, risk_follow_up_attempt FROM ${app_role};
REVOKE DELETE, TRUNCATE ON risk_case, risk_screening, risk_deadline, risk_referral, risk_safety_plan, risk_follow_up,
    risk_break_glass, risk_unmask_request FROM ${app_role};

-- Row-level security. A case is visible to its assigned counsellor and to contexts whose scope covers its
-- division (supervisors above it, the service's own jobs); everything hanging off a case is visible with
-- it. A break-the-glass grant opens the safety plan alone.
ALTER TABLE risk_case ENABLE ROW LEVEL SECURITY;
ALTER TABLE risk_case FORCE ROW LEVEL SECURITY;
CREATE POLICY risk_case_access ON risk_case
    USING (gr_sees_division(division) OR assigned_counsellor = (SELECT gr_actor()))
    WITH CHECK (gr_sees_division(division) OR assigned_counsellor = (SELECT gr_actor()));

CREATE FUNCTION gr_sees_case(id bigint) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT EXISTS (SELECT 1 FROM risk_case c WHERE c.id = $1) $$;

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['risk_case_link', 'risk_case_event', 'risk_deadline', 'risk_referral',
                             'risk_follow_up', 'risk_follow_up_attempt']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I USING (gr_sees_case(case_id)) WITH CHECK (gr_sees_case(case_id))',
                       t || '_access', t);
    END LOOP;
END $$;

ALTER TABLE risk_safety_plan ENABLE ROW LEVEL SECURITY;
ALTER TABLE risk_safety_plan FORCE ROW LEVEL SECURITY;
CREATE POLICY risk_safety_plan_access ON risk_safety_plan
    USING (gr_sees_case(case_id) OR gr_granted_plan(case_id))
    WITH CHECK (gr_sees_case(case_id));

-- A screening is the screener's own record, and visible with its case and its division's supervisors.
ALTER TABLE risk_screening ENABLE ROW LEVEL SECURITY;
ALTER TABLE risk_screening FORCE ROW LEVEL SECURITY;
CREATE POLICY risk_screening_access ON risk_screening
    USING (screened_by = (SELECT gr_actor()) OR gr_sees_division(division) OR (case_id IS NOT NULL AND gr_sees_case(case_id)))
    WITH CHECK (screened_by = (SELECT gr_actor()) OR gr_sees_division(division));

-- Break-the-glass and unmasking requests: the requester's own, and its division's supervisors'.
ALTER TABLE risk_break_glass ENABLE ROW LEVEL SECURITY;
ALTER TABLE risk_break_glass FORCE ROW LEVEL SECURITY;
CREATE POLICY risk_break_glass_access ON risk_break_glass
    USING (actor = (SELECT gr_actor()) OR gr_sees_division(division))
    WITH CHECK (actor = (SELECT gr_actor()) OR gr_sees_division(division));
ALTER TABLE risk_unmask_request ENABLE ROW LEVEL SECURITY;
ALTER TABLE risk_unmask_request FORCE ROW LEVEL SECURITY;
CREATE POLICY risk_unmask_access ON risk_unmask_request
    USING (requested_by = (SELECT gr_actor()) OR gr_sees_division(division))
    WITH CHECK (requested_by = (SELECT gr_actor()) OR gr_sees_division(division));
