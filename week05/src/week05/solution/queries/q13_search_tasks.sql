-- Q13. Full-text search of live tasks for "payment failure" (websearch syntax, English), best
-- match first. Title words weigh more than description words (see search_vector).
-- Columns: title, rank (ts_rank as a real number). Order: rank descending, then title.
-- BEGIN SOLUTION search_vector @@ websearch_to_tsquery('english', ...); order by ts_rank
SELECT t.title, ts_rank(t.search_vector, q.query) AS rank
FROM tasks AS t,
     websearch_to_tsquery('english', 'payment failure') AS q (query)
WHERE t.search_vector @@ q.query
  AND t.deleted_at IS NULL
ORDER BY rank DESC, t.title;
-- END SOLUTION
