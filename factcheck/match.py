"""Candidates about the same matter: the stored claims that share actors and event with a claim.

A small inverted index over the stemmed words of each claim's content and context (built per
call, from the words of the stored claims kept beside the store: a store of 100,000 claims
indexes in under half a second) finds the claims sharing rare words, their weights summed with
numpy; each is then scored by its shared words weighted by rarity, fuzzy similarity (rapidfuzz)
and shared entities (speaker names, names, places, numbers). Words every claim shares (Russia, North
Korea) weigh little, and two claims naming places with no country in common are two matters,
so "poverty rises in A" is not set against "poverty falls in B".
"""

import hashlib
import math
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from itertools import chain
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from rapidfuzz import fuzz

from factcheck import concepts, store
from factcheck.cachefile import Codec, Damaged, Sections
from factcheck.contrast import lexicon, stopwords
from factcheck.denial import doubts_report
from factcheck.figures import figures
from factcheck.normalize import WORD_RE, detect_lang, fold, is_arabic, stem, tokens, words
from factcheck.statement import PROCLITICS, Statement, matched, read_statement
from factcheck.store import Database

if TYPE_CHECKING:
    import numpy as np

T = TypeVar("T")

# A candidate must share at least this many content words with the claim ...
MIN_SHARED = 2
# ... and this much of both sides' word weight, weighted by rarity (0..1), or an entity.
MIN_OVERLAP = 0.15
# The candidates kept per claim (different statements, closest first, with their copies),
# and how many more are weighed to find them.
LIMIT = 8
WEIGHED_PER_KEPT = 2
# ... and as many again in the other language, closest first: a claim meets fewer words of a
# claim in another language (only those with a key), so those in its own would crowd them out.
LIMIT_ACROSS = 8
# The copies of one statement weighed per claim, the first stored first: a wire story carried
# by a few outlets is seen in each, while a templated feed that stored one sentence ten
# thousand times costs each new claim this many judgements, not one per stored copy (the
# contradictions stored are bounded apart, contradict.MAX_PER_CLAIM and MAX_PER_MATTER).
COPIES = 12
# Posting lists longer than this share of the store are words too common to find matters by.
COMMON_SHARE = 0.2
# The index keys of the stored claims, kept beside the store (Database.derived); the version
# changes whenever claim_forms does.
FORMS_CACHE = "match"
FORMS_VERSION = 3


class Candidate(NamedTuple):
    """A stored claim about the same matter, how close it is (0..1), and the words shared."""

    claim: dict
    matter: float
    position: int = -1  # where the claim stands in the indexed list
    key: tuple = ()  # its statement key
    closeness: "_Closeness | None" = None
    asker: tuple = ()  # the statement key of the claim it is a candidate for

    @property
    def shared(self) -> tuple[str, ...]:
        """The content words both share, as the asking claim wrote them."""
        return self.closeness.shared_by(self.asker) if self.closeness else ()


def read_claim(claim: dict) -> Statement:
    """A claim read for comparison: content, the question it answered, negation, modality."""
    text, context, negated, modality = statement_key(claim)
    # "The Kremlin denied a report that ...": the denial is in the cue, not in the content.
    cue = (claim.get("cue") or {}).get("text") if claim.get("modality") == "denial" else None
    return read_statement(text, context, negated=negated, modality=modality, denied_by=cue)


def statement_key(claim: dict) -> tuple:
    """What read_claim reads of a claim: two claims with the same key say the same thing."""
    context = " … ".join(_context_texts(claim)) or None
    # A bare denial with the article's matter is a denial of it, however it is worded; so is
    # the speaker's surprise at the report of it.
    denies = claim.get("denies") or doubts_report(claim)
    modality = "denial" if denies else claim.get("modality")
    return (claim["content"]["text"], context, bool(claim.get("negated")), modality)


def _first_statements(items: Iterable[T], count: int, key: Callable[[T], str]) -> list[T]:
    """The first items making `count` different statements (by `key`), every copy of each
    included: a story many outlets carry must not crowd out the others."""
    out, texts = [], set()
    for item in items:
        text = key(item)
        if text not in texts:
            if len(texts) == count:
                break
            texts.add(text)
        out.append(item)
    return out


def claim_forms(claim: dict) -> set[str]:
    """The index keys of a claim, read cheaply: the forms read_statement gives, and a few
    more (an extra key only adds a candidate that `matter` then weighs in full)."""
    out: set[str] = set()
    for text in (claim["content"]["text"], *_context_texts(claim)):
        out.update(_text_forms(text))
        out |= concepts.text_keys(text)
        out |= _figure_forms(text)
    return out


