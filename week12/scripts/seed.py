"""Seed the development database with demo data (after ``alembic upgrade head``).

uv run python week12/scripts/seed.py      # DATABASE_URL, else the `make services-up` database
"""

from week12.solution.seed import main

if __name__ == "__main__":
    main()
