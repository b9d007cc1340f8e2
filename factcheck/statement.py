"""Reading a statement for comparison: its content words and their forms, negators, plans,
figures, months, places, names, the keys that meet another language, and the question it
answered. One reading serves matching (factcheck.match) and relating (factcheck.relate)."""

import json
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib.resources import files
from typing import NamedTuple

from factcheck import concepts
from factcheck.contrast import Lexicon, lexicon, stopwords, without_proclitic, word_forms
from factcheck.figures import figures
from factcheck.normalize import is_arabic, stem, tokens
from factcheck.places import find_places, mark

COMMON_FILE = "common_words.json"


# One-letter words glued to the next in Arabic (and, so, with, to, like): لروسيا is روسيا.
PROCLITICS = "وفبلك"


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
def common_words() -> frozenset[str]:
    """Stems of ordinary Arabic news vocabulary (made by tools/common_words.py from ANS train)."""
    raw = json.loads(files("factcheck.data").joinpath(COMMON_FILE).read_text("utf-8"))
    return frozenset(raw["stems"])


@lru_cache(maxsize=65_536)
def read_statement(
    text: str,
    context: str | None = None,
    *,
    negated: bool | None = None,
    modality: str | None = None,
    denied_by: str | None = None,
) -> Statement:
    """Read `text` (and the question it answered, `context`) for comparison.

    `negated` and `modality` come from the extractor when the text is a claim: then its
    judgement of negation wins over the word lists (it knows that "أمر غير عادي" denies nothing).
    `denied_by`: the cue that denies when the content itself has no negating word ("denied").
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
    in_place = find_places(text, content, lex, places, marks, place_at)
    keys: dict[str, frozenset[str]] = {}
    denial = modality == "denial"
    # Figures over several words (11,300; 2.5 million; ألف و500) are one number, at their first
    # word; the others are gaps.
    runs = {f.first: f for f in figures(text, content)} if any(
        t.norm[-1:].isdigit() or t.norm in lex.numbers for t in content) else {}
    inside = {k for f in runs.values() for k in range(f.first + 1, f.end)}
    for i, tok in enumerate(content):
        if i in inside:
            sequence.append(None)
            continue
        word = read_word(tok.norm)
        written = text[tok.start : tok.end]
        run = runs.get(i)
        if run is not None:
            written = text[tok.start : content[run.end - 1].end]
            word = word._replace(text=run.value, term=run.value, alt=None, number=run.value,
                                 stop=False, figure=True, may_name=False, months=(),
                                 antonyms=frozenset(), negator=False, plan=False)
        if denial and not word.negator and concepts.is_frame_word(tok.norm):
            # "denied the reports that P": the reports frame the denial; P is its matter.
            sequence.append(None)
            continue
        if word.negator and i not in skip:
            negs.append(written)
        if word.plan:
            plans.add(written)
        if word.number is not None:
            mark(nums, marks, word.number, written)
        for month in word.months:
            mark(months, marks, month, written)
        if word.antonyms:
            ants.setdefault(word.term, set()).update(word.antonyms)
        # The first word of a sentence is capitalised whatever it is.
        if (i > 0 and word.may_name and i not in in_place and written[:1].isupper()
                and written.isalpha()):
            mark(names, marks, word.text, written)
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
        in_asked = find_places(context, asked, lex, places, marks, asked_at)
        place_terms.update(stem(asked[i].norm) for i in in_asked)
        for i, tok in enumerate(asked):
            if tok.norm not in stopwords():
                written = context[tok.start : tok.end]
                _add_term(tok.norm, written, terms, alts, surface)
                _add_keys(keys, read_word(tok.norm), tok.norm, written, place=asked_at.get(i))
    if negated is not None or modality is not None:
        negated = bool(negated) or modality == "denial"
        negs = (negs or [denied_by or "(negated)"]) if negated else []
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


def _add_keys(keys: dict, word: "Word", folded: str, written: str, *,
              place: str | None) -> None:
    """The cross-language keys of one content word (factcheck.concepts)."""
    # Arabic has no capitals to tell a name by; the skeleton of a common word seldom meets
    # the skeleton of a capitalised English one, and the concepts are looked up first.
    may_name = not word.negator and (is_arabic(folded)
                                     or (written[:1].isupper() and written.isalpha()))
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


class Word(NamedTuple):
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
def read_word(word: str) -> Word:
    lex, stop = lexicon(), stopwords()
    bare = without_proclitic(word)
    forms = word_forms(word)
    if word.isdigit() or bare.isdigit():
        number = str(int(bare if bare.isdigit() else word))
    else:
        number = lex.numbers.get(word) or lex.numbers.get(bare)
    months = tuple(sorted(f for f in forms if f in lex.months))
    antonyms = frozenset().union(*(lex.antonyms[f] for f in forms if f in lex.antonyms))
    term = stem(word)
    alt = stem(word[1:]) if is_arabic(word) and len(word) >= 5 and word[0] in PROCLITICS else None
    return Word(
        text=word, term=term, alt=alt,
        negator=word in lex.negators or bare in lex.negators,
        plan=bool(forms & lex.plans),
        number=number, months=months, antonyms=antonyms,
        stop=(word in stop or bare in stop) and not antonyms,
        figure=number is not None or bool(months),
        may_name=word.isalpha() and _is_name(word.capitalize(), word, stop, lex),
    )


def _is_name(written: str, word: str, stop: frozenset[str], lex: Lexicon) -> bool:
    """A capitalised English word that is not a month, a number or a common word."""
    if not (written[:1].isupper() and written.isalpha()) or word in stop:
        return False
    return not ({word} & (lex.months | lex.plans | lex.negators) or word in lex.numbers
                or word in lex.antonyms or (word,) in lex.places)


def _add_term(word: str, written: str, terms: set, alts: dict, surface: dict) -> None:
    term = stem(word)
    terms.add(term)
    surface.setdefault(term, written)
    if is_arabic(word) and len(word) >= 5 and word[0] in PROCLITICS:
        alts[term] = stem(word[1:])


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
