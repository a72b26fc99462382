"""Mini-project: a task-manager database (schema, seed, business questions in raw SQL)."""
