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


# Below this many bytes of JSON or cache file, what a file makes is too little to cost the
# collector much, and not worth keeping out of it.
SETTLE_FROM_BYTES = 8_000_000


def settle(*, made_from: int) -> None:
    """Leave every object alive now out of later collections (gc.freeze), once a large tree of
    them is made from a file of `made_from` bytes that will live as long as the command.

    Objects made while the collector was paused all wait in its youngest generation, and the
    next three collections would walk them one generation after another (a third of a second
    each for a 100,000-claim store, in whatever code runs next); settled, they are never
    walked, and are still freed as usual when nothing refers to them. The price: cyclic
    garbage alive at that moment is never collected, which is why small files are left alone
    (a test session loads hundreds of them).
    """
    if made_from >= SETTLE_FROM_BYTES:
        gc.freeze()
