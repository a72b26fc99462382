-- The practice schema of week 6's SQL problems: an API's request log, and the example rows of the
-- statements (README.md). Try the problems on it in psql: `\i week06/src/week06/dsa/requests.sql`
-- in a scratch database, then run your query file.
CREATE TABLE requests (
    id bigint PRIMARY KEY,
    service text NOT NULL,
    path text NOT NULL,
    duration_ms integer NOT NULL CHECK (duration_ms >= 0),
    at timestamptz NOT NULL
);

INSERT INTO requests (id, service, path, duration_ms, at) VALUES
    (1, 'auth', '/login', 120, '2026-03-01 09:00+00'),
    (2, 'auth', '/login', 300, '2026-03-01 09:05+00'),
    (3, 'auth', '/refresh', 300, '2026-03-02 10:00+00'),
    (4, 'auth', '/logout', 80, '2026-03-03 11:00+00'),
    (5, 'tasks', '/tasks', 40, '2026-03-01 09:01+00'),
    (6, 'tasks', '/tasks/7', 95, '2026-03-01 09:02+00'),
    (7, 'tasks', '/tasks', 60, '2026-03-03 12:00+00'),
    (8, 'tasks', '/tasks', 30, '2026-03-03 12:30+00');
