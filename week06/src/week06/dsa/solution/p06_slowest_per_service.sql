-- Problem 6: each service's requests with one of its two highest durations.
-- Columns: service, id, duration_ms, place. Order: service, place, id.
-- BEGIN SOLUTION rank each service's requests by duration, keep places 1 and 2
SELECT service, id, duration_ms, place
FROM (
    SELECT service, id, duration_ms,
           dense_rank() OVER (PARTITION BY service ORDER BY duration_ms DESC) AS place
    FROM requests
) AS ranked
WHERE place <= 2
ORDER BY service, place, id;
-- END SOLUTION
