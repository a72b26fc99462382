-- Problem 9: countries with at least 100.00 of paid revenue.
-- Columns: country, customers, revenue. Order: revenue, highest first, then country.
-- BEGIN SOLUTION paid revenue and paying customers per country, 100.00 or more
SELECT c.country,
       count(DISTINCT c.id) AS customers,
       sum(o.amount) AS revenue
FROM customers AS c
JOIN orders AS o ON o.customer_id = c.id
WHERE o.status = 'paid'
GROUP BY c.country
HAVING sum(o.amount) >= 100
ORDER BY revenue DESC, c.country;
-- END SOLUTION
