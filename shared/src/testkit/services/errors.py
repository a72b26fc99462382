SKIP_PREFIX = "service unavailable"


class ServiceUnavailable(RuntimeError):
    """A service (PostgreSQL, Redis) could not be found or started; never the student's fault."""
