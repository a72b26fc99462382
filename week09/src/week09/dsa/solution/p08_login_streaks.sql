-- Problem 8: each user's longest run of consecutive UTC days with a login (the earliest on a tie).
-- Columns: user_id, first_day, last_day, days. Order: days, most first, then user_id.
-- BEGIN SOLUTION distinct UTC days, islands by day minus row number
WITH days AS (
    SELECT DISTINCT user_id, (at AT TIME ZONE 'UTC')::date AS day
    FROM logins
),
islands AS (
    SELECT user_id, day,
           day - row_number() OVER (PARTITION BY user_id ORDER BY day)::int AS island
    FROM days
),
runs AS (
    SELECT user_id, min(day) AS first_day, max(day) AS last_day, count(*) AS days,
           row_number() OVER (
               PARTITION BY user_id ORDER BY count(*) DESC, min(day)
           ) AS pick
    FROM islands
    GROUP BY user_id, island
)
SELECT user_id, first_day, last_day, days
FROM runs
WHERE pick = 1
ORDER BY days DESC, user_id;
-- END SOLUTION
