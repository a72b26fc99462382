-- Q1. Who are the active members of Acme (slug 'acme'), and with which role?
-- Columns: full_name, email, role. Soft-deleted users are not members any more.
-- Order: by role rank (owner, admin, member, viewer), then full_name.
-- BEGIN SOLUTION join memberships to users and organizations; order roles by rank, not by name
SELECT u.full_name, u.email, m.role
FROM memberships AS m
JOIN users AS u ON u.id = m.user_id
JOIN organizations AS o ON o.id = m.organization_id
WHERE o.slug = 'acme'
  AND u.deleted_at IS NULL
ORDER BY array_position(ARRAY['owner', 'admin', 'member', 'viewer'], m.role), u.full_name;
-- END SOLUTION
