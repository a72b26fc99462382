-- Problem 7: every permission each user holds through their roles and the roles they inherit.
-- Columns: user_id, permission. Order: user_id, permission.
-- BEGIN SOLUTION each user's roles and their ancestors, then permissions
WITH RECURSIVE held (user_id, role) AS (
    SELECT user_id, role
    FROM user_roles
    UNION
    SELECT held.user_id, rp.parent
    FROM held
    JOIN role_parents AS rp ON rp.role = held.role
)
SELECT DISTINCT held.user_id, p.permission
FROM held
JOIN role_permissions AS p ON p.role = held.role
ORDER BY held.user_id, p.permission;
-- END SOLUTION
