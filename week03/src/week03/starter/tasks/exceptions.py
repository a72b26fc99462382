from ..errors import NotFoundError


class TaskNotFoundError(NotFoundError):
    def __init__(self, task_id: int) -> None:
        raise NotImplementedError("TODO: the family's __init__ with a message naming the resource")
