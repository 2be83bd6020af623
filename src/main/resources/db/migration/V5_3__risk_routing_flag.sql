-- What the hotline's routing may know of risk, and nothing more: whether the caller with this keyed hash has
-- an open case at HIGH or above, and the counsellor it is assigned to. It is the one way routing reads
-- risk_case: the route statement calls it in its own round trip (the caller waits in silence meanwhile),
-- and CallerRiskLookup in Java calls the same function. The service's routing job sees every division for
-- this one query; the acting context the statement had before is put back, so nothing else of the
-- transaction reads under it. A routing decision reveals no case id, note or identity and is not audited.
CREATE FUNCTION risk_routing_flag(p_caller_key varchar)
RETURNS TABLE (level varchar, assigned_counsellor varchar, division varchar)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    prev_actor  text := current_setting('greenribbon.actor', true);
    prev_scope  text := current_setting('greenribbon.scope', true);
    prev_grants text := current_setting('greenribbon.plan_grants', true);
BEGIN
    IF p_caller_key IS NULL THEN
        RETURN;
    END IF;
    PERFORM set_config('greenribbon.actor', 'system:routing', true), set_config('greenribbon.scope', '*', true),
            set_config('greenribbon.plan_grants', '', true);
    RETURN QUERY
        SELECT c.level, c.assigned_counsellor, c.division FROM risk_case c
        WHERE c.caller_key = p_caller_key AND c.status = 'OPEN' AND c.level IN ('HIGH', 'IMMINENT');
    PERFORM set_config('greenribbon.actor', coalesce(prev_actor, ''), true),
            set_config('greenribbon.scope', coalesce(prev_scope, ''), true),
            set_config('greenribbon.plan_grants', coalesce(prev_grants, ''), true);
END $$;
REVOKE ALL ON FUNCTION risk_routing_flag(varchar) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION risk_routing_flag(varchar) TO ${app_role};
