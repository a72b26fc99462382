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

-- TODO: helpers: e.g. id_of(kind, n), a stable uuid per (kind, number): no lookups

-- TODO: PROCEDURE seed(scale integer DEFAULT 5000): set-based, repeatable (setseed)
