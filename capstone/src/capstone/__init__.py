"""Weeks 13-14: the capstone, a multi-tenant project-management SaaS backend."""
