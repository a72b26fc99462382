"""Open-Meteo: hourly weather forecasts, no API key."""
