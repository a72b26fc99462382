"""A small API for the hostile suite's own tests: notes and tags in memory, with ETags, If-Match
and Idempotency-Key, errors as problem details.

``make_app()`` is correct: the suite must find nothing. ``make_app({"nul", ...})`` plants the
defects of ``DEFECTS``, one kind each, the way real code gets them wrong; the tests prove the
suite finds every one. The races need an ``await`` between a check and the write it guards: the
correct app holds a lock across both, the defective one awaits a simulated database round trip
(``io()``) in between.

(No ``from __future__ import annotations`` here: the routes are defined inside ``make_app`` and
FastAPI must see the local ``Annotated`` aliases as objects, not as names to look up.)
"""

import asyncio
import itertools
import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Any, cast

from fastapi import FastAPI, Header, HTTPException, Path, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError
from starlette.convertors import Convertor, register_url_convertor
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

DEFECTS = {
    "overflow": "ids past 2**31 - 1 crash, as a database driver does",
    "nul": "a NUL in a title crashes, as PostgreSQL does",
    "undeclared": "POST /notes/archive answers 400 to an unparseable body without declaring it",
    "plain_errors": "404s are application/json, not problem details",
    "no_head": "HEAD is 405 where GET works",
    "shadowed": "/notes/{note_id} swallows /notes/archive: GET on it is 422, not 405",
    "race_unique": "a tag name is checked, then inserted after an await: the unique index fails",
    "race_if_match": "If-Match is compared, then written after an await",
    "race_update": "a PATCH without If-Match fails when another one wrote meanwhile (no retry)",
    "race_idempotency": "an Idempotency-Key is looked up, then saved after the create",
    "race_reference": "a tag in use is checked, then deleted after an await",
    "bad_schema": "GET /notes/{note_id} omits a declared field",
    "lax": "a due date of 0 is read as 1970-01-01, true as tag id 1 (the schema says string, integer)",
    "raw_body": "POST /notes/archive parses its own body and catches JSONDecodeError only",
}
INT32_MAX = 2**31 - 1
PROBLEM = "application/problem+json"


class Digits(Convertor[str]):
    """``{note_id:digits}``: the route matches digits only (so not ``/notes/archive``) and leaves
    the number to the parameter's validation (Starlette's ``:int`` crashes on 5,000 digits)."""

    regex = "[0-9]+"

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return str(value)


register_url_convertor("digits", Digits())


class Problem(BaseModel):
    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None


Text = Annotated[str, Field(min_length=1, max_length=100, pattern=r"^[^\x00]*$")]


def json_integer(value: object) -> object:
    if isinstance(value, bool | str):  # lax pydantic reads true as 1 and "7" as 7
        raise ValueError("must be a JSON integer")
    return value


def json_date(value: object) -> object:
    if not isinstance(value, str | date):  # lax pydantic reads 0 as 1970-01-01
        raise ValueError("must be an ISO 8601 date string")
    return value


Id = Annotated[int, Field(ge=1, le=INT32_MAX), BeforeValidator(json_integer)]
IsoDate = Annotated[date, BeforeValidator(json_date)]


class TagIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: Text


class Tag(TagIn):
    id: int


class NoteIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: Text
    due_on: IsoDate | None = None
    tag_ids: list[Id] = Field(default=[], max_length=10)


class LooseNoteIn(NoteIn):
    """The "nul" defect: no pattern, so a NUL reaches the storage."""

    title: Annotated[str, Field(min_length=1, max_length=100)]


class LaxNoteIn(NoteIn):
    """The "lax" defect: pydantic's lax mode converts what the schema does not allow."""

    due_on: date | None = None
    tag_ids: list[Annotated[int, Field(ge=1, le=INT32_MAX)]] = Field(default=[], max_length=10)


class NotePatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: Text | None = None


class Note(NoteIn):
    id: int
    version: int


class LabelIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: Text


class Label(LabelIn):
    id: int
    note_id: int


class LabelPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: Text | None = None


class Archive(BaseModel):
    model_config = ConfigDict(extra="forbid")
    before: IsoDate


class Archived(BaseModel):
    archived: int


@dataclass
class Store:
    tags: dict[int, Tag] = field(default_factory=dict)
    notes: dict[int, Note] = field(default_factory=dict)
    keys: dict[str, tuple[Note, str]] = field(default_factory=dict)
    labels: dict[int, Label] = field(default_factory=dict)
    ids: Iterator[int] = field(default_factory=lambda: itertools.count(1))
    locks: defaultdict[str, asyncio.Lock] = field(default_factory=lambda: defaultdict(asyncio.Lock))


