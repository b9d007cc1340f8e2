"""Search stored claims the way fact-checkers look for them: fuzzy, across spellings and scripts.

A query is cut into the same stemmed, folded terms as the claims (normalize.terms). Each query
word meets the claims' vocabulary by rapidfuzz similarity (a prefix or a spelling variant
still meets its word) and the speakers' names by their consonant skeleton (factcheck.names), so
"Peskov" finds بيسكوف. A claim scores by the query words it meets, each weighted by how rare
its word is, in content, context ("asked about") or speaker, 0-100.

The index (vocabulary, postings, speaker names, and the claims themselves) is built once per
database file and kept by the store as a derived cache beside it (Database.derived), so a
search at 100,000 claims reads the index instead of parsing the whole database. A write that
only appends claims extends the index it had rather than building it again (extend_index).
"""

import heapq
import math
from array import array
from bisect import bisect_left, insort
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache

import orjson
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from factcheck import dates, names, speakers, store
from factcheck.cachefile import Codec, Damaged, Sections
from factcheck.errors import InputError
from factcheck.normalize import WORD_RE, fold, fold_word, is_arabic, stem
from factcheck.rules import rules_for
from factcheck.store import Database

INDEX_NAME = "search"
INDEX_VERSION = 5
# Below this similarity a vocabulary word does not stand for a query word.
MIN_SIMILARITY = 80.0
# How much a word met in each field counts, against the same word in the content.
FIELD_WEIGHT = {"content": 1.0, "context": 0.9, "speaker": 1.0}
FIELDS = ("content", "context")
# A word met in the other script (Kim / كيم, Moscow / موسكو) by its consonant skeleton counts
# this much: found, never ranked as high as the word itself.
CROSS_SCRIPT_SIMILARITY = 0.7


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


class Column:
    """One value per claim, stored as codes into its few distinct values (quick to load)."""

    def __init__(self):
        self.values: list = []
        self.codes = array("I")
        self._code: dict = {}

    def append(self, value) -> None:
        code = self._code.get(value)
        if code is None:
            code = self._code[value] = len(self.values)
            self.values.append(value)
        self.codes.append(code)

    def __getitem__(self, n: int):
        return self.values[self.codes[n]]

    def accepting(self, keep):
        """A test of a claim number: does `keep` accept its value? (`keep` runs once per
        distinct value, not per claim.)"""
        ok = {code for code, value in enumerate(self.values) if keep(value)}
        codes = self.codes
        return lambda n: codes[n] in ok

    @classmethod
    def of(cls, values: list, codes: array, *, size: int) -> "Column":
        """The column of `size` claims whose values are `codes` into `values` (as read back
        from a cache file, so its length is checked; the codes are not: a max over them costs
        more than the rest of the load)."""
        if len(codes) != size:
            raise Damaged("a column of another length than the claims")
        column = cls()
        column.values, column.codes = values, codes
        # Few distinct values: cheap to index again, and a column read back can grow.
        column._code = {value: code for code, value in enumerate(values)}
        return column


