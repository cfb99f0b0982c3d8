"""Objects too costly to build for every document (a matplotlib figure with its kept backgrounds, a
Jinja environment with its compiled templates), kept for the whole process and lent to one thread at
a time.

Kept per thread, they were built again for every office of a roll-up: Prefect's process pool runs
each task in a thread of its own, so a worker's second office found none of its first office's
figures (about 0.4 s more per office, a quarter of its cost). Lent from one shelf, they outlive the
thread that used them, and no two threads ever hold the same object.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")


class Shelf:
    """Idle objects by key, the `keys` most recently returned kept (older keys' objects dropped)."""

    def __init__(self, keys: int):
        self.keys = keys
        self._idle: OrderedDict[Hashable, list] = OrderedDict()
        self._lock = threading.Lock()

    @contextmanager
    def lend(self, key: Hashable, build: Callable[[], T]) -> Iterator[T]:
        """An idle object of `key` (built when none is idle), the caller's alone until it is returned."""
        with self._lock:
            idle = self._idle.get(key)
            item = idle.pop() if idle else None
        if item is None:
            item = build()
        try:
            yield item
        finally:
            with self._lock:
                self._idle.setdefault(key, []).append(item)
                self._idle.move_to_end(key)
                while len(self._idle) > self.keys:
                    self._idle.popitem(last=False)

    def idle(self, key: Hashable) -> list:
        """The idle objects of `key` (for tests)."""
        with self._lock:
            return list(self._idle.get(key, []))
