"""The SQL stores' matching index picks the same candidates however it sums the weights."""

import random
from array import array

import numpy as np
import pytest

from factcheck.indexing import heaviest


def plainly(lists: list[list[int]], weights: list[float], keep: int) -> set[int]:
    """The `keep` heaviest numbers, the lowest first among equals, summed one by one (the
    rarest key, the heaviest weight, first)."""
    order = sorted(range(len(lists)), key=lambda i: -weights[i])
    mass: dict[int, float] = {}
    for i in order:
        for n in lists[i]:
            mass[n] = mass.get(n, 0.0) + weights[i]
    return set(sorted(mass, key=lambda n: (-mass[n], n))[:keep])


def as_arrays(lists):
    return [np.frombuffer(array("I", ns).tobytes(), dtype=np.uint32) for ns in lists]


@pytest.mark.parametrize("seed", range(40))
def test_the_heaviest_numbers_are_those_a_plain_sum_gives(seed):
    rng = random.Random(seed)
    size = rng.randint(50, 5000)
    # A few rare keys and some held by a large share, as a store's common words are.
    lists = [sorted(rng.sample(range(size), rng.randint(1, size // rng.choice((2, 5, 50)))))
             for _ in range(rng.randint(1, 12))]
    if seed % 4 == 0:  # equal weights: ties at the cut, taken lowest number first
        weights = [rng.choice((1.0, 2.0, 3.5)) for _ in lists]
    else:
        weights = [float(np.log(size / len(ns)) + 0.1) for ns in lists]
    keep = rng.randint(1, 70)
    assert set(heaviest(np, as_arrays(lists), weights, keep)) == plainly(lists, weights, keep)


def test_a_list_out_of_order_is_summed_whole():
    lists = [[9, 3, 5], [3, 4], [1, 2, 3, 4, 5, 6, 7, 8, 9]]
    weights = [5.0, 3.0, 0.5]
    assert set(heaviest(np, as_arrays(lists), weights, 2)) == {3, 5}
