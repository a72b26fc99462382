"""The three upstreams: GitHub REST, Open-Meteo and a payment provider in Stripe's shape.

Each source has ``schemas.py`` (the *external* models: the upstream's documented shapes, trusting
nothing), ``normalize.py`` (external -> the internal ``ItemIn``) and ``client.py`` (the requests:
pages, conditional requests, sync cursors). ``base.py`` holds what they share.
"""
