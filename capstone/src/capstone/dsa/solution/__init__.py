"""Reference answers to the capstone's DSA problems (themed on multi-tenant project management)."""
