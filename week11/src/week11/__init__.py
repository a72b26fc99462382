"""Week 11: background jobs and event-driven patterns."""
