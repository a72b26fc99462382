from ..errors import ConflictError, NotFoundError


class CategoryNotFoundError(NotFoundError):
    def __init__(self, category_id: int) -> None:
        # BEGIN SOLUTION the family's __init__ with a message naming the resource
        super().__init__(f"Category {category_id} does not exist")
        # END SOLUTION


class CategoryNameTakenError(ConflictError):
    def __init__(self, name: str) -> None:
        # BEGIN SOLUTION the family's __init__ with a message naming the resource
        super().__init__(f"A category named {name!r} already exists")
        # END SOLUTION


class CategoryInUseError(ConflictError):
    def __init__(self, category_id: int) -> None:
        # BEGIN SOLUTION the family's __init__ with a message naming the resource
        super().__init__(
            f"Category {category_id} is used by tasks; move or delete those tasks first"
        )
        # END SOLUTION
