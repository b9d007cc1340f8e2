"""What one statement is to another: agrees, contradicts or unrelated, with checkable reasons.

Features a person can check (a negation or denial on one side only, opposite words, a
different number, date, place or name in the same frame, a plan or speculation set against
"no such plans") come from hand-written word lists in factcheck/data/contrast.toml. A model
learned from the ANS headline-stance corpus (factcheck/data/stance_model.json, made by
tools/learn_stance.py: word weights stacked under small boosted trees) weighs them together
with the words that differ and gives the relation and its score. The reasons shown are always
the checkable features, in the texts' own words. Pure Python at check time.
"""

import json
import math
import tomllib
from dataclasses import dataclass, field
from enum import Enum
from functools import cache, lru_cache
from importlib.resources import files
from typing import NamedTuple

import orjson
from rapidfuzz import fuzz

from factcheck import concepts
from factcheck.normalize import fold, is_arabic, stem, tokens
from factcheck.rules import rules_for

MODEL_FILE = "stance_model.json"
LEXICON_FILE = "contrast.toml"
COMMON_FILE = "common_words.json"
# Pairs of differing words are only a feature when few words differ: beyond that the
# cross product is noise and costs time.
MAX_PAIR_SIDE = 4
# One-letter words glued to the next in Arabic (and, so, with, to, like): لروسيا is روسيا.
PROCLITICS = "وفبلك"
# Two differing words this close in spelling (rapidfuzz ratio) are taken for one word's forms.
VARIANT = 75
# ... when both are at least this long; used to count what changed, not by the model.
MIN_VARIANT_LENGTH = 5
# The least score of a contradiction found by rule rather than by the learned model.
DECISIVE_SCORE = 0.9
# A learned word pair is shown as a reason only when its weight towards `contradicts` is clear.
LEARNED_REASON_WEIGHT = 0.8
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


@dataclass(frozen=True)
class Lexicon:
    """The contrast word lists of both languages, folded, merged for lookup."""

    negators: frozenset[str]
    plans: frozenset[str]
    months: frozenset[str]
    places: dict[tuple[str, ...], str]  # a place's words (article off) -> its country
    place_words: frozenset[str]
    numbers: dict[str, str]
    antonyms: dict[str, frozenset[tuple[int, int]]]  # word -> {(pair number, side 0 or 1)}
    not_negation: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class Statement:
    """One statement read for comparison: its content words, and what marks it."""

    terms: frozenset[str]  # stems of content (and context) words
    alts: dict  # stem -> stem without a glued proclitic (لروسيا -> روسيا), when there is one
    forms: frozenset[str]  # terms and their alternatives
    surface: dict  # stem -> the word as written, for reasons
    marks: dict  # number, month, place or name as compared -> as written, for reasons
    negators: tuple[str, ...]  # negating words in the content, as written
    plans: frozenset[str]
    numbers: frozenset[str]
    months: frozenset[str]
    places: frozenset[str]  # the countries named, by key ("russia" for موسكو or Moscow)
    place_terms: frozenset[str]  # the stems of the words that named them
    names: frozenset[str]  # capitalised words inside an English sentence
    antonyms: dict  # stem -> {(pair, side)} for the words that have an opposite
    speculative: bool
    joined: str  # sorted stems, for fuzzy similarity
    text: str  # folded words in order, for character similarity and word order
    # The content in order, for telling one substitution from several: each word's stem, or
    # None for a gap (a stop word, a number or a month: those are compared on their own).
    sequence: tuple[str | None, ...] = ()
    # The values of alts as a frozenset: matched() meets it twice per candidate pair, and a
    # frozenset intersection is ~7% of the whole check faster there than alt_owners.keys().
    alt_terms: frozenset[str] = frozenset()
    alt_owners: dict = field(default_factory=dict)  # alt -> the terms it is the alt of
    said: int = 0  # content words of the statement and of the question, figures aside
    # What each term stands for in any language (factcheck.concepts): concepts, names,
    # places, numbers; used only against a statement in another language.
    keys: dict = field(default_factory=dict)  # term -> frozenset of keys
    key_set: frozenset[str] = frozenset()
    lang: str = ""  # "ar" or "en", by the letters of most terms
    denial: bool = False  # the extractor read a denial ("denied reports that ...")


