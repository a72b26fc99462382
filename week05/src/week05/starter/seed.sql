-- Realistic data at any scale, generated inside PostgreSQL (set-based: no row-by-row loops).
-- Run it in psql after schema.sql:
--     \i seed.sql
--     CALL seed();          -- default scale 5000: 5,000 users, 50,000 tasks, 100,000 comments
--     CALL seed(500);       -- something small
--     ANALYZE;              -- fresh statistics, so the planner knows how big the tables are
--
-- The shape, for scale = number of users:
--   organizations  greatest(1, scale / 20); each has 5 projects, 8 tags, and 40 tasks per project;
--   users          scale; user i belongs to organization ((i - 1) % orgs) + 1, the first user of
--                  each organization is its owner; every 5th user is also a viewer of the next one;
--   tasks          ~40% done, ~20% in progress, ~40% todo; every 10th task is a subtask of the
--                  task before it; ~2% soft deleted; assignees are members of the organization;
--   task_tags      0 to 2 distinct tags of the task's organization per task;
--   comments       2 per task on average, by members of the task's organization.
-- setseed() makes random() repeat the same sequence, so a scale always yields the same shape.

-- Seeded rows get ids derived from (kind, number): a task names its project by number, with no
-- lookups. (Rows the application creates still get gen_random_uuid() from the column default.)
CREATE OR REPLACE FUNCTION id_of(kind text, n integer) RETURNS uuid
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT md5(kind || '-' || n::text)::uuid $$;  -- all immutable parts: inlined

CREATE OR REPLACE PROCEDURE seed(scale integer DEFAULT 5000)
LANGUAGE plpgsql AS $$
DECLARE
    n_orgs integer := greatest(1, scale / 20);
    per_org integer := scale / greatest(1, scale / 20);  -- users whose first organization is k
    n_projects integer := n_orgs * 5;
    n_tasks integer := n_orgs * 5 * 40;
    tag_names text[] := ARRAY['bug', 'feature', 'urgent', 'docs', 'ops', 'security', 'ux', 'debt'];
    verbs text[] := ARRAY['Fix', 'Add', 'Refactor', 'Document', 'Test', 'Review', 'Speed up', 'Remove'];
    things text[] := ARRAY['login', 'invoice', 'search', 'payment', 'report', 'dashboard',
                           'notification', 'export', 'onboarding', 'webhook'];
    parts text[] := ARRAY['page', 'flow', 'endpoint', 'job', 'settings', 'email'];
BEGIN
    IF scale < 1 THEN
        RAISE EXCEPTION 'scale must be at least 1, got %', scale;
    END IF;
    PERFORM setseed(0.42);

    INSERT INTO organizations (id, name, slug, created_at, updated_at)
    SELECT id_of('org', k), 'Organization ' || k, 'org-' || k, ts, ts
    FROM generate_series(1, n_orgs) AS k,
         LATERAL (SELECT timestamptz '2025-01-01 00:00+00' + k * interval '1 minute' AS ts) AS t;

    INSERT INTO users (id, email, full_name, created_at, updated_at, deleted_at)
    SELECT id_of('user', i), 'user' || i || '@example.com', 'User ' || i, ts, ts,
           CASE WHEN i % 100 = 0 THEN ts + interval '90 days' END
    FROM generate_series(1, scale) AS i,
         LATERAL (SELECT timestamptz '2025-01-01 00:00+00' + i * interval '1 minute' AS ts) AS t;

    INSERT INTO memberships (organization_id, user_id, role)
    SELECT id_of('org', (i - 1) % n_orgs + 1), id_of('user', i),
           CASE WHEN i <= n_orgs THEN 'owner' WHEN i % 7 = 0 THEN 'admin' ELSE 'member' END
    FROM generate_series(1, scale) AS i
    UNION ALL
    SELECT id_of('org', i % n_orgs + 1), id_of('user', i), 'viewer'
    FROM generate_series(1, scale) AS i
    WHERE i % 5 = 0 AND n_orgs > 1 AND i > n_orgs;

    -- Project p belongs to organization (p - 1) / 5 + 1.
    INSERT INTO projects (id, organization_id, name, metadata)
    SELECT id_of('project', p), id_of('org', (p - 1) / 5 + 1), 'Project ' || p,
           jsonb_build_object(
               'visibility', CASE WHEN p % 3 = 0 THEN 'public' ELSE 'private' END,
               'client', 'Client ' || (p % 50 + 1),
               'labels', jsonb_build_array(tag_names[p % 8 + 1]))
    FROM generate_series(1, n_projects) AS p;

    INSERT INTO tags (organization_id, name)
    SELECT id_of('org', k), tag_names[x]
    FROM generate_series(1, n_orgs) AS k, generate_series(1, 8) AS x;

    -- TODO: tasks: 40 per project, statuses and dates as described above

    -- TODO: task_tags: up to 2 distinct tags of the task's own organization per task

    -- TODO: comments: 2 per task on average, authored by members of the task's org
END;
$$;
