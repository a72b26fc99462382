from ..errors import ConflictError, NotFoundError


class CategoryNotFoundError(NotFoundError):
    def __init__(self, category_id: int) -> None:
        raise NotImplementedError("TODO: the family's __init__ with a message naming the resource")


class CategoryNameTakenError(ConflictError):
    def __init__(self, name: str) -> None:
        raise NotImplementedError("TODO: the family's __init__ with a message naming the resource")


class CategoryInUseError(ConflictError):
    def __init__(self, category_id: int) -> None:
        raise NotImplementedError("TODO: the family's __init__ with a message naming the resource")
