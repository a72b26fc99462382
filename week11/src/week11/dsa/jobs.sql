-- The practice schema of week 11's SQL problems: finished jobs (succeeded or dead-lettered), and
-- an outbox of events with their delivery attempts; with the example rows of the statements
-- (README.md). Try the problems on it in psql: `\i week11/src/week11/dsa/jobs.sql` in a scratch
-- database, then run your query file.
CREATE TABLE jobs (
    id bigint PRIMARY KEY,
    queue text NOT NULL,
    status text NOT NULL CHECK (status IN ('succeeded', 'dead')),
    finished_at timestamptz NOT NULL
);

CREATE TABLE outbox (
    id bigint PRIMARY KEY,
    topic text NOT NULL,
    created_at timestamptz NOT NULL
);

CREATE TABLE deliveries (
    id bigint PRIMARY KEY,
    event_id bigint NOT NULL REFERENCES outbox (id),
    ok boolean NOT NULL,
    at timestamptz NOT NULL
);

INSERT INTO jobs (id, queue, status, finished_at) VALUES
    (1, 'mail', 'succeeded', '2026-03-01 09:05+00'), (2, 'mail', 'dead', '2026-03-01 09:20+00'),
    (3, 'reports', 'succeeded', '2026-03-01 09:59+00'), (4, 'mail', 'dead', '2026-03-01 10:30+00'),
    (5, 'reports', 'dead', '2026-03-01 12:10+01'), (6, 'mail', 'succeeded', '2026-03-01 12:00+00'),
    (7, 'mail', 'succeeded', '2026-03-01 12:45+00');

INSERT INTO outbox (id, topic, created_at) VALUES
    (1, 'task.created', '2026-03-01 09:00+00'), (2, 'task.created', '2026-03-01 09:01+00'),
    (3, 'task.done', '2026-03-01 09:02+00'), (4, 'task.deleted', '2026-03-01 09:03+00'),
    (5, 'task.done', '2026-03-01 09:04+00');

INSERT INTO deliveries (id, event_id, ok, at) VALUES
    (1, 1, true, '2026-03-01 09:00:05+00'), (2, 2, false, '2026-03-01 09:01:05+00'),
    (3, 2, false, '2026-03-01 09:01:35+00'), (4, 2, true, '2026-03-01 09:02:35+00'),
    (5, 3, false, '2026-03-01 09:02:05+00'), (6, 3, false, '2026-03-01 09:03:05+00'),
    (7, 5, false, '2026-03-01 09:04:05+00');