class Postings:
    """Term -> claim numbers, kept as one array with offsets (one object to load, not one per
    term)."""

    def __init__(self, lists: dict[str, array] | None = None):
        lists = lists or {}
        self.terms = sorted(lists)
        self.data = array("I")
        self.starts = array("Q", [0])
        for term in self.terms:
            self.data.extend(lists[term])
            self.starts.append(len(self.data))
        self._where: dict[str, int] | None = None

    def get(self, term: str) -> array:
        if self._where is None:
            self._where = {t: i for i, t in enumerate(self.terms)}
        i = self._where.get(term)
        return self.data[self.starts[i]:self.starts[i + 1]] if i is not None else array("I")

    def with_added(self, added: dict[str, array], *,
                   renumbered: list[int] | None = None) -> "Postings":
        """What `Postings` makes of our lists with `added` (increasing numbers per term) merged
        in, each number n already here becoming `renumbered[n]` where that is given."""
        # The terms between two added ones are copied in one slice, not term by term.
        data = self.data if renumbered is None else \
            array("I", map(renumbered.__getitem__, self.data))
        out = Postings()
        done = 0  # this many of our terms are in `out`
        for term in sorted(added):
            i = bisect_left(self.terms, term)
            out._copy(self, data, done, i)
            if i < len(self.terms) and self.terms[i] == term:
                numbers = _merged(data[self.starts[i]:self.starts[i + 1]], added[term])
                done = i + 1
            else:
                numbers, done = added[term], i
            out.terms.append(term)
            out.data.extend(numbers)
            out.starts.append(len(out.data))
        out._copy(self, data, done, len(self.terms))
        return out

    def _copy(self, source: "Postings", data: array, first: int, end: int) -> None:
        """Append the source's terms first..end-1, their lists read from `data`."""
        starts = source.starts
        shift = len(self.data) - starts[first]
        self.terms.extend(source.terms[first:end])
        self.data.extend(data[starts[first]:starts[end]])
        self.starts.extend(start + shift for start in starts[first + 1:end + 1])

    @classmethod
    def of(cls, terms: list[str], data: array, starts: array) -> "Postings":
        """The postings of `terms` whose lists are `data` cut at `starts` (as read back from a
        cache file, so their lengths are checked)."""
        if len(starts) != len(terms) + 1 or starts[0] != 0 or starts[-1] != len(data):
            raise Damaged("postings whose lists do not fit their terms")
        postings = cls()
        postings.terms, postings.data, postings.starts = terms, data, starts
        return postings


def _merged(old: array, new: array) -> array:
    """Two increasing runs of distinct numbers as one."""
    if not old or old[-1] < new[0]:
        return old + new
    return array("I", sorted(old.tolist() + new.tolist()))


@dataclass
class SearchIndex:
    """What search needs of a database, in a form quick to load and to query."""

    size: int = 0
    claims: bytes = b""                     # every claim as stored, serialised end to end
    offsets: array = field(default_factory=lambda: array("Q", [0]))
    dates: Column = field(default_factory=Column)
    outlets: Column = field(default_factory=Column)
    langs: Column = field(default_factory=Column)
    negated: Column = field(default_factory=Column)
    postings: dict[str, Postings] = field(default_factory=dict)  # field -> term -> claims
    vocabulary: list[str] = field(default_factory=list)  # every term of every field
    df: dict[str, int] = field(default_factory=dict)      # term -> claims holding it
    speakers: list[dict] = field(default_factory=list)    # the registry's records
    name_parts: dict[str, set[str]] = field(default_factory=dict)  # name skeleton -> IDs
    skeletons: dict[str, str] = field(default_factory=dict)  # term skeleton -> terms, \n-joined
    grams: Postings = field(default_factory=Postings)  # letter pair -> vocabulary numbers
    by_speaker: dict[str, array] = field(default_factory=dict)     # speaker ID -> claims

    def claim(self, n: int) -> dict:
        return orjson.loads(self.claims[self.offsets[n]:self.offsets[n + 1]])

    def near(self, term: str, shortest: int, longest: int) -> list[str]:
        """Vocabulary words of length shortest..longest sharing a letter pair with `term`."""
        numbers: set[int] = set()
        for gram in _bigrams(term):
            numbers.update(self.grams.get(gram))
        vocabulary = self.vocabulary
        return [w for w in (vocabulary[i] for i in numbers) if shortest <= len(w) <= longest]

    def parts_near(self, wanted: str):
        """(name part, speaker IDs) pairs that may be `wanted` or one edit from it."""
        return self.name_parts.items()


