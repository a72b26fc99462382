-- The API's login role (compose.yaml's one-shot `app-role`, run by the tables' owner after the
-- migrations). Row-level security binds only a role that is no superuser, has no BYPASSRLS and
-- owns no table (FORCE removes the owner's exemption, nothing removes a superuser's): the API
-- logs in as capstone_api, which only inherits the grants of capstone_app (migration 0005).
-- Idempotent: each deploy sets the password from APP_DB_PASSWORD again (rotation is a redeploy).
\set ON_ERROR_STOP on
\getenv app_password APP_DB_PASSWORD
SELECT 'CREATE ROLE capstone_api LOGIN'
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'capstone_api') \gexec
ALTER ROLE capstone_api WITH LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE
    PASSWORD :'app_password';
GRANT capstone_app TO capstone_api;
