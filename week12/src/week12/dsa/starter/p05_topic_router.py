"""Problem 5: routing topics to subscriptions with wildcards (a trie)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Node:
    """One segment of the subscribed patterns: its children and who subscribed ending here."""

    children: dict[str, Node] = field(default_factory=dict)
    clients: set[str] = field(default_factory=set)


class TopicRouter:
    """Subscriptions to dotted topic patterns (``room.*.typing``, ``room.#``): ``*`` matches one
    segment, ``#`` (only as the last segment) any number of segments, none included."""

    def __init__(self) -> None:
        self.root = Node()

    def subscribe(self, pattern: str, client: str) -> None:
        """Subscribe ``client`` to the topics ``pattern`` matches."""
        raise NotImplementedError("TODO: walk down the segments, creating nodes")

    def match(self, topic: str) -> list[str]:
        """The clients subscribed to a pattern matching ``topic`` (no wildcards), sorted, once each."""
        raise NotImplementedError("TODO: follow the exact segment, * and # at every level")
