"""Union-find: groups that grow by joining pairs (spelling variants, near-duplicate claims)."""

from __future__ import annotations


class DisjointSets:
    """Elements 0..n-1; each group is named by its root, the first element of the last join."""

    def __init__(self, n: int) -> None:
        self._parent = list(range(n))

    def find(self, x: int) -> int:
        parent = self._parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]  # path halving keeps later look-ups short
            x = parent[x]
        return x

    def join(self, keep: int, other: int) -> None:
        """Put other's group into keep's; keep's root stays the name."""
        self._parent[self.find(other)] = self.find(keep)
