"""The errors of authentication: a wrong login, a reused refresh token, a weak password."""

# TODO (tasks 1 and 3): InvalidCredentialsError (401), RefreshTokenReusedError (401) and
# WeakPasswordError (422), built on errors.py's families. Which of them must keep the request's
# changes (keeps_changes), and why?
