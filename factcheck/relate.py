"""What one statement is to another: agrees, contradicts or unrelated, with checkable reasons.

Features a person can check (a negation or denial on one side only, opposite words, a
different number, date, place or name in the same frame, a plan or speculation set against
"no such plans") come from hand-written word lists in factcheck/data/contrast.toml. A model
learned from the ANS headline-stance corpus (factcheck/data/stance_model.json, made by
tools/learn_stance.py: word weights stacked under small boosted trees) weighs them together
with the words that differ and gives the relation and its score. The reasons shown are always
the checkable features, in the texts' own words. Pure Python at check time.

The parts live by concept: reading a statement (factcheck.statement, with the contrast
lists in factcheck.contrast and places in factcheck.places), the learned model's runtime
(factcheck.forest) and the reasons (factcheck.reasons); this module relates two readings. It
names again what callers of relate used to find here (read_statement, matched, Reason ...).
"""

import math
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache

from rapidfuzz import fuzz

from factcheck import concepts
from factcheck.contrast import lexicon  # noqa: F401  (re-exported: relate.lexicon)
from factcheck.forest import forest, linear, model, softmax
from factcheck.normalize import fold, is_arabic
from factcheck.reasons import (  # noqa: F401  (possible_reasons re-exported)
    MAX_PAIR_SIDE,
    Reason,
    aligned,
    changed,
    differ,
    is_name_term,
    opposite_words,
    pair_key,
    plan_against_denial,
    possible_reasons,
    reasons,
    spelling_variants,
)
from factcheck.statement import (  # noqa: F401  (re-exported for the modules that relate)
    PROCLITICS,
    Statement,
    common_words,
    matched,
    read_statement,
    stopwords,
)

# ... when both are at least this long; used to count what changed, not by the model.
MIN_VARIANT_LENGTH = 5


# The least score of a contradiction found by rule rather than by the learned model.
DECISIVE_SCORE = 0.9


# Two statements whose shared content words (in any of their forms; across languages,
# through what they stand for) are fewer than this share of the shorter one's are about two
# matters: unrelated. Chosen on ANS train and on pairs of claims from two real stories.
MIN_MATTER_SHARE = 0.15


# A denial the extractor read ("denied reports that ...") is set against an assertion sharing
# at least this many words, however the learned model (trained on headlines) weighs them.
MIN_SHARED_DENIAL = 3


# Across languages, statements this close (shared share of both sides' words) agree ...
AGREE_ACROSS = 0.6


# ... and a checkable difference is a clash only this close: the concept tables make common
# words meet (forces, government), which two stories share.
CLASH_ACROSS = 0.25


# ... and on at least this many shared words that are neither places nor a denial's frame on
# each side: "the British media report lies" and another claim about a British paper share a
# country, not a matter.
MIN_SHARED_ACROSS = 3


# A denial of a report and a claim asserting it are about one matter, however few of their
# words meet, when they share what happened (an event: troops sent, a meeting held, weapons
# stored) and at least this many of those it happened to or between (countries, names):
# one event with its participants, not only a country both stories name.
MIN_PARTICIPANTS = 2


class Relation(str, Enum):
    """What B is to A."""

    AGREES = "agrees"
    CONTRADICTS = "contradicts"
    UNRELATED = "unrelated"


@dataclass(frozen=True, slots=True)
class RelationResult:
    """The relation of B to A, how sure the model is (0..1), and why, in words."""

    relation: Relation
    score: float
    reasons: list[str] = field(default_factory=list)
    kinds: tuple[Reason, ...] = ()  # the kind of each reason, in the same order
    shared: int = 0  # content words the two statements share (in any of their forms)

    def to_dict(self) -> dict:
        return {
            "relation": self.relation.value,
            "score": round(self.score, 3),
            "reasons": list(self.reasons),
            "kinds": [k.value for k in self.kinds],
        }


@lru_cache(maxsize=16_384)
def _trigrams(terms: frozenset[str]) -> frozenset[str]:
    """Character trigrams of the content words, across word edges (for the model only)."""
    out = set()
    for term in terms:
        padded = f" {term} "
        out.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return frozenset(out)


