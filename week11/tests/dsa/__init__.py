"""Week 11 DSA tests (the statements are in week11/src/week11/dsa/README.md)."""
