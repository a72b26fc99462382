-- Problem 8: the outbox events never delivered, with how many attempts failed.
-- Columns: id, topic, failed_attempts. Order: id.
-- BEGIN SOLUTION an anti-join on the successful deliveries, the failures counted
SELECT o.id, o.topic, count(d.id) AS failed_attempts
FROM outbox AS o
LEFT JOIN deliveries AS d ON d.event_id = o.id
WHERE NOT EXISTS (
    SELECT FROM deliveries AS ok
    WHERE ok.event_id = o.id AND ok.ok
)
GROUP BY o.id, o.topic
ORDER BY o.id;
-- END SOLUTION