@cache
def lexicon() -> Lexicon:
    raw = tomllib.loads(files("factcheck.data").joinpath(LEXICON_FILE).read_text("utf-8"))
    merged: dict[str, set] = {"negators": set(), "plans": set(), "months": set()}
    numbers: dict[str, str] = {}
    antonyms: dict[str, set] = {}
    pair_no = 0
    not_negation = []
    places = {tuple(_strip_article(w) for w in fold(name).split()): country
              for country, names in raw.pop("places").items() for name in names}
    for lang, table in raw.items():
        for key in merged:
            merged[key].update(_strip_article(fold(w)) for w in table.get(key, []))
        for word, value in table.get("numbers", {}).items():
            numbers[fold(word)] = str(value)
        for pair in table.get("antonyms", []):
            for side, group in enumerate(pair):
                for word in group:
                    antonyms.setdefault(_strip_article(fold(word)), set()).add((pair_no, side))
            pair_no += 1
        not_negation += [tuple(fold(p).split()) for p in rules_for(lang).negation["not_negation"]]
    return Lexicon(
        **{k: frozenset(v) for k, v in merged.items()},
        places=places,
        place_words=frozenset(w for phrase in places for w in phrase),
        numbers=numbers,
        antonyms={k: frozenset(v) for k, v in antonyms.items()},
        not_negation=tuple(not_negation),
    )


@cache
def model() -> dict:
    """The learned layers (word weights per class, trees) and their provenance."""
    return orjson.loads(files("factcheck.data").joinpath(MODEL_FILE).read_bytes())


@cache
def common_words() -> frozenset[str]:
    """Stems of ordinary Arabic news vocabulary (made by tools/common_words.py from ANS train)."""
    raw = json.loads(files("factcheck.data").joinpath(COMMON_FILE).read_text("utf-8"))
    return frozenset(raw["stems"])


def _bare(word: str) -> str:
    # An Arabic conjunction or preposition glued to the front: ولا, فلم, وبدون, بارتفاع.
    if len(word) > 3 and word[0] in "وفبل":
        return word[1:]
    return word


@cache
def stopwords() -> frozenset[str]:
    return rules_for("ar").stopwords | rules_for("en").stopwords


@lru_cache(maxsize=65_536)
def read_statement(
    text: str,
    context: str | None = None,
    *,
    negated: bool | None = None,
    modality: str | None = None,
) -> Statement:
    """Read `text` (and the question it answered, `context`) for comparison.

    `negated` and `modality` come from the extractor when the text is a claim: then its
    judgement of negation wins over the word lists (it knows that "أمر غير عادي" denies nothing).
    """
    lex = lexicon()
    content = tokens(text)
    folded = [t.norm for t in content]
    skip = _not_negation_positions(folded, lex.not_negation)
    terms: set[str] = set()
    alts: dict[str, str] = {}
    surface: dict[str, str] = {}
    negs, plans, nums, months, places, names = [], set(), set(), set(), set(), set()
    ants: dict[str, set] = {}
    marks: dict[str, str] = {}
    sequence: list[str | None] = []
    place_at: dict[int, str] = {}
    in_place = _find_places(text, content, lex, places, marks, place_at)
    keys: dict[str, frozenset[str]] = {}
    denial = modality == "denial"
    for i, tok in enumerate(content):
        word = _word(tok.norm)
        written = text[tok.start : tok.end]
        if denial and not word.negator and concepts.is_frame_word(tok.norm):
            # "denied the reports that P": the reports frame the denial; P is its matter.
            sequence.append(None)
            continue
        if word.negator and i not in skip:
            negs.append(written)
        if word.plan:
            plans.add(written)
        if word.number is not None:
            _mark(nums, marks, word.number, written)
        for month in word.months:
            _mark(months, marks, month, written)
        if word.antonyms:
            ants.setdefault(word.term, set()).update(word.antonyms)
        # The first word of a sentence is capitalised whatever it is.
        if (i > 0 and word.may_name and i not in in_place and written[:1].isupper()
                and written.isalpha()):
            _mark(names, marks, word.text, written)
        if word.stop:
            sequence.append(None)
            continue
        sequence.append(None if word.figure else word.term)
        terms.add(word.term)
        surface.setdefault(word.term, written)
        if word.alt is not None:
            alts[word.term] = word.alt
        _add_keys(keys, word, tok.norm, written, place=place_at.get(i))
    place_terms = {stem(content[i].norm) for i in in_place}
    if context:
        asked = tokens(context)
        asked_at: dict[int, str] = {}
        in_asked = _find_places(context, asked, lex, places, marks, asked_at)
        place_terms.update(stem(asked[i].norm) for i in in_asked)
        for i, tok in enumerate(asked):
            if tok.norm not in stopwords():
                written = context[tok.start : tok.end]
                _add_term(tok.norm, written, terms, alts, surface)
                _add_keys(keys, _word(tok.norm), tok.norm, written, place=asked_at.get(i))
    if negated is not None or modality is not None:
        negated = bool(negated) or modality == "denial"
        negs = (negs or ["(negated)"]) if negated else []
    speculative = modality in ("speculation", "prediction")
    return Statement(
        frozenset(terms),
        alts,
        frozenset(terms) | frozenset(alts.values()),
        surface,
        marks,
        tuple(negs),
        frozenset(plans),
        frozenset(nums),
        frozenset(months),
        frozenset(places),
        frozenset(place_terms),
        frozenset(names),
        ants,
        speculative,
        " ".join(sorted(terms)),
        " ".join(folded),
        tuple(sequence),
        frozenset(alts.values()),
        _owners(alts),
        sum(not term.isdigit() for term in terms),
        keys,
        frozenset().union(*keys.values()) if keys else frozenset(),
        _lang_of(terms),
        denial,
    )


