-- The practice schema of week 12's SQL problems: the API's requests with their latency, and the
-- WebSocket sessions of the chat rooms; with the example rows of the statements (README.md). Try
-- the problems on it in psql: `\i week12/src/week12/dsa/realtime.sql` in a scratch database, then
-- run your query file.
CREATE TABLE requests (
    id bigint PRIMARY KEY,
    endpoint text NOT NULL,
    latency_ms integer NOT NULL CHECK (latency_ms >= 0),
    at timestamptz NOT NULL
);

CREATE TABLE sessions (
    id bigint PRIMARY KEY,
    room text NOT NULL,
    started_at timestamptz NOT NULL,
    ended_at timestamptz NOT NULL,
    CHECK (ended_at > started_at)
);

INSERT INTO requests (id, endpoint, latency_ms, at) VALUES
    (1, 'GET /tasks', 12, '2026-03-01 09:00+00'), (2, 'GET /tasks', 15, '2026-03-01 09:01+00'),
    (3, 'POST /tasks', 40, '2026-03-01 09:02+00'), (4, 'GET /tasks', 11, '2026-03-01 09:03+00'),
    (5, 'GET /tasks', 240, '2026-03-01 09:04+00'), (6, 'POST /tasks', 60, '2026-03-01 09:05+00'),
    (7, 'GET /ws/stats', 5, '2026-03-01 09:06+00'), (8, 'GET /tasks', 14, '2026-03-01 09:07+00'),
    (9, 'POST /tasks', 45, '2026-03-01 09:08+00');

INSERT INTO sessions (id, room, started_at, ended_at) VALUES
    (1, 'lobby', '2026-03-01 09:00+00', '2026-03-01 09:30+00'),
    (2, 'lobby', '2026-03-01 09:10+00', '2026-03-01 09:20+00'),
    (3, 'lobby', '2026-03-01 09:20+00', '2026-03-01 09:40+00'),
    (4, 'lobby', '2026-03-01 09:15+00', '2026-03-01 09:25+00'),
    (5, 'standup', '2026-03-01 10:00+00', '2026-03-01 10:05+00'),
    (6, 'standup', '2026-03-01 10:05+00', '2026-03-01 10:10+00'),
    (7, 'support', '2026-03-01 11:00+00', '2026-03-01 12:00+00'),
    (8, 'support', '2026-03-01 11:30+00', '2026-03-01 11:45+00'),
    (9, 'support', '2026-03-01 11:50+00', '2026-03-01 12:10+00');
