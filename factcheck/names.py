"""Who a name stands for, across spellings and scripts: the speaker key and the name match.

A name is reduced to a consonant skeleton per word, one alphabet for Arabic and Latin letters
(other alphabets, Cyrillic or Greek, are read in their usual Latin romanisation first):
the consonant classes that transliteration keeps apart (b/p = ب, f/v = ف, k/q/c = ك/ق,
g/j/gh/zh = غ/ج, kh/h = خ/ح/ه, sh = ش, ch = تش, ...) and nothing of the short vowels, which
Arabic does not write and Latin spellings disagree on. Only a word's final vowel is kept, as a
class (a / i / o): it is written in both scripts and it is what tells Peskov from Peskova,
Zakharov from Zakharova. So "Peskov", "Peskow", "بيسكوف" and "Dmitry Peskov", "دميتري بيسكوف",
"ديمتري بيسكوف" meet, and a fact-checker's surname alone matches the full name.

Claims in two languages meet through a coarser key (cross_keys), for matching only: fewer
consonant classes (k/q/g/j = ك/ق/غ/ج, since ق is g in Libyan and Gulf names; s/z; no final
vowel, no doubled letter), with a variant where one spelling has two readings (ch as تش, ج or
ش; a final h that writes ة or ه), so Eisenhower / إيزنهاور, Mangoush / المنقوش, Araghchi /
عراقجي, Sharaa / الشرع meet.

Identity is deliberately stricter than search: Zakharov and Zakharova are two people here (a
man and a woman), although a search for "Zakharov" still finds her claims by fuzzy relevance.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz.distance import Levenshtein

from factcheck.normalize import fold, is_arabic

# Latin spellings, longest first: each becomes skeleton letters (uppercase = consonant class).
_LATIN_CLUSTERS = (
    ("shch", "C"), ("tsch", "TC"), ("sch", "C"), ("tch", "TC"), ("dzh", "G"),
    ("kh", "H"), ("sh", "C"), ("ch", "TC"), ("zh", "G"), ("gh", "G"), ("dj", "G"),
    ("th", "T"), ("ph", "F"), ("dh", "D"), ("ck", "K"), ("ts", "TS"), ("tz", "TS"),
    ("b", "B"), ("p", "B"), ("t", "T"), ("d", "D"), ("k", "K"), ("q", "K"), ("g", "G"),
    ("j", "G"), ("f", "F"), ("v", "F"), ("s", "S"), ("z", "Z"), ("h", "H"), ("l", "L"),
    ("m", "M"), ("n", "N"), ("r", "R"), ("x", "KS"),
)
_LATIN_RE = re.compile("|".join(re.escape(c) for c, _ in _LATIN_CLUSTERS))
_LATIN_MAP = dict(_LATIN_CLUSTERS)
_LATIN_VOWEL_CLASS = {"a": "a", "e": "", "i": "i", "y": "i", "o": "o", "u": "o", "w": ""}

# Arabic letters after normalize.fold (hamza seats, taa marbuta and alef maqsura folded).
_ARABIC_MAP = {
    "ب": "B", "ت": "T", "ط": "T", "ث": "T", "د": "D", "ض": "D", "ذ": "D", "ك": "K", "ق": "K",
    "غ": "G", "ج": "G", "ف": "F", "س": "S", "ص": "S", "ز": "Z", "ظ": "Z", "ش": "C",
    "خ": "H", "ح": "H", "ه": "H", "ل": "L", "م": "M", "ن": "N", "ر": "R",
}
# Letters that are vowels (or the glottal stops Latin does not write).
_ARABIC_VOWEL_CLASS = {"ا": "a", "ي": "i", "و": "o", "ع": "", "ء": ""}
# Taa marbuta and alef maqsura end a name with the vowel a (نادية Nadia, سلمى Salma); fold
# would make them ه and ي, the consonant h and the vowel i.
_FINAL_A = str.maketrans({"ة": "ا", "ى": "ا"})

_PARTICLES = frozenset({"al", "el", "ال", "mr", "mrs", "ms", "dr", "السيد", "السيده", "الدكتور"})
_WORD_RE = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class Part:
    """One word of a name as a skeleton: its consonant classes and its final vowel class."""

    consonants: str
    final: str
    initial: bool = False

    def __str__(self) -> str:
        return self.consonants + self.final


@lru_cache(maxsize=100_000)
def parts(name: str) -> tuple[Part, ...]:
    """The words of `name` as skeletons, particles (al-, Mr, السيد) left out."""
    out = []
    for word in _WORD_RE.findall(fold((name or "").translate(_FINAL_A))):
        if word in _PARTICLES:
            continue
        part = _arabic_part(word) if is_arabic(word) else _latin_part(word)
        if part.consonants or part.final:
            out.append(part)
    return tuple(out)


def key(name: str) -> str:
    """The speaker key: the same for every spelling of a name in Arabic or Latin letters."""
    return " ".join(str(p) for p in parts(name))


def surname_key(name: str) -> str:
    """The key of the name's last word: where a registry looks for candidates."""
    found = parts(name)
    return str(found[-1]) if found else ""


