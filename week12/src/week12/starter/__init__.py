"""The Task Manager API on PostgreSQL: tasks, categories and tags (v1 and v2).

Each domain is a package with fixed file roles: ``router`` (HTTP only), ``schemas`` (Pydantic request
and response models), ``service`` (business rules), ``repository`` (the only place that touches
the database), ``models`` (the SQLAlchemy models), ``exceptions`` and ``dependencies``.
"""
