-- Problem 7: every project's breadcrumb, from its organisation down, and its depth.
-- Columns: id, depth, path. Order: the tree's (organisation, then parent before children,
-- siblings by name).
-- BEGIN SOLUTION a recursive CTE from the roots down, the names in an array
WITH RECURSIVE tree AS (
    SELECT p.id, 0 AS depth, ARRAY[o.name, p.name] AS names
    FROM projects AS p
    JOIN organisations AS o ON o.id = p.org_id
    WHERE p.parent_id IS NULL
    UNION ALL
    SELECT child.id, tree.depth + 1, tree.names || child.name
    FROM projects AS child
    JOIN tree ON child.parent_id = tree.id
)
-- sorting the arrays compares name by name: a parent's array is a prefix of its children's
SELECT id, depth, array_to_string(names, ' / ') AS path
FROM tree
ORDER BY names, id;
-- END SOLUTION
