"""Reference answers to week 8's DSA problems (graphs; SQL on a dependency graph)."""
