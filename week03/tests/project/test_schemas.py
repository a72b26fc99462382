"""The request and response models and their field types (task 1), validated directly."""

from dataclasses import dataclass
from datetime import UTC, date, datetime
from types import SimpleNamespace
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from testkit import impl_module

pytestmark = pytest.mark.task(1)
fields = impl_module("week03", "fields")
task_schemas = impl_module("week03", "tasks.schemas")
category_schemas = impl_module("week03", "categories.schemas")
tag_schemas = impl_module("week03", "tags.schemas")


def error_types(model: Any, data: dict[str, Any]) -> dict[str, str]:
    """``{"field": "error type"}`` of the errors ``model`` reports for ``data``."""
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    return {".".join(map(str, e["loc"])): e["type"] for e in caught.value.errors()}


def test_task_in_fills_the_defaults_and_trims_the_title() -> None:
    task = task_schemas.TaskIn.model_validate({"title": "  Write tests \t"})

    assert task.model_dump() == {
        "title": "Write tests",
        "description": None,
        "status": "todo",
        "priority": "medium",
        "due_date": None,
        "category_id": None,
        "tag_ids": [],
    }


def test_task_in_collapses_duplicate_tags_keeping_their_order() -> None:
    task = task_schemas.TaskIn.model_validate({"title": "t", "tag_ids": [3, 1, 3, 1]})

    assert task.model_dump().get("tag_ids") == [3, 1]


@pytest.mark.parametrize(
    ("data", "field", "kind"),
    [
        ({}, "title", "missing"),
        ({"title": "   "}, "title", "string_pattern_mismatch"),
        ({"title": "\x1c"}, "title", "string_blank"),
        ({"title": "x" * 201}, "title", "string_too_long"),
        ({"title": "t", "description": "a\x00b"}, "description", "string_pattern_mismatch"),
        ({"title": "t", "status": "started"}, "status", "enum"),
        ({"title": "t", "category_id": True}, "category_id", "int_type"),
        ({"title": "t", "category_id": "7"}, "category_id", "int_type"),
        ({"title": "t", "category_id": 0}, "category_id", "greater_than_equal"),
        ({"title": "t", "category_id": 2**31}, "category_id", "less_than_equal"),
        ({"title": "t", "due_date": 0}, "due_date", "date_type"),
        ({"title": "t", "tag_ids": list(range(1, 22))}, "tag_ids", "too_long"),
        ({"title": "t", "owner": "me"}, "owner", "extra_forbidden"),
    ],
)
def test_task_in_refuses(data: dict[str, Any], field: str, kind: str) -> None:
    assert error_types(task_schemas.TaskIn, data) == {field: kind}


def test_task_patch_keeps_only_the_fields_sent() -> None:
    patch = task_schemas.TaskPatch.model_validate({"due_date": None, "tag_ids": [2, 2]})

    assert patch.model_dump(exclude_unset=True) == {"due_date": None, "tag_ids": [2]}
    assert task_schemas.TaskPatch.model_validate({}).model_dump(exclude_unset=True) == {}


def test_task_patch_refuses_null_where_a_value_is_required() -> None:
    assert error_types(task_schemas.TaskPatch, {"title": None}) == {"title": "string_type"}


def test_task_filters_are_optional_and_tag_id_repeats() -> None:
    empty = task_schemas.TaskFilters.model_validate({})
    both = task_schemas.TaskFilters.model_validate({"tag_id": ["1", "2"], "priority": "high"})

    assert empty.model_dump() == {
        "status": None,
        "priority": None,
        "category_id": None,
        "tag_id": [],
    }
    assert both.model_dump() == {
        "status": None,
        "priority": "high",
        "category_id": None,
        "tag_id": [1, 2],
    }


@dataclass
class Row:
    id: int
    name: str
    description: str | None = None


def test_read_models_read_attributes() -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    stored = SimpleNamespace(
        id=1, title="t", description=None, status="done", priority="low",
        due_date=date(2026, 2, 1), category_id=None, tag_ids=[4], created_at=now, updated_at=now,
    )  # fmt: skip

    try:
        task = task_schemas.TaskRead.model_validate(stored)
        category = category_schemas.CategoryRead.model_validate(Row(1, "Work"))
        tag = tag_schemas.TagRead.model_validate(Row(2, "urgent"))
    except ValidationError as exc:
        pytest.fail(f"the read models read an object's attributes: {exc}")

    assert task.model_dump() == vars(stored)
    assert category.model_dump() == {"id": 1, "name": "Work", "description": None}
    assert tag.model_dump() == {"id": 2, "name": "urgent"}


@pytest.mark.parametrize(
    ("model", "data", "field", "kind"),
    [
        (category_schemas.CategoryIn, {"name": " "}, "name", "string_pattern_mismatch"),
        (category_schemas.CategoryIn, {"name": "x" * 51}, "name", "string_too_long"),
        (category_schemas.CategoryIn, {"name": "W", "description": "x" * 501}, "description",
         "string_too_long"),
        (category_schemas.CategoryIn, {"name": "W", "color": "red"}, "color", "extra_forbidden"),
        (tag_schemas.TagIn, {"name": "x" * 31}, "name", "string_too_long"),
        (tag_schemas.TagIn, {"name": "a\x00"}, "name", "string_pattern_mismatch"),
        (tag_schemas.TagIn, {"name": "u", "id": 3}, "id", "extra_forbidden"),
    ],
)  # fmt: skip
def test_category_and_tag_bodies_refuse(
    model: Any, data: dict[str, Any], field: str, kind: str
) -> None:
    assert error_types(model, data) == {field: kind}


def test_names_are_trimmed() -> None:
    assert category_schemas.CategoryIn.model_validate({"name": " Work "}).model_dump() == {
        "name": "Work",
        "description": None,
    }
    assert tag_schemas.TagIn.model_validate({"name": "\turgent"}).model_dump() == {"name": "urgent"}


@pytest.mark.parametrize(
    ("text", "ok"), [("7", True), ("1_0", False), (" 1", False), ("+1", False)]
)
def test_ids_in_urls_are_digits_only(text: str, ok: bool) -> None:
    adapter = TypeAdapter(fields.Id)
    if ok:
        assert adapter.validate_python(text) == 7
    else:
        with pytest.raises(ValidationError, match="int_parsing"):
            adapter.validate_python(text)