def _figure_forms(text: str) -> set[str]:
    # A figure over several words (11,300) is one form, as read_statement reads it.
    if not any(ch.isdigit() for ch in text) and not any(
            w in lexicon().numbers for w in WORD_RE.findall(fold(text))):
        return set()
    values = {f.value for f in figures(text, tokens(text))}
    return values | {"#" + v for v in values}


def _context_texts(claim: dict) -> list[str]:
    # The question a claim answered, and the report a bare denial denies (factcheck.denial).
    return [t for t in (claim.get("context"), claim.get("denies")) if t]


Forms = Mapping[bytes, tuple[str, ...]]  # statement digest (_forms_key) -> its claim_forms


def stored_forms(db: Database) -> Forms:
    """The index keys of every statement stored in `db`, from the file kept beside it when
    there is one: reading 100,000 claims' words again is a second of every cron run.

    Ask before changing `db`: a database changed in memory is never cached (Database.derived).
    """
    return db.derived(FORMS_CACHE, _build_forms, version=FORMS_VERSION, extend=_extend_forms,
                      codec=FORMS_CODEC)


def _build_forms(db: Database) -> Forms:
    return _extend_forms(db, {})


def _extend_forms(db: Database, old: Forms) -> Forms:
    # Keyed by what the forms are read from, not by claim ID: an edited claim is read again.
    out: Forms = {}
    for claim in db.claims.records():
        key = _forms_key(claim)
        found = old.get(key)
        out[key] = tuple(claim_forms(claim)) if found is None else found
    return out


def forms_of_claims(claims: Iterable[dict]) -> dict[bytes, tuple[str, ...]]:
    """The claim_forms of each claim, as Forms: worked out once for the candidates a SQL
    store found, then read by the frequencies and by the Index alike."""
    out: dict[bytes, tuple[str, ...]] = {}
    for claim in claims:
        key = _forms_key(claim)
        if key not in out:
            out[key] = tuple(sorted(claim_forms(claim)))
    return out


def _forms_key(claim: dict) -> bytes:
    read = (f"{claim['content']['text']}\0{claim.get('context') or ''}\0"
            f"{claim.get('denies') or ''}")
    return hashlib.blake2b(read.encode(), digest_size=_KEY_BYTES).digest()


_KEY_BYTES = 8


def _sections_of_forms(forms: Forms) -> Sections:
    """The forms as plain sections (factcheck.cachefile): the keys end to end, each form once
    (a few tens of thousands of words make 700,000 forms) and the statements' forms as
    numbers into them."""
    words: dict[str, int] = {}
    codes, starts = array("I"), array("Q", [0])
    for found in forms.values():
        codes.extend(words.setdefault(word, len(words)) for word in found)
        starts.append(len(codes))
    return {"keys": b"".join(forms), "words": list(words), "codes": codes, "starts": starts}


class _KeptForms(Mapping):
    """Forms read back from the cache file, each statement's made into a tuple when asked for:
    100,000 tuples made up front cost more than the whole rest of the load."""

    def __init__(self, sections: Sections):
        keys, words, codes, starts = (sections[name]
                                      for name in ("keys", "words", "codes", "starts"))
        if len(keys) != _KEY_BYTES * (len(starts) - 1) or starts[-1] != len(codes):
            raise Damaged("statement keys that do not fit their forms")
        self._flat = tuple(map(words.__getitem__, codes))  # a code past the words: IndexError
        self._starts = starts
        self._where = dict(zip([keys[at:at + _KEY_BYTES] for at in range(0, len(keys),
                                                                           _KEY_BYTES)],
                               range(len(starts) - 1), strict=True))

    def __getitem__(self, key: bytes) -> tuple[str, ...]:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def get(self, key: bytes, default=None):
        n = self._where.get(key)
        return default if n is None else self._flat[self._starts[n]:self._starts[n + 1]]

    def __iter__(self):
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)


FORMS_CODEC = Codec(encode=_sections_of_forms, decode=_KeptForms)
store.keep_fresh(FORMS_CACHE, _build_forms, version=FORMS_VERSION, extend=_extend_forms,
                 codec=FORMS_CODEC)


def _text_forms(text: str) -> Iterable[str]:
    return chain.from_iterable(map(_word_forms, WORD_RE.findall(fold(text))))


