-- The acting context of a transaction, for row-level security. The service sets it at the start of every
-- transaction that touches risk or audit data, through one helper, with set_config(..., true) (so it ends
-- with the transaction):
--   greenribbon.actor        the account (or 'system:<job>') acting
--   greenribbon.scope        the division prefix whose rows it sees wholesale, '*' for all, '-' for none
--   greenribbon.plan_grants  ids of cases whose safety plan it may open by break-the-glass
-- Without an actor, the policies below show nothing and accept nothing.
CREATE FUNCTION gr_actor() RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT nullif(current_setting('greenribbon.actor', true), '') $$;

CREATE FUNCTION gr_scope() RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT nullif(current_setting('greenribbon.scope', true), '') $$;

-- The scope as a division prefix (null for '*', '-' or anything else).
CREATE FUNCTION gr_prefix() RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT CASE WHEN gr_scope() ~ '^[0-9]{2,12}$' THEN gr_scope() END $$;

-- Policies call these through scalar subqueries, (SELECT gr_actor()), so that PostgreSQL evaluates the
-- context once per query (an InitPlan) instead of once per row.
CREATE FUNCTION gr_sees_division(division text) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT (SELECT gr_actor()) IS NOT NULL AND division IS NOT NULL
       AND ((SELECT gr_scope()) = '*' OR starts_with(division, (SELECT gr_prefix())))
$$;

CREATE FUNCTION gr_granted_plan(case_id bigint) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT (SELECT gr_actor()) IS NOT NULL
       AND case_id = ANY (string_to_array(nullif(current_setting('greenribbon.plan_grants', true), ''), ',')::bigint[])
$$;

-- The access log: every read, write and denied attempt on risk data. Append-only and hash-chained: each
-- entry's hash is an HMAC (key held by the service, never by the database) over the previous entry's hash
-- and the entry's own fields, so editing or deleting an entry breaks the chain at that point.
CREATE TABLE audit_entry (
    seq             bigint       PRIMARY KEY CHECK (seq > 0),
    at              timestamptz  NOT NULL,
    actor           varchar(255) NOT NULL,
    actor_roles     varchar(500) NOT NULL,
    actor_division  varchar(12),
    action          varchar(64)  NOT NULL,
    record_type     varchar(64)  NOT NULL,
    record_id       varchar(64),
    record_division varchar(12),
    purpose         varchar(32)  NOT NULL,
    outcome         varchar(16)  NOT NULL CHECK (outcome IN ('ALLOWED', 'DENIED', 'FAILED')),
    detail          varchar(500),
    key_id          varchar(32)  NOT NULL,
    prev_hash       char(64)     NOT NULL,
    hash            char(64)     NOT NULL
);
CREATE INDEX audit_entry_record_idx ON audit_entry (record_type, record_id);
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor, at);
CREATE INDEX audit_entry_at_idx ON audit_entry (at);
CREATE INDEX audit_entry_record_division_idx ON audit_entry (record_division text_pattern_ops);
CREATE INDEX audit_entry_actor_division_idx ON audit_entry (actor_division text_pattern_ops);

-- The end of the chain. Appenders serialise on one advisory lock, read the head and insert entries that
-- continue it; after each statement the trigger checks that its rows do (consecutive numbers, each hash
-- continuing the one before) and moves the head once per statement, however many rows it inserted.
CREATE TABLE audit_chain_head (
    id   boolean  PRIMARY KEY DEFAULT true CHECK (id),
    seq  bigint   NOT NULL,
    hash char(64) NOT NULL
);
INSERT INTO audit_chain_head (id, seq, hash) VALUES (true, 0, repeat('0', 64));

CREATE FUNCTION audit_entry_link() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    head     audit_chain_head;
    entry    record;
    expected bigint;
    prev     char(64);
BEGIN
    PERFORM pg_advisory_xact_lock(727170001);
    SELECT * INTO head FROM audit_chain_head WHERE id FOR UPDATE;
    expected := head.seq + 1;
    prev := head.hash;
    FOR entry IN SELECT seq, prev_hash, hash FROM appended ORDER BY seq LOOP
        IF entry.seq <> expected OR entry.prev_hash <> prev THEN
            RAISE EXCEPTION 'audit entry % does not continue the chain at %', entry.seq, expected - 1
                USING ERRCODE = 'GRA01';
        END IF;
        expected := expected + 1;
        prev := entry.hash;
    END LOOP;
    IF expected > head.seq + 1 THEN
        UPDATE audit_chain_head SET seq = expected - 1, hash = prev WHERE id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER audit_entry_link AFTER INSERT ON audit_entry REFERENCING NEW TABLE AS appended
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_link();

CREATE FUNCTION audit_entry_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only (% refused)', TG_OP USING ERRCODE = '42501';
END $$;
-- Statement-level, so that it fires even where row-level security leaves no row to change.
CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE OR DELETE ON audit_chain_head
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();

REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM ${app_role};
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_chain_head FROM ${app_role};
REVOKE ALL ON FUNCTION audit_entry_link() FROM PUBLIC;

ALTER TABLE audit_entry ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_entry FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_entry_append ON audit_entry FOR INSERT WITH CHECK ((SELECT gr_actor()) IS NOT NULL);
CREATE POLICY audit_entry_read ON audit_entry FOR SELECT
    USING ((SELECT gr_actor()) IS NOT NULL
           AND ((SELECT gr_scope()) = '*' OR starts_with(record_division, (SELECT gr_prefix()))
                OR starts_with(actor_division, (SELECT gr_prefix()))));
