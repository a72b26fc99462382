-- Q8. For every live task that has comments: its latest comment.
-- Columns: task (title), author (full_name), body, created_at. Order: task.
-- BEGIN SOLUTION number each task's comments newest first (ROW_NUMBER) and keep number 1
WITH ranked AS (
    SELECT c.task_id, c.author_id, c.body, c.created_at,
           row_number() OVER (PARTITION BY c.task_id ORDER BY c.created_at DESC, c.id) AS n
    FROM comments AS c
)
SELECT t.title AS task, u.full_name AS author, r.body, r.created_at
FROM ranked AS r
JOIN tasks AS t ON t.id = r.task_id
JOIN users AS u ON u.id = r.author_id
WHERE r.n = 1
  AND t.deleted_at IS NULL
ORDER BY task;
-- END SOLUTION
