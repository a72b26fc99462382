-- Q5. As of 2026-03-01 00:00 UTC, which live tasks are overdue (due before then, not done)?
-- Columns: title, project, assignee (full_name, NULL when unassigned), due_at,
-- days_overdue (whole days between due_at and the reference time, an integer).
-- Order: due_at (oldest first).
-- BEGIN SOLUTION compare with a fixed timestamptz; LEFT JOIN users so unassigned tasks stay
SELECT t.title,
       p.name AS project,
       u.full_name AS assignee,
       t.due_at,
       floor(extract(epoch FROM timestamptz '2026-03-01 00:00+00' - t.due_at) / 86400)::int
           AS days_overdue
FROM tasks AS t
JOIN projects AS p ON p.id = t.project_id
LEFT JOIN users AS u ON u.id = t.assignee_id
WHERE t.due_at < timestamptz '2026-03-01 00:00+00'
  AND t.status <> 'done'
  AND t.deleted_at IS NULL
ORDER BY t.due_at;
-- END SOLUTION
