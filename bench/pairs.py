"""Contradictions flagged on real news, scored against the hand-labelled pairs of realnews.

    .venv/bin/python bench/pairs.py [DATA] [--unrelated 200] [--seed 13] [--trace all|cross]

Adds the articles of `DATA` (default ../shared/data/realnews) to a fresh store one at a time,
in date order (undated last, then by file name), through the same calls as `claims add
FILE --url --outlet --published`, and sets the contradictions it recorded against
`pairs.jsonl`; both sides of a pair are found by the content rule of bench/realnews.py.
Prints the recall of contradicting pairs, the recall of those across languages, the false
alarms (flagged pairs that are no gold contradiction) per 10 articles, and each miss and
false alarm. `--trace` follows each missed gold pair (all, or those across languages) through
the check: which side the extraction gave, whether the pair is a candidate and how much matter
it shares, and what the judge said. Then `claims compare` (factcheck.relate.relate) on pairs
of extracted statements from two different stories: how often it says `unrelated`.
"""

import argparse
import json
import random
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from factcheck.articles import add_article
from factcheck.contradict import check_added, judged, list_contradictions
from factcheck.extract import extract
from factcheck.ingest import read_article
from factcheck.match import Index, read_claim, stored_forms
from factcheck.relate import Relation, relate
from factcheck.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parent))
from realnews import content_matches  # noqa: E402  (the one content rule of both benches)

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "realnews"


def load(data: Path) -> tuple[list[dict], list[dict]]:
    gold = [json.loads(line) for line in (data / "gold.jsonl").open(encoding="utf-8")
            if line.strip()]
    pairs = [json.loads(line) for line in (data / "pairs.jsonl").open(encoding="utf-8")
             if line.strip()]
    return gold, pairs


def in_date_order(gold: list[dict]) -> list[dict]:
    return sorted(gold, key=lambda g: (g.get("published") is None, g.get("published") or "",
                                       g["file"]))


def fill_store(data: Path, gold: list[dict], db_file: Path) -> float:
    """Add each article as `claims add` would; the seconds it took."""
    started = time.perf_counter()
    for item in in_date_order(gold):
        article = read_article(str(data / "texts" / item["file"]))
        article.url = item.get("url") or article.url
        article.outlet = item.get("outlet") or article.outlet
        article.published = item.get("published") or article.published
        with Store(db_file).write() as database:
            forms = stored_forms(database)
            check_added(database, [add_article(database, article)], forms=forms)
    return time.perf_counter() - started


def side_of(claim: dict, sides: list[dict]) -> list[int]:
    """Which gold sides (file, content_start) a stored claim is."""
    name = Path(claim.get("path") or "").name
    content = claim["content"] if isinstance(claim["content"], str) else claim["content"]["text"]
    return [i for i, side in enumerate(sides)
            if side["file"] == name and content_matches(content, side["content_start"])]


def appearances(db, claim_id: str) -> list[dict]:
    """The stored claims that make one statement: the first, and its appearances elsewhere."""
    first = db.claims.get(claim_id)
    if first is None:
        return []
    return [first, *(db.claims.get(a["claim"]) for a in first.get("appearances", ())
                     if db.claims.get(a["claim"]))]


def extracted_sides(db, sides: list[dict]) -> set[int]:
    """The gold sides some stored claim is: the pairs a contradiction rule could reach."""
    return {i for claim in db.claims.records() for i in side_of(claim, sides)}


