-- Problem 8: each employee's team payroll: their salary and that of everyone under them.
-- Columns: id, name, team_salary. Order: id.
-- BEGIN SOLUTION pair every employee with everyone in their team, recursively, then sum
WITH RECURSIVE team AS (
    SELECT id AS lead_id, id AS member_id
    FROM employees
    UNION ALL
    SELECT t.lead_id, e.id
    FROM team AS t
    JOIN employees AS e ON e.manager_id = t.member_id
)
SELECT leader.id, leader.name, sum(member.salary) AS team_salary
FROM team AS t
JOIN employees AS leader ON leader.id = t.lead_id
JOIN employees AS member ON member.id = t.member_id
GROUP BY leader.id, leader.name
ORDER BY leader.id;
-- END SOLUTION
