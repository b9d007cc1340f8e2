"""Score factcheck.extract on PolNeAR: real US political news with every attribution's spans.

    python bench/polnear.py [DATA_DIR] [--split dev|train] [--verbose] [--json]

DATA_DIR defaults to ../shared/data/polnear (beside the repository); when it is absent the
bench says so and exits 0. Its text and annotations are read at run time, never copied.

Gold: per article, the first .ann in sorted order (an article has one per annotator); every
`E` line (Attribution or Attribution-no-source) that has a Content. Spans may be discontinuous
(`start end;start end`): a span is the set of characters of its pieces.

Predicted: one attribution per cue, as PolNeAR has; the claims that a quotation's follow-on
sentences make under their host's cue join it.

The measure (polnear's README): a predicted claim matches a gold attribution when their
content spans overlap by at least half of each; pairs are taken greedily, the largest overlap
first, one to one. Printed: content precision, recall and F1; on matched pairs, cue accuracy
(the predicted cue span overlaps the gold cue) and source accuracy (the predicted speaker's
mention overlaps the gold source, or one name contains the other after normalisation; gold
sources that are pronouns, and attributions with no source, are not scored); and the recall of
speech-cue attributions, those a fact-checker tracks.

A gold attribution has a speech cue when a word of its cue, lower-cased, is in SPEECH_CUES, or
its cue contains "according to". The set is the verbs of saying and their forms (say, tell,
add, write, state, announce, deny, confirm, claim, ask, reply ...), not verbs of belief,
intention or evidence (think, want, show, found, suggested, expected), which PolNeAR also
annotates.
"""

from __future__ import annotations

import argparse
import json
import re
import signal
import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from factcheck.extract import extract  # noqa: E402
from factcheck.normalize import fold, words  # noqa: E402

DEFAULT_DIR = ROOT.parent / "shared" / "data" / "polnear"
SPLITS = ("dev", "train")
HALF = 0.5


def _word_set(block: str) -> frozenset[str]:
    return frozenset(block.split())


SPEECH_CUES = _word_set("""
    say says said saying tell tells told telling add adds added adding
    write writes wrote writing tweet tweets tweeted tweeting post posts posted
    state states stated stating announce announces announced announcing
    deny denies denied denying confirm confirms confirmed confirming
    claim claims claimed claiming assert asserts asserted asserting
    ask asks asked asking reply replies replied replying respond responds responded responding
    answer answers answered answering explain explains explained explaining
    note notes noted noting declare declares declared declaring insist insists insisted insisting
    warn warns warned warning argue argues argued arguing acknowledge acknowledges acknowledged
    acknowledging admit admits admitted admitting report reports reported reporting
    recall recalls recalled recalling continue continues continued continuing
    cite cites cited citing quote quotes quoted quoting testify testifies testified testifying
    stress stresses stressed stressing remark remarks remarked comment comments commented
    commenting reiterate reiterates reiterated reiterating repeat repeats repeated
    tout touts touted touting boast boasts boasted boasting vow vows vowed vowing
    promise promises promised promising pledge pledges pledged pledging
    predict predicts predicted predicting concede concedes conceded conceding
    reveal reveals revealed revealing disclose discloses disclosed disclosing
    dismiss dismisses dismissed dismissing reject rejects rejected rejecting
    accuse accuses accused accusing allege alleges alleged alleging
    urge urges urged urging mention mentions mentioned mentioning
    complain complains complained complaining joke jokes joked joking
    emphasize emphasizes emphasized emphasizing contend contends contended contending
    maintain maintains maintained maintaining
""")
PRONOUNS = _word_set("""
    i me my we us our you your he him his she her they them their it its
    who which that this these those one
""")


@dataclass
class GoldAttribution:
    """One annotated attribution: character sets of its spans and their texts."""

    content: frozenset[int]
    cue: frozenset[int] = frozenset()
    cue_text: str = ""
    source: frozenset[int] = frozenset()
    source_text: str = ""

    @property
    def speech(self) -> bool:
        cue = self.cue_text.lower()
        return "according to" in cue or any(w in SPEECH_CUES for w in re.findall(r"[a-z]+", cue))

    @property
    def scored_source(self) -> bool:
        ws = re.findall(r"[a-z]+", self.source_text.lower())
        return bool(self.source) and not (ws and all(w in PRONOUNS for w in ws))


