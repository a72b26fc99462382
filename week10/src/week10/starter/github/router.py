"""HTTP layer of the GitHub integration: an issue's preview, for linking it from a task."""

from fastapi import APIRouter

router = APIRouter(prefix="/integrations/github", tags=["integrations"])

# TODO (task 7): GET /repos/{owner}/{repo}/issues/{number}, for users with the READ scope: the
# issue's preview (an ``IssuePreviews`` over the app's ``HttpCache``, ``app.state.github``) and
# where it came from in an ``X-Cache`` header (documented). Validate the path before anything
# goes to GitHub: ``schemas.py`` has the patterns of owner and repository names and
# ``not_a_dot_path``; the number is a positive INTEGER. Document the 404, 422 and 503 problems.
