from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict


class AuditEventOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    # BEGIN SOLUTION
    id: int
    actor_id: int | None
    action: str
    entity_type: str
    entity_id: int
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    created_at: datetime
    # REPLACE WITH
    # # TODO (task 4): the fields of AuditEventOut in openapi.json (components.schemas)
    # END SOLUTION
