"""The learned stance model (factcheck/data/stance_model.json, made by tools/learn_stance.py)
and its runtime: word weights per class, then boosted trees walked as arrays."""

import math
from functools import cache
from importlib.resources import files

import orjson

MODEL_FILE = "stance_model.json"


@cache
def model() -> dict:
    """The learned layers (word weights per class, trees) and their provenance."""
    return orjson.loads(files("factcheck.data").joinpath(MODEL_FILE).read_bytes())


class Forest:
    """The boosted trees as arrays, every tree walked at once, one level a step.

    600 small trees node by node in Python are most of the time of a pair; written out as
    code they are fast but take ~45 ms to compile, more than a cron run spends in them.
    """

    def __init__(self, stages: list):
        import numpy as np  # here: commands that never relate claims start 80 ms sooner

        trees = [tree for stage in stages for tree in stage]
        width = max(map(len, trees))
        # node columns: feature (-1 at a leaf), threshold, left, right, value
        nodes = np.zeros((len(trees), width, 5))
        nodes[:, :, 0] = -1
        for i, tree in enumerate(trees):
            nodes[i, : len(tree)] = tree
        # Flat: a node is tree * width + its place in the tree, so a step is one gather.
        base = (np.arange(len(trees)) * width)[:, None]
        self.feature = nodes[:, :, 0].astype(np.intp).ravel()
        self.threshold, self.value = nodes[:, :, 1].ravel(), nodes[:, :, 4].ravel()
        self.left = (nodes[:, :, 2].astype(np.intp) + base).ravel()
        self.right = (nodes[:, :, 3].astype(np.intp) + base).ravel()
        self.roots = base.ravel()
        self.classes = len(stages[0])
        self.class_of = np.tile(np.arange(self.classes), len(stages))  # stage by stage
        self.depth = max(depth(tree) for tree in trees)

    def sums(self, row: list[float]) -> list[float]:
        """Each class's sum of its trees' leaves for one feature row, summed stage by stage."""
        import numpy as np

        values, at = np.asarray(row), self.roots
        for _ in range(self.depth):
            feature = self.feature[at]
            down = np.where(values[feature] <= self.threshold[at], self.left[at], self.right[at])
            at = np.where(feature < 0, at, down)
        return np.bincount(self.class_of, self.value[at], minlength=self.classes).tolist()


def depth(tree: list, n: int = 0) -> int:
    feature, _, left, right, _ = tree[n]
    if feature < 0:
        return 0
    return 1 + max(depth(tree, int(left)), depth(tree, int(right)))


@cache
def forest() -> Forest:
    return Forest(model()["trees"]["stages"])


def linear(layer: dict, f: dict[str, float]) -> list[float]:
    weights = layer["weights"]
    out = list(layer["intercept"])
    for name, value in f.items():
        w = weights.get(name)
        if w is not None:
            for k in range(len(out)):
                out[k] += w[k] * value
    return out


def softmax(values: list[float]) -> list[float]:
    top = max(values)
    exp = [math.exp(v - top) for v in values]
    total = sum(exp)
    return [e / total for e in exp]
