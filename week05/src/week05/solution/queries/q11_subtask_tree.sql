-- Q11. The whole subtask tree under the task 'Handle payment failures', itself included.
-- Columns: title, depth (0 for the root), path (titles from the root joined with ' > ').
-- Order: path.
-- BEGIN SOLUTION WITH RECURSIVE: start at the root, join children on parent_id, depth + 1
WITH RECURSIVE tree AS (
    SELECT id, title, 0 AS depth, title AS path
    FROM tasks
    WHERE title = 'Handle payment failures' AND deleted_at IS NULL
    UNION ALL
    SELECT child.id, child.title, tree.depth + 1, tree.path || ' > ' || child.title
    FROM tasks AS child
    JOIN tree ON child.parent_id = tree.id
    WHERE child.deleted_at IS NULL
)
SELECT title, depth, path
FROM tree
ORDER BY path;
-- END SOLUTION