def _add_keys(keys: dict, word: "_Word", folded: str, written: str, *,
              place: str | None) -> None:
    """The cross-language keys of one content word (factcheck.concepts)."""
    # Arabic has no capitals to tell a name by; the skeleton of a common word seldom meets
    # the skeleton of a capitalised English one, and the concepts are looked up first.
    may_name = is_arabic(folded) or (written[:1].isupper() and written.isalpha())
    found = concepts.word_keys(folded, name=may_name, place=place, number=word.number)
    if found:
        keys[word.term] = keys.get(word.term, frozenset()) | found


def _lang_of(terms) -> str:
    arabic = sum(1 for t in terms if is_arabic(t))
    return "ar" if arabic * 2 >= len(terms) and arabic else "en"


def _owners(alts: dict[str, str]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for term, alt in alts.items():
        out.setdefault(alt, []).append(term)
    return {alt: tuple(terms) for alt, terms in out.items()}


class _Word(NamedTuple):
    """What reading a statement needs of one folded word, worked out once per word."""

    text: str
    term: str  # its stem
    alt: str | None  # the stem without a glued proclitic (لروسيا -> روسيا)
    negator: bool
    plan: bool
    number: str | None  # the figure it writes, as compared
    months: tuple[str, ...]
    antonyms: frozenset  # {(pair, side)} of every form
    stop: bool  # a stop word with no opposite: a gap in the sequence, not a term
    figure: bool  # a number or a month: compared on its own, a gap in the sequence
    may_name: bool  # an English name when written capitalised


@lru_cache(maxsize=65_536)
def _word(word: str) -> _Word:
    lex, stop = lexicon(), stopwords()
    bare = _bare(word)
    forms = _forms(word)
    if word.isdigit() or bare.isdigit():
        number = str(int(bare if bare.isdigit() else word))
    else:
        number = lex.numbers.get(word) or lex.numbers.get(bare)
    months = tuple(sorted(f for f in forms if f in lex.months))
    antonyms = frozenset().union(*(lex.antonyms[f] for f in forms if f in lex.antonyms))
    term = stem(word)
    alt = stem(word[1:]) if is_arabic(word) and len(word) >= 5 and word[0] in PROCLITICS else None
    return _Word(
        text=word, term=term, alt=alt,
        negator=word in lex.negators or bare in lex.negators,
        plan=bool(forms & lex.plans),
        number=number, months=months, antonyms=antonyms,
        stop=(word in stop or bare in stop) and not antonyms,
        figure=number is not None or bool(months),
        may_name=word.isalpha() and _is_name(word.capitalize(), word, stop, lex),
    )


@lru_cache(maxsize=16_384)
def _trigrams(terms: frozenset[str]) -> frozenset[str]:
    """Character trigrams of the content words, across word edges (for the model only)."""
    out = set()
    for term in terms:
        padded = f" {term} "
        out.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return frozenset(out)


def _is_name(written: str, word: str, stop: frozenset[str], lex: Lexicon) -> bool:
    """A capitalised English word that is not a month, a number or a common word."""
    if not (written[:1].isupper() and written.isalpha()) or word in stop:
        return False
    return not ({word} & (lex.months | lex.plans | lex.negators) or word in lex.numbers
                or word in lex.antonyms or (word,) in lex.places)


def _find_places(text: str, toks: list, lex: Lexicon, found: set, marks: dict,
                 at: dict | None = None) -> set[int]:
    """Mark the countries `toks` name (longest phrase first); the positions of their words
    (and, in `at`, the country each position names)."""
    covered: set[int] = set()
    i = 0
    while i < len(toks):
        size = 0
        for phrase, country in _place_phrases(toks[i].norm):
            if len(phrase) > size and _continues(phrase, toks, i):
                size, best = len(phrase), country
        if size:
            _mark(found, marks, best, text[toks[i].start : toks[i + size - 1].end])
            covered.update(range(i, i + size))
            if at is not None:
                at.update((j, best) for j in range(i, i + size))
            i += size
        else:
            i += 1
    return covered


@lru_cache(maxsize=65_536)
def _place_phrases(word: str) -> tuple:
    """The place phrases (and their countries) a word can begin, in any of its forms."""
    starts = _places_by_first_word()
    return tuple(found for form in sorted(_forms(word) & lexicon().place_words)
                 for found in starts.get(form, ()))


def _continues(phrase: tuple[str, ...], toks: list, i: int) -> bool:
    if len(phrase) == 1:
        return True
    following = toks[i + 1 : i + len(phrase)]
    return len(following) == len(phrase) - 1 and all(
        word in _forms(tok.norm) for word, tok in zip(phrase[1:], following, strict=True))


@cache
def _places_by_first_word() -> dict[str, tuple]:
    out: dict[str, list] = {}
    for phrase, country in lexicon().places.items():
        out.setdefault(phrase[0], []).append((phrase, country))
    return {k: tuple(v) for k, v in out.items()}


def _mark(found: set, marks: dict, key: str, written: str) -> None:
    found.add(key)
    marks.setdefault(key, written)


def _add_term(word: str, written: str, terms: set, alts: dict, surface: dict) -> None:
    term = stem(word)
    terms.add(term)
    surface.setdefault(term, written)
    if is_arabic(word) and len(word) >= 5 and word[0] in PROCLITICS:
        alts[term] = stem(word[1:])


def _strip_article(word: str) -> str:
    if len(word) > 4 and word.startswith("ال"):
        return word[2:]
    return word


@lru_cache(maxsize=65_536)
def _forms(word: str) -> frozenset[str]:
    """A folded word, without a glued conjunction or preposition, without its article."""
    bare = _bare(word)
    return frozenset((word, bare, _strip_article(word), _strip_article(bare)))


def _not_negation_positions(words: list[str], phrases) -> set[int]:
    by_first = _phrases_by_first_word(phrases)
    out = set()
    for i, word in enumerate(words):
        for phrase in by_first.get(word, ()):
            if tuple(words[i : i + len(phrase)]) == phrase:
                out.add(i)
    return out


@lru_cache(maxsize=4)
def _phrases_by_first_word(phrases: tuple[tuple[str, ...], ...]) -> dict[str, list]:
    out: dict[str, list] = {}
    for phrase in phrases:
        out.setdefault(phrase[0], []).append(phrase)
    return out


def _opposites(a: Statement, b: Statement) -> list[tuple[str, str]]:
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


def _differ(x: frozenset, y: frozenset) -> bool:
    """Each side names one the other does not: a substitution, not an addition."""
    return bool(x - y) and bool(y - x)


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
    only_a, only_b = map(frozenset, _changed(a, b, min_length=MIN_VARIANT_LENGTH))
    if a.places == b.places:
        # Cairo for Egypt names the same country: no change of place.
        only_a, only_b = only_a - a.place_terms, only_b - b.place_terms
    runs = min(_runs(a.sequence, only_a), _runs(b.sequence, only_b))
    return runs + _differ(a.numbers, b.numbers) + _differ(a.months, b.months)


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
    variants = _variants(only_a, only_b)
    f["variants"] = len(variants) / union
    f["real_differ"] = (len(only_a) + len(only_b) - 2 * len(variants)) / union
    f[f"real_differ_{min(len(only_a) + len(only_b) - 2 * len(variants), 4)}"] = 1.0
    if neg_a != neg_b:
        f["negation_one_side"] = 1.0
        f["negation_one_side_x_jaccard"] = f["jaccard"]
    elif neg_a:
        f["negation_both"] = 1.0
    opposites = len(_opposites(a, b))
    if opposites:
        # Two flips cancel out ("gold up as dollar down" / "gold rises with the dollar falling").
        f["opposite_words" if opposites % 2 else "opposite_words_even"] = 1.0
    f[f"shared_{min(len(shared), 3)}"] = 1.0
    # Sharing only a country or a number is not sharing a matter ("Syria" in two stories).
    places = a.place_terms | b.place_terms | a.numbers | b.numbers
    f[f"shared_beyond_places_{min(len(shared - places), 3)}"] = 1.0
    if _differ(a.numbers, b.numbers):
        f["number_differs"] = 1.0
    elif a.numbers and a.numbers == b.numbers:
        f["number_same"] = 1.0
    if _differ(a.months, b.months):
        f["date_differs"] = 1.0
    # One place for another; Moscow against "Russia and Korea" is not a substitution.
    if _differ(a.places, b.places) and len(a.places) == len(b.places):
        f["place_differs"] = 1.0
    if _differ(a.names, b.names):
        f["name_differs"] = 1.0
    if _plan_against_denial(a, b) or _plan_against_denial(b, a):
        f["plan_vs_denial"] = 1.0
    if (a.speculative and neg_b) or (b.speculative and neg_a):
        f["speculation_vs_denial"] = 1.0
    for term in only_a | only_b:
        f["d:" + term] = 1.0
        f["r:" + _rootish(term)] = 1.0
    if len(only_a) <= MAX_PAIR_SIDE and len(only_b) <= MAX_PAIR_SIDE:
        for x in only_a:
            for y in only_b:
                f["p:" + _pair_key(x, y)] = 1.0
                f["q:" + _pair_key(_rootish(x), _rootish(y))] = 1.0
    return f


def _share(x: frozenset, y: frozenset) -> float:
    return len(x & y) / (len(x | y) or 1)


@lru_cache(maxsize=16_384)
def _bigrams(text: str) -> frozenset[tuple[str, str]]:
    """Pairs of adjacent words of a statement's folded text (for the model only)."""
    folded = text.split()
    return frozenset(zip(folded, folded[1:], strict=False))


def _variants(only_a: frozenset[str], only_b: frozenset[str]) -> list[tuple[str, str]]:
    """Pairs of differing words close in spelling, each word used once."""
    out, used = [], set()
    for x in sorted(only_a):
        for y in sorted(only_b):
            if y not in used and len(x) > 2 and len(y) > 2 and fuzz.ratio(x, y) >= VARIANT:
                out.append((x, y))
                used.add(y)
                break
    return out


def matched(a: Statement, b: Statement) -> frozenset[str]:
    """The terms of A that B has too, in any of their forms."""
    found = a.terms & b.forms
    if a.lang != b.lang and not a.key_set.isdisjoint(b.key_set):
        # Across languages the words meet through what they stand for (factcheck.concepts).
        keyed = b.key_set
        found = found.union(t for t, ks in a.keys.items() if not ks.isdisjoint(keyed))
    hits = a.alt_terms & b.terms
    if not hits:
        return found
    # Every key of alts is a term: a term met only without its glued proclitic (لروسيا).
    extra = [t for alt in hits for t in a.alt_owners[alt] if t not in found]
    return found.union(extra) if extra else found


def _rootish(term: str) -> str:
    # Imperfect-verb and verbal-noun letters off the front: يرتفع, ترتفع, ارتفاع meet as رتفع.
    if is_arabic(term) and len(term) > 4 and term[0] in "يتنا":
        return term[1:]
    return term


def _pair_key(x: str, y: str) -> str:
    return f"{x}|{y}" if x <= y else f"{y}|{x}"


def denies_prospect(a: Statement, b: Statement) -> bool:
    """One side plans or speculates, the other denies: a clash however differently worded."""
    return (_plan_against_denial(a, b) or _plan_against_denial(b, a)
            or (a.speculative and bool(b.negators)) or (b.speculative and bool(a.negators)))


def _plan_against_denial(plan: Statement, denial: Statement) -> bool:
    return bool(
        denial.negators and denial.plans and not plan.negators and (plan.plans or plan.speculative)
    )


def is_dense(name: str) -> bool:
    """Features that describe the pair as a whole, not one word of it."""
    return name[:2] not in ("d:", "p:", "r:", "q:")


def decide(f: dict[str, float]) -> tuple[Relation, float]:
    """The learned decision: word-level probabilities, then trees over the pair's features."""
    m = model()
    words = _softmax(_linear(m["words"], f))
    row = [f.get(name, 0.0) for name in m["dense"]] + words
    trees = m["trees"]
    rate = trees["learning_rate"]
    sums = _forest().sums(row)
    raw = [r + rate * v for r, v in zip(trees["init"], sums, strict=True)]
    probs = _softmax(raw)
    best = max(range(len(probs)), key=probs.__getitem__)
    return _RELATION[m["classes"][best]], probs[best]


class _Forest:
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
        self.depth = max(_depth(tree) for tree in trees)

    def sums(self, row: list[float]) -> list[float]:
        """Each class's sum of its trees' leaves for one feature row, summed stage by stage."""
        import numpy as np

        values, at = np.asarray(row), self.roots
        for _ in range(self.depth):
            feature = self.feature[at]
            down = np.where(values[feature] <= self.threshold[at], self.left[at], self.right[at])
            at = np.where(feature < 0, at, down)
        return np.bincount(self.class_of, self.value[at], minlength=self.classes).tolist()


def _depth(tree: list, n: int = 0) -> int:
    feature, _, left, right, _ = tree[n]
    if feature < 0:
        return 0
    return 1 + max(_depth(tree, int(left)), _depth(tree, int(right)))


@cache
def _forest() -> _Forest:
    return _Forest(model()["trees"]["stages"])


_RELATION = {"agree": Relation.AGREES, "disagree": Relation.CONTRADICTS,
             "other": Relation.UNRELATED}


def _linear(layer: dict, f: dict[str, float]) -> list[float]:
    weights = layer["weights"]
    out = list(layer["intercept"])
    for name, value in f.items():
        w = weights.get(name)
        if w is not None:
            for k in range(len(out)):
                out[k] += w[k] * value
    return out


def _softmax(values: list[float]) -> list[float]:
    top = max(values)
    exp = [math.exp(v - top) for v in values]
    total = sum(exp)
    return [e / total for e in exp]


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


def relate_statements(sa: Statement, sb: Statement) -> RelationResult:
    shared_a, shared_b = matched(sa, sb), matched(sb, sa)
    shared = min(len(shared_a), len(shared_b))
    if sa.terms <= shared_a and sb.terms <= shared_b and bool(sa.negators) == bool(sb.negators):
        # Nothing differs: the same statement (the learned model never saw one).
        return RelationResult(Relation.AGREES, 1.0, [], (), shared)
    if no_matter_in_common(sa, sb, shared):
        # No matter in common: whatever the wording, neither says anything of the other.
        return RelationResult(Relation.UNRELATED, 1.0, [], (), shared)
    if sa.lang != sb.lang:
        return _across_languages(sa, sb, shared_a, shared_b)
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
                      shared_b: frozenset[str]) -> RelationResult:
    """Two statements in two languages: the checkable rules alone, on the words they share
    through what those stand for; the learned model read only Arabic headline pairs."""
    shared = min(len(shared_a), len(shared_b))
    found: list[tuple[Reason, str]] = []
    neg_a, neg_b = bool(a.negators), bool(b.negators)
    if _plan_against_denial(a, b) or _plan_against_denial(b, a):
        found.append(reasons(a, b, {"plan_vs_denial": 1.0})[0])
    elif (a.speculative and neg_b) or (b.speculative and neg_a):
        found.append(reasons(a, b, {"speculation_vs_denial": 1.0})[0])
    elif neg_a != neg_b:
        found.append(reasons(a, b, {"negation_one_side": 1.0})[0])
    if _differ(a.numbers, b.numbers):
        found.append(reasons(a, b, {"number_differs": 1.0})[0])
    closeness = math.sqrt(len(shared_a) / (len(a.terms) or 1)
                          * len(shared_b) / (len(b.terms) or 1))
    if found and closeness >= CLASH_ACROSS:
        about = f"about the same: {_aligned(a, b, shared_a, shared_b)}"
        return RelationResult(Relation.CONTRADICTS, DECISIVE_SCORE,
                              [r for _, r in found] + [about],
                              tuple(k for k, _ in found), shared)
    if closeness >= AGREE_ACROSS:
        return RelationResult(Relation.AGREES, closeness, [], (), shared)
    return RelationResult(Relation.UNRELATED, 1 - closeness, [], (), shared)


