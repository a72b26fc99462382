"""Reference answers to week 5's DSA problems (hash maps and sets; SQL joins and aggregates)."""
