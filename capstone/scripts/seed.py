"""Seed the development database with demo data (after ``alembic upgrade head``).

uv run python capstone/scripts/seed.py      # DATABASE_URL, else the `make services-up` database
"""

from capstone.solution.seed import main

if __name__ == "__main__":
    main()
