-- The practice schema of week 5's SQL problems: a small shop, and the example rows of the
-- statements (README.md). Try the problems on it in psql: `\i week05/src/week05/dsa/shop.sql`
-- in a scratch database, then run your query file.
CREATE TABLE customers (
    id bigint PRIMARY KEY,
    name text NOT NULL,
    email text NOT NULL,
    country text NOT NULL
);

CREATE TABLE orders (
    id bigint PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    status text NOT NULL CHECK (status IN ('paid', 'refunded', 'cancelled')),
    amount numeric(10, 2) NOT NULL CHECK (amount > 0),
    ordered_at timestamptz NOT NULL
);

INSERT INTO customers (id, name, email, country) VALUES
    (1, 'Ada', 'ada@example.com', 'GB'),
    (2, 'Grace', 'grace@example.com', 'US'),
    (3, 'Linus', 'linus@example.com', 'FI'),
    (4, 'Ken', 'Ada@Example.com ', 'US'),
    (5, 'Barbara', 'barbara@example.com', 'US'),
    (6, 'Edsger', 'edsger@example.com', 'NL'),
    (7, 'Margaret', ' grace@example.COM', 'US');

INSERT INTO orders (id, customer_id, status, amount, ordered_at) VALUES
    (1, 1, 'paid', 120.00, '2026-03-01 09:00+00'),
    (2, 1, 'paid', 30.50, '2026-03-02 10:00+00'),
    (3, 2, 'paid', 45.00, '2026-03-02 11:00+00'),
    (4, 2, 'refunded', 80.00, '2026-03-03 12:00+00'),
    (5, 3, 'cancelled', 15.00, '2026-03-03 13:00+00'),
    (6, 4, 'paid', 70.00, '2026-03-04 14:00+00'),
    (7, 5, 'paid', 25.00, '2026-03-05 15:00+00'),
    (8, 6, 'refunded', 60.00, '2026-03-06 16:00+00'),
    (9, 7, 'paid', 9.99, '2026-03-07 17:00+00');