def substitutions(a: Statement, b: Statement) -> int:
    """How many things B says in place of A's: one frame with one thing changed gives 1.

    Each run of adjacent content words one side has and the other lacks is one thing (a
    stop word or a figure ends a run: "airport in Zarqa" against "dam in Irbid" is two), counted
    on the side with fewer (what only one side adds is no substitution), plus a different
    number and a different month. Words that only change form (يرتفع / ارتفاع), and places
    naming the same countries (Cairo / Egypt), are no change.
    Symmetric.
    """
    # Short words one letter apart are two words (مطار / قطار), not one in two forms.
    only_a, only_b = map(frozenset, changed(a, b, min_length=MIN_VARIANT_LENGTH))
    if a.places == b.places:
        # Cairo for Egypt names the same country: no change of place.
        only_a, only_b = only_a - a.place_terms, only_b - b.place_terms
    runs = min(_runs(a.sequence, only_a), _runs(b.sequence, only_b))
    return runs + differ(a.numbers, b.numbers) + differ(a.months, b.months)


def _runs(sequence: tuple[str | None, ...], only: frozenset[str]) -> int:
    count, inside = 0, False
    for term in sequence:
        differs = term is not None and term in only
        if differs and not inside:
            count += 1
        inside = differs
    return count


def features(a: Statement, b: Statement) -> dict[str, float]:
    """The model's inputs for a pair; symmetric, so relate(a, b) == relate(b, a)."""
    shared_a, shared_b = matched(a, b), matched(b, a)
    only_a, only_b = a.terms - shared_a, b.terms - shared_b
    shared = shared_a if len(shared_a) <= len(shared_b) else shared_b
    union = len(shared) + len(only_a) + len(only_b) or 1
    neg_a, neg_b = bool(a.negators), bool(b.negators)
    f: dict[str, float] = {
        "jaccard": len(shared) / union,
        "fuzzy": fuzz.token_set_ratio(a.joined, b.joined) / 100.0,
        "ratio": fuzz.ratio(a.joined, b.joined) / 100.0,
        "differ_share": (len(only_a) + len(only_b)) / union,
        "few_differ": float(len(only_a) + len(only_b) <= 2),
        "no_shared": float(not shared),
        "chars": fuzz.ratio(a.text, b.text) / 100.0,
        "bigrams": _share(_bigrams(a.text), _bigrams(b.text)),
        "length_gap": abs(len(a.terms) - len(b.terms)) / union,
        "trigrams": _share(_trigrams(a.terms), _trigrams(b.terms)),
    }
    # Differing words that are one word in another form (يرتفع / ارتفاع) change nothing;
    # what is left over is what really differs.
    variants = spelling_variants(only_a, only_b)
    f["variants"] = len(variants) / union
    f["real_differ"] = (len(only_a) + len(only_b) - 2 * len(variants)) / union
    f[f"real_differ_{min(len(only_a) + len(only_b) - 2 * len(variants), 4)}"] = 1.0
    if neg_a != neg_b:
        f["negation_one_side"] = 1.0
        f["negation_one_side_x_jaccard"] = f["jaccard"]
    elif neg_a:
        f["negation_both"] = 1.0
    opposites = len(opposite_words(a, b))
    if opposites:
        # Two flips cancel out ("gold up as dollar down" / "gold rises with the dollar falling").
        f["opposite_words" if opposites % 2 else "opposite_words_even"] = 1.0
    f[f"shared_{min(len(shared), 3)}"] = 1.0
    # Sharing only a country or a number is not sharing a matter ("Syria" in two stories).
    places = a.place_terms | b.place_terms | a.numbers | b.numbers
    f[f"shared_beyond_places_{min(len(shared - places), 3)}"] = 1.0
    if differ(a.numbers, b.numbers):
        f["number_differs"] = 1.0
    elif a.numbers and a.numbers == b.numbers:
        f["number_same"] = 1.0
    if differ(a.months, b.months):
        f["date_differs"] = 1.0
    # One place for another; Moscow against "Russia and Korea" is not a substitution.
    if differ(a.places, b.places) and len(a.places) == len(b.places):
        f["place_differs"] = 1.0
    if differ(a.names, b.names):
        f["name_differs"] = 1.0
    if plan_against_denial(a, b) or plan_against_denial(b, a):
        f["plan_vs_denial"] = 1.0
    if (a.speculative and neg_b) or (b.speculative and neg_a):
        f["speculation_vs_denial"] = 1.0
    for term in only_a | only_b:
        f["d:" + term] = 1.0
        f["r:" + _rootish(term)] = 1.0
    if len(only_a) <= MAX_PAIR_SIDE and len(only_b) <= MAX_PAIR_SIDE:
        for x in only_a:
            for y in only_b:
                f["p:" + pair_key(x, y)] = 1.0
                f["q:" + pair_key(_rootish(x), _rootish(y))] = 1.0
    return f


