from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict


class AuditEventOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    # TODO (task 4): the fields of AuditEventOut in openapi.json (components.schemas)