def search(db: Database, query: str = "", *, speaker: str | None = None,
           outlet: str | None = None, since: str | None = None, until: str | None = None,
           lang: str | None = None, negated: bool | None = None, limit: int = 20) -> list[Hit]:
    """Stored claims ranked by fuzzy relevance to `query`, filtered; the best `limit` first.

    Without a query, every claim the filters let through, newest first.
    """
    since = dates.bound(since, what="--since") if since is not None else None
    until = dates.bound(until, what="--until") if until is not None else None
    if limit < 1:
        raise InputError("limit must be at least 1")
    lang = Lang(lang).value if lang is not None else None
    tables = getattr(db, "search_tables", None)
    if tables is not None:  # a SQL store: its index is tables (factcheck.indexing)
        return _search_tables(tables(), query, speaker=speaker, limit=limit,
                              where=tables().where(outlet=outlet, since=since, until=until,
                                                   lang=lang, negated=negated))
    index = load_index(db)
    spoken = _spoken_by(index, speaker) if speaker is not None else None
    keep = _filter(index, outlet=outlet, since=since, until=until, lang=lang, negated=negated)
    words = _query_words(query)
    if not words:
        candidates = spoken if spoken is not None else range(index.size)
        everything = [n for n in candidates if keep is None or keep(n)]
        chosen = heapq.nlargest(limit, everything, key=lambda n: index.dates[n])
        return [Hit(index.claim(n), 100.0) for n in chosen]
    scores, total, meant = _score(index, words)
    if spoken is not None:
        scores = {n: scores[n] for n in spoken if n in scores}
    if keep is not None:
        scores = {n: score for n, score in scores.items() if keep(n)}
    # The best scores first, the newest first among equals.
    ranked = heapq.nlargest(limit, scores.items(), key=lambda kv: (kv[1], index.dates[kv[0]]))
    return [Hit(claim, min(100.0, 100.0 * score / total), matched_spans(claim, meant, index))
            for n, score in ranked for claim in [index.claim(n)]]


def _search_tables(index, query: str, *, speaker: str | None, limit: int,
                   where: tuple) -> list[Hit]:
    """search() on a SQL store's tables (indexing.SearchTables): the same scoring, with the
    filters and the ranking among equals done by the store."""
    spoken = index.spoken(speaker) if speaker is not None else None
    words = _query_words(query)
    if not words:
        chosen = index.newest(spoken, limit, where)
        found = index.claims(chosen)
        return [Hit(found[n], 100.0) for n in chosen if n in found]
    if spoken is not None:
        scores, total, meant = _score(index, words)
        scores = {n: score for n, score in scores.items() if n in spoken}
        ranked = index.best(scores, limit, where)
    else:
        scores, by_speaker, total, meant = _score_apart(index, words)
        ranked = index.best(scores, limit, where, speakers=by_speaker)
    found = index.claims([n for n, _ in ranked])
    # a claim removed (claims doctor --fix) may still be in the postings
    return [Hit(claim, min(100.0, 100.0 * score / total), matched_spans(claim, meant, index))
            for n, score in ranked if n in found for claim in [found[n]]]


def claim_terms(claim: dict) -> dict[str, set[str]]:
    """The terms of a claim per field, as the index holds them."""
    return {name: set(_terms(_field_text(claim, name))) for name in FIELDS}


def load_index(db: Database) -> SearchIndex:
    """The search index of `db`, from its cache file when the database is unchanged."""
    return db.derived(INDEX_NAME, build_index, version=INDEX_VERSION, extend=extend_index,
                      codec=INDEX_CODEC)


def build_index(db: Database) -> SearchIndex:
    """Index every stored claim: its terms per field, filters, and the speakers' names."""
    index = SearchIndex()
    lists = _index_claims(index, db.claims.all())
    index.postings = {name: Postings(lists[name]) for name in FIELDS}
    index.vocabulary = sorted(index.df)
    index.skeletons = _skeletons(index.vocabulary)
    index.grams = Postings(_grams(enumerate(index.vocabulary)))
    _index_speakers(index, db)
    return index