def _share(x: frozenset, y: frozenset) -> float:
    return len(x & y) / (len(x | y) or 1)


@lru_cache(maxsize=16_384)
def _bigrams(text: str) -> frozenset[tuple[str, str]]:
    """Pairs of adjacent words of a statement's folded text (for the model only)."""
    folded = text.split()
    return frozenset(zip(folded, folded[1:], strict=False))


def _rootish(term: str) -> str:
    # Imperfect-verb and verbal-noun letters off the front: يرتفع, ترتفع, ارتفاع meet as رتفع.
    if is_arabic(term) and len(term) > 4 and term[0] in "يتنا":
        return term[1:]
    return term


def denies_prospect(a: Statement, b: Statement) -> bool:
    """One side plans or speculates, the other denies: a clash however differently worded."""
    return (plan_against_denial(a, b) or plan_against_denial(b, a)
            or (a.speculative and bool(b.negators)) or (b.speculative and bool(a.negators)))


def is_dense(name: str) -> bool:
    """Features that describe the pair as a whole, not one word of it."""
    return name[:2] not in ("d:", "p:", "r:", "q:")


def decide(f: dict[str, float]) -> tuple[Relation, float]:
    """The learned decision: word-level probabilities, then trees over the pair's features."""
    m = model()
    words = softmax(linear(m["words"], f))
    row = [f.get(name, 0.0) for name in m["dense"]] + words
    trees = m["trees"]
    rate = trees["learning_rate"]
    sums = forest().sums(row)
    raw = [r + rate * v for r, v in zip(trees["init"], sums, strict=True)]
    probs = softmax(raw)
    best = max(range(len(probs)), key=probs.__getitem__)
    return _RELATION[m["classes"][best]], probs[best]


_RELATION = {"agree": Relation.AGREES, "disagree": Relation.CONTRADICTS,
             "other": Relation.UNRELATED}


def relate(
    a: str,
    b: str,
    *,
    context_a: str | None = None,
    context_b: str | None = None,
    negated_a: bool | None = None,
    negated_b: bool | None = None,
    modality_a: str | None = None,
    modality_b: str | None = None,
) -> RelationResult:
    """How statement `b` stands to statement `a`, with the score and the reasons."""
    sa = read_statement(a, context_a, negated=negated_a, modality=modality_a)
    sb = read_statement(b, context_b, negated=negated_b, modality=modality_b)
    return relate_statements(sa, sb)


def relate_claims(a: dict, b: dict) -> RelationResult:
    """`relate` on two claim dicts, using their context, negation and modality."""
    return relate(
        a["content"]["text"],
        b["content"]["text"],
        context_a=a.get("context"),
        context_b=b.get("context"),
        negated_a=bool(a.get("negated")),
        negated_b=bool(b.get("negated")),
        modality_a=a.get("modality"),
        modality_b=b.get("modality"),
    )


