"""Week 7 DSA tests (the statements are in week07/src/week07/dsa/README.md)."""
