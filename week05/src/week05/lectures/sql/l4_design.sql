-- Lecture 4: design decisions you can see. Run top to bottom in psql.

-- name: keys
-- Two ways to make keys. An identity column counts 1, 2, 3...; a UUID is random.
CREATE TABLE invoices_serial (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    total numeric(10, 2) NOT NULL
);
CREATE TABLE invoices_uuid (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    total numeric(10, 2) NOT NULL
);

-- name: insert_serial
INSERT INTO invoices_serial (total) VALUES (10) RETURNING id;

-- name: insert_uuid
INSERT INTO invoices_uuid (total) VALUES (10) RETURNING id;

-- name: accounts
-- Soft delete keeps the row and stamps deleted_at; "unique" must then mean "unique among the
-- rows that are not deleted": a partial unique index, not a UNIQUE constraint.
CREATE TABLE accounts_plain (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL UNIQUE,
    deleted_at timestamptz
);
CREATE TABLE accounts_partial (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL,
    deleted_at timestamptz
);
CREATE UNIQUE INDEX accounts_partial_email_key ON accounts_partial (email)
    WHERE deleted_at IS NULL;

-- name: timestamps
-- created_at from a default, updated_at from a trigger: no code path can forget either.
CREATE TABLE notes (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    body text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;
CREATE TRIGGER notes_touch BEFORE UPDATE ON notes
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- name: clock
-- now() is the start of the transaction: every statement (and row) in it gets the same value.
-- clock_timestamp() is the wall clock, if you ever need it.
SELECT now();
