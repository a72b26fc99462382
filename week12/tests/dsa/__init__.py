"""Week 12 DSA tests (the statements are in week12/src/week12/dsa/README.md)."""
