-- Problem 7: deploys and failed deploys of every service in every week, weeks without any included.
-- Columns: service, week, deploys, failed. Order: service, week.
-- BEGIN SOLUTION a calendar of weeks x services, left-joined to deploys
WITH weeks AS (
    -- no deploys at all: min() is NULL and the series is empty
    SELECT generate_series(
        date_trunc('week', min(started_at)), date_trunc('week', max(started_at)), interval '1 week'
    ) AS week
    FROM deploys
)
SELECT s.name AS service, w.week::date AS week,
       count(d.id) AS deploys,
       count(d.id) FILTER (WHERE d.status = 'failed') AS failed
FROM services AS s
CROSS JOIN weeks AS w
LEFT JOIN deploys AS d
    ON d.service = s.name AND d.started_at >= w.week AND d.started_at < w.week + interval '1 week'
GROUP BY s.name, w.week
ORDER BY service, week;
-- END SOLUTION
