-- Problem 5: every package that api needs, directly or through others (api itself left out).
-- Columns: dependency. Order: dependency.
-- BEGIN SOLUTION a recursive CTE from api's requirements; UNION stops at packages seen before
WITH RECURSIVE needed (dependency) AS (
    SELECT dependency
    FROM requires
    WHERE package = 'api'
    UNION
    SELECT r.dependency
    FROM needed AS n
    JOIN requires AS r ON r.package = n.dependency
)
SELECT dependency
FROM needed
WHERE dependency <> 'api'
ORDER BY dependency;
-- END SOLUTION
