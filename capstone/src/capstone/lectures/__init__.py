"""The capstone's lectures: multi-tenancy (L2) and integration patterns (L3), each a small runnable
module with its test in ``tests/lectures/``. Lecture 1 is the project itself (its ADRs and contract);
lecture 4 is a set of worked documents in ``docs/lectures/``."""
