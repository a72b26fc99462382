-- Problem 8: the most WebSocket sessions open at once in each room, and when that peak began.
-- Columns: room, peak, peak_at. Order: room.
-- BEGIN SOLUTION +1 and -1 events, a running sum, the first maximum per room
WITH events AS (
    SELECT room, started_at AS at, 1 AS delta FROM sessions
    UNION ALL
    SELECT room, ended_at, -1 FROM sessions
), open_sessions AS (
    -- at the same instant the ends (-1) come first: a session ending as another starts is not open
    SELECT room, at,
           sum(delta) OVER (PARTITION BY room ORDER BY at, delta ROWS UNBOUNDED PRECEDING) AS open
    FROM events
)
SELECT DISTINCT ON (room) room, open AS peak, at AS peak_at
FROM open_sessions
ORDER BY room, open DESC, at;
-- END SOLUTION
