"""Why two statements clash, in words a reader can check against the two texts: a negation
or denial on one side, opposite words, another number, date, place or name in the same
frame, a plan or speculation against "no such plans", a word pair the stance corpus weighs
as opposite; and which of these a pair could give at all (cheap, before the model runs)."""

from enum import Enum
from functools import cache

from rapidfuzz import fuzz

from factcheck.forest import model
from factcheck.normalize import is_arabic
from factcheck.statement import Statement, common_words, matched

# Pairs of differing words are only a feature when few words differ: beyond that the
# cross product is noise and costs time.
MAX_PAIR_SIDE = 4


# Two differing words this close in spelling (rapidfuzz ratio) are taken for one word's forms.
VARIANT = 75


# A learned word pair is shown as a reason only when its weight towards `contradicts` is clear.
LEARNED_REASON_WEIGHT = 0.8


# Shared words shown in a reason across languages.
SHOWN_SHARED = 6


class Reason(str, Enum):
    """The kinds of reason two statements clash; each is shown in words with the texts' own."""

    NEGATION = "negation"
    PLAN = "plan"
    SPECULATION = "speculation"
    OPPOSITE = "opposite"
    NUMBER = "number"
    DATE = "date"
    PLACE = "place"
    NAME = "name"
    LEARNED = "learned"
    FRAME = "frame"


def opposite_words(a: Statement, b: Statement) -> list[tuple[str, str]]:
    """Words of A and of B that are opposites, one for each pair of opposites that flips.

    A pair flips when A holds one side of it and not the other, and B the other side and not
    the first: "oil falls as stocks rise" and "oil drops with stocks up" hold both sides each,
    and do not flip.
    """
    sides_a, sides_b = _sides(a), _sides(b)
    out = []
    for (pair, side), ta in sides_a.items():
        if (pair, 1 - side) in sides_a or (pair, side) in sides_b:
            continue
        tb = sides_b.get((pair, 1 - side))
        if tb is not None:
            out.append((ta, tb))
    return out


def _sides(s: Statement) -> dict[tuple[int, int], str]:
    """(pair, side) -> the first word of the statement on that side of that pair."""
    out: dict[tuple[int, int], str] = {}
    for term in sorted(s.antonyms):
        for sense in s.antonyms[term]:
            out.setdefault(sense, term)
    return out


def differ(x: frozenset, y: frozenset) -> bool:
    """Each side names one the other does not: a substitution, not an addition."""
    return bool(x - y) and bool(y - x)


def spelling_variants(only_a: frozenset[str], only_b: frozenset[str]) -> list[tuple[str, str]]:
    """Pairs of differing words close in spelling, each word used once."""
    out, used = [], set()
    for x in sorted(only_a):
        for y in sorted(only_b):
            if y not in used and len(x) > 2 and len(y) > 2 and fuzz.ratio(x, y) >= VARIANT:
                out.append((x, y))
                used.add(y)
                break
    return out


def pair_key(x: str, y: str) -> str:
    return f"{x}|{y}" if x <= y else f"{y}|{x}"


def plan_against_denial(plan: Statement, denial: Statement) -> bool:
    return bool(
        denial.negators and denial.plans and not plan.negators and (plan.plans or plan.speculative)
    )


def aligned(a: Statement, b: Statement, shared_a: frozenset[str],
             shared_b: frozenset[str]) -> str:
    """The words the two share, each pair as the two statements wrote it (visit / زيارة), in
    the order of the first."""
    out = []
    for term in dict.fromkeys(t for t in a.sequence if t in shared_a):
        keys = a.keys.get(term, frozenset())
        other = next((t for t in sorted(shared_b) if not keys.isdisjoint(b.keys.get(t, ()))),
                     None)
        if other is not None:
            out.append(f"{a.surface.get(term, term)} / {b.surface.get(other, other)}")
    return ", ".join(out[:SHOWN_SHARED])


def reasons(a: Statement, b: Statement, f: dict[str, float]) -> list[tuple[Reason, str]]:
    """Why A and B clash, in words a reader can check against the two texts."""
    out = []
    if "plan_vs_denial" in f:
        plan, denial = (a, b) if b.negators and b.plans else (b, a)
        what = "speculation" if plan.speculative else "a plan or prospect"
        out.append((Reason.PLAN,
                    f"{what} ({_words(plan.plans or {'speculation'})}) set against "
                    f"a denial of plans ({_words(denial.negators)} … {_words(denial.plans)})"))
    elif "speculation_vs_denial" in f:
        denial = a if a.negators else b
        out.append((Reason.SPECULATION,
                    f"speculation set against a denial ({_words(denial.negators)})"))
    elif "negation_one_side" in f:
        neg, pos = ("A", "B") if a.negators else ("B", "A")
        words_ = a.negators if a.negators else b.negators
        out.append((Reason.NEGATION, f"{neg} negates or denies ({_words(words_)}) what {pos} "
                                     "asserts"))
    for ta, tb in opposite_words(a, b):
        out.append((Reason.OPPOSITE,
                    f"opposite words: {a.surface.get(ta, ta)} / {b.surface.get(tb, tb)}"))
    for key, kind, attr in (("number_differs", Reason.NUMBER, "numbers"),
                            ("date_differs", Reason.DATE, "months"),
                            ("place_differs", Reason.PLACE, "places"),
                            ("name_differs", Reason.NAME, "names")):
        if key in f:
            xa, xb = getattr(a, attr), getattr(b, attr)
            wa = _words(a.marks.get(x, x) for x in xa - xb)
            wb = _words(b.marks.get(x, x) for x in xb - xa)
            out.append((kind, f"different {kind.value}: {wa} / {wb}"))
    out += [(Reason.LEARNED, r) for r in _learned_reasons(a, b, f)]
    if not out:
        renamed = renamed_in(a, b)
        if renamed:
            out.append((Reason.NAME, f"different name: {renamed[0]} / {renamed[1]}"))
        else:
            out.append((Reason.FRAME, _frame_reason(a, b)))
    return out


