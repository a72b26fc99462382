-- Q14. One line per organization (all of them): active members, projects, live tasks, done
-- live tasks, and the share done in percent rounded to 1 decimal (NULL when it has no tasks).
-- Columns: organization (slug), members, projects, tasks, done (integers),
-- percent_done (numeric). Order: organization.
-- BEGIN SOLUTION one CTE per count, each grouped by organization; LEFT JOIN them; NULLIF for /0
WITH members AS (
    SELECT m.organization_id, count(*)::int AS members
    FROM memberships AS m
    JOIN users AS u ON u.id = m.user_id
    WHERE u.deleted_at IS NULL
    GROUP BY m.organization_id
),
work AS (
    SELECT p.organization_id,
           count(DISTINCT p.id)::int AS projects,
           count(t.id)::int AS tasks,
           count(t.id) FILTER (WHERE t.status = 'done')::int AS done
    FROM projects AS p
    LEFT JOIN tasks AS t ON t.project_id = p.id AND t.deleted_at IS NULL
    GROUP BY p.organization_id
)
SELECT o.slug AS organization,
       coalesce(m.members, 0) AS members,
       coalesce(w.projects, 0) AS projects,
       coalesce(w.tasks, 0) AS tasks,
       coalesce(w.done, 0) AS done,
       round(100.0 * w.done / nullif(w.tasks, 0), 1) AS percent_done
FROM organizations AS o
LEFT JOIN members AS m ON m.organization_id = o.id
LEFT JOIN work AS w ON w.organization_id = o.id
ORDER BY organization;
-- END SOLUTION
