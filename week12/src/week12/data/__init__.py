"""Data files shipped with the week: ``common-passwords.txt`` (see ``passwords.py``)."""
