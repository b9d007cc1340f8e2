"""Learn factcheck/data/stance_model.json from the ANS stance corpus (train split only).

Offline only: needs scikit-learn and numpy (pip install scikit-learn into the venv); the
package itself reads the JSON this writes with pure Python. The regularisation C and the
class weighting are chosen on the dev split and nothing else (the test split is not here).

    /tmp/venv/bin/python tools/learn_stance.py [--data ../shared/data/ans]

Source of the data: github.com/latynt/ans, commit 9c5f313, data/stance/{train,dev}.csv,
Apache-2.0; Khouja (2020), "Stance Prediction and Claim Verification: An Arabic
Perspective", FEVER workshop, ACL 2020.
"""

import argparse
import csv
import json
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

from factcheck.relate import features, read_statement

CLASSES = ["agree", "disagree", "other"]
OUT = Path(__file__).resolve().parent.parent / "factcheck" / "data" / "stance_model.json"
# Weights smaller than this change no decision; leaving them out keeps the file small.
PRUNE = 0.02


def load(path: Path) -> tuple[list[dict], list[str]]:
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    feats = [features(read_statement(r["s1"]), read_statement(r["s2"])) for r in rows]
    return feats, [r["stance"] for r in rows]


def is_dense(name: str) -> bool:
    """Features that describe the pair as a whole, not one word of it."""
    return name[:2] not in ("d:", "p:", "r:")


def fit(features_, labels, *, c: float, positive: str, weight: float = 1.0):
    vec = DictVectorizer()
    x = vec.fit_transform(features_)
    clf = LogisticRegression(C=c, max_iter=4000, class_weight={positive: weight})
    clf.fit(x, labels)
    return vec, clf


def proba(vec, clf, features_, positive: str):
    column = list(clf.classes_).index(positive)
    return clf.predict_proba(vec.transform(features_))[:, column]


def export(vec, clf, positive: str) -> dict:
    sign = 1.0 if list(clf.classes_).index(positive) == 1 else -1.0
    coef = np.asarray(clf.coef_)[0] * sign
    weights = {name: round(float(w), 4) for name, w in zip(vec.feature_names_, coef, strict=True)
               if abs(w) >= PRUNE}
    return {"positive": positive, "intercept": round(float(clf.intercept_[0] * sign), 4),
            "weights": dict(sorted(weights.items()))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path,
                        default=Path(__file__).resolve().parents[2] / "shared" / "data" / "ans")
    parser.add_argument("--min-count", type=int, default=2,
                        help="Keep a word feature only when train holds it this often.")
    args = parser.parse_args()

    train_f, train_y = load(args.data / "stance-train.csv")
    dev_f, dev_y = load(args.data / "stance-dev.csv")
    counts: dict[str, int] = {}
    for f in train_f:
        for k in f:
            counts[k] = counts.get(k, 0) + 1
    keep = {k for k, n in counts.items() if n >= args.min_count or is_dense(k)}
    train_f = [{k: v for k, v in f.items() if k in keep} for f in train_f]

    # Stage 1: is the pair about the same matter at all? Dense features only: 63 examples of
    # `other` are too few to learn words from.
    dense_train = [{k: v for k, v in f.items() if is_dense(k)} for f in train_f]
    dense_dev = [{k: v for k, v in f.items() if is_dense(k)} for f in dev_f]
    rel_y = ["other" if y == "other" else "related" for y in train_y]
    # Stage 2: agree or disagree, on the related pairs, with the words that differ.
    pairs = [(f, y) for f, y in zip(train_f, train_y, strict=True) if y != "other"]
    best = None
    for c1, w1 in ((0.3, 3.0), (1.0, 3.0), (0.3, 10.0), (1.0, 10.0), (3.0, 10.0)):
        vec1, clf1 = fit(dense_train, rel_y, c=c1, positive="other", weight=w1)
        p_other = proba(vec1, clf1, dense_dev, "other")
        for c2 in (0.1, 0.3, 1.0, 3.0):
            vec2, clf2 = fit([f for f, _ in pairs], [y for _, y in pairs], c=c2,
                             positive="disagree")
            p_dis = proba(vec2, clf2, dev_f, "disagree")
            for t_other in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
                for t_dis in (0.4, 0.45, 0.5, 0.55, 0.6):
                    pred = decide(p_other, p_dis, t_other, t_dis)
                    macro = f1_score(dev_y, pred, average="macro", labels=CLASSES)
                    if best is None or macro > best[0]:
                        best = (macro, c1, c2, t_other, t_dis, (vec1, clf1), (vec2, clf2), pred)
    macro, c1, c2, t_other, t_dis, stage1, stage2, pred = best
    dis = f1_score(dev_y, pred, average=None, labels=["disagree"])[0]
    print(f"chosen on dev: C1={c1} C2={c2} other>={t_other} disagree>={t_dis}: "
          f"macro-F1 {macro:.3f}, disagree F1 {dis:.3f}")
    out = {
        "provenance": {
            "data": "github.com/latynt/ans commit 9c5f313, data/stance/train.csv "
                    "(Apache-2.0); Khouja, FEVER workshop, ACL 2020",
            "made_by": "tools/learn_stance.py",
            "model": "two logistic regressions (scikit-learn) over factcheck.relate.features: "
                     "same matter or not (dense features), then agree or disagree",
            "tuned_on": "data/stance/dev.csv only (C of each stage and both thresholds)",
            "C": [c1, c2], "min_count": args.min_count,
        },
        "related": export(*stage1, "other"),
        "stance": export(*stage2, "disagree"),
        "other_threshold": t_other,
        "disagree_threshold": t_dis,
    }
    OUT.write_text(json.dumps(out, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {OUT} with {len(out['related']['weights']) + len(out['stance']['weights'])} "
          "weights")


def decide(p_other, p_dis, t_other: float, t_dis: float) -> list[str]:
    return ["other" if po >= t_other else "disagree" if pd >= t_dis else "agree"
            for po, pd in zip(p_other, p_dis, strict=True)]


if __name__ == "__main__":
    main()