def match_score(a: str, b: str) -> float:
    """How surely two names stand for one person: 1.0 same, 0.9 same surname with compatible
    given names (one name says less), 0.0 different."""
    pa, pb = parts(a), parts(b)
    if not pa or not pb:
        return 0.0
    if "".join(map(str, pa)) == "".join(map(str, pb)):
        return 1.0
    short, long_ = (pa, pb) if len(pa) <= len(pb) else (pb, pa)
    surname = _part_score(short[-1], long_[-1])
    if not surname:
        return 0.0
    given = _given_names_score(short[:-1], long_[:-1])
    if not given:
        return 0.0
    score = min(surname, given)
    return score if len(short) == len(long_) else min(score, 0.9)


def conflicting(a: str, b: str) -> bool:
    """Whether two full names share a surname but not their given names: two people
    (Dmitry Peskov, Sergei Peskov), whatever a bare "Peskov" may match."""
    pa, pb = parts(a), parts(b)
    if len(pa) < 2 or len(pb) < 2:
        return False
    return bool(_part_score(pa[-1], pb[-1])) and match_score(a, b) == 0.0


def same_person(a: str, b: str, *, threshold: float = 0.85) -> bool:
    """Whether two spellings name the same person or body."""
    return match_score(a, b) >= threshold


def _given_names_score(short: tuple[Part, ...], long_: tuple[Part, ...]) -> float:
    # Each given name of the shorter form must meet one of the longer form's, in order.
    score, start = 1.0, 0
    for part in short:
        for i in range(start, len(long_)):
            found = _part_score(part, long_[i])
            if found:
                score, start = min(score, found), i + 1
                break
        else:
            return 0.0
    return score


def _part_score(a: Part, b: Part) -> float:
    if a == b:
        return 1.0
    if a.initial or b.initial:
        return 0.9 if a.consonants[:1] == b.consonants[:1] else 0.0
    if a.final != b.final:
        # Peskov / Peskova, Fadi / Fadia: the ending tells two people apart.
        return 0.0
    # One consonant more or less (Lavrov / Lawrow) only in long skeletons: short ones would
    # merge different names.
    if min(len(a.consonants), len(b.consonants)) >= 4 and \
            Levenshtein.distance(a.consonants, b.consonants) <= 1:
        return 0.9
    return 0.0


def _latin_part(word: str) -> Part:
    word = "".join(ch for ch in unicodedata.normalize("NFKD", word)
                   if not unicodedata.combining(ch))  # Erdoğan = Erdogan
    if not word.isascii():
        # Cyrillic, Greek and other alphabets in their usual romanisation (Песков = Peskov),
        # so that every script reaches the one skeleton.
        word = anyascii(word).lower()
    if len(word) == 1:
        return Part(_LATIN_MAP.get(word, word.upper()), "", initial=True)
    word = word.replace("ee", "i")
    if word.endswith(("ow", "ew")) and len(word) > 3:
        # German spelling of Russian names: w for v (Peskow, Lawrow, Gorbatschow).
        word = word.replace("w", "v")
    consonants = _collapse(_LATIN_RE.sub(lambda m: _LATIN_MAP[m.group()], _soft_c(word)))
    consonants = "".join(ch for ch in consonants if ch.isupper())
    final = _final_vowel(word, _LATIN_VOWEL_CLASS)
    if word.endswith("e") and word[-2:-1] in "aou":
        final = "i"  # Choe, Andrae: a vowel with e ends as Arabic writes ي
    return Part(consonants, final)


def _soft_c(word: str) -> str:
    # c before e, i, y sounds s (Cyril, Francesco); elsewhere k (Carlos). "ch" is left whole.
    return re.sub("c(?=[eiy])", "s", re.sub("c(?!h)(?![eiy])", "k", word))