def extend_index(db: Database, index: SearchIndex) -> SearchIndex | None:
    """What build_index makes of `db`, made by adding to `index` the claims stored after the
    ones it holds; None (build it whole) unless `db` holds those unchanged and first.

    Claims are only ever appended (add, watch); an edit, a removal or a new order anywhere
    falls back to the full build. `index` is changed in place.
    """
    claims = db.claims.records()
    if not isinstance(index, SearchIndex) or not _holds_first(claims, index):
        return None
    known = len(index.df)
    lists = _index_claims(index, claims[index.size:])
    new_terms = sorted(list(index.df)[known:])  # df gains the terms it never saw at its end
    index.postings = {name: index.postings[name].with_added(lists[name]) for name in FIELDS}
    vocabulary = sorted(index.vocabulary + new_terms)  # two sorted runs: merged, not re-sorted
    if new_terms:
        # A new term shifts the number of every term sorting after it.
        number = {term: n for n, term in enumerate(vocabulary)}
        index.grams = index.grams.with_added(
            _grams((number[term], term) for term in new_terms),
            renumbered=[number[term] for term in index.vocabulary])
        index.skeletons = _skeletons_with(index.skeletons, new_terms)
    index.vocabulary = vocabulary
    _index_speakers(index, db)
    return index


def _holds_first(claims: list[dict], index: SearchIndex) -> bool:
    """Whether `claims` begin with the index's claims, each as it was serialised."""
    # Claim by claim against the kept bytes: 0.2 s at 100,000 claims, where a build takes 3
    # to 5; joining them all first cost as much time and 860 MB of peak memory.
    if len(claims) < index.size:
        return False
    kept, offsets = memoryview(index.claims), index.offsets
    return all(kept[offsets[n]:offsets[n + 1]] == orjson.dumps(claim)
               for n, claim in enumerate(claims[:index.size]))


def _index_claims(index: SearchIndex, claims: list[dict]) -> dict[str, dict[str, array]]:
    """Add `claims` after the ones the index holds: themselves, their filters, speakers and
    document frequencies; returns their terms per field, each with the claims holding it."""
    serialised = []
    lists: dict[str, dict[str, array]] = {name: {} for name in FIELDS}
    for n, claim in enumerate(claims, index.size):
        blob = orjson.dumps(claim)
        serialised.append(blob)
        index.offsets.append(index.offsets[-1] + len(blob))
        index.dates.append(_date(claim))
        index.outlets.append(fold_word(claim.get("outlet") or ""))
        index.langs.append(claim.get("lang"))
        index.negated.append(bool(claim.get("negated")))
        sid = (claim.get("speaker") or {}).get("id")
        if sid:
            index.by_speaker.setdefault(sid, array("I")).append(n)
        seen: set[str] = set()
        for name in FIELDS:
            field_terms = set(_terms(_field_text(claim, name)))
            for term in field_terms:
                lists[name].setdefault(term, array("I")).append(n)
            seen |= field_terms
        for term in seen:
            index.df[term] = index.df.get(term, 0) + 1
    index.size += len(serialised)
    index.claims += b"".join(serialised)
    return lists


def _skeletons(vocabulary: list[str]) -> dict[str, str]:
    """Term skeleton -> its terms in vocabulary order, \n-joined."""
    skeletons: dict[str, list[str]] = {}
    for term in vocabulary:
        skeleton = names.key(term)
        if skeleton:
            skeletons.setdefault(skeleton, []).append(term)
    return {k: "\n".join(v) for k, v in skeletons.items()}


def _skeletons_with(skeletons: dict[str, str], terms: list[str]) -> dict[str, str]:
    """`skeletons` with more terms, as _skeletons makes them of the whole vocabulary: each
    skeleton's terms in order, the skeletons in the order of their first term."""
    reordered = False
    for term in terms:
        skeleton = names.key(term)
        if not skeleton:
            continue
        group = skeletons[skeleton].split("\n") if skeleton in skeletons else []
        insort(group, term)
        skeletons[skeleton] = "\n".join(group)
        reordered = reordered or group[0] == term
    if reordered:
        skeletons = dict(sorted(skeletons.items(), key=_first_term))
    return skeletons


def _first_term(item: tuple[str, str]) -> str:
    return item[1].partition("\n")[0]


def _grams(numbered: Iterable[tuple[int, str]]) -> dict[str, array]:
    """Letter pair -> the numbers of the (number, term) pairs whose term holds it."""
    grams: dict[str, array] = {}
    for i, term in numbered:
        for gram in _bigrams(term):
            grams.setdefault(gram, array("I")).append(i)
    return grams


