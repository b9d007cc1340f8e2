"""Where claims in two languages meet: one key per news concept, name, place and number.

A word's keys say what it stands for whatever the language: `c:visit` for visit / زيارة (the
bilingual tables in factcheck/data/concepts/, one file per language pair), `n:BTN` for a name
in any script (the coarse skeleton of factcheck.names.cross_keys: Putin / بوتين / Путин),
`p:russia` for a place (the places of factcheck/data/contrast.toml), `#1500` for a number
however written.
Matching and relating use them only across languages: within one language the words
themselves are compared, as the learned model was.
"""

import tomllib
from functools import cache, lru_cache
from importlib.resources import files

from factcheck import names
from factcheck.normalize import WORD_RE, fold, is_arabic, stem
from factcheck.rules import rules_for

CONCEPTS_DIR = "concepts"
# A name's skeleton needs this many consonants to be a key: shorter ones meet by chance.
MIN_NAME_CONSONANTS = 2
# A denial with more content words than this besides its frame says what it denies.
MAX_ANAPHORIC_WORDS = 2
# Letters glued to the front of an Arabic word (and, so, with, to, like) and the article.
_PROCLITICS = "وفبلك"
_ARTICLES = ("ال", "لل")


@cache
def _tables() -> tuple[dict[str, frozenset[str]], frozenset[str], frozenset[str],
                       frozenset[str], frozenset[str]]:
    """Stem -> the concepts it stands for, over every language pair; the concepts that frame
    a denial; those that call something false; those that are titles and roles; those that
    name a report."""
    by_stem: dict[str, set[str]] = {}
    frame: set[str] = set()
    falsity: set[str] = set()
    roles: set[str] = set()
    reports: set[str] = set()
    for entry in sorted(files("factcheck.data").joinpath(CONCEPTS_DIR).iterdir(),
                        key=lambda e: e.name):
        if not entry.name.endswith(".toml"):
            continue
        raw = tomllib.loads(entry.read_text("utf-8"))
        for concept, langs in raw.get("concepts", {}).items():
            for words in langs.values():
                for word in words.split():
                    for form in _forms(fold(word)):
                        by_stem.setdefault(stem(form), set()).add(concept)
        frame.update(raw.get("frames", {}).get("denial", ()))
        falsity.update(raw.get("frames", {}).get("falsity", ()))
        roles.update(raw.get("frames", {}).get("roles", ()))
        reports.update(raw.get("frames", {}).get("reports", ()))
    return ({k: frozenset(v) for k, v in by_stem.items()}, frozenset(frame), frozenset(falsity),
            frozenset(roles), frozenset(reports))


def _forms(word: str) -> tuple[str, ...]:
    """A folded word, and without a glued proclitic or article (Arabic)."""
    if not is_arabic(word):
        return (word,)
    out = [word]
    if len(word) > 3 and word[0] in _PROCLITICS:
        out.append(word[1:])
    for w in list(out):
        for article in _ARTICLES:
            if w.startswith(article) and len(w) > len(article) + 2:
                out.append(w[len(article):])
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=65_536)
def concepts_of(word: str) -> frozenset[str]:
    """The concepts a folded word stands for, in any of its forms."""
    table = _tables()[0]
    found: set[str] = set()
    for form in _forms(word):
        found |= table.get(stem(form), frozenset())
    return frozenset(found)


def denial_frame() -> frozenset[str]:
    """The concepts that frame a denial ("the reports", "false", لا صحة) and are not its matter."""
    return _tables()[1]


def is_event_key(key: str) -> bool:
    """Whether a key says what happened (a visit, a strike, a toll): a concept that is neither
    a title nor a role nor a denial's frame. Names, places and figures are not events."""
    if not key.startswith("c:"):
        return False
    tables = _tables()
    return key[2:] not in tables[1] and key[2:] not in tables[3]


def names_report(text: str) -> bool:
    """Whether a text names a report as such ("a report accusing X of P", مزاعم عن P)."""
    reports = _tables()[4]
    return any(concepts_of(fold(w)) & reports for w in WORD_RE.findall(text))


def is_frame_word(word: str) -> bool:
    return bool(concepts_of(word) & denial_frame())


def calls_false(word: str) -> bool:
    """Whether a folded word calls what it speaks of false (untrue, fabricated, تضليل)."""
    return bool(concepts_of(word) & _tables()[2])


@lru_cache(maxsize=65_536)
def name_keys(word: str) -> frozenset[str]:
    """The cross-script keys of a word taken for a name (names.cross_keys: Eisenhower /
    إيزنهاور, Mangoush / المنقوش), those with skeletons long enough not to meet by chance."""
    return frozenset("n:" + k for k in names.cross_keys(word)
                     if len(k) >= MIN_NAME_CONSONANTS)


def word_keys(word: str, *, name: bool, place: str | None = None,
              number: str | None = None) -> frozenset[str]:
    """Every key of one folded word: its concepts, and its name, place or number key.

    `name`: whether the word may be a name (capitalised in English; in Arabic, outside the
    ordinary vocabulary and the concept tables)."""
    out = {"c:" + c for c in concepts_of(word)}
    if place:
        out.add("p:" + place)
    if number is not None:
        out.add("#" + number)
    if name and not out:
        out |= name_keys(word)
    return frozenset(out)


def text_keys(text: str) -> set[str]:
    """The keys of a text's words, read cheaply for an index: concepts, and names (every
    Arabic word outside the tables, a capitalised word in Latin letters)."""
    out: set[str] = set()
    for written in WORD_RE.findall(text):
        if not written.isdigit():  # a figure is written alike in both scripts once folded
            out |= _written_keys(written)
    return out


@lru_cache(maxsize=131_072)
def _written_keys(written: str) -> frozenset[str]:
    # By the word as written: an index reads every stored claim's words, most of them often.
    word = fold(written)
    if word in stopwords():
        return frozenset()
    name = is_arabic(word) or (written[:1].isupper() and written.isalpha())
    return word_keys(word, name=name)


@cache
def stopwords() -> frozenset[str]:
    return rules_for("ar").stopwords | rules_for("en").stopwords
