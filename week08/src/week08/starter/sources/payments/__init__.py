"""A payment provider in Stripe's shape: events (polled) and signed webhooks (pushed)."""
