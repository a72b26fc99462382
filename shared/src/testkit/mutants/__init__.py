"""Grading a student's own tests with mutants: realistic bugs planted in copies of the solution.

A week that asks for student tests has ``weekNN/tests/student/`` (the starter ships one example
test) and hand-written mutants in ``weekNN/mutants/*.patch`` (format: ``testkit.mutants.patch``).

- ``score``: ``score_student_tests(root, week)``: the student's tests must pass on the reference
  solution (a test that fails on correct code proves nothing) and are run on their own starter
  (with its coverage, against the curriculum's 80%); then each mutant is applied to a temporary
  copy of the solution and the student's tests run against it: any failing test kills it.
  ``testkit mutants N`` and ``check-week`` print "your tests caught 6 of 10 planted bugs" with a
  hint per missed category, never the mutant itself.
- ``verify``: for ``verify-week``: every mutant applies cleanly and is killed by the reference's
  own project tests (so it is provably detectable), and the reference solution passes the
  student example test.
"""
