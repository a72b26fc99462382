-- Q7. Which live tasks carry both the 'bug' and the 'urgent' tag?
-- Columns: title. Order: title.
-- BEGIN SOLUTION relational division: keep tasks whose matching tags number 2
SELECT t.title
FROM tasks AS t
JOIN task_tags AS tt ON tt.task_id = t.id
JOIN tags AS g ON g.id = tt.tag_id
WHERE g.name IN ('bug', 'urgent')
  AND t.deleted_at IS NULL
GROUP BY t.id, t.title
HAVING count(DISTINCT g.name) = 2
ORDER BY t.title;
-- END SOLUTION
