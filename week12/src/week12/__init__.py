"""Week 12: WebSockets, real time and performance."""
