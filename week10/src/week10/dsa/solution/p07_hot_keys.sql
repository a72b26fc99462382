-- Problem 7: each UTC hour's two most looked-up keys (every key tied for a place kept).
-- Columns: hour, key, lookups, hits. Order: hour, lookups (most first), key.
-- BEGIN SOLUTION count per hour and key, rank() within the hour, keep ranks 1 and 2
WITH counts AS (
    SELECT date_trunc('hour', at AT TIME ZONE 'UTC') AS hour, key,
           count(*) AS lookups, count(*) FILTER (WHERE hit) AS hits
    FROM cache_events
    GROUP BY 1, 2
),
ranked AS (
    SELECT hour, key, lookups, hits,
           rank() OVER (PARTITION BY hour ORDER BY lookups DESC) AS place
    FROM counts
)
SELECT hour, key, lookups, hits
FROM ranked
WHERE place <= 2
ORDER BY hour, lookups DESC, key;
-- END SOLUTION
