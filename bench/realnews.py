"""Score factcheck.extract on real news: the realnews set's hand-made gold attributions.

    python bench/realnews.py [DATA_DIR] [--lang ar|en] [--verbose] [--json]

DATA_DIR defaults to ../shared/data/realnews (beside the repository); when it is absent the
bench says so and exits 0. The set's text is read at run time and never copied into the project.

A predicted claim matches a gold attribution when
- the speakers agree: after the project's normalisation (factcheck.normalize.fold and words,
  leading English articles dropped) one name's words contain the other's as a run, or at least
  80% of the shorter name's words are in the longer one (two null speakers agree); and
- at least 80% of the words of the gold `content_start` are among the predicted content's
  first words (its first len(content_start) + 2 words: the slack lets a leading "that" or a
  stray quote mark through, not a dateline or a clause).
Pairs are taken greedily, the pair sharing most start words first, one to one.

Prints claims precision, recall and F1 per language (ar, en, all) and, on matched claims, the
accuracy of exact speaker (same words after normalisation), role (likewise, both null counts
as right), negated and direct. --verbose lists each miss and false positive per file.

The matching functions (`speakers_agree`, `content_matches`, `match_claims`) are imported by
other benches (bench/pairs.py).
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import traceback
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from factcheck.extract import extract  # noqa: E402
from factcheck.normalize import fold, words  # noqa: E402

DEFAULT_DIR = ROOT.parent / "shared" / "data" / "realnews"
LANGS = ("ar", "en")
SHARE = 0.8  # share of words needed, for speakers and for the content start
START_SLACK = 2  # predicted words looked at beyond the length of the gold start
_EN_ARTICLES = {"the", "a", "an"}


# ---------------------------------------------------------------- matching (imported elsewhere)

def name_words(name: str | None) -> list[str]:
    """Folded words of a speaker's name or a role, leading English articles dropped."""
    if not name:
        return []
    ws = words(fold(name))
    while ws and ws[0] in _EN_ARTICLES:
        ws = ws[1:]
    return ws


