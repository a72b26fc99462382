-- Lecture 2: SQL fundamentals on two tiny tables. Run top to bottom in psql.

-- name: setup
CREATE TABLE authors (
    id integer PRIMARY KEY,
    name text NOT NULL
);
CREATE TABLE books (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title text NOT NULL,
    author_id integer REFERENCES authors (id),   -- NULL: an anonymous book
    pages integer NOT NULL,
    published integer NOT NULL
);
INSERT INTO authors (id, name) VALUES (1, 'Ann'), (2, 'Bob'), (3, 'Cid');

-- name: create
-- C: INSERT ... RETURNING hands back what the database generated (the ids).
INSERT INTO books (title, author_id, pages, published) VALUES
    ('SQL Basics', 1, 120, 2021),
    ('Advanced SQL', 1, 340, 2024),
    ('Python', 2, 250, 2023),
    ('Anonymous', NULL, 90, 2019)
RETURNING id, title;

-- name: read
-- R: filter with WHERE, sort with ORDER BY.
SELECT title, pages FROM books WHERE pages > 100 ORDER BY pages DESC;

-- name: update
-- U: always with a WHERE (without one, every row changes).
UPDATE books SET pages = pages + 10 WHERE title = 'Python' RETURNING title, pages;

-- name: delete
DELETE FROM books WHERE published < 2020 RETURNING title;

-- name: restore
INSERT INTO books (title, author_id, pages, published)
VALUES ('Anonymous', NULL, 90, 2019);

-- name: page_1
-- Pagination: LIMIT/OFFSET over a total order (ties broken by the key, or pages overlap).
SELECT title FROM books ORDER BY published DESC, id LIMIT 2 OFFSET 0;

-- name: page_2
SELECT title FROM books ORDER BY published DESC, id LIMIT 2 OFFSET 2;

-- name: inner_join
-- Only pairs that match: Cid (no book) and the anonymous book (no author) drop out.
SELECT a.name, b.title FROM authors AS a
JOIN books AS b ON b.author_id = a.id ORDER BY a.name, b.title;

-- name: left_join
-- Every author, with NULLs where there is no book.
SELECT a.name, b.title FROM authors AS a
LEFT JOIN books AS b ON b.author_id = a.id ORDER BY a.name, b.title;

-- name: right_join
-- Every book, with NULLs where there is no author (the mirror of LEFT).
SELECT a.name, b.title FROM authors AS a
RIGHT JOIN books AS b ON b.author_id = a.id ORDER BY a.name, b.title;

-- name: full_join
-- Everything from both sides.
SELECT a.name, b.title FROM authors AS a
FULL JOIN books AS b ON b.author_id = a.id ORDER BY a.name, b.title;

-- name: cross_join
-- Every author with every book: 3 x 4 rows. Usually a mistake; sometimes exactly what you want.
SELECT count(*) FROM authors CROSS JOIN books;

-- name: aggregates
-- GROUP BY makes one row per group; HAVING filters groups (WHERE filters rows before).
SELECT a.name, count(b.id) AS books, sum(b.pages) AS pages, round(avg(b.pages), 1) AS avg_pages
FROM authors AS a
LEFT JOIN books AS b ON b.author_id = a.id
GROUP BY a.id, a.name
HAVING count(b.id) >= 1
ORDER BY books DESC, a.name;

-- name: count_star_vs_column
-- count(*) counts rows; count(column) counts non-NULL values.
SELECT count(*) AS all_books, count(author_id) AS with_author FROM books;

-- name: subquery
-- A scalar subquery: books longer than the average.
SELECT title FROM books WHERE pages > (SELECT avg(pages) FROM books) ORDER BY title;

-- name: cte
-- The same with a CTE: name the intermediate result, then use it like a table.
WITH stats AS (SELECT avg(pages) AS avg_pages FROM books)
SELECT b.title FROM books AS b, stats WHERE b.pages > stats.avg_pages ORDER BY b.title;

-- name: subtasks
CREATE TABLE subtasks (
    id integer PRIMARY KEY,
    parent_id integer REFERENCES subtasks (id),
    title text NOT NULL
);
INSERT INTO subtasks VALUES
    (1, NULL, 'Launch'), (2, 1, 'Build'), (3, 2, 'Backend'), (4, 2, 'Frontend'),
    (5, 1, 'Announce'), (6, 3, 'Database schema');

-- name: recursive_cte
-- WITH RECURSIVE: a starting row (the anchor), then rows joined to the previous round,
-- until a round adds nothing.
WITH RECURSIVE tree AS (
    SELECT id, title, 0 AS depth FROM subtasks WHERE id = 2
    UNION ALL
    SELECT s.id, s.title, tree.depth + 1 FROM subtasks AS s JOIN tree ON s.parent_id = tree.id
)
SELECT title, depth FROM tree ORDER BY depth, title;
