"""Field types the request schemas share: what a valid id, date and piece of text is.

Each rule is in the OpenAPI schema too, so clients (and schemathesis) know it:

- **Ids** are 1 to 2,147,483,647, the range of PostgreSQL's ``INTEGER`` where week 6 stores them.
  Without the upper bound, ``GET /tasks/2147483648`` passes validation and crashes the database
  driver (a 500) instead of getting a 422.
- **Text** has no NUL character (``\\u0000``): PostgreSQL cannot store it in a text column. It
  is trimmed *after* its length is checked (``Trim``), so the schema's ``maxLength`` holds for the
  text as sent: with ``str_strip_whitespace``, 200 characters and a tab passed a limit of 200.
- **JSON types are honoured.** Pydantic's lax mode converts: ``true`` becomes the id 1, ``"7"`` the
  id 7, ``0`` the date 1970-01-01. The schema says integer and date string, so those requests are
  refused. (Not with ``strict=True``: FastAPI validates bodies in Python mode, where strict would
  refuse the date *strings* JSON has to use.) Paths and query strings are text by nature: there
  ``Id`` reads ``"7"`` as 7, but only digits (lax mode also reads ``"1_0"`` as 10, ``" 1"``,
  ``"+1"`` and ``"1.0"`` as 1); ``JsonId`` is for bodies.
"""

from datetime import date
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field
from pydantic_core import PydanticCustomError

MAX_ID = 2_147_483_647  # 2**31 - 1, the largest PostgreSQL INTEGER


def decimal_digits(value: object) -> object:
    """Refuse text that lax mode reads as an integer although it is not written as one."""
    raise NotImplementedError("TODO: text other than ASCII digits: PydanticCustomError int_parsing")


Digits = BeforeValidator(decimal_digits)
Id = int  # TODO (task 1): 1 to MAX_ID, written in digits (Annotated, Field, Digits)

# Text that PostgreSQL can store: anything but NUL ...
NO_NUL = r"^[^\x00]*$"
# ... and for names and titles, at least one character that is neither a space nor NUL.
NOT_BLANK = r"^[^\x00]*[^\s\x00][^\x00]*$"


def json_integer(value: object) -> object:
    """Refuse what lax mode would turn into an integer: ``true``, ``"7"``."""
    raise NotImplementedError("TODO: a bool or str: PydanticCustomError int_type; else the value")


def json_date(value: object) -> object:
    """Refuse what lax mode would turn into a date: numbers (Unix time)."""
    raise NotImplementedError("TODO: anything but a str or date: PydanticCustomError date_type")


def trimmed(text: str) -> str:
    raise NotImplementedError("TODO: the text without surrounding whitespace")


def trimmed_not_blank(text: str) -> str:
    """Trimmed; Python's idea of whitespace is wider than the pattern's (``"\\x1c"``)."""
    raise NotImplementedError("TODO: the trimmed text; PydanticCustomError string_blank if empty")


Trim = AfterValidator(trimmed)  # after Field(...) in Annotated: checked as sent, stored trimmed
TrimNotBlank = AfterValidator(trimmed_not_blank)

# The validator after Field: in the other order, pydantic leaves minimum/maximum out of the schema.
JsonId = Id  # TODO (task 1): an Id that refuses true and "7" (json_integer, before)
JsonDate = date  # TODO (task 1): a date that refuses numbers (json_date, before)
