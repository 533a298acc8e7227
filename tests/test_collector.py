"""The garbage collector pause around bulk work (eventwire.collector)."""

from __future__ import annotations

import gc

import pytest

from eventwire import collector


def test_the_collector_is_paused_for_a_bulk_pass_and_restored_after_it():
    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
        with collector.paused():  # nested: the inner block does not switch it back on
            pass
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector.paused():
        raise RuntimeError("a failed run")
    assert gc.isenabled()
    gc.disable()  # a caller that keeps it off finds it off
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
