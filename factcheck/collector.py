"""The cyclic garbage collector, paused while a batch makes many objects that hold no cycles.

Each collection walks every object that survived the ones before: with a 100,000-claim store
in memory, a load or a contradiction check that makes a million small dicts, tuples and sets
set off collections that walk the store again and again (half of a load, a fifth of a check),
and find nothing, since parsed JSON and the check's readings hold no cycles.
"""

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic collection inside the block; the collector is on again after it if it was."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
