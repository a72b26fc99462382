"""Report exports: an admin asks for the organisation's tasks as CSV or JSON; a worker makes it."""
