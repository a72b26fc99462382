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

-- BEGIN SOLUTION helpers: e.g. id_of(kind, n), a stable uuid per (kind, number): no lookups
-- Seeded rows get ids derived from (kind, number): a task names its project by number, with no
-- lookups. (Rows the application creates still get gen_random_uuid() from the column default.)
CREATE OR REPLACE FUNCTION id_of(kind text, n integer) RETURNS uuid
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT md5(kind || '-' || n::text)::uuid $$;  -- all immutable parts: inlined
-- END SOLUTION

-- BEGIN SOLUTION PROCEDURE seed(scale integer DEFAULT 5000): set-based, repeatable (setseed)
CREATE OR REPLACE PROCEDURE seed(scale integer DEFAULT 5000)
LANGUAGE plpgsql AS $$
DECLARE
    n_orgs integer := greatest(1, scale / 20);
    per_org integer := scale / greatest(1, scale / 20);  -- users whose first organization is k
    n_projects integer := n_orgs * 5;
    n_tasks integer := n_orgs * 5 * 40;
    tag_names text[] := ARRAY['bug', 'feature', 'urgent', 'docs', 'ops', 'security', 'ux', 'debt'];
    verbs text[] := ARRAY['Fix', 'Add', 'Refactor', 'Document', 'Test', 'Review', 'Speed up',
                          'Remove'];
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

    -- Task t belongs to project (t - 1) / 40 + 1, so to organization (t - 1) / 200 + 1; its
    -- assignee is one of that organization's members: user k + n_orgs * m.
    INSERT INTO tasks (id, project_id, parent_id, assignee_id, title, description, status,
                       priority, due_at, completed_at, created_at, updated_at, deleted_at)
    SELECT id_of('task', t), id_of('project', (t - 1) / 40 + 1),
           CASE WHEN t % 10 = 0 THEN id_of('task', t - 1) END,
           CASE WHEN assigned < 0.9
                THEN id_of('user', (t - 1) / 200 + 1 + n_orgs * floor(member * per_org)::int)
           END,
           verbs[1 + floor(v * 8)::int] || ' ' || things[1 + floor(w * 10)::int] || ' '
               || parts[1 + floor(x * 6)::int],
           'The ' || things[1 + floor(w * 10)::int] || ' ' || parts[1 + floor(x * 6)::int]
               || ' needs work: customers reported a failure after the last release.',
           status, 1 + floor(prio * 5)::int,
           CASE WHEN due < 0.7 THEN created_at + (7 + floor(due * 40)) * interval '1 day' END,
           CASE WHEN status = 'done' THEN created_at + took * interval '30 days' END,
           created_at,
           CASE WHEN status = 'done' THEN created_at + took * interval '30 days'
                ELSE created_at END,
           CASE WHEN deleted < 0.02 THEN created_at + interval '60 days' END
    FROM (
        SELECT r.*,
               CASE WHEN state < 0.4 THEN 'done' WHEN state < 0.6 THEN 'in_progress'
                    ELSE 'todo' END AS status,
               timestamptz '2025-01-01 00:00+00' + born * interval '365 days' AS created_at
        -- random() in a subquery's select list: one fresh value per row and column.
        FROM (SELECT t, random() AS assigned, random() AS member, random() AS v,
                     random() AS w, random() AS x, random() AS prio, random() AS due,
                     random() AS took, random() AS deleted, random() AS state, random() AS born
              FROM generate_series(1, n_tasks) AS t) AS r
    ) AS s;

    -- Two draws per task from 12 slots, 8 of them tags of the task's own organization:
    -- DISTINCT drops a tag drawn twice.
    INSERT INTO task_tags (task_id, tag_id)
    SELECT DISTINCT id_of('task', pick.t), tags.id
    FROM (SELECT t, 1 + floor(random() * 12)::int AS x
          FROM generate_series(1, n_tasks) AS t, generate_series(1, 2)) AS pick
    JOIN tags ON tags.organization_id = id_of('org', (pick.t - 1) / 200 + 1)
             AND tags.name = tag_names[pick.x]
    WHERE pick.x <= 8;  -- x in 9..12 means "no tag": some tasks get one tag or none

    -- 2 * n_tasks comments on random tasks, each by a member of the task's organization.
    INSERT INTO comments (task_id, author_id, body, created_at, updated_at)
    SELECT id_of('task', pick.t),
           id_of('user', (pick.t - 1) / 200 + 1 + n_orgs * floor(random() * per_org)::int),
           'Comment ' || pick.c || ': looked into the ' || things[1 + pick.c % 10] || ' part.',
           ts, ts
    FROM (SELECT c, 1 + floor(random() * n_tasks)::int AS t
          FROM generate_series(1, 2 * n_tasks) AS c) AS pick,
         LATERAL (SELECT timestamptz '2025-01-01 00:00+00' + pick.c * interval '1 minute'
                      AS ts) AS t;
END;
$$;
-- END SOLUTION
