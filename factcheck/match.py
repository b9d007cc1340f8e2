"""Candidates about the same matter: the stored claims that share actors and event with a claim.

A small inverted index over the stemmed words of each claim's content and context (built per
call: a store of 100,000 claims indexes in seconds) finds the claims sharing rare words; each
is then scored by its shared words weighted by rarity, fuzzy similarity (rapidfuzz) and shared
entities (speaker names, names, places, numbers). Words every claim shares (Russia, North
Korea) weigh little, and two claims naming places with no country in common are two matters,
so "poverty rises in A" is not set against "poverty falls in B".
"""

import heapq
import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from rapidfuzz import fuzz

from factcheck.normalize import WORD_RE, fold, is_arabic, stem, words
from factcheck.relate import PROCLITICS, Statement, matched, read_statement, stopwords

T = TypeVar("T")

# A candidate must share at least this many content words with the claim ...
MIN_SHARED = 2
# ... and this much of both sides' word weight, weighted by rarity (0..1), or an entity.
MIN_OVERLAP = 0.15
# The candidates kept per claim (different statements, closest first, with their copies),
# and how many more are weighed to find them.
LIMIT = 8
WEIGHED_PER_KEPT = 2
# Copies of one statement looked at before the weighed ones are cut short.
COPIES = 4
# Posting lists longer than this share of the store are words too common to find matters by.
COMMON_SHARE = 0.2


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stored claim about the same matter, how close it is (0..1), and the words shared."""

    claim: dict
    matter: float
    shared: tuple[str, ...]
    position: int = -1  # where the claim stands in the indexed list


def read_claim(claim: dict) -> Statement:
    """A claim read for comparison: content, the question it answered, negation, modality."""
    text, context, negated, modality = statement_key(claim)
    return read_statement(text, context, negated=negated, modality=modality)


def statement_key(claim: dict) -> tuple:
    """What read_claim reads of a claim: two claims with the same key say the same thing."""
    return (claim["content"]["text"], claim.get("context"), bool(claim.get("negated")),
            claim.get("modality"))


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
    stop = stopwords()
    out = set()
    for text in (claim["content"]["text"], claim.get("context") or ""):
        for word in WORD_RE.findall(fold(text)):
            if word in stop:
                continue
            out.add(stem(word))
            if is_arabic(word) and len(word) >= 5 and word[0] in PROCLITICS:
                out.add(stem(word[1:]))
    return out


@lru_cache(maxsize=4096)
def _name_terms(name: str) -> frozenset[str]:
    return frozenset(stem(w) for w in words(name) if len(w) > 2)


def speaker_terms(claim: dict) -> frozenset[str]:
    return _name_terms((claim.get("speaker") or {}).get("name") or "")


@dataclass(frozen=True, slots=True)
class _Closeness:
    """The part of a candidate's closeness that depends on the two statements only."""

    overlap: float
    entities: frozenset[str]
    shared: tuple[str, ...]


