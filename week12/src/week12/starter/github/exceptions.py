from ..errors import NotFoundError


class IssueNotFoundError(NotFoundError):
    def __init__(self, repository: str, number: int) -> None:
        super().__init__(f"GitHub has no issue {number} in {repository} (or it is private)")
