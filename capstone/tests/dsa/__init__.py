"""Capstone DSA tests (the statements are in capstone/src/capstone/dsa/README.md)."""
