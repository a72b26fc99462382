"""The capstone's DSA problems (multi-tenant project management: effective roles in a project
tree, a critical path, merging member directories, common free slots, booking a shared staging
environment, the shortest review window; SQL project breadcrumbs and top contributors per
organisation): statements in README.md, hints in hints.md.

``solution/`` is the reference, ``starter/`` (generated from it) is where you work.
"""