def _contains_run(hay: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return 0 < n <= len(hay) and any(hay[i:i + n] == needle for i in range(len(hay) - n + 1))


def speakers_agree(pred_name: str | None, gold_name: str | None) -> bool:
    """One name contains the other, or 80% of the shorter's words are in the longer."""
    p, g = name_words(pred_name), name_words(gold_name)
    if not p or not g:
        return not p and not g
    if _contains_run(p, g) or _contains_run(g, p):
        return True
    short, long_ = (p, g) if len(p) <= len(g) else (g, p)
    shared = sum((Counter(short) & Counter(long_)).values())
    return shared >= SHARE * len(short)


def start_share(pred_content: str, gold_start: str) -> float:
    """The share of the gold start's words found among the predicted content's first words."""
    g = words(fold(gold_start))
    if not g:
        return 0.0
    first = words(fold(pred_content))[:len(g) + START_SLACK]
    return sum((Counter(g) & Counter(first)).values()) / len(g)


def content_matches(pred_content: str, gold_start: str) -> bool:
    """At least 80% of the gold content_start's words open the predicted content."""
    return start_share(pred_content, gold_start) >= SHARE


def _field(claim, name: str):
    return claim.get(name) if isinstance(claim, dict) else getattr(claim, name, None)


def match_claims(pred: list, gold: list[dict]) -> list[tuple[int, int]]:
    """One-to-one (pred index, gold index) pairs, greedy by share of start words.

    `pred` holds Claims (or dicts with `speaker` and `content`); `gold` holds realnews
    attributions (`speaker`, `content_start`).
    """
    cands = []
    for pi, p in enumerate(pred):
        p_speaker, p_content = _field(p, "speaker"), _field(p, "content") or ""
        if isinstance(p_speaker, dict):  # the JSON form of a claim
            p_speaker = p_speaker.get("name")
        if isinstance(p_content, dict):
            p_content = p_content.get("text") or ""
        for gi, g in enumerate(gold):
            if not speakers_agree(p_speaker, g.get("speaker")):
                continue
            share = start_share(p_content, g.get("content_start") or "")
            if share >= SHARE:
                cands.append((-share, gi, pi))
    cands.sort()
    used_p, used_g, pairs = set(), set(), []
    for _neg, gi, pi in cands:
        if pi in used_p or gi in used_g:
            continue
        used_p.add(pi)
        used_g.add(gi)
        pairs.append((pi, gi))
    return sorted(pairs, key=lambda t: t[1])


# ---------------------------------------------------------------- scoring

FIELDS = ("speaker", "role", "negated", "direct")


class Tally:
    """Counts for one language."""

    def __init__(self) -> None:
        self.gold = self.pred = self.matched = 0
        self.right: Counter = Counter()

    def prf(self) -> tuple[float, float, float]:
        p = self.matched / self.pred if self.pred else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def acc(self, field: str) -> float:
        return self.right[field] / self.matched if self.matched else 0.0

    def as_dict(self) -> dict:
        p, r, f = self.prf()
        out = {"gold": self.gold, "predicted": self.pred, "matched": self.matched,
               "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
        for field in FIELDS:
            out[f"{field}_accuracy"] = round(self.acc(field), 4)
        return out


def field_checks(claim, g: dict) -> dict[str, bool]:
    """Which of the scored fields the matched claim gets right."""
    return {
        "speaker": name_words(claim.speaker) == name_words(g.get("speaker")),
        "role": name_words(claim.role) == name_words(g.get("role")),
        "negated": bool(claim.negated) == bool(g.get("negated")),
        "direct": bool(claim.direct) == bool(g.get("direct")),
    }


def load(data_dir: Path) -> list[dict]:
    """The gold articles, each with its text."""
    items = []
    for line in (data_dir / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            item["text"] = (data_dir / "texts" / item["file"]).read_text(encoding="utf-8")
            items.append(item)
    return items


def _short(s: str | None, n: int = 80) -> str:
    s = (s or "").replace("\n", " ")
    return s if len(s) <= n else s[: n - 1] + "…"


def _report_file(item: dict, claims: list, pairs: list[tuple[int, int]], err: str | None) -> None:
    gold = item["attributions"]
    matched_p = {pi for pi, _ in pairs}
    matched_g = {gi for _, gi in pairs}
    print(f"== {item['file']}: gold {len(gold)}, predicted {len(claims)}, matched {len(pairs)}")
    if err:
        print("  EXTRACTOR ERROR:", err.strip().splitlines()[-1])
    for gi, g in enumerate(gold):
        if gi not in matched_g:
            print(f"  MISS  [{g.get('speaker')}] {g.get('cue')}: {_short(g.get('content_start'))}")
    for pi, c in enumerate(claims):
        if pi not in matched_p:
            print(f"  FALSE [{c.speaker}] {c.cue}: {_short(c.content)}")
    for pi, gi in pairs:
        c, g = claims[pi], gold[gi]
        for field, ok in field_checks(c, g).items():
            if not ok:
                gv = g.get(field)
                pv = getattr(c, field)
                print(f"  DIFF  {field}: gold={gv!r} pred={pv!r} | {_short(c.content, 50)}")


def score(items: list[dict], *, verbose: bool) -> tuple[dict[str, Tally], list[str]]:
    """Tallies per language and for all, and the files the extractor raised on."""
    tallies: dict[str, Tally] = defaultdict(Tally)
    errors = []
    for item in items:
        gold = item["attributions"]
        err = None
        try:
            claims = extract(item["text"])
        except Exception:  # noqa: BLE001 - a crash is scored as no predictions
            claims, err = [], traceback.format_exc(limit=3)
            errors.append(item["file"])
        pairs = match_claims(claims, gold)
        for key in (item["lang"], "all"):
            t = tallies[key]
            t.gold += len(gold)
            t.pred += len(claims)
            t.matched += len(pairs)
            for pi, gi in pairs:
                for field, ok in field_checks(claims[pi], gold[gi]).items():
                    t.right[field] += int(ok)
        if verbose:
            _report_file(item, claims, pairs, err)
    return tallies, errors


def _print_table(tallies: dict[str, Tally], langs: list[str]) -> None:
    print("Claims: speakers agree and >= 80% of the gold content_start opens the content;"
          " greedy one-to-one")
    print(f"{'lang':<5} {'gold':>5} {'pred':>5} {'match':>6} {'P':>7} {'R':>7} {'F1':>7}"
          + "".join(f" {f:>8}" for f in FIELDS))
    for key in langs:
        t = tallies[key]
        p, r, f = t.prf()
        print(f"{key:<5} {t.gold:>5} {t.pred:>5} {t.matched:>6} {p:>7.1%} {r:>7.1%} {f:>7.1%}"
              + "".join(f" {t.acc(fl):>8.1%}" for fl in FIELDS))
    print("(speaker, role, negated, direct: accuracy on matched claims; speaker and role exact"
          " after normalisation)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_DIR,
                    help="the realnews directory (default ../shared/data/realnews)")
    ap.add_argument("--lang", choices=LANGS, help="score one language only")
    ap.add_argument("--verbose", "-v", action="store_true",
                    help="each miss, false positive and field difference per file")
    ap.add_argument("--json", action="store_true", help="the figures as JSON")
    args = ap.parse_args(argv)
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet when piped into head

    if not (args.data / "gold.jsonl").is_file():
        print(f"realnews data not found at {args.data}: nothing to score")
        return 0
    items = [i for i in load(args.data) if args.lang in (None, i["lang"])]
    tallies, errors = score(items, verbose=args.verbose and not args.json)
    langs = [lang for lang in LANGS if lang in tallies] + ["all"]
    if args.json:
        out = {key: tallies[key].as_dict() for key in langs}
        out["errors"] = errors
        print(json.dumps(out, indent=2))
        return 0
    if args.verbose:
        print()
    _print_table(tallies, langs)
    if errors:
        print(f"extractor raised on {len(errors)} file(s): " + ", ".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
