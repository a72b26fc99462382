"""Week 3: FastAPI core and the in-memory Task Manager API."""
