-- Problem 7: requests per service and day, with the service's running total.
-- Columns: service, day, requests, running_total. Order: service, day.
-- BEGIN SOLUTION count per service and day, then a running sum over the days
SELECT service,
       (at AT TIME ZONE 'UTC')::date AS day,
       count(*) AS requests,
       sum(count(*)) OVER (PARTITION BY service ORDER BY (at AT TIME ZONE 'UTC')::date)
           AS running_total
FROM requests
GROUP BY service, day
ORDER BY service, day;
-- END SOLUTION
