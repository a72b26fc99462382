"""Redis in front of PostgreSQL: cached pages of the hot reads, and rate limits (task 14)."""
