"""Real PostgreSQL and Redis servers for tests and development, without Docker.

Modules: ``postgres`` and ``redis`` (find binaries, start throwaway servers), ``dev`` (the
persistent development services), ``process`` (ports, readiness, dropping root), ``errors``.
"""
