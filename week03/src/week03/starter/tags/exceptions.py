from ..errors import ConflictError, NotFoundError


class TagNotFoundError(NotFoundError):
    def __init__(self, tag_id: int) -> None:
        raise NotImplementedError("TODO: the family's __init__ with a message naming the resource")


class TagNameTakenError(ConflictError):
    def __init__(self, name: str) -> None:
        raise NotImplementedError("TODO: the family's __init__ with a message naming the resource")


class TagInUseError(ConflictError):
    def __init__(self, tag_id: int) -> None:
        raise NotImplementedError("TODO: the family's __init__ with a message naming the resource")