def relate_statements(sa: Statement, sb: Statement, *,
                      source_named: bool = False) -> RelationResult:
    """How two statements relate. `source_named`: one denies the report and names who made
    it, and the other is theirs (denial.names_source): across languages it says itself what
    it is set against, so no word for the event itself need meet."""
    shared_a, shared_b = matched(sa, sb), matched(sb, sa)
    shared = min(len(shared_a), len(shared_b))
    if sa.terms <= shared_a and sb.terms <= shared_b and bool(sa.negators) == bool(sb.negators):
        # Nothing differs: the same statement (the learned model never saw one).
        return RelationResult(Relation.AGREES, 1.0, [], (), shared)
    if no_matter_in_common(sa, sb, shared):
        # No matter in common: whatever the wording, neither says anything of the other.
        return RelationResult(Relation.UNRELATED, 1.0, [], (), shared)
    if sa.lang != sb.lang:
        return _across_languages(sa, sb, shared_a, shared_b, source_named=source_named)
    f = features(sa, sb)
    relation, score = decide(f)
    if relation is not Relation.CONTRADICTS and (_denial_of_prospect(f, shared)
                                                 or _denial_of_report(sa, sb, shared)):
        # A plan or a prospect against "no such plans" on shared words, or a denial of
        # reports against what they report: the headline corpus has almost no such pairs, so
        # the learned stages cannot know it; the rule can.
        relation, score = Relation.CONTRADICTS, max(score, DECISIVE_SCORE)
    if relation is Relation.CONTRADICTS:
        found = reasons(sa, sb, f)
        return RelationResult(relation, score, [r for _, r in found],
                              tuple(k for k, _ in found), shared)
    return RelationResult(relation, score, [], (), shared)


def _denial_of_prospect(f: dict[str, float], shared: int) -> bool:
    return shared >= 2 and ("plan_vs_denial" in f or "speculation_vs_denial" in f)


def _denial_of_report(a: Statement, b: Statement, shared: int) -> bool:
    """One side is a denial the extractor read, the other asserts it, on shared words."""
    if shared < MIN_SHARED_DENIAL:
        return False
    return (a.denial and not b.negators) or (b.denial and not a.negators)


def no_matter_in_common(a: Statement, b: Statement, shared: int) -> bool:
    """Whether two statements share too little to be about one matter: no content word, or a
    small part of the shorter one's words (two long claims of two stories that both name
    Syria and the government)."""
    return not shared or shared < MIN_MATTER_SHARE * min(len(a.terms), len(b.terms))


def _across_languages(a: Statement, b: Statement, shared_a: frozenset[str],
                      shared_b: frozenset[str], *, source_named: bool = False
                      ) -> RelationResult:
    """Two statements in two languages: the checkable rules alone, on the words they share
    through what those stand for; the learned model read only Arabic headline pairs."""
    shared = min(len(shared_a), len(shared_b))
    found: list[tuple[Reason, str]] = []
    neg_a, neg_b = bool(a.negators), bool(b.negators)
    if neg_a != neg_b and (_calls_false(b if neg_a else a) or _says_it_too(a, b)):
        # "mere lies" against "the report is false", or "rejected" against رفض: two denials
        # or two refusals of one thing, no clash.
        neg_a = neg_b = True
    if plan_against_denial(a, b) or plan_against_denial(b, a):
        found.append(reasons(a, b, {"plan_vs_denial": 1.0})[0])
    elif (a.speculative and neg_b) or (b.speculative and neg_a):
        found.append(reasons(a, b, {"speculation_vs_denial": 1.0})[0])
    elif neg_a != neg_b:
        found.append(reasons(a, b, {"negation_one_side": 1.0})[0])
    if differ(a.numbers, b.numbers):
        found.append(reasons(a, b, {"number_differs": 1.0})[0])
    closeness = math.sqrt(len(shared_a) / (len(a.terms) or 1)
                          * len(shared_b) / (len(b.terms) or 1))
    if found and closeness >= CLASH_ACROSS and _telling_shared(a, shared_a) >= MIN_SHARED_ACROSS \
            and _telling_shared(b, shared_b) >= MIN_SHARED_ACROSS \
            and (source_named or _shares_event(a, b)):
        about = f"about the same: {aligned(a, b, shared_a, shared_b)}"
        return RelationResult(Relation.CONTRADICTS, DECISIVE_SCORE,
                              [r for _, r in found] + [about],
                              tuple(k for k, _ in found), shared)
    if closeness >= AGREE_ACROSS:
        return RelationResult(Relation.AGREES, closeness, [], (), shared)
    return RelationResult(Relation.UNRELATED, 1 - closeness, [], (), shared)


