"""Week 8's resilient HTTP client (given): retries, rate limits, a circuit breaker. Week 10 uses
the client for the GitHub integration and the breaker to stop waiting on a Redis that is down."""
