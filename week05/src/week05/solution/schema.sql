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
    -- BEGIN SOLUTION slugs are lower-case letters, digits and hyphens
    CONSTRAINT organizations_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    -- END SOLUTION
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email text NOT NULL,
    full_name text NOT NULL,
    -- BEGIN SOLUTION emails are stored lower-case (so uniqueness is case-insensitive)
    CONSTRAINT users_email_lowercase CHECK (email = lower(email)),
    -- END SOLUTION
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz
);

-- BEGIN SOLUTION an email belongs to at most one user that is not soft deleted
CREATE UNIQUE INDEX users_email_active_key ON users (email) WHERE deleted_at IS NULL;
-- END SOLUTION

-- Many-to-many between users and organizations; the junction table carries the role.
CREATE TABLE memberships (
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role text NOT NULL DEFAULT 'member',
    -- BEGIN SOLUTION one membership per (organization, user); role: owner, admin, member, viewer
    PRIMARY KEY (organization_id, user_id),
    CONSTRAINT memberships_role_check CHECK (role IN ('owner', 'admin', 'member', 'viewer')),
    -- END SOLUTION
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE projects (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name text NOT NULL,
    -- Semi-structured settings that differ per project: {"visibility": "public", "client": ...}
    metadata jsonb NOT NULL DEFAULT '{}',
    -- BEGIN SOLUTION names are unique within an organization; metadata is a JSON object
    CONSTRAINT projects_organization_name_key UNIQUE (organization_id, name),
    CONSTRAINT projects_metadata_object CHECK (jsonb_typeof(metadata) = 'object'),
    -- END SOLUTION
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
    -- BEGIN SOLUTION status/priority domains; completed_at set exactly when done; no self-parent
    CONSTRAINT tasks_title_not_blank CHECK (btrim(title) <> ''),
    CONSTRAINT tasks_status_check CHECK (status IN ('todo', 'in_progress', 'done')),
    CONSTRAINT tasks_priority_check CHECK (priority BETWEEN 1 AND 5),
    CONSTRAINT tasks_completed_when_done CHECK ((status = 'done') = (completed_at IS NOT NULL)),
    CONSTRAINT tasks_not_own_parent CHECK (parent_id <> id),
    -- END SOLUTION
    -- BEGIN SOLUTION a stored generated tsvector: title weighted A, description weighted B
    search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A')
        || setweight(to_tsvector('english', description), 'B')
    ) STORED,
    -- END SOLUTION
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
    -- BEGIN SOLUTION a comment is never blank
    CONSTRAINT comments_body_not_blank CHECK (btrim(body) <> ''),
    -- END SOLUTION
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tags (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name text NOT NULL,
    -- BEGIN SOLUTION a tag name is unique within its organization
    CONSTRAINT tags_organization_name_key UNIQUE (organization_id, name),
    -- END SOLUTION
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Junction table of the many-to-many between tasks and tags.
CREATE TABLE task_tags (
    task_id uuid NOT NULL,
    tag_id bigint NOT NULL,
    -- BEGIN SOLUTION both sides are foreign keys (cascade) and a task carries a tag at most once
    PRIMARY KEY (task_id, tag_id),
    FOREIGN KEY (task_id) REFERENCES tasks (id) ON DELETE CASCADE,
    FOREIGN KEY (tag_id) REFERENCES tags (id) ON DELETE CASCADE,
    -- END SOLUTION
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Indexes. PostgreSQL indexes primary keys and UNIQUE constraints by itself, but not the
-- referencing side of a foreign key: joins and ON DELETE CASCADE need those.
-- BEGIN SOLUTION index every foreign-key column that no key or UNIQUE constraint leads with
CREATE INDEX memberships_user_id_idx ON memberships (user_id);
CREATE INDEX tasks_project_id_status_idx ON tasks (project_id, status);
CREATE INDEX tasks_parent_id_idx ON tasks (parent_id);
CREATE INDEX tasks_assignee_id_idx ON tasks (assignee_id);
CREATE INDEX comments_task_id_created_at_idx ON comments (task_id, created_at);
CREATE INDEX comments_author_id_idx ON comments (author_id);
CREATE INDEX task_tags_tag_id_idx ON task_tags (tag_id);
-- END SOLUTION
-- BEGIN SOLUTION a GIN index for full-text search and one for JSONB containment (@>)
CREATE INDEX tasks_search_vector_idx ON tasks USING gin (search_vector);
CREATE INDEX projects_metadata_idx ON projects USING gin (metadata jsonb_path_ops);
-- END SOLUTION

-- updated_at is kept by the database, so no code path can forget it.
CREATE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- BEGIN SOLUTION set NEW.updated_at to the transaction's now() and return NEW
    NEW.updated_at := now();
    RETURN NEW;
    -- END SOLUTION
END;
$$;

-- BEGIN SOLUTION a BEFORE UPDATE trigger calling set_updated_at() on every table with updated_at
CREATE TRIGGER organizations_set_updated_at BEFORE UPDATE ON organizations
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER users_set_updated_at BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER memberships_set_updated_at BEFORE UPDATE ON memberships
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER projects_set_updated_at BEFORE UPDATE ON projects
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER tasks_set_updated_at BEFORE UPDATE ON tasks
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER comments_set_updated_at BEFORE UPDATE ON comments
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER tags_set_updated_at BEFORE UPDATE ON tags
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
-- END SOLUTION
