"""Field types the request schemas share: what a valid id, date and piece of text is.

Each rule is in the OpenAPI schema too, so clients (and schemathesis) know it:

- **Ids** are 1 to 2,147,483,647, the range of PostgreSQL's ``INTEGER`` where week 6 stores them.
  Without the upper bound, ``GET /tasks/2147483648`` passes validation and crashes the database
  driver (a 500) instead of getting a 422.
- **Text** has no NUL character (``\\u0000``): PostgreSQL cannot store it in a text column.
- **JSON types are honoured.** Pydantic's lax mode converts: ``true`` becomes the id 1, ``"7"`` the
  id 7, ``0`` the date 1970-01-01. The schema says integer and date string, so those requests are
  refused. (Not with ``strict=True``: FastAPI validates bodies in Python mode, where strict would
  refuse the date *strings* JSON has to use.) Paths and query strings are text by nature, so
  ``Id`` there converts ``"7"`` as before; ``JsonId`` is for bodies.
"""

from datetime import date
from typing import Annotated

from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError

MAX_ID = 2_147_483_647  # 2**31 - 1, the largest PostgreSQL INTEGER
Id = Annotated[int, Field(ge=1, le=MAX_ID)]

# Text that PostgreSQL can store: anything but NUL ...
NO_NUL = r"^[^\x00]*$"
# ... and for names and titles, at least one character that is neither a space nor NUL.
NOT_BLANK = r"^[^\x00]*[^\s\x00][^\x00]*$"


def json_integer(value: object) -> object:
    """Refuse what lax mode would turn into an integer: ``true``, ``"7"``."""
    if isinstance(value, bool | str):
        raise PydanticCustomError("int_type", "Input should be a valid integer")
    return value


def json_date(value: object) -> object:
    """Refuse what lax mode would turn into a date: numbers (Unix time)."""
    if not isinstance(value, str | date):
        raise PydanticCustomError("date_type", "Input should be a valid date string, YYYY-MM-DD")
    return value


# The validator after Field: in the other order, pydantic leaves minimum/maximum out of the schema.
JsonId = Annotated[Id, BeforeValidator(json_integer)]
JsonDate = Annotated[date, BeforeValidator(json_date)]