def _aligned(a: Statement, b: Statement, shared_a: frozenset[str],
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
    for ta, tb in _opposites(a, b):
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
        renamed = _renamed(a, b)
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
    if _plan_against_denial(a, b) or _plan_against_denial(b, a):
        out.add(Reason.PLAN)
    if (a.speculative and neg_b) or (b.speculative and neg_a):
        out.add(Reason.SPECULATION)
    if neg_a != neg_b:
        out.add(Reason.NEGATION)
    if _opposites(a, b):
        out.add(Reason.OPPOSITE)
    if _differ(a.numbers, b.numbers):
        out.add(Reason.NUMBER)
    if _differ(a.months, b.months):
        out.add(Reason.DATE)
    if _differ(a.places, b.places) and len(a.places) == len(b.places):
        out.add(Reason.PLACE)
    if _differ(a.names, b.names) or _renamed(a, b):
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
    return any("p:" + _pair_key(x, y) in telling for x in only_a for y in only_b)


@cache
def _telling_pairs() -> frozenset[str]:
    weights = model()["words"]["weights"]
    return frozenset(name for name, w in weights.items()
                     if name.startswith("p:") and w[1] - w[0] >= LEARNED_REASON_WEIGHT)


def _changed(a: Statement, b: Statement, *,
             min_length: int = 0) -> tuple[list[str], list[str]]:
    """The terms of A and of B the other lacks, leaving out words that only change form
    (both at least `min_length` long)."""
    only_a, only_b = a.terms - matched(a, b), b.terms - matched(b, a)
    for x, y in _variants(only_a, only_b):
        if min(len(x), len(y)) >= min_length:
            only_a, only_b = only_a - {x}, only_b - {y}
    return sorted(only_a), sorted(only_b)


def _renamed(a: Statement, b: Statement) -> tuple[str, str] | None:
    """The names A and B differ in, when every word that differs is a name (a town, a person
    not in the hand lists): the same frame with another actor or place, as written."""
    only_a, only_b = _changed(a, b)
    if not (only_a and only_b):
        return None
    if all(_is_name_term(a, t) for t in only_a) and all(_is_name_term(b, t) for t in only_b):
        return (" ".join(a.surface.get(t, t) for t in only_a),
                " ".join(b.surface.get(t, t) for t in only_b))
    return None


def _is_name_term(s: Statement, term: str) -> bool:
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
    only_a, only_b = _changed(a, b)
    wa = " ".join(a.surface.get(t, t) for t in only_a[:4]) or "—"
    wb = " ".join(b.surface.get(t, t) for t in only_b[:4]) or "—"
    return f"same frame, different words: {wa} / {wb}"


def _words(items) -> str:
    return ", ".join(sorted(set(items)))
