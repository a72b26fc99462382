-- Problem 6: how many other packages need each package, directly or through others.
-- Columns: name, dependants. Order: dependants, most first, then name.
-- BEGIN SOLUTION reachable (package, dependency) pairs, then count per dependency
WITH RECURSIVE reach (package, dependency) AS (
    SELECT package, dependency
    FROM requires
    UNION
    SELECT reach.package, r.dependency
    FROM reach
    JOIN requires AS r ON r.package = reach.dependency
)
SELECT p.name, count(reach.package) AS dependants
FROM packages AS p
LEFT JOIN reach ON reach.dependency = p.name AND reach.package <> p.name
GROUP BY p.name
ORDER BY dependants DESC, p.name;
-- END SOLUTION
