from ..errors import ConflictError, NotFoundError


class TagNotFoundError(NotFoundError):
    def __init__(self, tag_id: int) -> None:
        # BEGIN SOLUTION the family's __init__ with a message naming the resource
        super().__init__(f"Tag {tag_id} does not exist")
        # END SOLUTION


class TagNameTakenError(ConflictError):
    def __init__(self, name: str) -> None:
        # BEGIN SOLUTION the family's __init__ with a message naming the resource
        super().__init__(f"A tag named {name!r} already exists")
        # END SOLUTION


class TagInUseError(ConflictError):
    def __init__(self, tag_id: int) -> None:
        # BEGIN SOLUTION the family's __init__ with a message naming the resource
        super().__init__(f"Tag {tag_id} is used by tasks; remove it from those tasks first")
        # END SOLUTION
