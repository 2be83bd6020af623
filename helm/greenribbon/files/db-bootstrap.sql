-- greenribbon database bootstrap, run by psql (15 or newer) as the PostgreSQL server's admin before every
-- install and upgrade. Idempotent: roles and databases are created once; passwords, ownership and the
-- CONNECT grants are set again on every run, so a rotated Secret takes effect on the next upgrade.
-- Table rights are not granted here: the Flyway migrations (run by the owner) grant them.
\set ON_ERROR_STOP on
\set QUIET on
\getenv db GR_DATABASE
\getenv owner GR_OWNER_USER
\getenv owner_password GR_OWNER_PASSWORD
\getenv app GR_APP_USER
\getenv app_password GR_APP_PASSWORD
\getenv cdr GR_CDR_USER
\getenv cdr_password GR_CDR_PASSWORD
\getenv kc_db GR_KEYCLOAK_DATABASE
\getenv kc_user GR_KEYCLOAK_USER
\getenv kc_password GR_KEYCLOAK_PASSWORD

-- Login roles with PostgreSQL's safe defaults (NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS).
SELECT format('CREATE ROLE %I LOGIN', r)
  FROM unnest(ARRAY[:'owner', :'app', :'cdr']) AS r
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) \gexec
SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', :'owner', :'owner_password') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', :'app', :'app_password') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', :'cdr', :'cdr_password') \gexec

-- Row-level security guards risk and audit data: none of these roles may be a superuser or bypass it.
SELECT format('DO $fail$ BEGIN RAISE EXCEPTION %L; END $fail$',
              'role ' || rolname || ' is a superuser or bypasses row-level security; greenribbon refuses to use it')
  FROM pg_roles
 WHERE rolname IN (:'owner', :'app', :'cdr') AND (rolsuper OR rolbypassrls) \gexec

-- A non-superuser admin (managed PostgreSQL) must be able to SET ROLE to the owner to create its
-- database (PostgreSQL 16 gives the creator of a role only the ADMIN option). Granting again is a no-op.
SELECT format('GRANT %I TO %I', :'owner', current_user)
 WHERE NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) \gexec

SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L TEMPLATE template0', :'db', :'owner', 'UTF8')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', :'db', :'owner') \gexec
-- Only the release's own roles may connect: other releases on the same server see nothing.
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'db') \gexec
SELECT format('GRANT CONNECT ON DATABASE %I TO %I', :'db', r) FROM unnest(ARRAY[:'app', :'cdr']) AS r \gexec

-- Keycloak's own database on the same server, when the release runs Keycloak.
\if :{?kc_user}
SELECT format('CREATE ROLE %I LOGIN', :'kc_user')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'kc_user') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', :'kc_user', :'kc_password') \gexec
SELECT format('GRANT %I TO %I', :'kc_user', current_user)
 WHERE NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) \gexec
SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L TEMPLATE template0', :'kc_db', :'kc_user', 'UTF8')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'kc_db') \gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', :'kc_db', :'kc_user') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'kc_db') \gexec
\endif

\echo greenribbon database bootstrap done
