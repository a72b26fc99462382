from ..errors import NotFoundError


class TaskNotFoundError(NotFoundError):
    def __init__(self, task_id: int) -> None:
        # BEGIN SOLUTION the family's __init__ with a message naming the resource
        super().__init__(f"Task {task_id} does not exist")
        # END SOLUTION
