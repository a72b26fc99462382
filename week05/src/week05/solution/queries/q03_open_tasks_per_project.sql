-- Q3. For every project (including those without tasks): how many live tasks are open (not
-- done), and how many live tasks does it have in total?
-- Columns: organization (slug), project, open_tasks, total_tasks (integers).
-- Order: open_tasks descending, then project name.
-- BEGIN SOLUTION LEFT JOIN live tasks (condition in ON, not WHERE); count with FILTER
SELECT o.slug AS organization,
       p.name AS project,
       count(t.id) FILTER (WHERE t.status <> 'done')::int AS open_tasks,
       count(t.id)::int AS total_tasks
FROM projects AS p
JOIN organizations AS o ON o.id = p.organization_id
LEFT JOIN tasks AS t ON t.project_id = p.id AND t.deleted_at IS NULL
GROUP BY o.slug, p.id, p.name
ORDER BY open_tasks DESC, project;
-- END SOLUTION
