"""The read API's rules: pages with signed cursors, one item by id."""

from datetime import datetime

from ..errors import InvalidCursorError, NotFoundError
from ..pagination import CursorCodec
from .models import Item
from .repository import ItemRepository
from .schemas import ItemKind, SourceName

SORT = "-occurred_at"


class ItemService:
    def __init__(self, items: ItemRepository, cursors: CursorCodec) -> None:
        raise NotImplementedError("TODO: keep the arguments")

    async def page(
        self, *, source: SourceName | None, kind: ItemKind | None, limit: int, cursor: str | None
    ) -> tuple[list[Item], str | None]:
        """A page and the cursor of the next one (None on the last page)."""
        raise NotImplementedError("TODO: decode cursor; fetch limit + 1; encode the next")

    async def get(self, item_id: int) -> Item:
        raise NotImplementedError("TODO: the item, or NotFoundError")
