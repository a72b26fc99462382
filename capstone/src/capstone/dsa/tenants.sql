-- The practice schema of the capstone's SQL problems: organisations, their members, a tree of
-- projects per organisation, and tasks; with the example rows of the statements (README.md). Try
-- the problems on it in psql: `\i capstone/src/capstone/dsa/tenants.sql` in a scratch database,
-- then run your query file.
CREATE TABLE organisations (
    id bigint PRIMARY KEY,
    name text NOT NULL UNIQUE
);

CREATE TABLE members (
    org_id bigint NOT NULL REFERENCES organisations (id),
    username text NOT NULL,
    PRIMARY KEY (org_id, username)
);

CREATE TABLE projects (
    id bigint PRIMARY KEY,
    org_id bigint NOT NULL REFERENCES organisations (id),
    parent_id bigint REFERENCES projects (id),
    name text NOT NULL
);

CREATE TABLE tasks (
    id bigint PRIMARY KEY,
    project_id bigint NOT NULL REFERENCES projects (id),
    completed_by text,
    completed_at timestamptz,
    CHECK ((completed_by IS NULL) = (completed_at IS NULL))
);

INSERT INTO organisations (id, name) VALUES (1, 'Acme'), (2, 'Globex'), (3, 'Initech');

INSERT INTO members (org_id, username) VALUES
    (1, 'ana'), (1, 'ben'), (1, 'cleo'), (1, 'dan'),
    (2, 'ana'), (2, 'eve'),
    (3, 'finn');

INSERT INTO projects (id, org_id, parent_id, name) VALUES
    (1, 1, NULL, 'Platform'), (2, 1, 1, 'API'), (3, 1, 2, 'Auth'), (4, 1, 1, 'Web'),
    (5, 1, NULL, 'Marketing'), (6, 2, NULL, 'Apps'), (7, 2, 6, 'iOS'), (8, 3, NULL, 'TPS');

INSERT INTO tasks (id, project_id, completed_by, completed_at) VALUES
    (1, 2, 'ana', '2026-03-02 10:00+00'), (2, 3, 'ana', '2026-03-03 11:00+00'),
    (3, 3, 'ben', '2026-03-03 12:00+00'), (4, 4, 'ben', '2026-03-04 09:00+00'),
    (5, 5, 'cleo', '2026-03-05 15:00+00'), (6, 4, NULL, NULL),
    (7, 7, 'eve', '2026-03-02 08:00+00'), (8, 6, 'eve', '2026-03-06 16:00+00'),
    (9, 7, 'ana', '2026-03-06 17:00+00'), (10, 7, 'gus', '2026-03-01 09:00+00'),
    (11, 8, NULL, NULL), (12, 1, 'ana', '2026-03-07 10:00+00');
