from ..errors import ConflictError, NotFoundError


class CategoryNotFoundError(NotFoundError):
    def __init__(self, category_id: int) -> None:
        super().__init__(f"Category {category_id} does not exist")


class CategoryNameTakenError(ConflictError):
    def __init__(self, name: str) -> None:
        super().__init__(f"A category named {name!r} already exists")


class CategoryInUseError(ConflictError):
    def __init__(self, category_id: int) -> None:
        super().__init__(
            f"Category {category_id} is used by tasks; move or delete those tasks first"
        )
