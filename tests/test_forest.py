"""The stance model's forest runtime: every tree walked at once, leaves summed per class."""

import pytest

from factcheck.forest import Forest, depth, linear, softmax

# Nodes: [feature (-1 at a leaf), threshold, left, right, value].
DEEP = [[0, 0.5, 1, 2, 0.0], [-1, 0, 0, 0, 1.0], [1, 2.0, 3, 4, 0.0],
        [-1, 0, 0, 0, -1.0], [-1, 0, 0, 0, 3.0]]
STUMP = [[1, 0.0, 1, 2, 0.0], [-1, 0, 0, 0, 0.25], [-1, 0, 0, 0, -0.5]]
LEAF = [[-1, 0, 0, 0, 2.0]]
# Two stages of two classes: class 0 gets DEEP then LEAF, class 1 STUMP then DEEP.
FOREST = Forest([[DEEP, STUMP], [LEAF, DEEP]])


@pytest.mark.parametrize("row, sums", [
    ([0.0, 0.0], [1.0 + 2.0, 0.25 + 1.0]),  # left at the root of DEEP; STUMP: 0 <= 0
    ([1.0, 1.0], [-1.0 + 2.0, -0.5 + -1.0]),  # DEEP right then left (1 <= 2)
    ([1.0, 5.0], [3.0 + 2.0, -0.5 + 3.0]),  # DEEP right then right
    ([0.5, 2.0], [1.0 + 2.0, -0.5 + 1.0]),  # a value equal to the threshold goes left
])
def test_the_walk_sums_each_classs_leaves(row, sums):
    assert FOREST.sums(row) == pytest.approx(sums)


def test_trees_of_different_depths_walk_together():
    assert (depth(DEEP), depth(STUMP), depth(LEAF)) == (2, 1, 0)
    assert FOREST.depth == 2
    assert FOREST.sums([0.0, 3.0]) == pytest.approx([3.0, 0.5])


def test_the_word_layer_and_softmax():
    layer = {"intercept": [0.0, 1.0], "weights": {"a": [2.0, -1.0], "b": [0.5, 0.5]}}
    assert linear(layer, {"a": 1.0, "c": 9.0}) == [2.0, 0.0]
    probs = softmax([2.0, 0.0])
    assert sum(probs) == pytest.approx(1.0) and probs[0] > probs[1]
