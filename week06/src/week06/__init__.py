"""Week 6: SQLAlchemy 2.0 and Alembic; the Task Manager on PostgreSQL."""
