-- Q2. Which projects have no live tasks (soft-deleted tasks do not count)?
-- Columns: organization (slug), project (name). Order: organization, project.
-- BEGIN SOLUTION an anti-join: NOT EXISTS (a live task of this project)
SELECT o.slug AS organization, p.name AS project
FROM projects AS p
JOIN organizations AS o ON o.id = p.organization_id
WHERE NOT EXISTS (
    SELECT 1 FROM tasks AS t WHERE t.project_id = p.id AND t.deleted_at IS NULL
)
ORDER BY organization, project;
-- END SOLUTION
