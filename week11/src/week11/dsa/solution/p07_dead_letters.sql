-- Problem 7: the jobs finished and dead-lettered per hour (UTC), with a running total of dead ones.
-- Columns: hour, finished, dead, dead_so_far. Order: hour.
-- BEGIN SOLUTION group by the hour, a window sum over the groups
SELECT date_trunc('hour', finished_at AT TIME ZONE 'UTC') AS hour,
       count(*) AS finished,
       count(*) FILTER (WHERE status = 'dead') AS dead,
       sum(count(*) FILTER (WHERE status = 'dead')) OVER (
           ORDER BY date_trunc('hour', finished_at AT TIME ZONE 'UTC')
       ) AS dead_so_far
FROM jobs
GROUP BY 1
ORDER BY hour;
-- END SOLUTION
