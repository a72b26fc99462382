-- Q6. How often is each tag used on live tasks, per organization? Unused tags count 0.
-- Columns: organization (slug), tag (name), tasks (integer).
-- Order: organization, tasks descending, tag.
-- BEGIN SOLUTION tags LEFT JOIN task_tags LEFT JOIN live tasks; count the task ids
SELECT o.slug AS organization, g.name AS tag, count(t.id)::int AS tasks
FROM tags AS g
JOIN organizations AS o ON o.id = g.organization_id
LEFT JOIN task_tags AS tt ON tt.tag_id = g.id
LEFT JOIN tasks AS t ON t.id = tt.task_id AND t.deleted_at IS NULL
GROUP BY o.slug, g.id, g.name
ORDER BY organization, tasks DESC, tag;
-- END SOLUTION
