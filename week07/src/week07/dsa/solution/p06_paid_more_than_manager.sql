-- Problem 6: employees paid more than their manager.
-- Columns: id, name, salary, manager_salary. Order: id.
-- BEGIN SOLUTION join employees to their managers and compare salaries
SELECT e.id, e.name, e.salary, m.salary AS manager_salary
FROM employees AS e
JOIN employees AS m ON m.id = e.manager_id
WHERE e.salary > m.salary
ORDER BY e.id;
-- END SOLUTION
