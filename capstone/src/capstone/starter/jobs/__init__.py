"""Background jobs: the e-mail outbox, its delivery by Celery workers, and the retention purge."""
