"""Week 8 DSA tests (the statements are in week08/src/week08/dsa/README.md)."""
