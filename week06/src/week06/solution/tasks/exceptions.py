from ..errors import NotFoundError


class TaskNotFoundError(NotFoundError):
    def __init__(self, task_id: int) -> None:
        super().__init__(f"Task {task_id} does not exist")
