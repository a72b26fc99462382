"""The resilient HTTP client: retries, rate limits, a circuit breaker, pages."""
