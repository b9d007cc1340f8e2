"""The contrast word lists (factcheck/data/contrast.toml): negators, plan words, opposites,
months, numbers and places of both languages, folded and merged for lookup; and the forms a
word is looked up by (without a glued conjunction or preposition, without its article)."""

import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

from factcheck.normalize import fold
from factcheck.rules import rules_for

LEXICON_FILE = "contrast.toml"


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


@cache
def lexicon() -> Lexicon:
    raw = tomllib.loads(files("factcheck.data").joinpath(LEXICON_FILE).read_text("utf-8"))
    merged: dict[str, set] = {"negators": set(), "plans": set(), "months": set()}
    numbers: dict[str, str] = {}
    antonyms: dict[str, set] = {}
    pair_no = 0
    not_negation = []
    places = {tuple(strip_article(w) for w in fold(name).split()): country
              for country, names in raw.pop("places").items() for name in names}
    for lang, table in raw.items():
        for key in merged:
            merged[key].update(strip_article(fold(w)) for w in table.get(key, []))
        for word, value in table.get("numbers", {}).items():
            numbers[fold(word)] = str(value)
        for pair in table.get("antonyms", []):
            for side, group in enumerate(pair):
                for word in group:
                    antonyms.setdefault(strip_article(fold(word)), set()).add((pair_no, side))
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


def without_proclitic(word: str) -> str:
    # An Arabic conjunction or preposition glued to the front: ولا, فلم, وبدون, بارتفاع.
    if len(word) > 3 and word[0] in "وفبل":
        return word[1:]
    return word


@cache
def stopwords() -> frozenset[str]:
    return rules_for("ar").stopwords | rules_for("en").stopwords


def strip_article(word: str) -> str:
    if len(word) > 4 and word.startswith("ال"):
        return word[2:]
    return word


@lru_cache(maxsize=65_536)
def word_forms(word: str) -> frozenset[str]:
    """A folded word, without a glued conjunction or preposition, without its article."""
    bare = without_proclitic(word)
    return frozenset((word, bare, strip_article(word), strip_article(bare)))