def problem(status: int, detail: str | None = None, kind: str = "about:blank") -> JSONResponse:
    body = Problem(type=kind, title=str(status), status=status, detail=detail).model_dump()
    return JSONResponse(body, status_code=status, media_type=PROBLEM)


class MissingReference(Exception):
    """A body names a tag that does not exist: valid by the schema, so no schema predicts it."""


def problems(*statuses: int) -> dict[int | str, dict[str, Any]]:
    return {status: {"model": Problem} for status in statuses}


class ProblemDocumentedAPI(FastAPI):
    def openapi(self) -> dict[str, Any]:
        """FastAPI documents every body as application/json; the errors are problem+json."""
        schema = super().openapi()
        for item in schema["paths"].values():
            for operation in item.values():
                for status, response in operation["responses"].items():
                    content = response.get("content", {})
                    if status[0] == "4" and "application/json" in content:
                        content[PROBLEM] = content.pop("application/json")
        return schema


def allowed(allow: dict[str, str], path: str) -> str:
    """The methods of the first path prefix that matches (the app's few paths, by hand)."""
    return next((methods for prefix, methods in allow.items() if path.startswith(prefix)), "GET")


class HeadAndOptions:
    """HEAD runs GET without the body; OPTIONS answers 204 with ``Allow``."""

    def __init__(self, app: ASGIApp, allow: dict[str, str]) -> None:
        self.app, self.allow = app, allow

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "OPTIONS":
            allow = allowed(self.allow, scope["path"]).encode()
            await send(
                {"type": "http.response.start", "status": 204, "headers": [(b"allow", allow)]}
            )
            await send({"type": "http.response.body", "body": b""})
            return
        if scope["type"] == "http" and scope["method"] == "HEAD":

            async def no_body(message: Message) -> None:
                await send(
                    {**message, "body": b""} if message["type"] == "http.response.body" else message
                )

            await self.app({**scope, "method": "GET"}, receive, no_body)
            return
        await self.app(scope, receive, send)


