"""The cycle collector: paused around batch work, large loaded trees kept out of it."""

import gc

import pytest

from factcheck import collector


@pytest.fixture
def unfrozen():
    yield
    gc.unfreeze()


def test_paused_turns_the_collector_back_on_only_if_it_was_on():
    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_paused_turns_the_collector_back_on_when_the_block_raises():
    with pytest.raises(RuntimeError), collector.paused():
        raise RuntimeError("midway")
    assert gc.isenabled()


def test_only_what_a_large_file_made_is_settled(unfrozen):
    before = gc.get_freeze_count()
    collector.settle(made_from=collector.SETTLE_FROM_BYTES - 1)
    assert gc.get_freeze_count() == before
    collector.settle(made_from=collector.SETTLE_FROM_BYTES)
    assert gc.get_freeze_count() > before
