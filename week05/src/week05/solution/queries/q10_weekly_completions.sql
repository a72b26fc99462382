-- Q10. How many live tasks were completed each week (weeks start on Monday, in UTC), and what
-- is the running total? Only weeks with at least one completion.
-- Columns: week (a date: the Monday), completed (integer), running_total (integer).
-- Order: week.
-- BEGIN SOLUTION date_trunc('week', ... AT TIME ZONE 'UTC'); a window SUM over the weekly counts
SELECT week,
       completed,
       (sum(completed) OVER (ORDER BY week))::int AS running_total
FROM (
    SELECT date_trunc('week', completed_at AT TIME ZONE 'UTC')::date AS week,
           count(*)::int AS completed
    FROM tasks
    WHERE completed_at IS NOT NULL
      AND deleted_at IS NULL
    GROUP BY 1
) AS weekly
ORDER BY week;
-- END SOLUTION
