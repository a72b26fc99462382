-- Task manager database: your design of the requirements in week05/README.md (the mini-project).
-- Run it in psql:  psql "$DATABASE_URL" -f schema.sql   (it drops and recreates everything)
--
-- The tests rely only on the names of the naming contract (README); types, keys, constraints,
-- defaults, indexes and triggers are your design decisions. Write a comment where you chose.

-- BEGIN SOLUTION drop what an earlier run created, so the file can run again
DROP TABLE IF EXISTS task_tags, tags, comments, tasks, projects, memberships, users, organizations
    CASCADE;
DROP FUNCTION IF EXISTS set_updated_at() CASCADE;
-- END SOLUTION

-- BEGIN SOLUTION organizations and users (R1-R3; keys and timestamps: R11, R12)
-- Keys: uuid from gen_random_uuid() for rows that leave the database (they appear in URLs and
-- cannot be guessed or counted); other services may bring their own ids, hence only a DEFAULT.
CREATE TABLE organizations (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL,
    slug text NOT NULL UNIQUE,
    CONSTRAINT organizations_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email text NOT NULL,
    full_name text NOT NULL,
    -- Stored lower-case, so "unique" below is case-insensitive.
    CONSTRAINT users_email_lowercase CHECK (email = lower(email)),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    -- Soft delete: a closed account keeps its history (comments, past assignments).
    deleted_at timestamptz
);

-- Unique among active users only: a closed account's email may sign up again. A plain UNIQUE
-- constraint would refuse that.
CREATE UNIQUE INDEX users_email_active_key ON users (email) WHERE deleted_at IS NULL;
-- END SOLUTION

-- BEGIN SOLUTION memberships: organizations and users, many-to-many, with a role (R4, D1, D4)
-- The junction table carries the role; its primary key makes "at most once" true.
CREATE TABLE memberships (
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role text NOT NULL DEFAULT 'member',
    PRIMARY KEY (organization_id, user_id),
    CONSTRAINT memberships_role_check CHECK (role IN ('owner', 'admin', 'member', 'viewer')),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
-- END SOLUTION

-- BEGIN SOLUTION projects (R5, D1)
CREATE TABLE projects (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name text NOT NULL,
    -- Settings that differ per project and are never joined on: {"visibility": ..., "client": ...}
    metadata jsonb NOT NULL DEFAULT '{}',
    -- Also the index a lookup by organization needs: it leads with organization_id.
    CONSTRAINT projects_organization_name_key UNIQUE (organization_id, name),
    CONSTRAINT projects_metadata_object CHECK (jsonb_typeof(metadata) = 'object'),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
-- END SOLUTION

-- BEGIN SOLUTION tasks: subtasks, assignee, status rules, soft delete, search vector (R6-R8)
CREATE TABLE tasks (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    -- Subtasks: a tree (walked with a recursive CTE); a parent takes its subtasks with it.
    parent_id uuid REFERENCES tasks (id) ON DELETE CASCADE,
    -- A deleted user's tasks stay; they just become unassigned.
    assignee_id uuid REFERENCES users (id) ON DELETE SET NULL,
    title text NOT NULL,
    description text NOT NULL DEFAULT '',
    status text NOT NULL DEFAULT 'todo',
    priority smallint NOT NULL DEFAULT 3,
    due_at timestamptz,
    completed_at timestamptz,
    -- Not blank: some character that is not white space (btrim only strips spaces).
    CONSTRAINT tasks_title_not_blank CHECK (title ~ '\S'),
    CONSTRAINT tasks_status_check CHECK (status IN ('todo', 'in_progress', 'done')),
    CONSTRAINT tasks_priority_check CHECK (priority BETWEEN 1 AND 5),
    CONSTRAINT tasks_completed_when_done CHECK ((status = 'done') = (completed_at IS NOT NULL)),
    CONSTRAINT tasks_not_own_parent CHECK (parent_id <> id),
    -- Generated and stored: always in step with title and description, with no code to forget.
    search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A')
        || setweight(to_tsvector('english', description), 'B')
    ) STORED,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz
);
-- END SOLUTION

-- BEGIN SOLUTION comments, tags and the tags of tasks (R9, R10, D3-D5)
CREATE TABLE comments (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    task_id uuid NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    -- RESTRICT: comments are history; a user who wrote some is soft deleted, never hard deleted.
    author_id uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    body text NOT NULL,
    CONSTRAINT comments_body_not_blank CHECK (body ~ '\S'),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- An identity key: tags never leave the organization's own screens, and 8 bytes keep the
-- junction table below small.
CREATE TABLE tags (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name text NOT NULL,
    CONSTRAINT tags_organization_name_key UNIQUE (organization_id, name),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- The many-to-many between tasks and tags; the composite key means "at most once".
CREATE TABLE task_tags (
    task_id uuid NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    tag_id bigint NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (task_id, tag_id),
    created_at timestamptz NOT NULL DEFAULT now()
);
-- END SOLUTION

-- BEGIN SOLUTION indexes for the screens that must stay fast (F1-F7)
-- PostgreSQL indexes primary keys and UNIQUE constraints by itself, never the referencing side
-- of a foreign key. Each index below serves a screen of the brief (and the cascades of D1-D5).
CREATE INDEX tasks_project_id_status_idx ON tasks (project_id, status);       -- F1
CREATE INDEX tasks_assignee_id_idx ON tasks (assignee_id);                    -- F2
CREATE INDEX tasks_parent_id_idx ON tasks (parent_id);                        -- F3
CREATE INDEX comments_task_id_created_at_idx ON comments (task_id, created_at);  -- F4
CREATE INDEX comments_author_id_idx ON comments (author_id);                  -- F5, D4
CREATE INDEX task_tags_tag_id_idx ON task_tags (tag_id);                      -- F6, D5
CREATE INDEX tasks_search_vector_idx ON tasks USING gin (search_vector);     -- F7
-- END SOLUTION

-- BEGIN SOLUTION updated_at kept by a BEFORE UPDATE trigger on every table that has it (R12)
-- The database keeps updated_at, so no code path can forget it (or fake it).
CREATE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

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
