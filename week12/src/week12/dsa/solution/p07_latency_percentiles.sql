-- Problem 7: the requests, median and 95th percentile latency per endpoint, slowest p95 first.
-- Columns: endpoint, requests, p50_ms, p95_ms (rounded to 0.1 ms). Order: p95_ms descending, endpoint.
-- BEGIN SOLUTION percentile_cont within each endpoint's group
SELECT endpoint,
       count(*) AS requests,
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms)::numeric, 1) AS p50_ms,
       round(percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms)::numeric, 1) AS p95_ms
FROM requests
GROUP BY endpoint
ORDER BY p95_ms DESC, endpoint;
-- END SOLUTION