def score(records: list[dict], pairs: list[dict], n_articles: int, db,
          story_of: dict[str, str]) -> dict:
    """A flagged pair of statements finds a gold pair when any appearance of each side is it."""
    sides = [p[k] for p in pairs for k in ("a", "b")]
    stored = extracted_sides(db, sides)
    found: set[int] = set()
    alarms, on_repeats = [], []
    for rec in records:
        a, b = rec["claims"]
        if not a or not b:
            continue
        hits_a = {i for c in appearances(db, rec["a"]) for i in side_of(c, sides)}
        hits_b = {i for c in appearances(db, rec["b"]) for i in side_of(c, sides)}
        gold_hit = {n for n in range(len(pairs))
                    if {2 * n, 2 * n + 1} & hits_a and {2 * n, 2 * n + 1} & hits_b
                    and (2 * n in hits_a and 2 * n + 1 in hits_b
                         or 2 * n + 1 in hits_a and 2 * n in hits_b)}
        contradicting = {n for n in gold_hit if pairs[n]["relation"] == "contradicts"}
        if contradicting:
            found |= contradicting
        elif gold_hit:
            on_repeats.append(rec)
        else:
            alarms.append(rec)
    gold = [n for n, p in enumerate(pairs) if p["relation"] == "contradicts"]
    cross = [n for n in gold if pairs[n]["cross_language"]]
    # Both sides stored: what the contradiction rules alone are answerable for.
    reachable = [n for n in gold if {2 * n, 2 * n + 1} <= stored]
    return {
        "gold": gold, "cross": cross, "found": found, "reachable": reachable,
        "stored_sides": stored,
        "recall": len(found & set(gold)) / len(gold),
        "cross_recall": len(found & set(cross)) / len(cross) if cross else 0.0,
        "alarms": alarms, "on_repeats": on_repeats,
        "alarms_per_10": 10 * (len(alarms) + len(on_repeats)) / n_articles,
        # Flagged pairs whose two claims come from two different stories: false whatever
        # the gold lists.
        "across_stories": [r for r in alarms if len({story_of.get(_file(c)) for c in r["claims"]})
                           > 1],
    }


def _file(claim: dict) -> str:
    return Path(claim.get("path") or "").name


def unrelated_share(data: Path, gold: list[dict], count: int, seed: int) -> tuple[float, list]:
    """`compare` on `count` pairs of statements from two different stories."""
    by_story: dict[str, list[str]] = defaultdict(list)
    for item in gold:
        text = read_article(str(data / "texts" / item["file"])).text
        by_story[item["story"]].extend(c.to_dict()["content"]["text"] for c in extract(text))
    stories = sorted(s for s in by_story if by_story[s])
    rng = random.Random(seed)
    wrong = []
    for _ in range(count):
        x, y = rng.sample(stories, 2)
        a, b = rng.choice(by_story[x]), rng.choice(by_story[y])
        result = relate(a, b)
        if result.relation is not Relation.UNRELATED:
            wrong.append((a, b, result))
    return 1 - len(wrong) / count, wrong


def trace(db, pairs: list[dict], found: set[int], which: str) -> None:
    """Each missed gold contradiction through the check: sides, candidacy, the judge's word."""
    claims = db.claims.records()
    index = Index(claims)
    order = {a["id"]: n for n, a in enumerate(db.articles.all())}
    print("\ntrace:")
    for n, p in enumerate(pairs):
        if p["relation"] != "contradicts" or n in found:
            continue
        if which == "cross" and not p["cross_language"]:
            continue
        mark = "x" if p["cross_language"] else "="
        print(f"  {mark} {p['a']['file']} «{p['a']['content_start']}»"
              f"  /  {p['b']['file']} «{p['b']['content_start']}»")
        sides = [[c for c in claims if side_of(c, [p[k]])] for k in ("a", "b")]
        for k, side in zip("ab", sides, strict=True):
            if not side:
                print(f"    {k}: not extracted")
        for a in sides[0]:
            for b in sides[1]:
                later, first = (a, b) if order[a["article"]] > order[b["article"]] else (b, a)
                cand, why = index.explain(later, first)
                _, back = index.explain(first, later)
                print(f"    {_brief(later)}\n      / {_brief(first)}\n      candidate: {why};"
                      f" the other way: {back}")
                if cand is not None:
                    sa, sb = read_claim(later), read_claim(first)
                    print(f"      keys: {sorted(sa.key_set & sb.key_set)[:12]}"
                          f" shared: {list(cand.shared)[:10]}")
                    _, said = judged(later, cand, repeats=False)
                    print(f"      judge: {said}")


