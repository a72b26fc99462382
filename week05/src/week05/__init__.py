"""Week 5: SQL and PostgreSQL fundamentals, and the database design mini-project."""
