"""Search stored claims the way fact-checkers look for them: fuzzy, across spellings and scripts.

A query is cut into the same stemmed, folded terms as the claims (normalize.terms). Each query
word meets the claims' vocabulary by rapidfuzz similarity (a prefix or a spelling variant
still meets its word) and the speakers' names by their consonant skeleton (factcheck.names), so
"Peskov" finds بيسكوف. A claim scores by the query words it meets, each weighted by how rare
its word is, in content, context ("asked about") or speaker, 0-100.

The index (vocabulary, postings, speaker names, and the claims themselves) is built once per
database file and kept by the store as a derived cache beside it (Database.derived), so a
search at 100,000 claims reads the index instead of parsing the whole database.
"""

import math
import re
from array import array
from dataclasses import dataclass, field
from datetime import date
from enum import Enum

import orjson
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from factcheck import names, speakers
from factcheck.errors import InputError
from factcheck.normalize import WORD_RE, fold, fold_word, is_arabic, stem
from factcheck.rules import rules_for
from factcheck.store import Database

INDEX_NAME = "search"
INDEX_VERSION = 1
# Below this similarity a vocabulary word does not stand for a query word.
MIN_SIMILARITY = 80.0
# How much a word met in each field counts, against the same word in the content.
FIELD_WEIGHT = {"content": 1.0, "context": 0.9, "speaker": 1.0}
FIELDS = ("content", "context")
_DATE_RE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


class Lang(str, Enum):
    """Languages a claim can be in."""

    ar = "ar"
    en = "en"


@dataclass
class Hit:
    """One claim found: the claim as stored, its score (0-100) and the words that matched."""

    claim: dict
    score: float
    matched: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {**self.claim, "score": round(self.score, 1), "matched": self.matched}


@dataclass
class SearchIndex:
    """What search needs of a database, in a form quick to load and to query."""

    blobs: list[bytes]                      # each claim as stored, serialised
    speaker_ids: list[str | None]
    dates: list[str]
    outlets: list[str]
    langs: list[str | None]
    negated: list[bool]
    postings: dict[str, dict[str, array]]   # field -> term -> claim numbers
    vocabulary: list[str]                   # every term of every field
    df: dict[str, int]                      # term -> how many claims hold it
    speakers: list[dict]                    # the registry's records
    name_parts: dict[str, set[str]]         # name word skeleton -> speaker IDs
    by_speaker: dict[str, array]            # speaker ID -> claim numbers

    def claim(self, n: int) -> dict:
        return orjson.loads(self.blobs[n])


def search(db: Database, query: str = "", *, speaker: str | None = None,
           outlet: str | None = None, since: str | None = None, until: str | None = None,
           lang: str | None = None, negated: bool | None = None, limit: int = 20) -> list[Hit]:
    """Stored claims ranked by fuzzy relevance to `query`, filtered; the best `limit` first.

    Without a query, every claim the filters let through, newest first.
    """
    for bound in (since, until):
        if bound is not None:
            _check_date(bound)
    if limit < 1:
        raise InputError("limit must be at least 1")
    lang = Lang(lang).value if lang is not None else None
    index = load_index(db)
    allowed = _filter(index, db, speaker=speaker, outlet=outlet, since=since, until=until,
                      lang=lang, negated=negated)
    words = _query_words(query)
    if not words:
        chosen = sorted(allowed, key=lambda n: index.dates[n], reverse=True)[:limit]
        return [Hit(index.claim(n), 100.0) for n in chosen]
    scores, meant = _score(index, words, allowed)
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], _newest(index, kv[0])))[:limit]
    return [Hit(claim, score, matched_spans(claim, meant, index))
            for n, score in ranked for claim in [index.claim(n)]]


def load_index(db: Database) -> SearchIndex:
    """The search index of `db`, from its cache file when the database is unchanged."""
    return db.derived(INDEX_NAME, build_index, version=INDEX_VERSION)


