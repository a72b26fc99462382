"""Reference answers to week 6's DSA problems (queues and stacks; SQL window functions)."""
