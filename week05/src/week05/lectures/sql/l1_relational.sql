-- Lecture 1: relational concepts. Run top to bottom in psql; some statements fail on purpose.

-- name: accounts
-- Two tables, a primary key each, a foreign key between them, and a CHECK the data must obey.
CREATE TABLE accounts (
    id integer PRIMARY KEY,
    owner text NOT NULL,
    balance numeric(12, 2) NOT NULL CHECK (balance >= 0)
);
CREATE TABLE transfers (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    from_account integer NOT NULL REFERENCES accounts (id),
    to_account integer NOT NULL REFERENCES accounts (id),
    amount numeric(12, 2) NOT NULL CHECK (amount > 0)
);
INSERT INTO accounts VALUES (1, 'Ann', 100.00), (2, 'Bob', 50.00);

-- name: credit
UPDATE accounts SET balance = balance + 150 WHERE id = 2;

-- name: debit
-- Ann has only 100: this violates the CHECK, so the whole transaction must go.
UPDATE accounts SET balance = balance - 150 WHERE id = 1;

-- name: balances
SELECT owner, balance FROM accounts ORDER BY id;

-- name: orphan_transfer
-- Account 99 does not exist: the foreign key refuses the row.
INSERT INTO transfers (from_account, to_account, amount) VALUES (1, 99, 10);

-- name: types
-- One instant stored in both kinds of timestamp while the session is in UTC.
SET TIME ZONE 'UTC';
CREATE TABLE moments (
    with_zone timestamptz,   -- an instant: stored in UTC, shown in the session's time zone
    without_zone timestamp   -- a wall-clock reading: the offset is silently dropped
);
INSERT INTO moments VALUES ('2026-03-01 12:00+01', '2026-03-01 12:00+01');

-- name: moments_in_new_york
SET TIME ZONE 'America/New_York';
SELECT with_zone::text, without_zone::text FROM moments;

-- name: type_facts
SELECT 0.1::numeric + 0.2::numeric = 0.3 AS numeric_is_exact,
       0.1::float8 + 0.2::float8 = 0.3 AS float_is_exact,
       -- jsonb stores keys shorter first, then bytewise; a repeated key keeps its last value.
       '{"bb": 1, "c": 2, "a": 3, "a": 4}'::jsonb::text AS jsonb_normalized,
       '{"bb": 1, "c": 2, "a": 3, "a": 4}'::json::text AS json_kept_as_is,
       substr(gen_random_uuid()::text, 15, 1) AS uuid_version,
       'yes'::boolean AS yes_is_true,
       length('naïve'::text) AS text_length;

-- name: integer_overflow
SELECT 2147483647::integer + 1;
