-- The practice schema of the deploy folder's SQL problems: the services and every deploy of them
-- with its outcome; with the example rows of the statements (README.md). Try the problems on it
-- in psql: `\i deploy/src/deploy/dsa/deploys.sql` in a scratch database, then run your query file.
CREATE TABLE services (
    name text PRIMARY KEY,
    team text NOT NULL
);

CREATE TABLE deploys (
    id bigint PRIMARY KEY,
    service text NOT NULL REFERENCES services (name),
    version text NOT NULL,
    started_at timestamptz NOT NULL,
    status text NOT NULL CHECK (status IN ('succeeded', 'failed'))
);

INSERT INTO services (name, team) VALUES ('api', 'core'), ('web', 'front'), ('worker', 'core');

INSERT INTO deploys (id, service, version, started_at, status) VALUES
    (1, 'api', '1.4.0', '2026-03-02 10:00+00', 'succeeded'),
    (2, 'api', '1.4.1', '2026-03-03 15:00+00', 'failed'),
    (3, 'api', '1.4.2', '2026-03-03 15:40+00', 'failed'),
    (4, 'api', '1.4.3', '2026-03-03 16:25+00', 'succeeded'),
    (5, 'web', '2.0.0', '2026-03-04 09:00+00', 'succeeded'),
    (6, 'web', '2.1.0', '2026-03-16 11:00+00', 'failed'),
    (7, 'api', '1.5.0', '2026-03-17 10:00+00', 'succeeded'),
    (8, 'web', '2.1.1', '2026-03-18 09:30+00', 'failed'),
    (9, 'web', '2.1.2', '2026-03-18 10:10:30+00', 'succeeded'),
    (10, 'api', '1.5.1', '2026-03-19 08:00+00', 'failed');
