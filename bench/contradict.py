"""Stance figures of factcheck.relate on the ANS dev split, with baselines from the same run.

    /tmp/venv/bin/python bench/contradict.py [--data ../shared/data/ans] [--split dev]

Prints per-class precision, recall and F1, the macro-F1 over agree/disagree/other, and the
time per pair of relate() against the time of the baselines (majority class; a rule that
says disagree when exactly one side carries a negation, agree otherwise).
"""

import argparse
import csv
import time
from pathlib import Path

from factcheck import relate as rel
from factcheck.match import Index
from factcheck.normalize import fold

CLASSES = ["agree", "disagree", "other"]
TO_CLASS = {rel.Relation.AGREES: "agree", rel.Relation.CONTRADICTS: "disagree",
            rel.Relation.UNRELATED: "other"}


def scores(gold: list[str], pred: list[str]) -> dict[str, tuple[float, float, float]]:
    out = {}
    for k in CLASSES:
        tp = sum(g == k and p == k for g, p in zip(gold, pred, strict=True))
        np_ = sum(p == k for p in pred)
        ng = sum(g == k for g in gold)
        prec = tp / np_ if np_ else 0.0
        rec = tp / ng if ng else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[k] = (prec, rec, f1)
    return out


def report(name: str, gold: list[str], pred: list[str], seconds: float) -> float:
    table = scores(gold, pred)
    macro = sum(f for _, _, f in table.values()) / len(CLASSES)
    per_pair = seconds / len(gold) * 1e6
    print(f"\n{name}: macro-F1 {macro:.3f}   {per_pair:.1f} µs/pair")
    for k, (p, r, f) in table.items():
        print(f"  {k:<9} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    return per_pair


def negation_rule(s1: str, s2: str) -> str:
    a, b = rel.read_statement(s1), rel.read_statement(s2)
    return "disagree" if bool(a.negators) != bool(b.negators) else "agree"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path,
                        default=Path(__file__).resolve().parents[2] / "shared" / "data" / "ans")
    parser.add_argument("--split", default="dev", help="dev (train is what the model saw).")
    parser.add_argument("--store", type=int, default=100_000,
                        help="Claims in the synthetic store for the matching figures.")
    args = parser.parse_args()
    with (args.data / f"stance-{args.split}.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    gold = [r["stance"] for r in rows]
    pairs = [(r["s1"], r["s2"]) for r in rows]
    print(f"ANS stance {args.split}: {len(rows)} pairs "
          + ", ".join(f"{k} {gold.count(k)}" for k in CLASSES))

    rel.model()
    rel.lexicon()
    majority = max(CLASSES, key=gold.count)
    t = time.perf_counter()
    pred = [majority for _ in pairs]
    report(f"baseline: majority class ({majority})", gold, pred, time.perf_counter() - t)

    rel.read_statement.cache_clear()
    t = time.perf_counter()
    pred = [negation_rule(a, b) for a, b in pairs]
    base = report("baseline: negation on one side only", gold, pred, time.perf_counter() - t)

    rel.read_statement.cache_clear()
    t = time.perf_counter()
    pred = [TO_CLASS[rel.relate(a, b).relation] for a, b in pairs]
    ours = report("factcheck.relate (cold: statements read)", gold, pred,
                  time.perf_counter() - t)
    t = time.perf_counter()
    for a, b in pairs:
        rel.relate(a, b)
    warm = (time.perf_counter() - t) / len(pairs) * 1e6
    print(f"\nrelate: {ours:.1f} µs/pair cold ({ours / base:.1f}x the negation rule's reading), "
          f"{warm:.1f} µs/pair with both statements already read")
    bench_store(args.data, args.store, [a for a, _ in pairs[:50]])


def bench_store(data: Path, size: int, new: list[str]) -> None:
    """Matching against a store of `size` claims made of train headlines, numbered apart."""
    with (data / "stance-train.csv").open(encoding="utf-8") as fh:
        heads = [h for r in csv.DictReader(fh) for h in (r["s1"], r["s2"])]
    claims = [_claim(f"{heads[i % len(heads)]} {i}", f"c{i}") for i in range(size)]
    t = time.perf_counter()
    for c in claims:
        fold(c["content"]["text"])
    base = time.perf_counter() - t
    t = time.perf_counter()
    index = Index(claims)
    build = time.perf_counter() - t
    t = time.perf_counter()
    found = sum(len(index.candidates(_claim(text, None))) for text in new)
    each = (time.perf_counter() - t) / len(new)
    print(f"\nstore of {size:,} claims: index built in {build:.2f} s ({build / base:.1f}x "
          f"folding every claim's text once, {base:.2f} s); candidates for a new claim in "
          f"{each * 1e3:.1f} ms ({found / len(new):.1f} candidates on average)")


def _claim(text: str, cid: str | None) -> dict:
    return {"id": cid, "speaker": {"name": None}, "content": {"text": text}, "context": None,
            "negated": False, "modality": "assertion"}


if __name__ == "__main__":
    main()
