"""Reference answers to the deploy folder's DSA problems (themed on deployment and operations)."""
