-- Problem 10: email addresses shared by several customers (case and outer spaces ignored).
-- Columns: email, accounts, first_id. Order: email.
-- BEGIN SOLUTION normalized emails used by more than one customer (email, accounts, first_id)
SELECT lower(btrim(email)) AS email,
       count(*) AS accounts,
       min(id) AS first_id
FROM customers
GROUP BY lower(btrim(email))
HAVING count(*) > 1
ORDER BY email;
-- END SOLUTION
