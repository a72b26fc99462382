"""Week 11 lectures: background jobs, Celery, scheduling and monitoring, event-driven patterns."""