def possible_reasons(a: Statement, b: Statement) -> frozenset[Reason]:
    """Every kind of reason `reasons` could give for this pair were it called a contradiction
    (FRAME aside: it stands alone, when nothing else does). Cheap: no learned model."""
    out = set()
    neg_a, neg_b = bool(a.negators), bool(b.negators)
    if plan_against_denial(a, b) or plan_against_denial(b, a):
        out.add(Reason.PLAN)
    if (a.speculative and neg_b) or (b.speculative and neg_a):
        out.add(Reason.SPECULATION)
    if neg_a != neg_b:
        out.add(Reason.NEGATION)
    if opposite_words(a, b):
        out.add(Reason.OPPOSITE)
    if differ(a.numbers, b.numbers):
        out.add(Reason.NUMBER)
    if differ(a.months, b.months):
        out.add(Reason.DATE)
    if differ(a.places, b.places) and len(a.places) == len(b.places):
        out.add(Reason.PLACE)
    if differ(a.names, b.names) or renamed_in(a, b):
        out.add(Reason.NAME)
    if _has_learned_pair(a, b):
        out.add(Reason.LEARNED)
    return frozenset(out)


def _has_learned_pair(a: Statement, b: Statement) -> bool:
    """Whether a pair of differing words could make a learned reason (see _learned_reasons)."""
    only_a, only_b = a.terms - matched(a, b), b.terms - matched(b, a)
    if not (only_a and only_b) or len(only_a) > MAX_PAIR_SIDE or len(only_b) > MAX_PAIR_SIDE:
        return False
    telling = _telling_pairs()
    return any("p:" + pair_key(x, y) in telling for x in only_a for y in only_b)


@cache
def _telling_pairs() -> frozenset[str]:
    weights = model()["words"]["weights"]
    return frozenset(name for name, w in weights.items()
                     if name.startswith("p:") and w[1] - w[0] >= LEARNED_REASON_WEIGHT)


def changed(a: Statement, b: Statement, *,
             min_length: int = 0) -> tuple[list[str], list[str]]:
    """The terms of A and of B the other lacks, leaving out words that only change form
    (both at least `min_length` long)."""
    only_a, only_b = a.terms - matched(a, b), b.terms - matched(b, a)
    for x, y in spelling_variants(only_a, only_b):
        if min(len(x), len(y)) >= min_length:
            only_a, only_b = only_a - {x}, only_b - {y}
    return sorted(only_a), sorted(only_b)


def renamed_in(a: Statement, b: Statement) -> tuple[str, str] | None:
    """The names A and B differ in, when every word that differs is a name (a town, a person
    not in the hand lists): the same frame with another actor or place, as written."""
    only_a, only_b = changed(a, b)
    if not (only_a and only_b):
        return None
    if all(is_name_term(a, t) for t in only_a) and all(is_name_term(b, t) for t in only_b):
        return (" ".join(a.surface.get(t, t) for t in only_a),
                " ".join(b.surface.get(t, t) for t in only_b))
    return None


def is_name_term(s: Statement, term: str) -> bool:
    # Arabic has no capitals: a word outside ordinary news vocabulary is taken for a name.
    if is_arabic(term):
        common = common_words()
        return term not in common and s.alts.get(term) not in common
    return s.surface.get(term, "")[:1].isupper()


def _learned_reasons(a: Statement, b: Statement, f: dict[str, float]) -> list[str]:
    telling = _telling_pairs()
    out = []
    for name in f:
        if name in telling:
            x, y = name[2:].split("|")
            wx, wy = (x, y) if x in a.terms else (y, x)
            out.append(
                f"opposite in the news stance corpus: {a.surface.get(wx, wx)} / "
                f"{b.surface.get(wy, wy)}"
            )
    return out[:2]


def _frame_reason(a: Statement, b: Statement) -> str:
    only_a, only_b = changed(a, b)
    wa = " ".join(a.surface.get(t, t) for t in only_a[:4]) or "—"
    wb = " ".join(b.surface.get(t, t) for t in only_b[:4]) or "—"
    return f"same frame, different words: {wa} / {wb}"


def _words(items) -> str:
    return ", ".join(sorted(set(items)))
