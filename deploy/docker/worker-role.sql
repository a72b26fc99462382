-- The worker's login role (compose.yaml's one-shot `app-role`, run by the tables' owner after
-- the migrations and app-role.sql). The worker is an operator, not a tenant: it delivers every
-- organisation's e-mails from outbox_emails (no row-level security policy: nothing to scope it)
-- and purges every organisation's expired soft-deleted rows (capstone/docs/adr/0010 and 0007),
-- so it bypasses row-level security. BYPASSRLS is all it gets beyond the API: no superuser, not a
-- member of capstone_app, owning nothing, and only the grants its jobs use, so a bug or an
-- injection in a job cannot read the users' password hashes or rewrite a membership. A new job
-- that touches another table adds its grant here (the smoke test runs each job as this role).
-- Only a superuser may give BYPASSRLS (on managed PostgreSQL, the platform's admin user:
-- deploy/README.md). Idempotent: each deploy sets the password from WORKER_DB_PASSWORD again.
\set ON_ERROR_STOP on
\getenv worker_password WORKER_DB_PASSWORD
SELECT 'CREATE ROLE capstone_worker LOGIN'
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'capstone_worker') \gexec
ALTER ROLE capstone_worker WITH LOGIN NOSUPERUSER BYPASSRLS NOCREATEDB NOCREATEROLE
    PASSWORD :'worker_password';
-- The outbox relay (jobs/delivery.py): claim a due row FOR UPDATE SKIP LOCKED, mark it sent,
-- retried later or dead. It never inserts (the API writes the rows) nor deletes.
GRANT SELECT, UPDATE ON outbox_emails TO capstone_worker;
-- The retention purge (jobs/retention.py): lock the expired rows (FOR UPDATE needs UPDATE),
-- delete them (their comments and mentions go by ON DELETE CASCADE, which runs as the tables'
-- owner), and record each in the audit log (INSERT ... RETURNING id needs SELECT).
GRANT SELECT, UPDATE, DELETE ON tasks, projects TO capstone_worker;
GRANT SELECT, INSERT ON audit_events TO capstone_worker;
GRANT USAGE ON SEQUENCE audit_events_id_seq TO capstone_worker;
-- The exports (exports/service.py, the sweep in jobs/worker.py): lock and fill the export; the
-- tasks it renders are read with the SELECT above.
GRANT SELECT, UPDATE ON report_exports TO capstone_worker;
