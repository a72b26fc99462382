-- Q12. Which projects are public (metadata contains {"visibility": "public"}), and who is the
-- client (metadata's "client" as text; NULL when missing)?
-- Columns: project (name), client. Order: project.
-- BEGIN SOLUTION containment with @>, and ->> to read a field as text
SELECT name AS project, metadata ->> 'client' AS client
FROM projects
WHERE metadata @> '{"visibility": "public"}'
ORDER BY project;
-- END SOLUTION
