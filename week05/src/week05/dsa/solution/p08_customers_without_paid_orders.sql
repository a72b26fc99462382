-- Problem 8: customers who never paid for an order.
-- Columns: id, name. Order: id.
-- BEGIN SOLUTION customers with no paid order (columns id, name; order by id)
SELECT c.id, c.name
FROM customers AS c
WHERE NOT EXISTS (
    SELECT 1
    FROM orders AS o
    WHERE o.customer_id = c.id
      AND o.status = 'paid'
)
ORDER BY c.id;
-- END SOLUTION
