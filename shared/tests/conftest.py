"""The testkit's own tests. ``pytester`` runs inner pytest sessions in temp folders."""

pytest_plugins = ["pytester"]
