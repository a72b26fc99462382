"""Week 1 exercises: the reference solutions (students work in ``week01.starter``; the tasks are
in the week's README)."""
