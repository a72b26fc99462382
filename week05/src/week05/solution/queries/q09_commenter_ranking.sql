-- Q9. In each organization, rank the active users by how many comments they wrote on the
-- organization's live tasks. Ties share a rank and leave a gap (1, 1, 1, 4): RANK().
-- Columns: organization (slug), full_name, comments (integer), rank (integer).
-- Only users with at least one such comment. Order: organization, rank, full_name.
-- BEGIN SOLUTION aggregate per (organization, author) in a CTE, then RANK() OVER a partition
WITH counts AS (
    SELECT o.slug AS organization, u.full_name, count(*)::int AS comments
    FROM comments AS c
    JOIN tasks AS t ON t.id = c.task_id
    JOIN projects AS p ON p.id = t.project_id
    JOIN organizations AS o ON o.id = p.organization_id
    JOIN users AS u ON u.id = c.author_id
    WHERE t.deleted_at IS NULL
      AND u.deleted_at IS NULL
    GROUP BY o.slug, u.id, u.full_name
)
SELECT organization, full_name, comments,
       rank() OVER (PARTITION BY organization ORDER BY comments DESC)::int AS rank
FROM counts
ORDER BY organization, rank, full_name;
-- END SOLUTION
