"""The in-memory Task Manager API: tasks, categories and tags.

Each domain is a package with fixed file roles: ``router`` (HTTP only), ``schemas`` (Pydantic request
and response models), ``service`` (business rules), ``repository`` (the only place that touches
storage), ``models`` (the stored records), ``exceptions`` and ``dependencies``.
"""