def _index_speakers(index: SearchIndex, db: Database) -> None:
    """The registry's records and name parts, taken whole (a few ms for 1,500 speakers):
    a new name, an alias or a merge may change any of them."""
    index.speakers = db.table(speakers.TABLE).all()
    index.name_parts = {}
    for record in index.speakers:
        for name in record.get("names") or []:
            for part in names.parts(name):
                index.name_parts.setdefault(str(part), set()).add(record["id"])


def _index_sections(index: SearchIndex) -> Sections:
    """The index as plain sections (factcheck.cachefile): its long lists of numbers as typed
    arrays, which load as fast as a pickle did, the rest as JSON."""
    sections: Sections = {"claims": index.claims, "offsets": index.offsets}
    columns = {}
    for name in _COLUMNS:
        column = getattr(index, name)
        columns[name] = column.values
        sections[f"{name}.codes"] = column.codes
    postings = {**{f"postings.{name}": index.postings[name] for name in FIELDS},
                "grams": index.grams, "by_speaker": _end_to_end(index.by_speaker)}
    for name, lists in postings.items():
        sections[f"{name}.data"], sections[f"{name}.starts"] = lists.data, lists.starts
    sections["plain"] = {
        "size": index.size, "columns": columns, "vocabulary": index.vocabulary, "df": index.df,
        "speakers": index.speakers, "skeletons": index.skeletons,
        "name_parts": {part: sorted(ids) for part, ids in index.name_parts.items()},
        "terms": {name: lists.terms for name, lists in postings.items()},
    }
    return sections


def _index_of(sections: Sections) -> SearchIndex:
    """The index `_index_sections` wrote; Damaged where its parts do not fit together."""
    plain = sections["plain"]
    size, terms = plain["size"], plain["terms"]
    claims, offsets = sections["claims"], sections["offsets"]
    if len(offsets) != size + 1 or offsets[0] != 0 or offsets[-1] != len(claims):
        raise Damaged("claim offsets that do not fit the claims")

    def postings(name: str) -> Postings:
        return Postings.of(terms[name], sections[f"{name}.data"], sections[f"{name}.starts"])

    by_speaker = postings("by_speaker")
    return SearchIndex(
        size=size, claims=claims, offsets=offsets,
        **{name: Column.of(plain["columns"][name], sections[f"{name}.codes"], size=size)
           for name in _COLUMNS},
        postings={name: postings(f"postings.{name}") for name in FIELDS},
        vocabulary=plain["vocabulary"], df=plain["df"], speakers=plain["speakers"],
        name_parts={part: set(ids) for part, ids in plain["name_parts"].items()},
        skeletons=plain["skeletons"], grams=postings("grams"),
        by_speaker={sid: by_speaker.get(sid) for sid in by_speaker.terms},
    )


def _end_to_end(lists: dict[str, array]) -> Postings:
    """`lists` laid end to end as postings are, in their own order rather than sorted."""
    out = Postings()
    for key, numbers in lists.items():
        out.terms.append(key)
        out.data.extend(numbers)
        out.starts.append(len(out.data))
    return out


_COLUMNS = ("dates", "outlets", "langs", "negated")
INDEX_CODEC = Codec(encode=_index_sections, decode=_index_of)
store.keep_fresh(INDEX_NAME, build_index, version=INDEX_VERSION, extend=extend_index,
                 codec=INDEX_CODEC)


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

def _word_gains(index: SearchIndex, word: str, meant: dict[str, set[str]], *, named: bool):
    """A query word's weight and the gain each of its forms gives its claims, lowest first."""
    found = _candidates(index, word, meant, named=named)
    # A word weighs by how rare it is in any field, the same for all its forms, so that a
    # claim holding the word itself scores 100 for it and a look-alike less.
    exact = [f for f in found if f[0] >= 1.0] or found
    weight = _idf(index, sum(len(f[2]) for f in exact) if found else 1)
    # by gain alone: two equal gains must not go on to compare their claim lists
    gains = sorted(((weight * similarity * field_weight, claims)
                    for similarity, field_weight, claims in found), key=_first)
    return weight, gains


