-- The practice schema of week 9's SQL problems: users, roles that inherit from other roles, the
-- permissions each role grants, and the logins; with the example rows of the statements
-- (README.md). Try the problems on it in psql: `\i week09/src/week09/dsa/access.sql` in a scratch
-- database, then run your query file.
CREATE TABLE users (
    id bigint PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE roles (
    name text PRIMARY KEY
);

-- role inherits every permission of parent (and of the parent's parents)
CREATE TABLE role_parents (
    role text NOT NULL REFERENCES roles (name),
    parent text NOT NULL REFERENCES roles (name),
    PRIMARY KEY (role, parent)
);

CREATE TABLE role_permissions (
    role text NOT NULL REFERENCES roles (name),
    permission text NOT NULL,
    PRIMARY KEY (role, permission)
);

CREATE TABLE user_roles (
    user_id bigint NOT NULL REFERENCES users (id),
    role text NOT NULL REFERENCES roles (name),
    PRIMARY KEY (user_id, role)
);

CREATE TABLE logins (
    id bigint PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id),
    at timestamptz NOT NULL
);

INSERT INTO users (id, name) VALUES (1, 'Ada'), (2, 'Grace'), (3, 'Linus'), (4, 'Ken');

INSERT INTO roles (name) VALUES ('admin'), ('auditor'), ('editor'), ('support'), ('viewer');

INSERT INTO role_parents (role, parent) VALUES
    ('admin', 'editor'), ('editor', 'viewer'), ('auditor', 'viewer'), ('support', 'viewer');

INSERT INTO role_permissions (role, permission) VALUES
    ('viewer', 'tasks:read'), ('editor', 'tasks:write'), ('admin', 'users:manage'),
    ('auditor', 'audit:read'), ('support', 'users:read');

INSERT INTO user_roles (user_id, role) VALUES
    (1, 'admin'), (2, 'editor'), (2, 'auditor'), (3, 'support');

INSERT INTO logins (id, user_id, at) VALUES
    (1, 1, '2026-03-01 09:00+00'), (2, 1, '2026-03-01 18:00+00'), (3, 1, '2026-03-02 08:00+00'),
    (4, 1, '2026-03-04 00:30+01'), (5, 1, '2026-03-05 10:00+00'), (6, 1, '2026-03-06 10:00+00'),
    (7, 2, '2026-03-02 12:00+00'), (8, 2, '2026-03-04 12:00+00'), (9, 2, '2026-03-05 12:00+00'),
    (10, 3, '2026-03-01 12:00+00'), (11, 3, '2026-03-03 12:00+00');
