-- The practice schema of week 8's SQL problems: packages and what they require, and the example
-- rows of the statements (README.md). Try the problems on it in psql:
-- `\i week08/src/week08/dsa/packages.sql` in a scratch database, then run your query file.
CREATE TABLE packages (
    name text PRIMARY KEY
);

CREATE TABLE requires (
    package text NOT NULL REFERENCES packages (name),
    dependency text NOT NULL REFERENCES packages (name),
    PRIMARY KEY (package, dependency)
);

INSERT INTO packages (name) VALUES
    ('api'), ('auth'), ('cli'), ('db'), ('http'), ('json'), ('log');

INSERT INTO requires (package, dependency) VALUES
    ('api', 'auth'), ('api', 'db'), ('api', 'http'),
    ('auth', 'db'), ('auth', 'json'),
    ('db', 'log'),
    ('http', 'json'),
    ('cli', 'http'), ('cli', 'log');