def _chars(spec: str) -> frozenset[int]:
    out: set[int] = set()
    for piece in spec.split(";"):
        start, end = piece.split()
        out.update(range(int(start), int(end)))
    return frozenset(out)


def parse_ann(ann: str) -> list[GoldAttribution]:
    """The attributions of one brat .ann file that have a content span."""
    spans: dict[str, tuple[frozenset[int], str]] = {}
    events = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if parts[0].startswith("T") and len(parts) >= 2:
            _kind, _, spec = parts[1].partition(" ")
            spans[parts[0]] = (_chars(spec), parts[2] if len(parts) > 2 else "")
        elif parts[0].startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split()))
    out = []
    for ev in events:
        if ev.get("Content") not in spans:
            continue
        cue = spans.get(ev.get("Cue", ""), (frozenset(), ""))
        source = spans.get(ev.get("Source", ""), (frozenset(), ""))
        out.append(GoldAttribution(spans[ev["Content"]][0], cue[0], cue[1], source[0], source[1]))
    return out


@dataclass
class Predicted:
    """One extracted claim as character sets."""

    content: frozenset[int]
    cue: frozenset[int]
    mention: frozenset[int]
    speaker: str | None
    text: str = field(repr=False, default="")


def predicted(text: str) -> list[Predicted]:
    """The extractor's claims on `text` as character sets. PolNeAR has one attribution per
    cue, its content in as many pieces as it takes: the claims a quotation's follow-on
    sentences make under their host's cue ('"...," she said. "..."') are one attribution."""
    out: list[Predicted] = []
    by_cue: dict[tuple, int] = {}
    for c in extract(text, lang="en"):
        parts = c.content_parts or (c.content_span,)
        content = frozenset(i for s, e in parts for i in range(s, e))
        key = (c.cue_span, c.speaker)
        if key in by_cue:
            host = out[by_cue[key]]
            host.content = host.content | content
            host.text = f"{host.text} {c.content}"
            continue
        mention_span = c.mention_span or c.speaker_span
        mention = frozenset(range(*mention_span)) if mention_span else frozenset()
        by_cue[key] = len(out)
        out.append(Predicted(content, frozenset(range(*c.cue_span)), mention, c.speaker,
                             c.content))
    return out


def match(pred: list[Predicted], gold: list[GoldAttribution]) -> list[tuple[int, int]]:
    """(pred, gold) pairs overlapping by half of each, greedy by overlap, one to one."""
    cands = []
    for pi, p in enumerate(pred):
        for gi, g in enumerate(gold):
            overlap = len(p.content & g.content)
            if overlap and overlap >= HALF * len(p.content) and overlap >= HALF * len(g.content):
                cands.append((-overlap, gi, pi))
    cands.sort()
    used_p, used_g, pairs = set(), set(), []
    for _neg, gi, pi in cands:
        if pi not in used_p and gi not in used_g:
            used_p.add(pi)
            used_g.add(gi)
            pairs.append((pi, gi))
    return pairs


def _name_words(name: str | None) -> list[str]:
    ws = words(fold(name or ""))
    while ws and ws[0] in ("the", "a", "an"):
        ws = ws[1:]
    return ws


def _contains_run(hay: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return 0 < n <= len(hay) and any(hay[i:i + n] == needle for i in range(len(hay) - n + 1))


def source_right(p: Predicted, g: GoldAttribution) -> bool:
    """The mention overlaps the gold source, or one name contains the other."""
    if p.mention & g.source:
        return True
    pw, gw = _name_words(p.speaker), _name_words(g.source_text)
    return _contains_run(pw, gw) or _contains_run(gw, pw)


@dataclass
class Tally:
    """Counts over a split."""

    gold: int = 0
    pred: int = 0
    matched: int = 0
    cue_right: int = 0
    source_scored: int = 0
    source_right: int = 0
    speech_gold: int = 0
    speech_matched: int = 0

    def figures(self) -> dict:
        p = self.matched / self.pred if self.pred else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "gold": self.gold, "predicted": self.pred, "matched": self.matched,
            "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "cue_accuracy": round(self.cue_right / self.matched, 4) if self.matched else 0.0,
            "source_accuracy": (round(self.source_right / self.source_scored, 4)
                                if self.source_scored else 0.0),
            "source_scored": self.source_scored,
            "speech_gold": self.speech_gold,
            "speech_recall": (round(self.speech_matched / self.speech_gold, 4)
                              if self.speech_gold else 0.0),
        }


