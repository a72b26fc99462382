-- Problem 8: the outages: runs of consecutive failed health checks.
-- Columns: started, ended, failed_checks. Order: started.
-- BEGIN SOLUTION islands of equal ok; an outage ends where the next island starts
WITH numbered AS (
    SELECT at, ok,
           row_number() OVER (ORDER BY at)
           - row_number() OVER (PARTITION BY ok ORDER BY at) AS island
    FROM health_checks
),
runs AS (
    SELECT ok, min(at) AS started, count(*) AS checks
    FROM numbered
    GROUP BY ok, island
),
bounded AS (
    SELECT ok, started, lead(started) OVER (ORDER BY started) AS ended, checks
    FROM runs
)
SELECT started, ended, checks AS failed_checks
FROM bounded
WHERE NOT ok
ORDER BY started;
-- END SOLUTION