class Index:
    """Claims indexed by the forms of their words, with document frequencies."""

    def __init__(self, claims: list[dict]):
        self.claims = claims
        self._statements: dict[int, Statement] = {}
        self._speakers: dict[int, frozenset[str]] = {}
        self._keys: dict[int, tuple] = {}
        self._weights: dict[str, float] = {}
        self._closeness: dict[tuple, _Closeness | None] = {}  # by the two statements' keys
        self._masses: dict[str, float] = {}  # word weight of a statement, by its terms
        self.postings: dict[str, list[int]] = defaultdict(list)
        for i, c in enumerate(claims):
            for form in claim_forms(c):
                self.postings[form].append(i)
        self.size = len(claims)

    def statement(self, i: int) -> Statement:
        # Read in full only when a claim turns out to be a candidate: most never are.
        if i not in self._statements:
            self._statements[i] = read_claim(self.claims[i])
        return self._statements[i]

    def key(self, i: int) -> tuple:
        if i not in self._keys:
            self._keys[i] = statement_key(self.claims[i])
        return self._keys[i]

    def speakers(self, i: int) -> frozenset[str]:
        if i not in self._speakers:
            self._speakers[i] = speaker_terms(self.claims[i])
        return self._speakers[i]

    def weight(self, term: str) -> float:
        """Rarity of a word in the indexed claims (smoothed inverse document frequency)."""
        w = self._weights.get(term)
        if w is None:
            w = math.log((self.size + 2) / (len(self.postings.get(term, ())) + 1)) + 0.1
            self._weights[term] = w
        return w

    def candidates(self, claim: dict, *, limit: int = LIMIT) -> list[Candidate]:
        """The indexed claims about the same matter as `claim`, closest first.

        Only the claims sharing the most rare words (by weight) are weighed in full: in a
        store where one template fills many claims, hundreds share two words with each.
        """
        s = read_claim(claim)
        mass: dict[int, float] = defaultdict(float)
        common = max(50, int(self.size * COMMON_SHARE))
        for form in sorted(s.forms):  # one order of sums: the same candidates in every run
            posting = self.postings.get(form, ())
            if len(posting) > common:
                continue
            w = self.weight(form)
            for i in posting:
                mass[i] += w
        own = claim.get("id")
        key = statement_key(claim)
        speakers = speaker_terms(claim)
        scored = []
        for i in self._closest(mass, limit * WEIGHED_PER_KEPT):
            other = self.claims[i]
            if own is not None and other.get("id") == own:
                continue
            pair = (key, self.key(i))
            if pair not in self._closeness:
                self._closeness[pair] = self._closeness_of(s, self.statement(i))
            found = self._candidate(self._closeness[pair], s, self.statement(i),
                                    speakers | self.speakers(i), other)
            if found is not None:
                scored.append(Candidate(found.claim, found.matter, found.shared, i))
        scored.sort(key=lambda c: (-c.matter, c.position))
        return _first_statements(scored, limit, lambda cand: statement_key(cand.claim))

    def _closest(self, mass: dict[int, float], count: int) -> list[int]:
        """The claims sharing the most word weight, `count` different statements of them with
        every copy of each: a story many outlets carry must not crowd out the others."""
        # Ties keep the order the sums were made in, which sorted forms make the same each run.
        ranked = heapq.nlargest(count * COPIES, mass, key=mass.__getitem__)
        return _first_statements(ranked, count, self.key)

    def matter(self, s: Statement, t: Statement, a: dict, b: dict) -> Candidate | None:
        """How much two claims are about the same matter; None when they are not."""
        return self._candidate(self._closeness_of(s, t), s, t,
                               speaker_terms(a) | speaker_terms(b), b)

    def _closeness_of(self, s: Statement, t: Statement) -> _Closeness | None:
        """What two statements share, whoever said them; None when they are two matters."""
        if s.places and t.places and not s.places & t.places:
            return None  # poverty in Egypt and poverty in Jordan are two matters
        shared_s, shared_t = matched(s, t), matched(t, s)
        if min(len(shared_s), len(shared_t)) < MIN_SHARED:
            return None
        weight = self.weight
        mass_s, mass_t = self._mass(s), self._mass(t)
        # Geometric mean: a short claim wholly inside a long one still counts, halfway.
        overlap = math.sqrt(sum(map(weight, shared_s)) / mass_s
                            * sum(map(weight, shared_t)) / mass_t)
        entities = (s.places & t.places) | (s.names & t.names) | (s.numbers & t.numbers)
        shared = tuple(sorted(s.surface.get(x, x) for x in shared_s))
        return _Closeness(overlap, entities, shared)

    def _mass(self, s: Statement) -> float:
        found = self._masses.get(s.joined)
        if found is None:
            found = self._masses[s.joined] = sum(map(self.weight, s.terms)) or 1.0
        return found

    def _candidate(self, close: _Closeness | None, s: Statement, t: Statement,
                   speakers: frozenset[str], b: dict) -> Candidate | None:
        if close is None:
            return None
        spoken = speakers & (s.forms | t.forms)
        if close.overlap < MIN_OVERLAP and not (close.entities or spoken):
            return None
        matter = (0.6 * close.overlap + 0.3 * fuzz.token_set_ratio(s.joined, t.joined) / 100.0
                  + 0.1 * min(1.0, len(close.entities | spoken) / 2))
        return Candidate(b, round(matter, 3), close.shared)