@lru_cache(maxsize=65_536)
def _word_forms(word: str) -> tuple[str, ...]:
    if word in stopwords():
        return ()
    if is_arabic(word) and len(word) >= 5 and word[0] in PROCLITICS:
        return stem(word), stem(word[1:])
    return (stem(word),)


@lru_cache(maxsize=4096)
def _name_terms(name: str) -> frozenset[str]:
    return frozenset(stem(w) for w in words(name) if len(w) > 2)


def speaker_terms(claim: dict) -> frozenset[str]:
    return _name_terms((claim.get("speaker") or {}).get("name") or "")


def speaker_places(claim: dict) -> frozenset[str]:
    """The countries a claim's speaker is named for ("the Iraqi government spokesman")."""
    return read_statement((claim.get("speaker") or {}).get("name") or "").places


def places_meet(claim: dict, other: dict, s: Statement, t: Statement) -> bool:
    """Whether two claims can be about one matter by their places: they name no countries
    apart, or one's speaker is of a country the other names ("the Libyan ministry: the
    meeting in Rome was by chance" and "the meeting was arranged in Libya"), since a
    speaker's "we" and "our" are their country."""
    if not (s.places and t.places) or s.places & t.places:
        return True
    return bool((s.places | speaker_places(claim)) & (t.places | speaker_places(other)))


class _Closeness(NamedTuple):
    """What a candidate's closeness takes from the two statements alone, whichever side asks;
    only the shared words differ by side, each as its own statement wrote them."""

    overlap: float
    entities: frozenset[str]
    fuzzy: float  # token-set similarity of the two statements' words, 0..1
    first: tuple  # the statement key of the first statement
    statements: tuple[Statement, Statement]
    shared: tuple[frozenset[str], frozenset[str]]  # the terms each has of the other's
    # The two name countries and none in common: two matters (poverty in Egypt, poverty in
    # Jordan) unless a speaker's country meets the other's (places_meet).
    apart: bool = False

    def shared_by(self, key: tuple) -> tuple[str, ...]:
        side = 0 if key == self.first else 1
        surface = self.statements[side].surface
        return tuple(sorted(surface.get(x, x) for x in self.shared[side]))


