"""Problem 3: one person per group of directory entries sharing an address (union-find)."""

from __future__ import annotations


def merge_directories(entries: list[list[str]]) -> list[list[str]]:
    """Group the entries of ``entries`` (each the e-mail addresses of one directory record) that
    share an address, directly or through others: each person's addresses sorted, the people
    sorted by their first address."""
    # BEGIN SOLUTION union-find over entries sharing an address
    parent = list(range(len(entries)))
    size = [1] * len(entries)

    def find(entry: int) -> int:
        root = entry
        while parent[root] != root:
            root = parent[root]
        while parent[entry] != root:  # path compression: the next find is one step
            parent[entry], entry = root, parent[entry]
        return root

    def union(a: int, b: int) -> None:
        a, b = find(a), find(b)
        if a == b:
            return
        if size[a] < size[b]:  # the smaller tree goes under the larger: shallow trees
            a, b = b, a
        parent[b] = a
        size[a] += size[b]

    first_entry: dict[str, int] = {}
    for index, addresses in enumerate(entries):
        for address in addresses:
            if address in first_entry:
                union(first_entry[address], index)
            else:
                first_entry[address] = index
    people: dict[int, list[str]] = {}
    for address, index in first_entry.items():
        people.setdefault(find(index), []).append(address)
    return sorted(sorted(addresses) for addresses in people.values())
    # END SOLUTION
