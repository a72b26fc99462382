from ..errors import ConflictError, NotFoundError


class TagNotFoundError(NotFoundError):
    def __init__(self, tag_id: int) -> None:
        super().__init__(f"Tag {tag_id} does not exist")


class TagNameTakenError(ConflictError):
    def __init__(self, name: str) -> None:
        super().__init__(f"A tag named {name!r} already exists")


class TagInUseError(ConflictError):
    def __init__(self, tag_id: int) -> None:
        super().__init__(f"Tag {tag_id} is used by tasks; remove it from those tasks first")
