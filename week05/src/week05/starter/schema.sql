-- Task manager database: organizations, users, memberships, projects, tasks, comments, tags.
-- Run it in psql:  psql "$DATABASE_URL" -f schema.sql   (it drops and recreates everything)
--
-- Conventions: uuid keys from gen_random_uuid() for rows that leave the database (they appear in
-- URLs and cannot be guessed or counted); an identity key for tags, a small lookup table. Every
-- table has created_at/updated_at (timestamptz, kept by a trigger); users and tasks are soft
-- deleted (deleted_at), so uniqueness only holds among rows that are not deleted.

DROP TABLE IF EXISTS task_tags, tags, comments, tasks, projects, memberships, users, organizations
    CASCADE;
DROP FUNCTION IF EXISTS set_updated_at() CASCADE;

CREATE TABLE organizations (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL,
    slug text NOT NULL UNIQUE,
    -- TODO: slugs are lower-case letters, digits and hyphens
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email text NOT NULL,
    full_name text NOT NULL,
    -- TODO: emails are stored lower-case (so uniqueness is case-insensitive)
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz
);

-- TODO: an email belongs to at most one user that is not soft deleted

-- Many-to-many between users and organizations; the junction table carries the role.
CREATE TABLE memberships (
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role text NOT NULL DEFAULT 'member',
    -- TODO: one membership per (organization, user); role: owner, admin, member, viewer
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE projects (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name text NOT NULL,
    -- Semi-structured settings that differ per project: {"visibility": "public", "client": ...}
    metadata jsonb NOT NULL DEFAULT '{}',
    -- TODO: names are unique within an organization; metadata is a JSON object
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tasks (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    -- Subtasks: a task may have a parent task (a tree, walked with a recursive CTE).
    parent_id uuid REFERENCES tasks (id) ON DELETE CASCADE,
    -- A deleted user's tasks stay; they just become unassigned.
    assignee_id uuid REFERENCES users (id) ON DELETE SET NULL,
    title text NOT NULL,
    description text NOT NULL DEFAULT '',
    status text NOT NULL DEFAULT 'todo',
    priority smallint NOT NULL DEFAULT 3,
    due_at timestamptz,
    completed_at timestamptz,
    -- TODO: status/priority domains; completed_at set exactly when done; no self-parent
    -- TODO: a stored generated tsvector: title weighted A, description weighted B
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz
);

CREATE TABLE comments (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    task_id uuid NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    -- RESTRICT: users are soft deleted, so a hard delete of an author is a mistake to refuse.
    author_id uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    body text NOT NULL,
    -- TODO: a comment is never blank
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tags (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name text NOT NULL,
    -- TODO: a tag name is unique within its organization
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Junction table of the many-to-many between tasks and tags.
CREATE TABLE task_tags (
    task_id uuid NOT NULL,
    tag_id bigint NOT NULL,
    -- TODO: both sides are foreign keys (cascade) and a task carries a tag at most once
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Indexes. PostgreSQL indexes primary keys and UNIQUE constraints by itself, but not the
-- referencing side of a foreign key: joins and ON DELETE CASCADE need those.
-- TODO: index every foreign-key column that no key or UNIQUE constraint leads with
-- TODO: a GIN index for full-text search and one for JSONB containment (@>)

-- updated_at is kept by the database, so no code path can forget it.
CREATE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- TODO: set NEW.updated_at to the transaction's now() and return NEW
END;
$$;

-- TODO: a BEFORE UPDATE trigger calling set_updated_at() on every table with updated_at
