"""The collector settled between offices: an office's garbage collected, what lives on frozen, the
frozen objects collected again every FULL_EVERY offices."""

from __future__ import annotations

import gc
import weakref

import pytest

from tasks.pipeline import heap, office
from tasks.pipeline.request import RunRequest


class Node:
    """An object in a reference cycle: only the cyclic collector frees it."""

    def __init__(self):
        self.me = self


@pytest.fixture(autouse=True)
def fresh_count(monkeypatch):
    monkeypatch.setattr(heap, "_settled", 0)
    yield
    gc.unfreeze()


def test_the_garbage_left_before_settling_is_collected():
    node = Node()
    gone = weakref.ref(node)
    del node
    heap.settle()
    assert gone() is None


def test_what_lives_on_is_frozen_and_freed_at_the_next_full_collection():
    node = Node()
    alive = weakref.ref(node)
    heap.settle()
    assert gc.get_freeze_count() > 0
    del node
    gc.collect()
    assert alive() is not None  # frozen: an ordinary collection leaves it
    for _ in range(heap.FULL_EVERY - 2):
        heap.settle()
    assert alive() is not None
    heap.settle()  # the FULL_EVERY-th: thawed and collected
    assert alive() is None


def test_an_office_settles_after_its_run_whether_valid_or_not(tmp_path, monkeypatch):
    settled = []
    monkeypatch.setattr(heap, "settle", lambda: settled.append(1))
    run = office.run_office(RunRequest(tmp_path / "tidak-ada", tmp_path / "bersama", 2024))
    assert not run.ok and settled == [1]