def build_index(db: Database) -> SearchIndex:
    """Index every stored claim: its terms per field, filters, and the speakers' names."""
    records = speakers.TABLE
    index = SearchIndex([], [], [], [], [], [], {f: {} for f in FIELDS}, [], {},
                        db.table(records).all(), {}, {})
    for n, claim in enumerate(db.claims.all()):
        index.blobs.append(orjson.dumps(claim))
        sid = (claim.get("speaker") or {}).get("id")
        index.speaker_ids.append(sid)
        index.dates.append(_date(claim))
        index.outlets.append(fold(claim.get("outlet") or ""))
        index.langs.append(claim.get("lang"))
        index.negated.append(bool(claim.get("negated")))
        if sid:
            index.by_speaker.setdefault(sid, array("I")).append(n)
        seen: set[str] = set()
        for name in FIELDS:
            field_terms = set(_terms(_field_text(claim, name)))
            for term in field_terms:
                index.postings[name].setdefault(term, array("I")).append(n)
            seen |= field_terms
        for term in seen:
            index.df[term] = index.df.get(term, 0) + 1
    index.vocabulary = sorted(index.df)
    for record in index.speakers:
        for name in record.get("names") or []:
            for part in names.parts(name):
                index.name_parts.setdefault(str(part), set()).add(record["id"])
    return index


def matched_spans(claim: dict, meant: dict[str, set[str]], index: SearchIndex) -> list[dict]:
    """The words of the claim's content, context and speaker name that the query met."""
    out = []
    for name in FIELDS:
        text = _field_text(claim, name)
        for m in WORD_RE.finditer(text):
            if _term(fold_word(m.group())) in meant["terms"]:
                out.append({"field": name, "span": [m.start(), m.end()], "text": m.group()})
    spoken = (claim.get("speaker") or {}).get("name") or ""
    if (claim.get("speaker") or {}).get("id") in meant["speakers"]:
        for m in WORD_RE.finditer(spoken):
            if {str(p) for p in names.parts(m.group())} & meant["parts"]:
                out.append({"field": "speaker", "span": [m.start(), m.end()],
                            "text": m.group()})
    return out


# Scoring -------------------------------------------------------------------------------------

def _score(index: SearchIndex, words: list[str], allowed: set[int] | None):
    """Each claim's score: the query words it meets, weighted by rarity, as 0-100."""
    scores: dict[int, float] = {}
    weights = 0.0
    meant: dict[str, set[str]] = {"terms": set(), "parts": set(), "speakers": set()}
    for word in words:
        found = _candidates(index, word, meant)
        # The word weighs what its best form weighs: a rare look-alike must not make an
        # exact match of a common word score below 100.
        weight = max(((sim, idf) for sim, idf, _, _ in found), default=(0.0, _idf(index, 1)))[1]
        weights += weight
        best: dict[int, float] = {}
        for similarity, idf, field_weight, claims in found:
            gain = min(weight, idf) * similarity * field_weight
            for n in claims:
                if gain > best.get(n, 0.0):
                    best[n] = gain
        for n, gain in best.items():
            if allowed is None or n in allowed:
                scores[n] = scores.get(n, 0.0) + gain
    if weights:
        scores = {n: min(100.0, 100.0 * s / weights) for n, s in scores.items()}
    return scores, meant


def _candidates(index: SearchIndex, word: str, meant: dict) -> list[tuple]:
    """What `word` may stand for: (similarity, rarity, field weight, claim numbers) each."""
    out = []
    term = _term(word)
    if term:
        for found, similarity in _similar_terms(index, term):
            meant["terms"].add(found)
            for name in FIELDS:
                claims = index.postings[name].get(found)
                if claims:
                    out.append((similarity, _idf(index, index.df[found]), FIELD_WEIGHT[name],
                                claims))
    for sid, similarity, spoken in _speakers_named(index, word, meant):
        # Rarity of the name word, not of the speaker: every speaker called Lim weighs the
        # same for "Lim".
        out.append((similarity, _idf(index, spoken), FIELD_WEIGHT["speaker"],
                    index.by_speaker.get(sid, ())))
    return out


def _idf(index: SearchIndex, count: int) -> float:
    return math.log(1 + max(1, len(index.blobs)) / max(1, count))


