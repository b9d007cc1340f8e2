"""One normalisation for Arabic and English, shared by extraction, store keys, search and matching.

Folding removes what spelling varies on (diacritics, tatweel, hamza seats, taa marbuta, alef
maqsura, Persian letter forms, Arabic-Indic digits, case) so that two spellings of a word meet.
Stemming is light on purpose: a heavy Arabic stemmer strips letters that begin proper names
(the ب of بوتين, the ف of فلاديمير), and names are what fact-checkers search for most.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from factcheck.rules import rules_for

_ARABIC_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
_TATWEEL = "\u0640"
# Invisible marks that say how to show text, not what it says: joiners, direction marks, and the
# bidi embeddings, overrides and isolates (U+202A-202E, U+2066-2069) that editors and CMSs put
# around a name in the other script. A word is the same word with or without them.
BIDI_CONTROLS = "\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069"
_STRIP_RE = re.compile(f"[{_ARABIC_MARKS}{_TATWEEL}\u200c\u200d{BIDI_CONTROLS}]")
_FOLD_TABLE = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
        "ى": "ي", "ی": "ي", "ې": "ي", "ئ": "ي",
        "ة": "ه", "ۀ": "ه", "ە": "ه",
        "ؤ": "و",
        "ک": "ك", "گ": "ك", "ڪ": "ك",
        "پ": "ب", "چ": "ج", "ژ": "ز", "ڤ": "ف", "ڨ": "ق",
        "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4",
        "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
        "۰": "0", "۱": "1", "۲": "2", "۳": "3", "۴": "4",
        "۵": "5", "۶": "6", "۷": "7", "۸": "8", "۹": "9",
    }
)
# A word is letters and digits with the Arabic marks that may sit inside it. (The underscore
# counts as a letter: one character class is much faster than an alternation.)
WORD_RE = re.compile(f"[\\w{_ARABIC_MARKS}{_TATWEEL}]+")
_ARABIC_LETTER_RE = re.compile("[\u0621-\u064a\u0671-\u06d3]")
_ARABIC_RUN_RE = re.compile("[\u0621-\u064a\u0671-\u06d3]+")


@dataclass(frozen=True, slots=True)
class Token:
    """A word of the original text: where it stands and its folded form."""

    start: int
    end: int
    norm: str


# str.translate looks every character up in a dict; a replace per variant present is ~20x
# faster on Arabic text, and no variant folds into another variant (so their order is free).
_FOLD_PAIRS = tuple((chr(k), v) for k, v in _FOLD_TABLE.items())
_FOLDED = dict(_FOLD_PAIRS)
_VARIANTS = frozenset(_FOLDED)
# Up to this length, the set of a text's characters costs less than a search for each variant
# (a line's opening words, a name); beyond it the searches, each a fast scan, cost less.
_SHORT_TEXT = 200


def fold(text: str) -> str:
    """Fold spelling variants away: the key form of any Arabic or English text."""
    if text.isascii():
        return text.casefold()  # NFKC keeps ASCII as it is, and no mark or variant is ASCII
    text = _STRIP_RE.sub("", unicodedata.normalize("NFKC", text))
    if len(text) <= _SHORT_TEXT:
        for variant in _VARIANTS.intersection(text):
            text = text.replace(variant, _FOLDED[variant])
        return text.casefold()
    for variant, folded in _FOLD_PAIRS:
        if variant in text:
            text = text.replace(variant, folded)
    return text.casefold()


def unmarked(text: str) -> str:
    """`text` without diacritics and tatweel, its letters (hamza seats, ة) as written."""
    return _STRIP_RE.sub("", unicodedata.normalize("NFKC", text))


@lru_cache(maxsize=200_000)
def fold_word(word: str) -> str:
    """`fold` for one word, remembered: news repeats its words."""
    return fold(word)


def tokens(text: str) -> list[Token]:
    """The words of `text` with their spans in `text` and their folded forms."""
    return [Token(m.start(), m.end(), fold_word(m.group())) for m in WORD_RE.finditer(text)]


def words(text: str) -> list[str]:
    """The folded words of `text`."""
    return [t.norm for t in tokens(text)]


def detect_lang(text: str, *, sample: int = 1500) -> str:
    """'ar' when Arabic letters outnumber Latin ones (in the first `sample` characters)."""
    text = text[:sample]
    if text.isascii():
        return "en"  # no Arabic letter at all
    # counted by runs, not letter by letter: a list of words is far shorter than one of letters
    arabic = sum(map(len, _ARABIC_RUN_RE.findall(text)))
    # Latin letters are ASCII: the ASCII bytes with all but letters deleted, in one C pass each
    latin = len(text.encode("ascii", "ignore").translate(None, _NOT_LATIN_BYTES))
    return "ar" if arabic >= latin and arabic > 0 else "en"


_NOT_LATIN_BYTES = bytes(b for b in range(128) if not chr(b).isalpha())


def is_arabic(word: str) -> bool:
    return bool(_ARABIC_LETTER_RE.search(word))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Light stem of one folded word, in the language its letters belong to."""
    if is_arabic(word):
        return _stem_arabic(word)
    if word.isascii() and word.isalpha():
        return _english_stemmer().stemWord(word)
    return word


@lru_cache(maxsize=1)
def _english_stemmer():
    return snowballstemmer.stemmer("english")


def _stem_arabic(word: str) -> str:
    stemming = rules_for("ar").stemming
    min_len = stemming["min_stem"]
    for prefix in stemming["prefixes"]:
        if word.startswith(prefix) and len(word) - len(prefix) >= min_len:
            word = word[len(prefix):]
            break
    for suffix in stemming["suffixes"]:
        if word.endswith(suffix) and len(word) - len(suffix) >= min_len + 1:
            word = word[: -len(suffix)]
            break
    return word


def terms(text: str) -> list[str]:
    """Stemmed content words of `text`, stop words left out: what matching compares."""
    out = []
    for word in words(text):
        lang = "ar" if is_arabic(word) else "en"
        if word in rules_for(lang).stopwords:
            continue
        out.append(stem(word))
    return out
