-- Problem 8: for every failed deploy, the next successful deploy of its service and the time between.
-- Columns: id, service, failed_at, restored_at, minutes. Order: failed_at, id.
-- BEGIN SOLUTION a LATERAL subquery: the first success after each failure
SELECT f.id, f.service, f.started_at AS failed_at, r.started_at AS restored_at,
       floor(extract(epoch FROM r.started_at - f.started_at) / 60)::integer AS minutes
FROM deploys AS f
LEFT JOIN LATERAL (
    -- runs once per failed row, which it can name: the first success of that service after it
    SELECT d.started_at
    FROM deploys AS d
    WHERE d.service = f.service AND d.status = 'succeeded' AND d.started_at > f.started_at
    ORDER BY d.started_at
    LIMIT 1
) AS r ON true
WHERE f.status = 'failed'
ORDER BY failed_at, f.id;
-- END SOLUTION
