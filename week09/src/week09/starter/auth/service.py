"""Business rules of authentication: register, log in, refresh with rotation, log out."""


class AuthService:
    """TODO (task 3): the business rules of accounts, on the repositories and helpers of this
    package; ``get_auth_service`` (``dependencies.py``) builds it for each request.

    - ``register(data)``: the password rules (422), a taken e-mail (409), hash, store;
    - ``login(email, password, address, requested_scopes)``: the throttle first (429), then one
      password verification whatever the e-mail (dummy hash), count failures, rehash, issue;
    - ``refresh(token)``: spend the refresh token or revoke its whole family; issue the next pair;
    - ``logout(token)``: revoke the token's family.
    """
