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
        # BEGIN SOLUTION walk down the segments, creating nodes
        node = self.root
        for segment in pattern.split("."):
            node = node.children.setdefault(segment, Node())
        node.clients.add(client)
        # END SOLUTION

    def match(self, topic: str) -> list[str]:
        """The clients subscribed to a pattern matching ``topic`` (no wildcards), sorted, once each."""
        # BEGIN SOLUTION follow the exact segment, * and # at every level
        segments = topic.split(".")
        found: set[str] = set()
        level = [self.root]  # the nodes matching the segments so far
        for segment in segments:
            following = []
            for node in level:
                if "#" in node.children:  # # matches this segment and the rest
                    found |= node.children["#"].clients
                following += [node.children[s] for s in (segment, "*") if s in node.children]
            level = following
        for node in level:
            found |= node.clients
            if "#" in node.children:  # # matches no segment at all too
                found |= node.children["#"].clients
        return sorted(found)
        # END SOLUTION
