"""Score factcheck.extract against the held-out gold set in bench/gold/.

Usage (from the repository root):
    /tmp/venv/bin/python bench/extract_eval.py [--verbose] [--gold DIR] [--threshold 0.5]

A predicted claim matches a gold claim when the token Jaccard of their contents (after
factcheck.normalize.words) is at least the threshold; pairs are taken greedily, best first, one
to one. Prints claim precision / recall / F1 per language and overall, and, among matched pairs,
the accuracy of speaker name (exact after folding, and a lenient containment figure), role
(likewise), direct, negated, modality and context (only where gold gives a context).
With --verbose, lists per article the misses, the false alarms and the field disagreements.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import traceback
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from factcheck.extract import extract  # noqa: E402
from factcheck.normalize import fold, words  # noqa: E402

GOLD_DIR = Path(__file__).resolve().parent / "gold"
_EN_ARTICLES = {"the", "a", "an"}


# ---------------------------------------------------------------- normalisation helpers

def _name_words(text: str | None) -> list[str]:
    """Folded words of a name or role; leading English articles dropped."""
    if not text:
        return []
    ws = words(fold(text))
    while ws and ws[0] in _EN_ARTICLES:
        ws = ws[1:]
    return ws


def _contains(hay: list[str], needle: list[str]) -> bool:
    if not needle or len(needle) > len(hay):
        return False
    n = len(needle)
    return any(hay[i:i + n] == needle for i in range(len(hay) - n + 1))


def name_exact(gold: str | None, pred: str | None) -> bool:
    g, p = _name_words(gold), _name_words(pred)
    return g == p


def name_lenient(gold: str | None, pred: str | None) -> bool:
    g, p = _name_words(gold), _name_words(pred)
    if g == p:
        return True
    if not g or not p:
        return False
    return _contains(g, p) or _contains(p, g)


def jaccard(a: str | None, b: str | None) -> float:
    sa, sb = set(words(a or "")), set(words(b or ""))
    if not sa and not sb:
        return 1.0
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def context_ok(gold: str, pred: str | None) -> bool:
    if not pred:
        return False
    g, p = words(gold), words(pred)
    return jaccard(gold, pred) >= 0.5 or _contains(p, g) or _contains(g, p)


# ---------------------------------------------------------------- loading

def load_gold(gold_dir: Path) -> list[dict]:
    items = []
    for txt in sorted(gold_dir.glob("*.txt")):
        js = txt.with_suffix(".json")
        if not js.exists():
            continue
        parts = txt.stem.split("_")
        lang = parts[1] if len(parts) > 1 else "?"
        items.append({
            "id": txt.stem,
            "lang": lang,
            "text": txt.read_text(encoding="utf-8"),
            "gold": json.loads(js.read_text(encoding="utf-8")),
        })
    return items


def predicted(text: str, lang: str) -> tuple[list[dict], str | None]:
    """The extractor's claims as flat dicts; an error message instead if it raised."""
    try:
        claims = extract(text)
    except Exception:  # noqa: BLE001 - a crash is scored as no predictions
        return [], traceback.format_exc(limit=3)
    out = []
    for c in claims:
        out.append({
            "speaker": {"name": getattr(c, "speaker", None), "role": getattr(c, "role", None)},
            "cue": getattr(c, "cue", None),
            "content": getattr(c, "content", "") or "",
            "direct": bool(getattr(c, "direct", False)),
            "negated": bool(getattr(c, "negated", False)),
            "modality": getattr(c, "modality", "assertion") or "assertion",
            "context": getattr(c, "context", None),
        })
    return out, None


def match(gold: list[dict], pred: list[dict], threshold: float) -> list[tuple[int, int, float]]:
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            j = jaccard(g["content"], p["content"])
            if j >= threshold:
                cands.append((j, gi, pi))
    cands.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_g, used_p, pairs = set(), set(), []
    for j, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi, j))
    return sorted(pairs)


# ---------------------------------------------------------------- scoring

FIELDS = ["speaker", "speaker~", "role", "role~", "direct", "negated", "modality", "modality~",
          "context"]
# The gold uses assertion / denial / speculation; modality~ reads any other predicted label
# (e.g. a finer "warning" or "prediction") as assertion.
_CORE_MODALITIES = {"assertion", "denial", "speculation"}


def _core_modality(m: str | None) -> str:
    m = m or "assertion"
    return m if m in _CORE_MODALITIES else "assertion"


class Tally:
    def __init__(self):
        self.gold = self.pred = self.tp = 0
        self.right = defaultdict(int)
        self.total = defaultdict(int)

    def add_field(self, field: str, ok: bool):
        self.total[field] += 1
        self.right[field] += int(ok)

    def prf(self):
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def acc(self, field: str) -> str:
        n = self.total[field]
        return f"{self.right[field] / n:6.1%} ({self.right[field]}/{n})" if n else "     - (0/0)"