def _arabic_part(word: str) -> Part:
    if word.startswith("ال") and len(word) > 4:
        word = word[2:]
    if word.endswith("يه"):
        word = word[:-1]  # Andrei = أندريه: a final ه after ي writes the vowel, not h
    # Vowels stay as separators while doubled letters collapse: حداد is H-D-D like Haddad.
    marked = _collapse("".join(_ARABIC_MAP.get(ch, "-") for ch in word))
    return Part(marked.replace("-", ""), _final_vowel(word, _ARABIC_VOWEL_CLASS))


def _final_vowel(word: str, classes: dict[str, str]) -> str:
    return classes.get(word[-1:], "")


def _collapse(skeleton: str) -> str:
    # Doubled letters (Abbas, Mussa) are one consonant in Arabic script, where shadda is dropped.
    out = []
    for ch in skeleton:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


# The coarse classes of cross_keys: skeleton letter -> the class two scripts share.
_COARSE = str.maketrans({"G": "K", "Z": "S"})
# Latin spellings with more than one reading in Arabic script, each reading as coarse letters.
# Longest first: the regex tries them in this order.
_LATIN_READINGS = {"shch": ("C",), "sch": ("C",), "tsch": ("TC",), "tch": ("TC",),
                   "ch": ("TC", "K", "C")}
_LATIN_READING_RE = re.compile("|".join(re.escape(c) for c in _LATIN_READINGS))
# Arabic articles and proclitics a name may carry, longest first (والمنقوش, للشرع).
_ARABIC_ARTICLES = ("وال", "بال", "فال", "كال", "لل", "ال")
# At most this many variants per word: a name with three ambiguous letters is rare.
MAX_VARIANTS = 4


@lru_cache(maxsize=100_000)
def cross_keys(word: str) -> frozenset[str]:
    """The coarse skeletons of one folded word, in Arabic or any other script: what a name
    written in one script shares with its transliteration in the other (for matching; see
    key() for identity). Empty for a particle."""
    if word in _PARTICLES or not word:
        return frozenset()
    if is_arabic(word):
        return frozenset(_coarse(v) for v in _arabic_variants(word)) - {""}
    return frozenset(_coarse(v) for v in _latin_variants(word)) - {""}


def _coarse(skeleton: str) -> str:
    # Doubled letters collapse before the vowels between them go: دبيبة is D-B-B like Dbeibah.
    return "".join(ch for ch in _collapse(skeleton.translate(_COARSE)) if ch.isupper())


def _arabic_variants(word: str) -> list[str]:
    bare = word
    for article in _ARABIC_ARTICLES:
        if bare.startswith(article) and len(bare) > len(article) + 2:
            bare = bare[len(article):]
            break
    else:
        if bare[:1] == "و" and len(bare) > 4:
            bare = bare[1:]  # وماسك: the conjunction glued to the name
    if bare.endswith("يه"):
        bare = bare[:-1]
    forms = [bare]
    if bare.endswith("ه"):
        forms.append(bare[:-1])  # folded ة (Dbeiba) or a written ه (Abdullah): both
    return [_arabic_letters(form) for form in forms]


def _arabic_letters(word: str) -> str:
    # تش writes ch (Churchill, تشرشل); the other letters one by one, vowels as separators.
    out, i = [], 0
    while i < len(word):
        if word.startswith("تش", i):
            out.append("TC")
            i += 2
            continue
        out.append(_ARABIC_MAP.get(word[i], "-"))
        i += 1
    return "".join(out)


def _latin_variants(word: str) -> list[str]:
    word = "".join(ch for ch in unicodedata.normalize("NFKD", word)
                   if not unicodedata.combining(ch))
    if not word.isascii():
        word = anyascii(word).lower()
    word = "".join(ch for ch in word if ch.isalpha())
    if len(word) < 2:
        return []
    if word.endswith(("ow", "ew")) and len(word) > 3:
        word = word.replace("w", "v")
    forms = [word]
    if len(word) > 3 and word.endswith("h") and word[-2] in "aei":
        forms.append(word[:-1])  # Dbeibah: the h writes ة; Abdullah: it writes ه
    out: list[str] = []
    for form in forms:
        soft = _soft_c(form)
        pieces = _LATIN_READING_RE.split(soft)
        readings = [_LATIN_READINGS[found] for found in _LATIN_READING_RE.findall(soft)]
        variants = [pieces[0]]
        for reading, piece in zip(readings, pieces[1:], strict=True):
            variants = [v + r + piece for v in variants for r in reading][:MAX_VARIANTS]
        out.extend(_LATIN_RE.sub(lambda m: _LATIN_MAP[m.group()], v) for v in variants)
    return out[:MAX_VARIANTS * 2]
