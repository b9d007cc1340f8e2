"""Learn factcheck/data/stance_model.json from the ANS stance corpus (train split only).

Offline only: needs scikit-learn and numpy (pip install scikit-learn into the venv); the
package itself reads the JSON this writes with pure Python (factcheck.relate).

Two layers, stacked:
1. a logistic regression over all of factcheck.relate.features (the words that differ, their
   pairs, and the pair-level features) gives agree/disagree/other probabilities;
2. small gradient-boosted trees over the pair-level features and those three probabilities
   (out-of-fold on train, so the trees never see the regression's own training fit) decide.
The regularisation C, the number and depth of the trees and their class balance are chosen
by 5-fold cross-validation on the train split alone, with the pipeline's own same-matter
gate (factcheck.relate: a pair sharing no matter is unrelated before the model runs) applied
to the held-out folds as at check time;
the dev split is read once, at the end, to report (the test split is not here).

    .venv/bin/python tools/learn_stance.py [--data ../shared/data/ans]

Source of the data: github.com/latynt/ans, commit 9c5f313, data/stance/{train,dev}.csv,
Apache-2.0; Khouja (2020), "Stance Prediction and Claim Verification: An Arabic
Perspective", FEVER workshop, ACL 2020.
"""

import argparse
import csv
import json
from pathlib import Path

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

from factcheck import relate
from factcheck.relate import features, is_dense, read_statement

CLASSES = ["agree", "disagree", "other"]
OUT = Path(__file__).resolve().parent.parent / "factcheck" / "data" / "stance_model.json"
# Weights smaller than this change no decision; leaving them out keeps the file small.
PRUNE = 0.01
LEARNING_RATE = 0.05
SEED = 0


def load(path: Path) -> tuple[list[dict], list[str]]:
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    feats = [features(read_statement(r["s1"]), read_statement(r["s2"])) for r in rows]
    return feats, [r["stance"] for r in rows]


def words_model(x, y, c: float) -> LogisticRegression:
    return LogisticRegression(C=c, max_iter=4000).fit(x, y)


def out_of_fold(x, y, c: float) -> np.ndarray:
    """Layer-1 probabilities for each train pair from a model that did not see it."""
    out = np.zeros((len(y), len(CLASSES)))
    for fit_rows, held in StratifiedKFold(5, shuffle=True, random_state=SEED).split(x, y):
        out[held] = words_model(x[fit_rows], y[fit_rows], c).predict_proba(x[held])
    return out


def balance_weights(y: np.ndarray, power: float) -> np.ndarray:
    """Each pair's weight in the trees' fit: (pairs / (classes * pairs of its class)) ** power.

    'other' is 2% of train: at power 0 the trees all but ignore it, at 1 each class weighs
    as much as another; the power is chosen by cross-validation on train.
    """
    counts = {k: int((y == k).sum()) for k in CLASSES}
    return np.array([(len(y) / (len(CLASSES) * counts[k])) ** power for k in y])


def fit_stack(train_f: list[dict], train_y: np.ndarray, min_count: int, c: float,
              trees: int, balance: float = 0.0, depth: int = 2):
    """Both layers fitted on `train_f`; what predicting a new pair needs."""
    *words, z_train = fit_words(train_f, train_y, min_count, c)
    return (*words, fit_trees(z_train, train_y, trees, balance, depth))


def fit_trees(z_train: np.ndarray, train_y: np.ndarray, trees: int, balance: float,
              depth: int = 2):
    return GradientBoostingClassifier(n_estimators=trees, max_depth=depth,
                                      learning_rate=LEARNING_RATE, random_state=SEED).fit(
        z_train, train_y, sample_weight=balance_weights(train_y, balance))


def fit_words(train_f: list[dict], train_y: np.ndarray, min_count: int, c: float):
    """The word layer and the trees' inputs on train (its probabilities out of fold)."""
    counts: dict[str, int] = {}
    for f in train_f:
        for k in f:
            counts[k] = counts.get(k, 0) + 1
    keep = {k for k, n in counts.items() if n >= min_count or is_dense(k)}
    train_f = [{k: v for k, v in f.items() if k in keep} for f in train_f]
    vec = DictVectorizer()
    x_train = vec.fit_transform(train_f)
    dense_vec = DictVectorizer(sparse=False)
    dense_train = dense_vec.fit_transform([_dense(f) for f in train_f])
    layer1 = words_model(x_train, train_y, c)
    z_train = np.hstack([dense_train, out_of_fold(x_train, train_y, c)])
    return vec, dense_vec, layer1, z_train


