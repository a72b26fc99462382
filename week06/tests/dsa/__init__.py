"""Week 6 DSA tests (the statements are in week06/src/week06/dsa/README.md)."""