def shared_event(a: Statement, b: Statement) -> tuple[frozenset[str], frozenset[str]]:
    """The event keys and the participant keys (places, names) two statements share, in
    either language."""
    return _event_keys(a, b), participants(a) & participants(b)


def participants(s: Statement) -> frozenset[str]:
    """The keys of the countries and names a statement speaks of. In Arabic, which has no
    capitals, a word of the ordinary vocabulary is no name, whatever its skeleton meets."""
    return frozenset(k for term, keys in s.keys.items() for k in keys
                     if k.startswith("p:") or k.startswith("n:") and is_name_term(s, term))


def denial_of_event(a: Statement, b: Statement) -> RelationResult | None:
    """A contradiction when one side denies a report (the extractor read a denial) and the
    other asserts what it denies, on one event with its participants (shared_event), however
    differently the two are worded; None otherwise."""
    denies = (a.denial and not b.negators) or (b.denial and not a.negators)
    if not denies:
        return None
    events, people = shared_event(a, b)
    if not events or len(people) < MIN_PARTICIPANTS:
        return None
    reason = reasons(a, b, {"negation_one_side": 1.0})[0]
    about = f"the same event and participants: {_shown_keys(a, b, events | people)}"
    return RelationResult(Relation.CONTRADICTS, DECISIVE_SCORE, [reason[1], about],
                          (reason[0],), len(events) + len(people))


def _shown_keys(a: Statement, b: Statement, keys: frozenset[str]) -> str:
    """Each shared key as the two statements wrote it (troops / جنود), in A's order."""
    out = []
    for key in sorted(keys, key=lambda k: _first_at(a, k)):
        wa, wb = _written_for(a, key), _written_for(b, key)
        out.append(wa if wa == wb else f"{wa} / {wb}")
    return ", ".join(out[:SHOWN_KEYS])


SHOWN_KEYS = 6


def _first_at(s: Statement, key: str) -> int:
    terms = [t for t in s.sequence if t is not None]
    return next((i for i, t in enumerate(terms) if key in s.keys.get(t, ())), len(terms))


def _written_for(s: Statement, key: str) -> str:
    term = next((t for t, keys in s.keys.items() if key in keys), None)
    return s.surface.get(term, term) if term is not None else key


def _telling_shared(s: Statement, shared: frozenset[str]) -> int:
    """Shared words that say what the matter is: not the places, not a denial's frame."""
    return sum(1 for t in shared - s.place_terms
               if not any(k.startswith("p:") for k in s.keys.get(t, ()))
               and not concepts.is_frame_word(s.surface.get(t, t).casefold()))


def _calls_false(s: Statement) -> bool:
    """Whether a statement calls what it speaks of false or tells of a denial (lies, أكاذيب,
    fabricated, نفى) in its words, with no negator for the extractor to have read."""
    return any(concepts.calls_false(fold(w)) for w in s.surface.values())


def _shares_event(a: Statement, b: Statement) -> bool:
    """Whether two statements in two languages share a word for what happened (a meeting, a
    strike, storing weapons), not only who spoke or was spoken of (a minister, Mangoush)."""
    return bool(_event_keys(a, b))


def _event_keys(a: Statement, b: Statement) -> frozenset[str]:
    return frozenset(k for k in a.key_set & b.key_set if concepts.is_event_key(k))


def _says_it_too(a: Statement, b: Statement) -> bool:
    """Whether the side with no negator holds the other's negating word in its own words
    (rejected / رفض, denied / نفى): both refuse or deny the same thing."""
    neg, other = (a, b) if a.negators else (b, a)
    keys = set()
    for word in neg.negators:
        keys |= {"c:" + c for c in concepts.concepts_of(fold(word))}
    return bool(keys & other.key_set)
