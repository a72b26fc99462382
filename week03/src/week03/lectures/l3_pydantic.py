"""Lecture 3: Pydantic v2, the schema as a class.

A ``BaseModel`` subclass declares fields with types; instantiating it *parses* input (coercing
``"3"`` to ``3`` where that is safe) and raises one ``ValidationError`` listing every problem.
The same class yields a JSON Schema (FastAPI's OpenAPI is built from these) and serializes back.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

# Field constraints: numbers (gt/ge/lt/le), strings (min_length/max_length/pattern), lists.
Username = Annotated[str, Field(min_length=3, max_length=20, pattern=r"^[a-z][a-z0-9_]*$")]


class Address(BaseModel):
    city: str
    postcode: str = Field(pattern=r"^\d{5}$")


class UserBase(BaseModel):
    # extra="forbid": a typo like "usernmae" is an error, not silently ignored.
    # str_strip_whitespace: "  ada " arrives as "ada" before any constraint runs.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    username: Username
    email: str = Field(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")  # or EmailStr (pydantic[email])
    age: int = Field(ge=13, lt=130)
    addresses: list[Address] = []  # nested models: validated recursively, errors say where


class UserCreate(UserBase):
    """Request model: what a client sends to sign up."""

    password: str = Field(min_length=12)
    password_confirm: str

    @field_validator("username")
    @classmethod
    def not_reserved(cls, value: str) -> str:
        # One field, after its type and constraints passed.
        if value in {"admin", "root"}:
            raise ValueError("this username is reserved")
        return value

    @model_validator(mode="after")
    def passwords_match(self) -> Self:
        # Several fields together: runs once every field is valid.
        if self.password != self.password_confirm:
            raise ValueError("passwords do not match")
        return self


class UserRead(UserBase):
    """Response model: no password field, so no code path can ever send one back."""

    # from_attributes: build from any object with these attributes (an ORM row, a dataclass).
    model_config = ConfigDict(from_attributes=True)

    id: int
    joined: date


class Product(BaseModel):
    # Aliases: Python names in code, the wire's names (camelCase) in JSON. Validation accepts
    # either name (validate_by_alias + validate_by_name, Pydantic 2.11+; they replace the
    # discouraged populate_by_name) and model_dump() writes the aliases (serialize_by_alias).
    model_config = ConfigDict(
        validate_by_alias=True, validate_by_name=True, serialize_by_alias=True
    )

    product_id: int = Field(alias="productId")
    unit_price: float = Field(alias="unitPrice", gt=0)
    internal_note: str = Field(default="", exclude=True)  # never serialized


class StoredUser:
    """Stands in for an ORM row: a plain object with attributes."""

    def __init__(self, **fields: object) -> None:
        self.__dict__.update(fields)


def errors_of(model: type[BaseModel], data: object) -> list[tuple[tuple[str | int, ...], str]]:
    """``[(location, error type), ...]`` of validating ``data``; empty when it is valid."""
    try:
        model.model_validate(data)
    except ValidationError as exc:
        return [(tuple(e["loc"]), e["type"]) for e in exc.errors()]
    return []


SIGNUP = {
    "username": "  ada ",
    "email": "ada@example.com",
    "age": "36",  # a numeric string is coerced to int in the default (lax) mode
    "addresses": [{"city": "London", "postcode": "12345"}],
    "password": "correct horse battery",
    "password_confirm": "correct horse battery",
}


def main() -> None:
    user = UserCreate.model_validate(SIGNUP)
    print("parsed:", repr(user.username), user.age, type(user.age).__name__)
    bad = {**SIGNUP, "username": "root", "age": 7, "addresses": [{"city": "X", "postcode": "1"}]}
    print("errors:", errors_of(UserCreate, bad))
    print("mismatch:", errors_of(UserCreate, {**SIGNUP, "password_confirm": "nope"}))
    row = StoredUser(id=1, joined=date(2026, 1, 5), **user.model_dump(exclude={"password_confirm"}))
    read = UserRead.model_validate(row)
    print("response:", read.model_dump_json())
    print("include:", read.model_dump(include={"id", "username"}))
    product = Product.model_validate({"productId": 7, "unitPrice": 2.5, "internal_note": "cheap"})
    print("by alias:", product.model_dump(), "| by name:", product.model_dump(by_alias=False))
    print("schema:", UserRead.model_json_schema()["required"])


if __name__ == "__main__":
    main()