def _similar_terms(index: SearchIndex, term: str) -> list[tuple[str, float]]:
    """Vocabulary words that stand for `term`: itself, its spelling variants, prefixed forms."""
    if len(term) < 3:
        return [(term, 1.0)] if term in index.df else []
    found = process.extract(term, index.vocabulary, scorer=fuzz.ratio,
                            score_cutoff=MIN_SIMILARITY, limit=50)
    return [(word, score / 100.0) for word, score, _ in found]


def _speakers_named(index: SearchIndex, word: str,
                    meant: dict) -> list[tuple[str, float, int]]:
    """Speakers with a name word like `word`: (ID, similarity, claims of all such speakers)."""
    out: dict[str, float] = {}
    for part in names.parts(word):
        wanted = str(part)
        for skeleton, ids in index.name_parts.items():
            if skeleton == wanted:
                similarity = 1.0
            elif (len(part.consonants) >= 4 and skeleton.endswith(part.final or "")
                  and Levenshtein.distance(skeleton, wanted) <= 1):
                similarity = 0.85  # Zakharov for Zakharova: found, below her own name
            else:
                continue
            meant["parts"].add(skeleton)
            for sid in ids:
                meant["speakers"].add(sid)
                out[sid] = max(out.get(sid, 0.0), similarity)
    spoken = sum(len(index.by_speaker.get(sid, ())) for sid in out)
    return [(sid, similarity, spoken) for sid, similarity in out.items()]


# Filters -------------------------------------------------------------------------------------

def _filter(index: SearchIndex, db: Database, *, speaker, outlet, since, until, lang,
            negated) -> set[int] | None:
    if not any(v is not None for v in (speaker, outlet, since, until, lang, negated)):
        return None
    chosen = set(range(len(index.blobs)))
    if speaker is not None:
        registry = Database.of({speakers.TABLE: index.speakers})
        ids = {r["id"] for r in speakers.matching(registry, speaker)}
        chosen = {n for sid in ids for n in index.by_speaker.get(sid, ())}
    if outlet is not None:
        wanted = fold(outlet)
        chosen = {n for n in chosen if wanted in index.outlets[n]}
    if since is not None:
        chosen = {n for n in chosen if index.dates[n] and index.dates[n] >= since}
    if until is not None:
        chosen = {n for n in chosen if index.dates[n] and index.dates[n][:len(until)] <= until}
    if lang is not None:
        chosen = {n for n in chosen if index.langs[n] == lang}
    if negated is not None:
        chosen = {n for n in chosen if index.negated[n] == negated}
    return chosen


# Text ----------------------------------------------------------------------------------------

def _query_words(query: str) -> list[str]:
    return [fold_word(m.group()) for m in WORD_RE.finditer(query or "")
            if not _is_stopword(fold_word(m.group()))]


def _terms(text: str) -> list[str]:
    return [t for t in (_term(fold_word(m.group())) for m in WORD_RE.finditer(text)) if t]


def _term(word: str) -> str:
    """normalize.terms for one folded word: its stem, or '' for a stop word."""
    return "" if _is_stopword(word) else stem(word)


def _is_stopword(word: str) -> bool:
    return word in rules_for("ar" if is_arabic(word) else "en").stopwords


def _field_text(claim: dict, name: str) -> str:
    if name == "content":
        return (claim.get("content") or {}).get("text") or ""
    return claim.get("context") or ""


def _check_date(value: str) -> None:
    padded = value + "-01-01"[len(value) - 4:] if _DATE_RE.fullmatch(value) else ""
    try:
        date.fromisoformat(padded)
    except ValueError:
        raise InputError(f"date {value!r} is not YYYY-MM-DD (or YYYY-MM, YYYY)") from None


def _date(claim: dict) -> str:
    return (claim.get("published") or claim.get("added") or "")[:10]


def _newest(index: SearchIndex, n: int) -> str:
    # Sorts ascending: later dates first by inverting the characters' order.
    return "".join(chr(0x10FFFF - ord(c)) for c in index.dates[n])