def articles(split_dir: Path) -> list[tuple[str, Path, Path]]:
    """(stem, text, first .ann in sorted order) for each article of a split."""
    anns: dict[str, Path] = {}
    for ann in sorted((split_dir / "ann").glob("*.ann")):
        anns.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    out = []
    for txt in sorted((split_dir / "text").glob("*.txt")):
        if txt.stem in anns:
            out.append((txt.stem, txt, anns[txt.stem]))
    return out


def _short(s: str, n: int = 90) -> str:
    s = s.replace("\n", " ")
    return s if len(s) <= n else s[: n - 1] + "…"


def _span_text(text: str, chars: frozenset[int]) -> str:
    return "".join(text[i] for i in sorted(chars)) if chars else ""


def _report(stem: str, text: str, pred: list[Predicted], gold: list[GoldAttribution],
            pairs: list[tuple[int, int]]) -> None:
    matched_p = {pi for pi, _ in pairs}
    matched_g = {gi for _, gi in pairs}
    print(f"== {stem}: gold {len(gold)}, predicted {len(pred)}, matched {len(pairs)}")
    for gi, g in enumerate(gold):
        if gi not in matched_g:
            mark = "MISS*" if g.speech else "miss "
            print(f"  {mark} [{g.source_text}] {g.cue_text}: {_short(_span_text(text, g.content))}")
    for pi, p in enumerate(pred):
        if pi not in matched_p:
            print(f"  FALSE [{p.speaker}] {_span_text(text, p.cue)}: {_short(p.text)}")
    for pi, gi in pairs:
        p, g = pred[pi], gold[gi]
        if g.scored_source and not source_right(p, g):
            print(f"  SOURCE gold={g.source_text!r} pred={p.speaker!r}")


def score(split_dir: Path, *, verbose: bool) -> tuple[Tally, list[str]]:
    """The tally over a split, and the articles the extractor raised on."""
    tally, errors = Tally(), []
    for stem, txt, ann in articles(split_dir):
        text = txt.read_text(encoding="utf-8")
        gold = parse_ann(ann.read_text(encoding="utf-8"))
        try:
            pred = predicted(text)
        except Exception:  # noqa: BLE001 - a crash is scored as no predictions
            pred = []
            errors.append(f"{stem}: {traceback.format_exc(limit=2).strip().splitlines()[-1]}")
        pairs = match(pred, gold)
        tally.gold += len(gold)
        tally.pred += len(pred)
        tally.matched += len(pairs)
        tally.speech_gold += sum(g.speech for g in gold)
        tally.speech_matched += sum(gold[gi].speech for _, gi in pairs)
        for pi, gi in pairs:
            p, g = pred[pi], gold[gi]
            tally.cue_right += bool(p.cue & g.cue)
            if g.scored_source:
                tally.source_scored += 1
                tally.source_right += source_right(p, g)
        if verbose:
            _report(stem, text, pred, gold, pairs)
    return tally, errors


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_DIR,
                    help="the polnear directory (default ../shared/data/polnear)")
    ap.add_argument("--split", choices=SPLITS, default="dev")
    ap.add_argument("--verbose", "-v", action="store_true",
                    help="misses (MISS* = speech cue), false positives and wrong sources")
    ap.add_argument("--json", action="store_true", help="the figures as JSON")
    args = ap.parse_args(argv)
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet when piped into head

    split_dir = args.data / args.split
    if not (split_dir / "ann").is_dir():
        print(f"polnear data not found at {split_dir}: nothing to score")
        return 0
    tally, errors = score(split_dir, verbose=args.verbose and not args.json)
    fig = tally.figures()
    if args.json:
        print(json.dumps({"split": args.split, **fig, "errors": errors}, indent=2))
        return 0
    if args.verbose:
        print()
    print(f"PolNeAR {args.split}: content spans overlapping by half of each, greedy one-to-one")
    print(f"gold {fig['gold']}  predicted {fig['predicted']}  matched {fig['matched']}")
    print(f"content  P {fig['precision']:.1%}  R {fig['recall']:.1%}  F1 {fig['f1']:.1%}")
    print(f"cue accuracy {fig['cue_accuracy']:.1%}   source accuracy {fig['source_accuracy']:.1%}"
          f" (of {fig['source_scored']} with a non-pronoun source)")
    print(f"speech-cue recall {fig['speech_recall']:.1%} (of {fig['speech_gold']})")
    for e in errors:
        print("extractor raised:", e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