def make_app(defects: set[str] | frozenset[str] = frozenset(), nested: bool = False) -> FastAPI:
    """The notes API with ``defects`` planted; ``nested`` adds a collection under each note
    (``/notes/{note_id}/labels``, a label name unique per note), correct, for the bursts."""
    unknown = set(defects) - DEFECTS.keys()
    assert not unknown, unknown
    store = Store()
    app = ProblemDocumentedAPI(title="notes")
    note_path = "/notes/{note_id}" if "shadowed" in defects else "/notes/{note_id:digits}"
    max_id = None if "overflow" in defects else INT32_MAX
    NoteId = Annotated[int, Path(ge=1, le=max_id)]
    TagId = Annotated[int, Path(ge=1, le=max_id)]
    NoteBody = LooseNoteIn if "nul" in defects else LaxNoteIn if "lax" in defects else NoteIn

    async def io(*races: str) -> None:
        # A database round trip: other requests run meanwhile. Long where the race is planted,
        # so that a burst surely overlaps it even on a loaded machine.
        await asyncio.sleep(0.2 if defects & set(races) else 0.002)

    async def guarded(race: str, *also: str) -> Any:
        """The correct app holds a lock from check to write; a racing one does not."""
        return _NoLock() if defects & {race, *also} else store.locks[race]

    def crash_on(value: Any) -> None:
        if "overflow" in defects and isinstance(value, int) and value > INT32_MAX:
            raise OverflowError("value out of int32 range")

    allow = {"/tags/": "GET, DELETE", "/tags": "POST", "/notes/archive": "POST",
             "/notes/": "GET, PATCH, DELETE", "/notes": "GET, POST"}  # fmt: skip

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if "plain_errors" in defects and exc.status_code == 404:
            return JSONResponse({"detail": exc.detail}, status_code=404)
        response = problem(exc.status_code, str(exc.detail))
        response.headers.update(exc.headers or {})
        if exc.status_code == 405:  # FastAPI's Allow names the first matching route's methods only
            response.headers["Allow"] = allowed(allow, request.url.path)
        return response

    @app.exception_handler(MissingReference)
    async def missing(request: Request, exc: MissingReference) -> Response:
        return problem(422, str(exc), "https://notes.example/problems/missing-reference")

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return problem(422, f"{len(exc.errors())} invalid field(s)")

    @app.post("/tags", status_code=201, responses=problems(400, 409, 422))
    async def create_tag(data: TagIn) -> Tag:
        async with await guarded("race_unique"):
            if any(t.name.lower() == data.name.lower() for t in store.tags.values()):
                raise HTTPException(409, "name taken")
            await io("race_unique")
            if any(t.name.lower() == data.name.lower() for t in store.tags.values()):
                raise RuntimeError("duplicate key value violates unique constraint")
            tag = Tag(id=next(store.ids), name=data.name)
            store.tags[tag.id] = tag
            return tag

    @app.get("/tags/{tag_id}", responses=problems(404, 422))
    async def get_tag(tag_id: TagId) -> Tag:
        crash_on(tag_id)
        if tag_id not in store.tags:
            raise HTTPException(404, "no such tag")
        return store.tags[tag_id]

    @app.delete("/tags/{tag_id}", status_code=204, responses=problems(404, 409, 422))
    async def delete_tag(tag_id: TagId) -> None:
        crash_on(tag_id)
        async with await guarded("race_reference"):
            if tag_id not in store.tags:
                raise HTTPException(404, "no such tag")
            if any(tag_id in n.tag_ids for n in store.notes.values()):
                raise HTTPException(409, "tag in use")
            await io("race_reference")
            del store.tags[tag_id]

    async def check_tags(tag_ids: list[int]) -> None:
        for tag_id in tag_ids:
            crash_on(tag_id)
            if tag_id not in store.tags:
                raise MissingReference(f"tag {tag_id} does not exist")

    @app.post("/notes", status_code=201, responses=problems(400, 409, 422))
    async def create_note(
        data: NoteBody,  # type: ignore[valid-type]
        request: Request,
        response: Response,
        idempotency_key: Annotated[str | None, Header(max_length=100, pattern=r"^[!-~]+$")] = None,
    ) -> Note:
        data = cast(NoteIn, data)
        if "\x00" in data.title:
            raise ValueError("invalid byte sequence for encoding UTF8: 0x00")
        async with await guarded("race_idempotency"):
            if idempotency_key is not None and idempotency_key in store.keys:
                note, location = store.keys[idempotency_key]
            else:
                async with await guarded("race_reference"):
                    await check_tags(data.tag_ids)
                    await io(
                        "race_reference" if "race_reference" in defects else "race_idempotency"
                    )
                    note = Note(id=next(store.ids), version=1, **data.model_dump())
                    store.notes[note.id] = note
                location = str(request.url_for("get_note", note_id=note.id))
                if idempotency_key is not None:
                    store.keys[idempotency_key] = (note, location)
        response.headers.update({"Location": location, "ETag": f'"{note.version}"'})
        return note

    @app.get("/notes", responses=problems(422))
    async def list_notes(
        tag_id: Annotated[int | None, Query(ge=1, le=max_id)] = None,
        limit: Annotated[int, Query(ge=1, le=100)] = 20,
    ) -> list[Note]:
        crash_on(tag_id)
        notes = [n for n in store.notes.values() if tag_id is None or tag_id in n.tag_ids]
        return notes[:limit]

    archive_responses = problems(422) if "undeclared" in defects else problems(400, 422)

    def archived(data: Archive) -> Archived:
        return Archived(
            archived=sum(1 for n in store.notes.values() if n.due_on and n.due_on < data.before)
        )

    if "raw_body" in defects:
        schema = Archive.model_json_schema()
        body = {"required": True, "content": {"application/json": {"schema": schema}}}

        @app.post(
            "/notes/archive", responses=archive_responses, openapi_extra={"requestBody": body}
        )
        async def archive_raw(request: Request) -> Archived:
            try:  # invalid UTF-8 is a UnicodeDecodeError, deep nesting a RecursionError: 500s
                payload = json.loads(await request.body())
            except json.JSONDecodeError as exc:
                raise HTTPException(400, "not JSON") from exc
            try:
                return archived(Archive.model_validate(payload))
            except ValidationError as exc:
                raise RequestValidationError(exc.errors()) from exc

    else:

        @app.post("/notes/archive", responses=archive_responses)
        async def archive(data: Archive) -> Archived:
            return archived(data)

    def find(note_id: int) -> Note:
        crash_on(note_id)
        if note_id not in store.notes:
            raise HTTPException(404, "no such note")
        return store.notes[note_id]

    etag = {"ETag": {"schema": {"type": "string"}}}

    @app.get(note_path, name="get_note", response_model=Note,
             responses={200: {"headers": etag}, **problems(404, 422)})  # fmt: skip
    async def get_note(note_id: NoteId, response: Response) -> Any:
        note = find(note_id)
        response.headers["ETag"] = f'"{note.version}"'
        if "bad_schema" in defects:  # a Response is sent as it is, unchecked
            return JSONResponse(note.model_dump(mode="json", exclude={"title"}))
        return note

    @app.patch(note_path, responses={200: {"headers": etag}, **problems(400, 404, 412, 422)})
    async def patch_note(
        note_id: NoteId,
        data: NotePatch,
        response: Response,
        if_match: Annotated[str | None, Header(alias="If-Match")] = None,
    ) -> Note:
        async with await guarded("race_if_match", "race_update"):
            read = note = find(note_id)
            if if_match is not None and if_match.strip() not in ("*", f'"{note.version}"'):
                raise HTTPException(412, "changed meanwhile")
            await io("race_if_match", "race_update")
            note = find(note_id)
            if "race_update" in defects and note.version != read.version:
                raise RuntimeError("could not serialize access due to concurrent update")
            changed = note.model_copy(
                update={**data.model_dump(exclude_none=True), "version": note.version + 1}
            )
            store.notes[note_id] = changed
        response.headers["ETag"] = f'"{changed.version}"'
        return changed

    @app.delete(note_path, status_code=204, responses=problems(404, 422))
    async def delete_note(note_id: NoteId) -> None:
        find(note_id)
        del store.notes[note_id]

    if nested:
        add_labels(app, store, note_path, NoteId, find)
    if "no_head" not in defects:
        app.add_middleware(HeadAndOptions, allow=allow)
    return app


