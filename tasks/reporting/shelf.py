"""Objects too costly to build for every document (a matplotlib figure with its kept backgrounds, the
renderer a compact figure draws on, a Jinja environment with its compiled templates), kept once per
process and lent to one thread at a time.

Kept per thread, every thread that renders built its own set: with 24 capaian figures kept (~6.6 MB
each when this was measured, ~0.6 MB now) that is memory per thread, and a thread that lives for one
office only (measured: ten varied offices, each in a new thread, 1.96-2.04 s each with per-thread
figures, 1.38-1.42 s lent from here) found none. Prefect's process pool runs its tasks in each
worker's main thread, so the roll-up's default runner kept its figures either way; the thread and Dask
runners share one set per process. No two threads ever hold the same object.
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
