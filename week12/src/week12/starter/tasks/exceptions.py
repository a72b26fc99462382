from ..errors import NotFoundError, PreconditionFailedError


class TaskNotFoundError(NotFoundError):
    def __init__(self, task_id: int) -> None:
        super().__init__(f"Task {task_id} does not exist")


class TaskChangedError(PreconditionFailedError):
    def __init__(self, task_id: int, version: int | None = None) -> None:
        now = f" (it is at version {version} now)" if version is not None else ""
        super().__init__(
            f"Task {task_id} was changed by someone else{now}: GET it again and retry with its "
            "new ETag"
        )
