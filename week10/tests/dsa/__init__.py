"""Week 10 DSA tests (the statements are in week10/src/week10/dsa/README.md)."""