def stack_inputs(stack, feats: list[dict]) -> np.ndarray:
    vec, dense_vec, layer1, _ = stack
    return np.hstack([dense_vec.transform([_dense(f) for f in feats]),
                      layer1.predict_proba(vec.transform(feats))])


def gated(pred, gate: list[bool]) -> np.ndarray:
    """The predictions as the pipeline gives them: a pair sharing no matter is `other`."""
    return np.array(["other" if g else p for p, g in zip(pred, gate, strict=True)])


def cross_validate(train_f, train_y, gate, min_count: int, cs, tree_counts,
                   balances=(0.0,), depths=(2,)) -> dict:
    """Macro-F1 of each setting (C, trees, class balance, tree depth) on held-out train
    folds, the stages of one boosting fit read at each number of trees; the word layer of a
    fold and C serves every balance and depth."""
    scores: dict[tuple, list[float]] = {}
    folds = StratifiedKFold(5, shuffle=True, random_state=SEED).split(train_f, train_y)
    for fit_rows, held in folds:
        fit_f = [train_f[i] for i in fit_rows]
        held_f = [train_f[i] for i in held]
        for c in cs:
            *words, z_fit = fit_words(fit_f, train_y[fit_rows], min_count, c)
            z = stack_inputs((*words, None), held_f)
            for balance in balances:
                for depth in depths:
                    layer2 = fit_trees(z_fit, train_y[fit_rows], max(tree_counts), balance,
                                       depth)
                    for n, pred in enumerate(layer2.staged_predict(z), start=1):
                        if n in tree_counts:
                            pred = gated(pred, [gate[i] for i in held])
                            scores.setdefault((c, n, balance, depth), []).append(f1_score(
                                train_y[held], pred, average="macro", labels=CLASSES))
    return {k: float(np.mean(v)) for k, v in scores.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path,
                        default=Path(__file__).resolve().parents[2] / "shared" / "data" / "ans")
    parser.add_argument("--min-count", type=int, default=2,
                        help="Keep a word feature only when train holds it this often.")
    parser.add_argument("--c", type=float, nargs="+", default=[0.3, 1.0, 3.0, 10.0],
                        help="The word layer's regularisation values cross-validation tries.")
    parser.add_argument("--trees", type=int, nargs="+", default=[100, 200, 300, 400, 600],
                        help="The numbers of boosting stages cross-validation tries.")
    parser.add_argument("--balance", type=float, nargs="+", default=[0.0, 0.5, 1.0],
                        help="The class-balance powers (balance_weights) it tries.")
    parser.add_argument("--depth", type=int, nargs="+", default=[2, 3],
                        help="The depths of the boosted trees it tries.")
    args = parser.parse_args()

    train_rows = _rows(args.data / "stance-train.csv")
    train_f, train_y = load(args.data / "stance-train.csv")
    train_y = np.array(train_y)
    gate = [_no_matter(r) for r in train_rows]
    scores = cross_validate(train_f, train_y, gate, args.min_count, args.c, args.trees,
                            args.balance, args.depth)
    for (c, trees, balance, depth), macro in sorted(scores.items()):
        print(f"C={c:<4} trees={trees:<4} balance={balance:<4} depth={depth} "
              f"train 5-fold macro-F1 {macro:.3f}", flush=True)
    # On a tie the smaller model: fewer trees, then shallower ones.
    (c, trees, balance, depth), macro = max(
        scores.items(), key=lambda kv: (kv[1], -kv[0][1], -kv[0][3]))
    print(f"chosen by cross-validation on train: C={c} trees={trees} balance={balance} "
          f"depth={depth} (macro-F1 {macro:.3f})")
    stack = fit_stack(train_f, train_y, args.min_count, c, trees, balance, depth)
    vec, dense_vec, layer1, layer2 = stack
    dev_f, dev_y = load(args.data / "stance-dev.csv")
    dev_gate = [_no_matter(r) for r in _rows(args.data / "stance-dev.csv")]
    z_dev = stack_inputs(stack, dev_f)
    pred = layer2.predict(z_dev)
    dev_macro = f1_score(dev_y, gated(pred, dev_gate), average="macro", labels=CLASSES)
    print(f"dev, read once: macro-F1 {dev_macro:.3f}")

    out = {
        "provenance": {
            "data": "github.com/latynt/ans commit 9c5f313, data/stance/train.csv "
                    "(Apache-2.0); Khouja, FEVER workshop, ACL 2020",
            "made_by": "tools/learn_stance.py",
            "model": "logistic regression over factcheck.relate.features, stacked under "
                     "gradient-boosted trees (scikit-learn) over the pair-level features",
            "tuned_on": "5-fold cross-validation on data/stance/train.csv only (C, the "
                        "number and depth of the trees, the class balance of their fit), the "
                        "same-matter gate applied; dev read once",
            "grid": {"C": args.c, "trees": args.trees, "balance": args.balance,
                     "depth": args.depth},
            "cv_macro_f1": round(macro, 3), "dev_macro_f1": round(float(dev_macro), 3),
            "C": c, "trees": trees, "balance": balance, "depth": depth,
            "learning_rate": LEARNING_RATE,
            "min_count": args.min_count,
        },
        "classes": CLASSES,
        "words": export_words(vec, layer1),
        "dense": list(dense_vec.feature_names_),
        "trees": export_trees(layer2, z_dev[:1]),
    }
    OUT.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n",
                   encoding="utf-8")
    check_export(dev_f, pred)
    print(f"wrote {OUT}")


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _no_matter(row: dict) -> bool:
    a, b = read_statement(row["s1"]), read_statement(row["s2"])
    shared = min(len(relate.matched(a, b)), len(relate.matched(b, a)))
    return relate.no_matter_in_common(a, b, shared)


