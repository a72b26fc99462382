"""Week 9 DSA tests (the statements are in week09/src/week09/dsa/README.md)."""
