"""Version 2 of the task representation: the deliberate breaking changes of /api/v2.

- ``status`` is now ``state`` (problem bodies have a numeric ``status``; one name, one meaning)
  and ``due_date`` is now ``due_on`` (a date, not a datetime: ``_on`` says so);
- every task carries ``links`` (HATEOAS): clients follow URLs instead of building them;
- a list is a page envelope ``{"items", "next_cursor", "links": {"self", "next"}}``, not an array.

The service and repository do not change: v2 models convert to and from v1's at the edge.
Every field, default, bound and description is in contracts/openapi-v2.json.
"""

from pydantic import BaseModel

# TODO (task 3): the renaming between v1's and v2's field names, both ways


class TaskInV2(BaseModel):
    """Body of POST and PUT /api/v2/tasks."""

    # TODO (task 3): v1's TaskIn fields under v2's names, unknown fields refused; to_v1()


class TaskPatchV2(BaseModel):
    """Body of PATCH /api/v2/tasks/{id}: only the fields sent change."""

    # TODO (task 3): every field optional, "not sent" distinct from null; to_v1()


class TaskQueryV2(BaseModel):
    """Query string of GET /api/v2/tasks: filters (AND), a sort key, a page size and a cursor."""

    # TODO (task 3): state, priority, category_id, tag_id, sort, limit, cursor; filters()


class TaskLinks(BaseModel):
    # TODO (task 3): self, category (or null), tags
    pass  # no docstring: it would become the schema's description


class TaskReadV2(BaseModel):
    # TODO (task 3): the task's fields under v2's names, and links
    pass  # no docstring: it would become the schema's description


class PageLinks(BaseModel):
    # TODO (task 3): self, next (or null)
    pass  # no docstring: it would become the schema's description


class TaskPage(BaseModel):
    # TODO (task 3): items, next_cursor, links
    pass  # no docstring: it would become the schema's description