def _brief(claim: dict | None) -> str:
    if not claim:
        return "(gone)"
    content = claim["content"]
    if isinstance(content, dict):  # a stored claim, not a contradiction's brief of one
        content = content["text"]
        speaker = (claim.get("speaker") or {}).get("name")
        if claim.get("denies"):
            content += f" [denies: {claim['denies'][:60]}]"
    else:
        speaker = claim.get("speaker")
    return f"{Path(claim.get('path') or '').name} {speaker or '-'}: {content[:110]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--unrelated", type=int, default=200,
                        help="Pairs from different stories given to compare (0: none).")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--trace", choices=("all", "cross"),
                        help="Follow each missed gold pair through the check.")
    args = parser.parse_args()
    if not (args.data / "pairs.jsonl").is_file():
        print(f"no realnews data at {args.data}: nothing to measure")
        return
    gold, pairs = load(args.data)
    with tempfile.TemporaryDirectory() as tmp:
        db_file = Path(tmp) / "claims.json"
        seconds = fill_store(args.data, gold, db_file)
        database = Store(db_file).read()
        records = list_contradictions(database)
        result = score(records, pairs, len(gold), database,
                       {g["file"]: g["story"] for g in gold})
        grouped = sum(1 for c in database.claims.records() if c.get("same_as"))
        if args.trace:
            trace(database, pairs, result["found"], args.trace)
    found, gold_n, cross = result["found"], result["gold"], result["cross"]
    print(f"{len(gold)} articles added in {seconds:.1f} s; {len(records)} contradictions "
          f"flagged; {grouped} claims stored as appearances of a statement made before")
    print(f"recall of contradicting pairs: {len(found & set(gold_n))}/{len(gold_n)} = "
          f"{result['recall']:.2f}")
    print(f"across languages: {len(found & set(cross))}/{len(cross)} = "
          f"{result['cross_recall']:.2f}")
    reach = result["reachable"]
    reach_cross = [n for n in reach if n in set(cross)]
    print(f"recall on pairs with both sides extracted: {len(found & set(reach))}/{len(reach)} = "
          f"{len(found & set(reach)) / max(len(reach), 1):.2f} (same language "
          f"{len(found & (set(reach) - set(cross)))}/{len(reach) - len(reach_cross)}, across "
          f"{len(found & set(reach_cross))}/{len(reach_cross)})")
    alarms = len(result["alarms"]) + len(result["on_repeats"])
    print(f"false alarms: {alarms} ({len(result['on_repeats'])} on gold repeats) = "
          f"{result['alarms_per_10']:.2f} per 10 articles; "
          f"{len(result['across_stories'])} of them join two different stories")
    print("\nmissed (x across languages, = within one; then which sides were extracted: "
          "ab both, a- or -b one, -- neither):")
    stored = result["stored_sides"]
    for n in gold_n:
        if n not in found:
            p = pairs[n]
            lang = "x" if p["cross_language"] else "="
            got = ("a" if 2 * n in stored else "-") + ("b" if 2 * n + 1 in stored else "-")
            print(f"  {lang} {got} {p['a']['file']} «{p['a']['content_start']}»  /  "
                  f"{p['b']['file']} «{p['b']['content_start']}»")
    print("\nfalse alarms:")
    for rec in result["on_repeats"] + result["alarms"]:
        a, b = rec["claims"]
        print(f"  {_brief(a)}\n    / {_brief(b)}\n    {'; '.join(rec.get('reasons') or [])}")
    if args.unrelated:
        share, wrong = unrelated_share(args.data, gold, args.unrelated, args.seed)
        print(f"\ncompare on {args.unrelated} pairs from different stories: unrelated "
              f"{share:.1%}")
        for a, b, r in wrong:
            print(f"  {r.relation.value} {r.score:.2f}: {a[:70]}  /  {b[:70]}")


if __name__ == "__main__":
    main()
