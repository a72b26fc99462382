"""The capstone's reference solution: a multi-tenant project-management API (see docs/spec.md)."""
