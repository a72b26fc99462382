"""Week 9: authentication and security."""