def _dense(f: dict) -> dict:
    return {k: v for k, v in f.items() if is_dense(k)}


def export_words(vec: DictVectorizer, clf: LogisticRegression) -> dict:
    order = [list(clf.classes_).index(k) for k in CLASSES]
    coef = np.asarray(clf.coef_)[order]
    weights = {name: [round(float(v), 4) for v in coef[:, j]]
               for j, name in enumerate(vec.feature_names_) if np.abs(coef[:, j]).max() >= PRUNE}
    return {"intercept": [round(float(v), 4) for v in np.asarray(clf.intercept_)[order]],
            "weights": dict(sorted(weights.items()))}


def export_trees(gbt: GradientBoostingClassifier, sample) -> dict:
    assert list(gbt.classes_) == CLASSES
    stages = []
    for stage in gbt.estimators_:
        stages.append([_tree(est.tree_) for est in stage])
    init = gbt._raw_predict_init(sample)[0]  # the prior log-odds every prediction starts from
    return {"learning_rate": gbt.learning_rate, "init": [float(v) for v in init],
            "stages": stages}


def _tree(tree) -> list:
    """[feature, threshold, left, right, value] per node; feature -1 marks a leaf."""
    return [[int(tree.feature[i]), float(tree.threshold[i]), int(tree.children_left[i]),
             int(tree.children_right[i]), float(tree.value[i][0][0])]
            for i in range(tree.node_count)]


def check_export(dev_f: list[dict], expected) -> None:
    """The pure-Python reading of the file must decide as scikit-learn did."""
    relate.model.cache_clear()
    relate.forest.cache_clear()
    got = [relate.decide(f)[0] for f in dev_f]
    names = {relate.Relation.AGREES: "agree", relate.Relation.CONTRADICTS: "disagree",
             relate.Relation.UNRELATED: "other"}
    mismatches = sum(names[g] != e for g, e in zip(got, expected, strict=True))
    print(f"pure-Python decisions differing from scikit-learn's on dev: {mismatches}")


if __name__ == "__main__":
    main()
