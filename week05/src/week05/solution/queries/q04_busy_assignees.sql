-- Q4. Who is overloaded: which users have at least 2 open (not done) live tasks assigned?
-- Columns: full_name, open_tasks (integer). Order: open_tasks descending, then full_name.
-- BEGIN SOLUTION GROUP BY the assignee and keep the groups with HAVING count(*) >= 2
SELECT u.full_name, count(*)::int AS open_tasks
FROM tasks AS t
JOIN users AS u ON u.id = t.assignee_id
WHERE t.status <> 'done'
  AND t.deleted_at IS NULL
GROUP BY u.id, u.full_name
HAVING count(*) >= 2
ORDER BY open_tasks DESC, u.full_name;
-- END SOLUTION
