-- Problem 8: each organisation's members ranked by the tasks they completed in its projects,
-- with their share of the organisation's completed tasks.
-- Columns: organisation, username, completed, rank, share_pct. Order: organisation, rank, username.
-- BEGIN SOLUTION count per member in the tenant, then rank() and sum() over it
WITH completed AS (
    SELECT m.org_id, m.username, count(t.id) AS completed
    FROM members AS m
    -- the tenant in the join: a user who belongs to two organisations counts in each separately
    LEFT JOIN projects AS p ON p.org_id = m.org_id
    LEFT JOIN tasks AS t ON t.project_id = p.id AND t.completed_by = m.username
    GROUP BY m.org_id, m.username
)
SELECT o.name AS organisation, c.username, c.completed,
       rank() OVER (PARTITION BY c.org_id ORDER BY c.completed DESC) AS rank,
       round(100.0 * c.completed / nullif(sum(c.completed) OVER (PARTITION BY c.org_id), 0), 1)
           AS share_pct
FROM completed AS c
JOIN organisations AS o ON o.id = c.org_id
ORDER BY organisation, rank, c.username;
-- END SOLUTION
