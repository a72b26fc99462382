"""The one exception the sources raise for everything that can go wrong upstream."""


class SourceError(Exception):
    """An upstream API failed: timeout, HTTP error, unreachable, malformed or unexpected data.

    The message is written for the person running the CLI: it says what failed, not how.
    """