class Index:
    """Claims indexed by the forms of their words, with document frequencies.

    The index is over statements: copies of one statement (a wire story many outlets carry)
    are one entry listing every claim that makes it, so they are weighed once and do not make
    their own words look common.
    """

    def __init__(self, claims: list[dict], *, read: dict[tuple, Statement] | None = None,
                 forms: Forms | None = None, frequencies=None):
        """`read`: statements already read, by statement key (the new claims a check asks
        about), so that they are not read again when they turn out to be candidates.
        `forms`: claim_forms already known (stored_forms); the others are worked out.
        `frequencies`: when `claims` are only the candidates a SQL store found
        (indexing.Frequencies), how many claims of the whole store hold each word: the
        weights are the store's, not those of the few indexed here."""
        self.claims = claims
        read = read or {}
        self._statement_of: dict[tuple, int] = {}  # statement key -> entry
        self._entries: list[tuple] = []  # entry -> statement key
        self._members: list[list[int]] = []  # entry -> the claims (positions) that make it
        for i, claim in enumerate(claims):
            key = statement_key(claim)
            entry = self._statement_of.get(key)
            if entry is None:
                entry = self._statement_of[key] = len(self._entries)
                self._entries.append(key)
                self._members.append([])
            self._members[entry].append(i)
        self.postings: dict[str, list[int]] = defaultdict(list)  # form -> entries
        self._statements: dict[int, Statement] = {}
        for entry, members in enumerate(self._members):
            known = read.get(self._entries[entry])
            if known is not None:
                self._statements[entry] = known
            # The cheap forms for every claim, read or not: the same weights whichever
            # command indexes the store.
            for form in _forms_of(claims[members[0]], forms):
                self.postings[form].append(entry)
        self.size = len(self._entries)
        self._langs: np.ndarray | None = None  # entry -> 1 for Arabic, 0 else (when asked)
        self._arrays: dict[str, np.ndarray] = {}  # form -> its posting as an array
        self._speakers: dict[int, frozenset[str]] = {}
        if frequencies is None:
            self._count = lambda form: len(self.postings.get(form, ()))
            self._total = self.size
        else:
            self._count, self._total = frequencies.count, frequencies.size
        self._weights = _Rarity(self._count, self._total)
        # by the two statements' keys, unordered: each pair of new claims meets twice
        self._closeness: dict[frozenset, _Closeness | None] = {}
        self._masses: dict[str, float] = {}  # word weight of a statement, by its terms

    def statement(self, entry: int) -> Statement:
        # Read in full only when a statement turns out to be a candidate: most never are.
        found = self._statements.get(entry)
        if found is None:
            found = self._statements[entry] = read_claim(self.claims[self._members[entry][0]])
        return found

    def speakers(self, i: int) -> frozenset[str]:
        found = self._speakers.get(i)
        if found is None:
            found = self._speakers[i] = speaker_terms(self.claims[i])
        return found

    def candidates(self, claim: dict, *, limit: int = LIMIT) -> list[Candidate]:
        """The indexed claims about the same matter as `claim`, closest first: `limit`
        different statements, with up to COPIES copies of each.

        Only the statements sharing the most rare words (by weight) are weighed in full: in a
        store where one template fills many claims, hundreds share two words with each.
        """
        s = read_claim(claim)
        own = claim.get("id")
        key = statement_key(claim)
        speakers = speaker_terms(claim)
        scored = []
        for entry in self._closest_by_words(s, limit * WEIGHED_PER_KEPT):
            t, other_key = self.statement(entry), self._entries[entry]
            pair = frozenset((key, other_key))
            close = self._closeness.get(pair, False)
            if close is False:
                close = self._closeness[pair] = self._closeness_of(s, t, key)
            if close is None:
                continue
            places = s.places | speaker_places(claim)
            matters: dict[frozenset, float | None] = {}  # copies differ only by speaker
            copies = 0
            for i in self._members[entry]:
                other = self.claims[i]
                if own is not None and other.get("id") == own:
                    continue
                if copies == COPIES:
                    break
                copies += 1
                if close.apart and not places & (t.places | speaker_places(other)):
                    continue
                theirs = self.speakers(i)
                matter = matters.get(theirs, False)
                if matter is False:
                    matter = matters[theirs] = _matter(close, speakers | theirs, s, t)
                if matter is not None:
                    scored.append(Candidate(other, matter, i, other_key, close, key))
        scored.sort(key=lambda c: (-c.matter, c.position))
        arabic = s.lang == "ar"
        langs = self._entry_langs()
        same = [c for c in scored if bool(langs[self._statement_of[c.key]]) == arabic]
        other = [c for c in scored if bool(langs[self._statement_of[c.key]]) != arabic]
        found = (_first_statements(same, limit, lambda cand: cand.key)
                 + _first_statements(other, LIMIT_ACROSS, lambda cand: cand.key))
        found.sort(key=lambda c: (-c.matter, c.position))
        return found

    def _entry_langs(self) -> "np.ndarray":
        import numpy as np

        if self._langs is None:
            self._langs = np.array([_is_arabic_claim(self.claims[m[0]]) for m in self._members],
                                   dtype=bool)
        return self._langs

    def explain(self, claim: dict, other: dict) -> tuple[Candidate | None, str]:
        """Whether `other` (an indexed claim) is a candidate for `claim`, and why not when it
        is not: for tracing a missed pair."""
        s, t = read_claim(claim), read_claim(other)
        if not places_meet(claim, other, s, t):
            return None, f"places of no common country {sorted(s.places)} / {sorted(t.places)}"
        shared = min(len(matched(s, t)), len(matched(t, s)))
        if shared < MIN_SHARED:
            return None, f"{shared} shared content words"
        key, other_key = statement_key(claim), statement_key(other)
        close = self._closeness_of(s, t, key)
        matter = _matter(close, speaker_terms(claim) | speaker_terms(other), s, t)
        if matter is None:
            return None, f"overlap {close.overlap:.2f} and no shared entity"
        found = Candidate(other, matter, -1, other_key, close, key)
        ranked = [c.key for c in self.candidates(claim)]
        if other_key not in ranked:
            return found, f"matter {matter:.2f}, not among the {LIMIT} closest"
        return found, f"matter {matter:.2f}, candidate {ranked.index(other_key) + 1}"

    def _closest_by_words(self, s: Statement, count: int) -> list[int]:
        """The `count` entries sharing the most rare word weight with `s`, most first (ties
        by entry). Summed in C: in a store one template fills, each claim meets thousands."""
        import numpy as np  # here: commands that never match claims start 80 ms sooner

        common = max(50, int(self._total * COMMON_SHARE))
        arrays, weights = [], []
        # one order of sums: the same floats in every run
        for form in sorted(s.forms | s.key_set):
            posting = self._array(form)
            if len(posting) > 0 and self._count(form) <= common:
                arrays.append(posting)
                weights.append(self._weights[form])
        if not arrays:
            return []
        entries = np.concatenate(arrays)
        mass = np.bincount(entries, np.repeat(weights, [len(a) for a in arrays]),
                           minlength=self.size)
        found = np.flatnonzero(mass)
        langs = self._entry_langs()
        arabic = s.lang == "ar"
        same, other = found[langs[found] == arabic], found[langs[found] != arabic]
        # The closest in the claim's own language and, apart, in the other.
        found = np.concatenate((_top(same, mass, count), _top(other, mass, count)))
        return found[np.lexsort((found, -mass[found]))].tolist()

    def _array(self, form: str) -> "np.ndarray":
        import numpy as np

        found = self._arrays.get(form)
        if found is None:
            found = self._arrays[form] = np.array(self.postings.get(form, ()), dtype=np.intp)
        return found

    def _closeness_of(self, s: Statement, t: Statement, key: tuple) -> _Closeness | None:
        """What two statements share, whoever said them; None when they are two matters.
        `key` is the statement key of `s`."""
        shared_s, shared_t = matched(s, t), matched(t, s)
        if min(len(shared_s), len(shared_t)) < MIN_SHARED:
            return None
        weight = self._weights.__getitem__
        mass_s, mass_t = self._mass(s), self._mass(t)
        # Geometric mean: a short claim wholly inside a long one still counts, halfway.
        overlap = math.sqrt(sum(map(weight, shared_s)) / mass_s
                            * sum(map(weight, shared_t)) / mass_t)
        entities = (s.places & t.places) | (s.names & t.names) | (s.numbers & t.numbers)
        if s.lang == t.lang:
            fuzzy = fuzz.token_set_ratio(s.joined, t.joined) / 100.0
        else:
            # Two scripts: the words compared through what they stand for.
            fuzzy = fuzz.token_set_ratio(_canonical(s), _canonical(t)) / 100.0
            entities = entities | (s.key_set & t.key_set - _concept_keys(s, t))
        return _Closeness(overlap, entities, fuzzy, key, (s, t), (shared_s, shared_t),
                          bool(s.places and t.places and not s.places & t.places))

    def _mass(self, s: Statement) -> float:
        found = self._masses.get(s.joined)
        if found is None:
            found = self._masses[s.joined] = sum(map(self._weights.__getitem__, s.terms)) or 1.0
        return found



