"""Storage of authentication state: refresh token rows and the login failure counters."""


class RefreshTokenRepository:
    """TODO (task 3): one row per refresh token issued: add, spend once (atomically), revoke a
    family, revoke every token of a user."""


class LoginThrottle:
    """TODO (task 7): failed logins per key in a window (see lecture 4's l4_rate_limit.py):
    retry_after(keys, now), record_failure(key, limit, now) in one upsert, reset(key)."""