def _score(index: SearchIndex, words: list[tuple[str, bool]]):
    """Each claim's raw score (the query words it meets, weighted by rarity), and the score
    of a claim meeting every word exactly."""
    scores: dict[int, float] = {}
    weights = 0.0
    meant: dict[str, set[str]] = {"terms": set(), "parts": set(), "speakers": set()}
    for word, named in words:
        weight, gains = _word_gains(index, word, meant, named=named)
        weights += weight
        # Lowest gains first, so a claim keeps the best gain any form of the word gives it
        # (dict updates run in C; a loop per claim would not).
        best: dict[int, float] = {}
        for gain, claims in gains:
            best.update(dict.fromkeys(claims, gain))
        if not scores:
            scores = best
            continue
        for n, gain in best.items():
            scores[n] = scores.get(n, 0.0) + gain
    return scores, weights or 1.0, meant


def _score_apart(index, words: list[tuple[str, bool]]):
    """As _score, with the claims a word meets through their speaker (index.by_speaker, which
    may be a large share of the store) left unlisted: each such claim scores its speaker's
    sum of gains, returned apart (speaker ID -> score); a claim listed through its words gains
    per word the better of its own and its speaker's."""
    per_word: list[tuple[dict[int, float], dict[str, float]]] = []
    weights = 0.0
    meant: dict[str, set[str]] = {"terms": set(), "parts": set(), "speakers": set()}
    for word, named in words:
        weight, gains = _word_gains(index, word, meant, named=named)
        weights += weight
        best: dict[int, float] = {}
        spoken: dict[str, float] = {}
        for gain, claims in gains:  # lowest first: the best gain is the one kept
            speaker = getattr(claims, "speaker", None)
            if speaker is None:
                best.update(dict.fromkeys(claims, gain))
            else:
                spoken[speaker] = gain
        per_word.append((best, spoken))
    listed = set().union(*(best for best, _ in per_word))
    said = index.speakers_of(listed) if listed and any(s for _, s in per_word) else {}
    listed_of = _claims_by_speaker(said, {sid for _, spoken in per_word for sid in spoken})
    scores: dict[int, float] = {}
    by_speaker: dict[str, float] = {}
    for best, spoken in per_word:
        # Only the claims this word meets gain from it: its own, and the listed claims of the
        # speakers it names (a loop over every listed claim per word was most of a search).
        for n, gain in best.items():
            through = spoken.get(said.get(n)) if spoken else None
            if through is not None and through > gain:
                gain = through
            if gain:
                scores[n] = scores.get(n, 0.0) + gain
        for sid, gain in spoken.items():
            by_speaker[sid] = by_speaker.get(sid, 0.0) + gain
            if gain:
                for n in listed_of.get(sid, ()):
                    if n not in best:
                        scores[n] = scores.get(n, 0.0) + gain
    return scores, by_speaker, weights or 1.0, meant


def _claims_by_speaker(said: dict[int, str], wanted: set[str]) -> dict[str, list[int]]:
    """The listed claims (`said`: number -> speaker) of each speaker in `wanted`."""
    out: dict[str, list[int]] = defaultdict(list)
    if wanted:
        for n, sid in said.items():
            if sid in wanted:
                out[sid].append(n)
    return out


def _first(pair: tuple) -> float:
    return pair[0]


def _candidates(index: SearchIndex, word: str, meant: dict, *, named: bool) -> list[tuple]:
    """What `word` may stand for: (similarity, field weight, claim numbers) each."""
    out = []
    term = _term(word)
    if term:
        for found, similarity in _similar_terms(index, term) + _other_script(index, word, named):
            meant["terms"].add(found)
            for name in FIELDS:
                claims = index.postings[name].get(found)
                if claims:
                    out.append((similarity, FIELD_WEIGHT[name], claims))
    for sid, similarity in _speakers_named(index, word, meant):
        out.append((similarity, FIELD_WEIGHT["speaker"], index.by_speaker.get(sid, ())))
    return out


