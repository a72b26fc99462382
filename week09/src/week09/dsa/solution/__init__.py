"""Reference answers to week 9's DSA problems (security-themed: tokens, logins, permissions)."""
