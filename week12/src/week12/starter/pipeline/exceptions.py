from ..errors import ConflictError, NotFoundError


class ReportNotFoundError(NotFoundError):
    def __init__(self, report_id: int) -> None:
        super().__init__(f"Report {report_id} does not exist")


class ReportNotReadyError(ConflictError):
    def __init__(self, report_id: int, status: str) -> None:
        super().__init__(f"Report {report_id} is {status}: download it once it is done")


class DeadLetterNotFoundError(NotFoundError):
    def __init__(self, dead_letter_id: int) -> None:
        super().__init__(f"Dead letter {dead_letter_id} does not exist")


class AlreadyReplayedError(ConflictError):
    def __init__(self, dead_letter_id: int) -> None:
        super().__init__(f"Dead letter {dead_letter_id} was replayed already")
