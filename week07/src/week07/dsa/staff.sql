-- The practice schema of week 7's SQL problems: who reports to whom, and the example rows of the
-- statements (README.md). Try the problems on it in psql: `\i week07/src/week07/dsa/staff.sql`
-- in a scratch database, then run your query file.
CREATE TABLE employees (
    id bigint PRIMARY KEY,
    name text NOT NULL,
    manager_id bigint REFERENCES employees (id),
    salary numeric(10, 2) NOT NULL CHECK (salary > 0)
);

INSERT INTO employees (id, name, manager_id, salary) VALUES
    (1, 'Ada', NULL, 300),
    (2, 'Grace', 1, 200),
    (3, 'Linus', 1, 150),
    (4, 'Ken', 2, 210),
    (5, 'Barbara', 2, 120),
    (6, 'Edsger', 4, 90),
    (7, 'Margaret', 3, 160);