def _other_script(index: SearchIndex, word: str, named: bool) -> list[tuple[str, float]]:
    """Terms in the other script with the word's skeleton: only for words long enough (three
    consonants) or written with a capital, so that short common words do not cross over."""
    parts = names.parts(word)
    if len(parts) != 1 or not (named or len(parts[0].consonants) >= 3):
        return []
    arabic = is_arabic(word)
    found = index.skeletons.get(str(parts[0]))
    return [(t, CROSS_SCRIPT_SIMILARITY) for t in found.split("\n")
            if is_arabic(t) != arabic] if found else []


def _idf(index: SearchIndex, count: int) -> float:
    return math.log(1 + max(1, index.size) / max(1, count))


def _similar_terms(index: SearchIndex, term: str) -> list[tuple[str, float]]:
    """Vocabulary words that stand for `term`: itself, its spelling variants, prefixed forms."""
    if len(term) < 3:
        return [(term, 1.0)] if term in index.df else []
    # Two words this similar share a letter pair and differ in length by at most half: only
    # those are compared (the whole vocabulary would cost ~10 ms a word at 100,000 claims).
    shortest, longest = math.ceil(len(term) * 2 / 3), len(term) * 3 // 2
    choices = index.near(term, shortest, longest)
    found = process.extract(term, choices, scorer=fuzz.ratio, score_cutoff=MIN_SIMILARITY,
                            limit=50)
    return [(word, score / 100.0) for word, score, _ in found]


def _bigrams(word: str) -> set[str]:
    return {word[i:i + 2] for i in range(len(word) - 1)}


def _speakers_named(index: SearchIndex, word: str, meant: dict) -> list[tuple[str, float]]:
    """Speakers with a name word like `word`: (ID, similarity) each."""
    out: dict[str, float] = {}
    for part in names.parts(word):
        wanted = str(part)
        for skeleton, ids in index.parts_near(wanted):
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
    return list(out.items())


# Filters -------------------------------------------------------------------------------------

def _spoken_by(index: SearchIndex, speaker: str) -> set[int]:
    """Claims of the speaker(s) `speaker` names, in any spelling or script."""
    registry = Database.of({speakers.TABLE: index.speakers})
    ids = {r["id"] for r in speakers.matching(registry, speaker)}
    return {n for sid in ids for n in index.by_speaker.get(sid, ())}


def _filter(index: SearchIndex, *, outlet, since, until, lang, negated):
    """A test of one claim number against the filters given, or None when there are none."""
    tests = []
    if outlet is not None:
        tests.append(index.outlets.accepting(lambda v: fold(outlet) in v))
    if since is not None:
        tests.append(index.dates.accepting(lambda v: bool(v) and v >= since))
    if until is not None:
        tests.append(index.dates.accepting(lambda v: bool(v) and v[:len(until)] <= until))
    if lang is not None:
        tests.append(index.langs.accepting(lambda v: v == lang))
    if negated is not None:
        tests.append(index.negated.accepting(lambda v: v == negated))
    if not tests:
        return None
    return lambda n: all(test(n) for test in tests)


# Text ----------------------------------------------------------------------------------------

def _query_words(query: str) -> list[tuple[str, bool]]:
    """The query's folded words, stop words left out, each with whether it was capitalised."""
    return [(fold_word(m.group()), m.group()[:1].isupper()) for m in WORD_RE.finditer(query or "")
            if not _is_stopword(fold_word(m.group()))]


def _terms(text: str) -> list[str]:
    return [t for t in (_term(fold_word(m.group())) for m in WORD_RE.finditer(text)) if t]


@lru_cache(maxsize=200_000)
def _term(word: str) -> str:
    """normalize.terms for one folded word: its stem, or '' for a stop word."""
    return "" if _is_stopword(word) else stem(word)


def _is_stopword(word: str) -> bool:
    return word in rules_for("ar" if is_arabic(word) else "en").stopwords


def _field_text(claim: dict, name: str) -> str:
    if name == "content":
        return (claim.get("content") or {}).get("text") or ""
    return claim.get("context") or ""


def _date(claim: dict) -> str:
    return (claim.get("published") or claim.get("added") or "")[:10]
