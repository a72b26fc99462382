-- Lecture 3: transactions and isolation levels. To see it yourself, open two psql sessions
-- (A and B) and run the statements in the order the names say.

-- name: setup
CREATE TABLE stock (
    item text PRIMARY KEY,
    quantity integer NOT NULL CHECK (quantity >= 0)
);

-- name: reset
-- Every demonstration starts from the same stock.
TRUNCATE stock;
INSERT INTO stock VALUES ('pen', 10), ('ink', 5);

-- name: savepoint
-- A SAVEPOINT undoes part of a transaction; the rest still commits.
BEGIN;
UPDATE stock SET quantity = quantity - 1 WHERE item = 'pen';
SAVEPOINT before_ink;
UPDATE stock SET quantity = quantity - 1 WHERE item = 'ink';
ROLLBACK TO SAVEPOINT before_ink;
COMMIT;

-- name: read_pen
SELECT quantity FROM stock WHERE item = 'pen';

-- name: read_ink
SELECT quantity FROM stock WHERE item = 'ink';

-- name: b_sells_pens
-- Session B, in between A's two reads (autocommit: its own transaction, committed at once).
UPDATE stock SET quantity = quantity - 3 WHERE item = 'pen';

-- name: set_pen
UPDATE stock SET quantity = %s WHERE item = 'pen';

-- name: read_total
SELECT sum(quantity) FROM stock;

-- name: add_ink
INSERT INTO stock VALUES ('ink-' || %s, 1);
