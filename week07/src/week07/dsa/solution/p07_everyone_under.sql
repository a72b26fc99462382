-- Problem 7: everyone under employee 2, directly or not, with their level below 2.
-- Columns: id, name, level. Order: level, id.
-- BEGIN SOLUTION a recursive CTE from employee 2's direct reports down
WITH RECURSIVE under AS (
    SELECT id, name, 1 AS level
    FROM employees
    WHERE manager_id = 2
    UNION ALL
    SELECT e.id, e.name, u.level + 1
    FROM employees AS e
    JOIN under AS u ON e.manager_id = u.id
)
SELECT id, name, level
FROM under
ORDER BY level, id;
-- END SOLUTION
