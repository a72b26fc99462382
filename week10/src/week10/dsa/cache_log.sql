-- The practice schema of week 10's SQL problems: a log of cache lookups and the health checks of
-- the cache server, with the example rows of the statements (README.md). Try the problems on it in
-- psql: `\i week10/src/week10/dsa/cache_log.sql` in a scratch database, then run your query file.
CREATE TABLE cache_events (
    id bigint PRIMARY KEY,
    at timestamptz NOT NULL,
    key text NOT NULL,
    hit boolean NOT NULL
);

CREATE TABLE health_checks (
    at timestamptz PRIMARY KEY,
    ok boolean NOT NULL
);

INSERT INTO cache_events (id, at, key, hit) VALUES
    (1, '2026-03-01 09:00+00', 'user:1', false),
    (2, '2026-03-01 09:05+00', 'user:1', true),
    (3, '2026-03-01 09:07+00', 'task:7', false),
    (4, '2026-03-01 09:20+00', 'stats', false),
    (5, '2026-03-01 10:10+01', 'user:1', true),
    (6, '2026-03-01 09:30+00', 'stats', true),
    (7, '2026-03-01 09:59+00', 'task:7', true),
    (8, '2026-03-01 09:59+00', 'user:2', false),
    (9, '2026-03-01 10:00+00', 'stats', true),
    (10, '2026-03-01 10:01+00', 'stats', true),
    (11, '2026-03-01 10:30+00', 'user:2', true),
    (12, '2026-03-01 10:45+00', 'user:1', false),
    (13, '2026-03-01 10:50+00', 'stats', true);

INSERT INTO health_checks (at, ok) VALUES
    ('2026-03-01 10:00+00', true), ('2026-03-01 10:01+00', false),
    ('2026-03-01 10:02+00', false), ('2026-03-01 10:03+00', true),
    ('2026-03-01 10:04+00', true), ('2026-03-01 10:05+00', false),
    ('2026-03-01 10:06+00', true), ('2026-03-01 10:07+00', false),
    ('2026-03-01 10:08+00', false);
