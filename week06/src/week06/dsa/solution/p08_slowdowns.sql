-- Problem 8: requests more than twice as slow as the service's request before them.
-- Columns: service, id, duration_ms, previous_ms. Order: service, id.
-- BEGIN SOLUTION compare each request with the previous one of its service (by time, then id)
SELECT service, id, duration_ms, previous_ms
FROM (
    SELECT service, id, duration_ms,
           lag(duration_ms) OVER (PARTITION BY service ORDER BY at, id) AS previous_ms
    FROM requests
) AS paired
WHERE duration_ms > 2 * previous_ms
ORDER BY service, id;
-- END SOLUTION
