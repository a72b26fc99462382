"""GitHub REST API: an organisation's repositories and the issues of some of them."""
