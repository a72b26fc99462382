"""Deploy DSA tests (the statements are in deploy/src/deploy/dsa/README.md)."""