def field_checks(g: dict, p: dict) -> dict[str, bool | None]:
    gs, ps = g["speaker"], p["speaker"]
    checks = {
        "speaker": name_exact(gs.get("name"), ps.get("name")),
        "speaker~": name_lenient(gs.get("name"), ps.get("name")),
        "role": name_exact(gs.get("role"), ps.get("role")),
        "role~": name_lenient(gs.get("role"), ps.get("role")),
        "direct": bool(g["direct"]) == bool(p["direct"]),
        "negated": bool(g["negated"]) == bool(p["negated"]),
        "modality": (g.get("modality") or "assertion") == (p.get("modality") or "assertion"),
        "modality~": _core_modality(g.get("modality")) == _core_modality(p.get("modality")),
        "context": context_ok(g["context"], p.get("context")) if g.get("context") else None,
    }
    return checks


def _field_value(claim: dict, field: str):
    if field in ("speaker", "role"):
        return claim["speaker"].get("name" if field == "speaker" else "role")
    return claim.get(field)


def _short(s: str | None, n: int = 90) -> str:
    s = (s or "").replace("\n", " ")
    return s if len(s) <= n else s[: n - 1] + "…"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", "-v", action="store_true",
                    help="misses and false alarms per article")
    ap.add_argument("--gold", type=Path, default=GOLD_DIR, help="gold directory")
    ap.add_argument("--threshold", type=float, default=0.5, help="content Jaccard needed to match")
    args = ap.parse_args(argv)
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet when piped into head

    items = load_gold(args.gold)
    if not items:
        print(f"no gold articles in {args.gold}")
        return 0
    tallies: dict[str, Tally] = defaultdict(Tally)
    errors = []

    for item in items:
        gold = item["gold"]
        pred, err = predicted(item["text"], item["lang"])
        if err:
            errors.append((item["id"], err))
        pairs = match(gold, pred, args.threshold)
        for key in (item["lang"], "all"):
            t = tallies[key]
            t.gold += len(gold)
            t.pred += len(pred)
            t.tp += len(pairs)
        diffs = []
        for gi, pi, _j in pairs:
            g, p = gold[gi], pred[pi]
            for field, ok in field_checks(g, p).items():
                if ok is None:
                    continue
                for key in (item["lang"], "all"):
                    tallies[key].add_field(field, ok)
                if not ok and not field.endswith("~"):
                    gv = _field_value(g, field)
                    pv = _field_value(p, field)
                    diffs.append((gi, field, gv, pv, g["content"]))
        if args.verbose:
            matched_g = {gi for gi, _, _ in pairs}
            matched_p = {pi for _, pi, _ in pairs}
            misses = [g for i, g in enumerate(gold) if i not in matched_g]
            alarms = [p for i, p in enumerate(pred) if i not in matched_p]
            print(f"== {item['id']}: gold {len(gold)}, predicted {len(pred)}, matched {len(pairs)}")
            if err:
                print("  EXTRACTOR ERROR:", err.strip().splitlines()[-1])
            for g in misses:
                print(f"  MISS   [{g['speaker'].get('name')}] {g['cue']}: {_short(g['content'])}")
            for p in alarms:
                print(f"  FALSE  [{p['speaker'].get('name')}] {p['cue']}: {_short(p['content'])}")
            for _gi, field, gv, pv, content in diffs:
                print(f"  DIFF   {field}: gold={gv!r} pred={pv!r} | {_short(content, 60)}")

    print()
    print(f"Claims (content token Jaccard >= {args.threshold}, greedy one-to-one)")
    print(f"{'lang':<5} {'gold':>5} {'pred':>5} {'match':>6} {'P':>7} {'R':>7} {'F1':>7}")
    langs = sorted(k for k in tallies if k != "all") + ["all"]
    for key in langs:
        t = tallies[key]
        p, r, f = t.prf()
        print(f"{key:<5} {t.gold:>5} {t.pred:>5} {t.tp:>6} {p:>7.1%} {r:>7.1%} {f:>7.1%}")
    print()
    print("Field accuracy among matched pairs (speaker~/role~: lenient containment;"
          " modality~: labels outside assertion/denial/speculation read as assertion;"
          " context: only where gold has one)")
    header = f"{'field':<10}" + "".join(f"{k:>20}" for k in langs)
    print(header)
    for field in FIELDS:
        print(f"{field:<10}" + "".join(f"{tallies[k].acc(field):>20}" for k in langs))
    if errors:
        print()
        print(f"extractor raised on {len(errors)} article(s): " + ", ".join(i for i, _ in errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
