"""The resilient HTTP client every source uses: retries, rate limits, a circuit breaker, paging.

Each module has one job and no knowledge of GitHub, Open-Meteo or Stripe; ``client.py`` puts them
together around one shared ``httpx.AsyncClient``.
"""
