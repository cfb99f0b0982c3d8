"""Python's cyclic garbage collector, settled between offices.

An office's run allocates some hundred thousand objects, and Python starts a full collection on its
own about once per office, in the middle of it: that collection walks every long-lived object of the
process too (imported modules, the shelf's figures and Jinja environment, the caches), ~0.15 s on
the sample office of the ~1.3 s its run takes. After each office `settle` collects that office's
garbage and freezes what survived (`gc.freeze`: left out of later collections), so the collections
during the next office walk only the next office's objects (measured: 0.03–0.06 s of collection per
office instead of ~0.17 s).

What was alive at a freeze and becomes garbage later (a figure the shelf drops, a cache's evicted
entry) is not collected while frozen: every FULL_EVERY offices the frozen objects are thawed and the
whole heap collected, so memory stays bounded. With the thread runner, objects of another office
still running are frozen with the rest and wait for that full collection.
"""

from __future__ import annotations

import gc
import threading

FULL_EVERY = 25  # offices between two collections of the whole heap (~0.15 s each)

_lock = threading.Lock()
_settled = 0


def settle() -> None:
    """Collect the garbage left since the last settle and freeze what lives on; every FULL_EVERY
    calls, thaw the frozen objects first, so that the whole heap is collected."""
    global _settled
    with _lock:
        _settled += 1
        if _settled % FULL_EVERY == 0:
            gc.unfreeze()
        gc.collect()
        gc.freeze()