def _top(found: "np.ndarray", mass: "np.ndarray", count: int) -> "np.ndarray":
    """The `count` entries of `found` with the most mass (ties by entry)."""
    import numpy as np

    if len(found) <= count:
        return found
    values = mass[found]
    cut = np.partition(values, len(found) - count)[len(found) - count]
    above, tied = found[values > cut], found[values == cut]
    return np.concatenate((above, tied[: count - len(above)]))


def _is_arabic_claim(claim: dict) -> bool:
    lang = claim.get("lang")
    if lang:
        return lang == "ar"
    return detect_lang(claim["content"]["text"]) == "ar"


def _canonical(s: Statement) -> str:
    """A statement's terms as the keys they stand for, where they have one, sorted."""
    return " ".join(sorted(min(s.keys[t]) if t in s.keys else t for t in s.terms))


def _concept_keys(s: Statement, t: Statement) -> frozenset[str]:
    # Concepts are common words; names, places and figures are the entities of a matter.
    return frozenset(k for k in s.key_set & t.key_set if k.startswith("c:"))


def _forms_of(claim: dict, known: Forms | None) -> Iterable[str]:
    found = known.get(_forms_key(claim)) if known else None
    return claim_forms(claim) if found is None else found


class _Rarity(dict):
    """The weight of each word of an index by its rarity (smoothed inverse document
    frequency), worked out when first asked for: the hot loops read it as a dict."""

    def __init__(self, count, size: int):
        super().__init__()
        self.count, self.size = count, size  # count(term): how many hold it

    def __missing__(self, term: str) -> float:
        w = self[term] = math.log((self.size + 2) / (self.count(term) + 1)) + 0.1
        return w


def _matter(close: _Closeness, speakers: frozenset[str], s: Statement,
            t: Statement) -> float | None:
    """How much two statements are about the same matter (0..1), None when too little."""
    # Speakers named in the other's words: "Peskov denied" against "Peskov said ...".
    spoken = (speakers & s.forms) | (speakers & t.forms)
    if close.overlap < MIN_OVERLAP and not (close.entities or spoken):
        return None
    return round(0.6 * close.overlap + 0.3 * close.fuzzy
                 + 0.1 * min(1.0, len(close.entities | spoken) / 2), 3)
