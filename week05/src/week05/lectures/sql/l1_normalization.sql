-- Lecture 1: normalization, one step at a time, on a small order book.

-- name: unnormalized
-- One row per order, with a repeating group packed into "items": not even 1NF.
CREATE TABLE orders_flat (
    order_id integer PRIMARY KEY,
    ordered_on date NOT NULL,
    customer_id integer NOT NULL,
    customer_name text NOT NULL,
    customer_city text NOT NULL,
    items text NOT NULL            -- 'product_id:name:price:quantity; ...'
);
INSERT INTO orders_flat VALUES
    (1, '2026-01-05', 10, 'Ann', 'Lyon', '1:Pen:2.50:3; 2:Notebook:4.00:1'),
    (2, '2026-01-06', 10, 'Ann', 'Lyon', '2:Notebook:4.00:2'),
    (3, '2026-01-07', 11, 'Bob', 'Oslo', '1:Pen:2.80:1; 3:Stapler:9.90:1');  -- pens went up

-- name: first_normal_form
-- 1NF: atomic values, one row per order line. The key becomes (order_id, product_id).
CREATE TABLE order_lines_1nf AS
SELECT o.order_id, o.ordered_on, o.customer_id, o.customer_name, o.customer_city,
       split_part(item, ':', 1)::integer AS product_id,
       split_part(item, ':', 2) AS product_name,
       split_part(item, ':', 3)::numeric(8, 2) AS unit_price,
       split_part(item, ':', 4)::integer AS quantity
FROM orders_flat AS o,
     unnest(string_to_array(o.items, '; ')) AS item;
ALTER TABLE order_lines_1nf ADD PRIMARY KEY (order_id, product_id);

-- name: second_normal_form
-- 2NF: no column may depend on only part of the key. ordered_on and customer_* depend on
-- order_id alone, product_name on product_id alone: they move out. unit_price does NOT: it is
-- the price paid on that order (Ann paid 2.50 a pen, Bob 2.80 after the price rose), a fact of
-- the whole key, so the order line keeps it. products gets its own list_price, today's price,
-- which a new order copies into its lines; changing it never rewrites past orders.
CREATE TABLE products AS
SELECT DISTINCT ON (product_id) product_id AS id, product_name AS name, unit_price AS list_price
FROM order_lines_1nf
ORDER BY product_id, ordered_on DESC;  -- the latest price seen becomes the list price
ALTER TABLE products ADD PRIMARY KEY (id);
CREATE TABLE orders_2nf AS
SELECT DISTINCT order_id AS id, ordered_on, customer_id, customer_name, customer_city
FROM order_lines_1nf;
ALTER TABLE orders_2nf ADD PRIMARY KEY (id);
CREATE TABLE order_lines (
    order_id integer NOT NULL,
    product_id integer NOT NULL REFERENCES products (id),
    unit_price numeric(8, 2) NOT NULL CHECK (unit_price >= 0),  -- the price paid
    quantity integer NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, product_id)
);
INSERT INTO order_lines SELECT order_id, product_id, unit_price, quantity FROM order_lines_1nf;

-- name: third_normal_form
-- 3NF: no non-key column may depend on another non-key column. customer_name and
-- customer_city depend on customer_id, not on the order: customers get their own table.
CREATE TABLE customers AS
SELECT DISTINCT customer_id AS id, customer_name AS name, customer_city AS city FROM orders_2nf;
ALTER TABLE customers ADD PRIMARY KEY (id);
CREATE TABLE orders (
    id integer PRIMARY KEY,
    ordered_on date NOT NULL,
    customer_id integer NOT NULL REFERENCES customers (id)
);
INSERT INTO orders SELECT id, ordered_on, customer_id FROM orders_2nf;
ALTER TABLE order_lines ADD FOREIGN KEY (order_id) REFERENCES orders (id);

-- name: rows_to_change_in_1nf
-- Update anomaly: Ann moves. In the 1NF table her city is repeated on every line.
SELECT count(*) FROM order_lines_1nf WHERE customer_id = 10;

-- name: rows_to_change_in_3nf
SELECT count(*) FROM customers WHERE id = 10;

-- name: rebuilt
-- Lossless: joining the 3NF tables gives back exactly the 1NF rows.
SELECT o.id, o.ordered_on, c.id, c.name, c.city, p.id, p.name, l.unit_price, l.quantity
FROM order_lines AS l
JOIN orders AS o ON o.id = l.order_id
JOIN customers AS c ON c.id = o.customer_id
JOIN products AS p ON p.id = l.product_id
ORDER BY 1, 6;

-- name: pen_prices
-- Each line remembers what was paid; the product only knows today's price.
SELECT l.order_id, l.unit_price AS paid, p.list_price
FROM order_lines AS l JOIN products AS p ON p.id = l.product_id
WHERE p.name = 'Pen'
ORDER BY l.order_id;

-- name: original
SELECT order_id, ordered_on, customer_id, customer_name, customer_city,
       product_id, product_name, unit_price, quantity
FROM order_lines_1nf
ORDER BY 1, 6;

-- name: denormalized_counts
-- Denormalization: a materialized view stores a query's result. Reads are one cheap lookup,
-- but the stored copy is stale until someone refreshes it.
CREATE MATERIALIZED VIEW customer_order_counts AS
SELECT customer_id, count(*) AS orders FROM orders GROUP BY customer_id;

-- name: read_ann_count
SELECT orders FROM customer_order_counts WHERE customer_id = 10;

-- name: new_order_for_ann
INSERT INTO orders VALUES (4, '2026-01-08', 10);

-- name: refresh
REFRESH MATERIALIZED VIEW customer_order_counts;
