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
        # BEGIN SOLUTION keep the arguments
        self.items = items
        self.cursors = cursors
        # END SOLUTION

    async def page(
        self, *, source: SourceName | None, kind: ItemKind | None, limit: int, cursor: str | None
    ) -> tuple[list[Item], str | None]:
        """A page and the cursor of the next one (None on the last page)."""
        # BEGIN SOLUTION decode cursor; fetch limit + 1; encode the next
        after = None
        if cursor is not None:
            value, item_id = self.cursors.decode(cursor, SORT)
            try:
                after = (datetime.fromisoformat(value), int(item_id))
            except (TypeError, ValueError):  # signed by us, but by an older version of the API
                raise InvalidCursorError("The cursor is no longer valid; start again") from None
        rows = await self.items.page(source=source, kind=kind, limit=limit + 1, after=after)
        if len(rows) <= limit:
            return rows, None
        last = rows[limit - 1]
        return rows[:limit], self.cursors.encode(SORT, (last.occurred_at.isoformat(), last.id))
        # END SOLUTION

    async def get(self, item_id: int) -> Item:
        # BEGIN SOLUTION the item, or NotFoundError
        item = await self.items.get(item_id)
        if item is None:
            raise NotFoundError(f"Item {item_id} does not exist")
        return item
        # END SOLUTION