def add_labels(app: FastAPI, store: Store, note_path: str, NoteId: Any, find: Any) -> None:
    """A collection under a resource: create (409 on a name the note has), list, read, rename
    and delete a note's labels; a lock from the uniqueness check to the write."""
    labels_path, label_path = f"{note_path}/labels", f"{note_path}/labels/{{label_id}}"
    LabelId = Annotated[int, Path(ge=1, le=INT32_MAX)]

    def label_of(note_id: int, label_id: int) -> Label:
        find(note_id)
        label = store.labels.get(label_id)
        if label is None or label.note_id != note_id:
            raise HTTPException(404, "no such label")
        return label

    def taken(note_id: int, name: str, but: int | None = None) -> bool:
        return any(
            label.note_id == note_id and label.name == name and label.id != but
            for label in store.labels.values()
        )

    @app.post(labels_path, status_code=201, responses=problems(404, 409, 422))
    async def create_label(note_id: NoteId, data: LabelIn) -> Label:
        find(note_id)
        async with store.locks["labels"]:
            if taken(note_id, data.name):
                raise HTTPException(409, "name taken")
            await asyncio.sleep(0.002)  # a database round trip, under the lock
            label = Label(id=next(store.ids), note_id=note_id, name=data.name)
            store.labels[label.id] = label
            return label

    @app.get(labels_path, responses=problems(404, 422))
    async def list_labels(note_id: NoteId) -> list[Label]:
        find(note_id)
        return [label for label in store.labels.values() if label.note_id == note_id]

    @app.get(label_path, responses=problems(404, 422))
    async def get_label(note_id: NoteId, label_id: LabelId) -> Label:
        return label_of(note_id, label_id)

    @app.patch(label_path, responses=problems(404, 409, 422))
    async def rename_label(note_id: NoteId, label_id: LabelId, data: LabelPatch) -> Label:
        async with store.locks["labels"]:
            label = label_of(note_id, label_id)
            if data.name is not None and taken(note_id, data.name, but=label_id):
                raise HTTPException(409, "name taken")
            renamed = label.model_copy(update=data.model_dump(exclude_none=True))
            store.labels[label_id] = renamed
            return renamed

    @app.delete(label_path, status_code=204, responses=problems(404, 422))
    async def delete_label(note_id: NoteId, label_id: LabelId) -> None:
        label_of(note_id, label_id)
        del store.labels[label_id]


class _NoLock:
    async def __aenter__(self) -> None:
        return None

    async def __aexit__(self, *exc: object) -> None:
        return None
