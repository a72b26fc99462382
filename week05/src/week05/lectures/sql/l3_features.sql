-- Lecture 3: JSONB, arrays, full-text search, EXPLAIN and indexes. Run top to bottom in psql.

-- name: setup
-- 20,000 generated events: enough rows that the planner prefers an index when one fits.
CREATE TABLE events (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind text NOT NULL,
    payload jsonb NOT NULL,
    labels text[] NOT NULL DEFAULT '{}',
    body text NOT NULL,
    search tsvector GENERATED ALWAYS AS (to_tsvector('english', body)) STORED,
    created_at timestamptz NOT NULL
);
INSERT INTO events (kind, payload, labels, body, created_at)
SELECT (ARRAY['login', 'login', 'login', 'purchase'])[1 + i % 4],
       jsonb_build_object('user', jsonb_build_object('id', i % 1000, 'plan',
                          CASE WHEN i % 50 = 0 THEN 'enterprise' ELSE 'free' END),
                          'amount', i % 97),
       CASE WHEN i % 10 = 0 THEN ARRAY['vip', 'eu'] ELSE ARRAY['eu'] END,
       CASE WHEN i % 500 = 0 THEN 'Payment declined: the card was refused by the bank'
            ELSE 'Routine event number ' || i END,
       timestamptz '2026-01-01 00:00+00' + i * interval '1 minute'
FROM generate_series(1, 20000) AS i;
ANALYZE events;

-- name: jsonb_operators
-- -> gives jsonb, ->> gives text, #>> follows a path; @> asks "does it contain this?".
SELECT payload -> 'user' ->> 'plan' AS plan,
       payload #>> '{user,id}' AS user_id,
       (payload ->> 'amount')::int AS amount,
       payload ? 'amount' AS has_amount
FROM events WHERE id = 50;

-- name: jsonb_containment
SELECT count(*) FROM events WHERE payload @> '{"user": {"plan": "enterprise"}}';

-- name: jsonb_update
-- jsonb_set returns a new document; || merges objects.
SELECT jsonb_set(payload, '{user,plan}', '"pro"') || '{"seen": true}' FROM events WHERE id = 50;

-- name: gin_jsonb
CREATE INDEX events_payload_idx ON events USING gin (payload jsonb_path_ops);
ANALYZE events;

-- name: arrays
-- Arrays: ANY for membership, @> contains, && overlaps, unnest to rows, array_agg back.
SELECT count(*) FILTER (WHERE 'vip' = ANY (labels)) AS vip,
       count(*) FILTER (WHERE labels @> ARRAY['vip', 'eu']) AS vip_and_eu,
       count(*) FILTER (WHERE labels && ARRAY['vip', 'us']) AS vip_or_us,
       (SELECT array_agg(DISTINCT label ORDER BY label)
        FROM events, unnest(labels) AS label) AS all_labels
FROM events;

-- name: full_text
-- A tsvector is a sorted list of normalized words (lexemes); a tsquery is a boolean search.
SELECT to_tsvector('english', 'The cards were refused') AS vector,
       websearch_to_tsquery('english', 'card refused -cash') AS query;

-- name: full_text_search
SELECT id, ts_rank(search, q) AS rank
FROM events, websearch_to_tsquery('english', 'refused payment') AS q
WHERE search @@ q
ORDER BY rank DESC, id
LIMIT 3;

-- name: gin_search
CREATE INDEX events_search_idx ON events USING gin (search);
ANALYZE events;

-- name: explain_by_time
-- Read a plan bottom-up: each node feeds its parent. cost=startup..total in planner units,
-- rows = estimated rows. EXPLAIN ANALYZE would also run it and show actual times.
EXPLAIN SELECT * FROM events WHERE created_at >= '2026-01-05' AND created_at < '2026-01-05 01:00';

-- name: btree_index
-- A B-tree (the default kind) serves =, <, >, BETWEEN and ORDER BY (prefix LIKE: see below).
CREATE INDEX events_created_at_idx ON events (created_at);
CREATE INDEX events_kind_idx ON events (kind);
ANALYZE events;

-- name: explain_low_selectivity
-- Three quarters of the rows are logins: reading the whole table beats using the index.
EXPLAIN SELECT * FROM events WHERE kind = 'login';

-- name: prefix_like_setup
-- A B-tree serves LIKE 'prefix%' only when it compares bytewise: under the C collation, or with
-- the text_pattern_ops operator class. Most production databases use a linguistic collation
-- (en_US.UTF-8, ICU) that sorts for people; our throwaway test database is C-collated, so this
-- column asks for a linguistic (ICU) collation itself.
CREATE COLLATION linguistic (provider = icu, locale = 'und');
CREATE TABLE customers (
    id integer PRIMARY KEY,
    email text COLLATE linguistic NOT NULL
);
INSERT INTO customers SELECT i, 'user' || i || '@example.com' FROM generate_series(1, 20000) AS i;
CREATE INDEX customers_email_idx ON customers (email);
ANALYZE customers;

-- name: explain_prefix_like
-- The plain index cannot answer it under a linguistic collation: Seq Scan.
EXPLAIN SELECT * FROM customers WHERE email LIKE 'user123%';

-- name: pattern_ops_index
-- text_pattern_ops compares bytewise: it serves LIKE 'prefix%' (not ORDER BY email, not <).
-- Keep the plain index too if queries sort or compare emails.
CREATE INDEX customers_email_pattern_idx ON customers (email text_pattern_ops);
ANALYZE customers;
