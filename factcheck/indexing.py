"""The SQL stores' search and matching indexes, kept as tables beside the claims.

A claim inserted into a SQL store (factcheck.sqlstore) adds, in the same transaction, its
terms per field (search), its index keys (match.claim_forms) and any new vocabulary word; a
speaker written replaces its name parts. So the first search after `watch` costs what any other
does, and nothing kept outside the store can run code.

Postings are rows of (term, claim numbers packed as 32-bit integers), one row per write that
added some: a write never rewrites what another stored, so concurrent writers never contend
for a hot term's row, and a search reads only the rows of the words it meets.

A query word meets the vocabulary words of similar length that share its first two or its last
two letters (the in-memory index of a JSON store compares every word sharing a letter pair):
a spelling variant keeps one end of the word, and this is what keeps a fuzzy lookup among the
vocabulary of a million claims to a few thousand comparisons.
"""

import hashlib
import math
import sys
from array import array
from collections import defaultdict

import orjson

from factcheck import match, names, search, speakers
from factcheck.normalize import fold

# Posting lists are read and written little-endian whatever the machine.
_SWAP = sys.byteorder == "big"
_CHUNK = 5000  # numbers per IN (...) list
# Past this many tied claims, the newest are found by walking the claims by date instead.
_WALK_FROM = 20_000


def pack(numbers) -> bytes:
    values = array("I", numbers)
    if _SWAP:
        values.byteswap()
    return values.tobytes()


def unpack(blobs) -> array:
    values = array("I")
    for blob in blobs:
        values.frombytes(bytes(blob))
    if _SWAP:
        values.byteswap()
    return values


def entries(numbered: list[tuple[int, dict]], firsts: set[int]):
    """The index rows of numbered claims: (field, term) -> numbers, form -> numbers (of the
    claims in `firsts`, each the first to make its statement), terms."""
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    forms: dict[str, list[int]] = defaultdict(list)
    terms: set[str] = set()
    for n, claim in numbered:
        for field, found in search.claim_terms(claim).items():
            for term in found:
                postings[(field, term)].append(n)
            terms |= found
        if n in firsts:
            for form in match.claim_forms(claim):
                forms[form].append(n)
    return postings, forms, terms


def statement_digest(claim: dict) -> str:
    """The same text for two claims making one statement (match.statement_key): the matching
    index is over statements, as match.Index is, so a wire story many outlets carry is one
    entry and does not make its own words look common."""
    key = orjson.dumps(list(match.statement_key(claim)))
    return hashlib.blake2b(key, digest_size=10).hexdigest()


def term_row(term: str) -> tuple:
    return (term, len(term), term[::-1], names.key(term) or None)


def name_parts(record: dict) -> set[str]:
    return {str(p) for name in record.get("names") or [] for p in names.parts(name)}


def _after(prefix: str) -> str:
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _chunks(items: list, size: int = _CHUNK):
    for start in range(0, len(items), size):
        yield items[start:start + size]


class _Has:
    def __init__(self, tables: "SearchTables"):
        self.tables = tables

    def __contains__(self, term: str) -> bool:
        return self.tables.conn.value("SELECT 1 FROM terms WHERE term = ?", (term,)) is not None


class _Skeletons:
    def __init__(self, tables: "SearchTables"):
        self.tables = tables

    def get(self, skeleton: str) -> str | None:
        found = [t for (t,) in self.tables.conn.rows(
            "SELECT term FROM terms WHERE skeleton = ? ORDER BY term", (skeleton,))]
        return "\n".join(found) or None


class _FieldPostings:
    def __init__(self, tables: "SearchTables", field: str):
        self.tables, self.field = tables, field

    def get(self, term: str) -> array:
        return self.tables.posting(self.field, term)


class SpeakerClaims:
    """The claims of one speaker as search meets them: counted (speaker_counts), listed only
    if asked (a speaker may hold a large share of the store; search.score_apart ranks them by
    the speaker's score, through SearchTables.best, without listing them)."""

    def __init__(self, tables: "SearchTables", speaker: str):
        self.tables, self.speaker = tables, speaker
        self.count = int(tables.conn.value(
            "SELECT n FROM speaker_counts WHERE speaker = ?", (speaker,)) or 0)

    def __len__(self) -> int:
        return self.count

    def __iter__(self):
        return iter([n for (n,) in self.tables.conn.rows(
            "SELECT n FROM claims WHERE speaker = ?", (self.speaker,))])


class _BySpeaker:
    def __init__(self, tables: "SearchTables"):
        self.tables = tables

    def get(self, sid: str, default=()) -> SpeakerClaims:
        return SpeakerClaims(self.tables, sid)


class SearchTables:
    """What search asks of its index (search.SearchIndex), answered from a SQL store's
    tables: vocabulary, postings, name parts, and the claims' filter columns."""

    def __init__(self, db):
        self.db, self.conn = db, db.conn
        self.size = self.conn.value("SELECT COALESCE(MAX(n), 0) FROM claims") or 0
        self.df = _Has(self)
        self.skeletons = _Skeletons(self)
        self.postings = {field: _FieldPostings(self, field) for field in search.FIELDS}
        self.by_speaker = _BySpeaker(self)
        self._postings: dict[str, dict[str, array]] = {}

    def near(self, term: str, shortest: int, longest: int) -> list[str]:
        """Vocabulary words of length shortest..longest sharing the first or last two letters."""
        head, tail = term[:2], term[::-1][:2]
        return [t for (t,) in self.conn.rows(
            "SELECT term FROM terms WHERE len BETWEEN ? AND ? AND ((term >= ? AND term < ?) "
            "OR (rterm >= ? AND rterm < ?))",
            (shortest, longest, head, _after(head), tail, _after(tail)))]

    def posting(self, field: str, term: str) -> array:
        found = self._postings.get(term)
        if found is None:
            rows: dict[str, list] = defaultdict(list)
            for name, blob in self.conn.rows(
                    "SELECT field, claims FROM postings WHERE term = ?", (term,)):
                rows[name].append(blob)
            found = self._postings[term] = {name: unpack(b) for name, b in rows.items()}
        return found.get(field, array("I"))

    def parts_near(self, wanted: str):
        """Name parts equal to `wanted` or (four letters or more) one edit from it: those
        keep its first two letters or its last two."""
        if len(wanted) >= 4:
            head, tail = wanted[:2], wanted[::-1][:2]
            rows = self.conn.rows(
                "SELECT part, speaker FROM name_parts WHERE (part >= ? AND part < ?) "
                "OR (rpart >= ? AND rpart < ?)", (head, _after(head), tail, _after(tail)))
        else:
            rows = self.conn.rows("SELECT part, speaker FROM name_parts WHERE part = ?",
                                  (wanted,))
        grouped: dict[str, set[str]] = defaultdict(set)
        for part, sid in rows:
            grouped[part].add(sid)
        return grouped.items()

    def spoken(self, speaker: str) -> set[int]:
        """The numbers of the claims of the speakers `speaker` names."""
        ids = sorted(speakers.ids_named(self.db, speaker))
        out: set[int] = set()
        for chunk in _chunks(ids):
            inside, params = self.conn.among(chunk)
            out.update(n for (n,) in self.conn.rows(
                f"SELECT n FROM claims WHERE speaker {inside}", params))
        return out

    @staticmethod
    def where(*, outlet, since, until, lang, negated) -> tuple[str, tuple]:
        """The filters as a SQL condition on claims, and its parameters."""
        conditions, params = [], []
        if outlet is not None:
            wanted = fold(outlet).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            conditions.append("outlet LIKE ? ESCAPE '\\'")
            params.append(f"%{wanted}%")
        if since is not None:
            conditions.append("day <> '' AND day >= ?")
            params.append(since)
        if until is not None:
            conditions.append("day <> '' AND substr(day, 1, ?) <= ?")
            params += [len(until), until]
        if lang is not None:
            conditions.append("lang = ?")
            params.append(lang)
        if negated is not None:
            conditions.append("negated = ?")
            params.append("1" if negated else "0")
        return " AND ".join(conditions), tuple(params)

    def newest(self, among: set[int] | None, limit: int, where: tuple[str, tuple]) -> list[int]:
        """The newest `limit` claims (by day, then as stored) passing the filters."""
        condition, params = where
        if among is None:
            clause = f" WHERE {condition}" if condition else ""
            return [n for (n,) in self.conn.rows(
                f"SELECT n FROM claims{clause} ORDER BY day DESC, n LIMIT ?", (*params, limit))]
        return [n for n, _ in self._newest_of(sorted(among), limit, where)]

    def _newest_of(self, numbers: list[int], limit: int, where) -> list[tuple[int, str]]:
        condition, params = where
        if len(numbers) > _WALK_FROM:
            return self._newest_walking(set(numbers), limit, where)
        extra = f" AND {condition}" if condition else ""
        found: list[tuple[int, str]] = []
        for chunk in _chunks(numbers):
            inside, among = self.conn.among(chunk)
            found += self.conn.rows(
                f"SELECT n, day FROM claims WHERE n {inside}{extra} "
                "ORDER BY day DESC, n LIMIT ?", (*among, *params, limit))
        found.sort(key=lambda row: (_Desc(row[1]), row[0]))
        return found[:limit]

    def _newest_walking(self, numbers: set[int], limit: int, where) -> list[tuple[int, str]]:
        """As _newest_of for a large share of the store (a speaker's every claim ties on
        one name): the claims newest first, until `limit` of them are among `numbers`."""
        condition, params = where
        clause = f" WHERE {condition}" if condition else ""
        found: list[tuple[int, str]] = []
        offset = 0
        while len(found) < limit:
            rows = self.conn.rows(f"SELECT n, day FROM claims{clause} ORDER BY day DESC, n "
                                  "LIMIT ? OFFSET ?", (*params, _CHUNK, offset))
            if not rows:
                break
            found += [row for row in rows if row[0] in numbers]
            offset += _CHUNK
        return found[:limit]

    def best(self, scores: dict[int, float], limit: int, where,
             speakers: dict[str, float] | None = None) -> list[tuple[int, float]]:
        """The `limit` best scores passing the filters, the newest first among equals.
        `speakers`: the score of every claim of these speakers not in `scores` (read from
        the claims by speaker and date, as far as the ranking needs)."""
        by_score: dict[float, list[int]] = defaultdict(list)
        for n, score in scores.items():
            by_score[score].append(n)
        spoken_at: dict[float, list[str]] = defaultdict(list)
        for sid, score in (speakers or {}).items():
            spoken_at[score].append(sid)
        out: list[tuple[int, float]] = []
        for score in sorted(set(by_score) | set(spoken_at), reverse=True):
            wanted = limit - len(out)
            found = self._newest_of(sorted(by_score.get(score, ())), wanted, where)
            for sid in sorted(spoken_at.get(score, ())):
                found += self._newest_spoken(sid, wanted, where, scores)
            found.sort(key=lambda row: (_Desc(row[1]), row[0]))
            out += [(n, score) for n, _ in found[:wanted]]
            if len(out) >= limit:
                break
        return out

    def _newest_spoken(self, sid: str, limit: int, where, skip) -> list[tuple[int, str]]:
        """The newest `limit` claims of the speaker passing the filters, but those in `skip`."""
        condition, params = where
        extra = f" AND {condition}" if condition else ""
        found: list[tuple[int, str]] = []
        offset, step = 0, max(limit * 2, 100)
        while len(found) < limit:
            rows = self.conn.rows(f"SELECT n, day FROM claims WHERE speaker = ?{extra} "
                                  "ORDER BY day DESC, n LIMIT ? OFFSET ?",
                                  (sid, *params, step, offset))
            found += [row for row in rows if row[0] not in skip]
            if len(rows) < step:
                break
            offset += step
        return found[:limit]

    def speakers_of(self, numbers) -> dict[int, str]:
        """The speaker ID of each of these claims (numbers)."""
        out: dict[int, str] = {}
        for chunk in _chunks(sorted(numbers)):
            inside, params = self.conn.among(chunk)
            out.update(self.conn.rows(f"SELECT n, speaker FROM claims WHERE n {inside}", params))
        return out

    def claims(self, numbers: list[int]) -> dict[int, dict]:
        out: dict[int, dict] = {}
        load = self.db.claims.load
        for chunk in _chunks(list(numbers)):
            inside, params = self.conn.among(chunk)
            for n, rid, doc in self.conn.rows(f"SELECT n, id, doc FROM claims WHERE n {inside}",
                                              params):
                out[n] = load(rid, doc)
        return out


class _Desc(str):
    def __lt__(self, other: str) -> bool:
        return str.__gt__(self, other)


class Frequencies:
    """How many stored claims hold each index key, and how many claims there are: the weights
    match.Index gives words when it indexes only the candidates."""

    def __init__(self, conn, size: int, pending: dict[str, int] | None = None):
        """`pending`: counts this transaction adds at its commit (sqlstore.SharedWrites)."""
        self.conn, self.size, self.pending = conn, size, pending or {}
        self.counts: dict[str, int] = {}
        # The index keys of the candidates found (match.Forms), for the Index over them.
        self.forms: dict[bytes, tuple[str, ...]] = {}

    def count(self, form: str) -> int:
        found = self.counts.get(form)
        if found is None:
            self.fetch([form])
            found = self.counts[form]
        return found

    def fetch(self, forms) -> None:
        wanted = sorted(set(forms) - set(self.counts))
        for chunk in _chunks(wanted):
            inside, params = self.conn.among(chunk)
            found = dict(self.conn.rows(f"SELECT form, n FROM form_counts WHERE form {inside}",
                                        params))
            for form in chunk:
                self.counts[form] = int(found.get(form) or 0) + self.pending.get(form, 0)


def matching_claims(db, claims: list[dict]) -> tuple[list[dict], Frequencies]:
    """The stored claims sharing the most rare index keys with each of `claims` (as many as
    match.Index weighs, and more), in the order stored, with the store's frequencies."""
    import numpy as np

    conn = db.conn
    size = int(conn.value("SELECT value FROM meta WHERE key = 'statements'") or 0) \
        + db.shared.statements
    frequencies = Frequencies(conn, size, db.shared.forms)
    if not size or not claims:
        return [], frequencies
    common = max(50, int(size * match.COMMON_SHARE))
    read = [match.read_claim(c) for c in claims]
    wanted = {n: s.forms | s.key_set for n, s in enumerate(read)}
    everything = sorted(set().union(*wanted.values()))
    postings: dict[str, array] = {}
    frequencies.fetch(everything)
    rare = [f for f in everything if 0 < frequencies.count(f) <= common]
    rows: dict[str, list] = defaultdict(list)
    for chunk in _chunks(rare):
        inside, params = conn.among(chunk)
        for form, blob in conn.rows(f"SELECT form, claims FROM forms WHERE form {inside}",
                                    params):
            rows[form].append(blob)
    postings = {form: unpack(blobs) for form, blobs in rows.items()}
    chosen: set[int] = set()
    keep = match.LIMIT * match.WEIGHED_PER_KEPT * 4
    for forms in wanted.values():
        arrays = [np.frombuffer(postings[f], dtype=np.uint32) for f in sorted(forms)
                  if f in postings]
        if not arrays:
            continue
        weights = [math.log((size + 2) / (frequencies.count(f) + 1)) + 0.1
                   for f in sorted(forms) if f in postings]
        chosen.update(heaviest(np, arrays, weights, keep))
    stored = _copies(db, sorted(chosen))
    frequencies.forms = match.forms_of_claims(stored)
    frequencies.fetch(f for forms in frequencies.forms.values() for f in forms)
    return stored, frequencies


def heaviest(np, arrays: list, weights: list[float], keep: int) -> list[int]:
    """The `keep` claim numbers of the greatest summed weight over the posting arrays, the
    lowest number first among equals, selected in linear time. Weights are summed rarest key
    first, whichever way they are found, so that equal sums are equal to the bit."""
    order = sorted((i for i, a in enumerate(arrays) if len(a)), key=lambda i: -weights[i])
    arrays, weights = [arrays[i] for i in order], [weights[i] for i in order]
    if all(bool(np.all(a[1:] > a[:-1])) for a in arrays):
        held, values = _within_reach(np, arrays, weights, keep)
    else:  # a list out of order: summed whole
        mass = np.bincount(np.concatenate(arrays), np.repeat(weights, [len(a) for a in arrays]))
        held = np.flatnonzero(mass)  # ascending: ties are then taken lowest number first
        values = mass[held]
    if len(held) <= keep:
        return [int(n) for n in held]
    cut = np.partition(values, len(values) - keep)[len(values) - keep]
    above = held[values > cut]
    tied = held[values == cut][:keep - len(above)]
    return [int(n) for n in np.concatenate((above, tied))]


def _within_reach(np, arrays: list, weights: list[float], keep: int):
    """The numbers that may still be among the `keep` heaviest, ascending, with their summed
    weights; `arrays` sorted, each number once, the rarest key first.

    The common keys hold most of the numbers but weigh least (a key a fifth of the store
    holds puts 200,000 numbers here at 1M claims). Once the rarer keys give `keep` numbers
    more than all the commoner keys together could add, a number the rarer keys never met
    cannot reach the cut; once few numbers are left that can, only those are looked up in
    the common keys' lists instead of summing the lists whole."""
    left = [sum(weights[j:]) for j in range(len(weights))] + [0.0]
    mass = np.zeros(max(int(a[-1]) for a in arrays) + 1) if arrays else np.zeros(0)
    done, reach, floor = 0.0, None, 0.0
    for j, (numbers, weight) in enumerate(zip(arrays, weights, strict=True)):
        mass[numbers] += weight  # each number once in a list, so no addition is lost
        done, rest = done + weight, left[j + 1]
        # Nothing is set aside while the keys summed weigh no more than those left, nor
        # before those left weigh less than the floor last found (it only rises).
        if rest >= done or not rest or (reach is None and rest >= floor > 0):
            continue
        among = np.flatnonzero(mass) if reach is None else reach
        if len(among) < keep:
            continue
        partial = mass[among]
        floor = np.partition(partial, len(partial) - keep)[len(partial) - keep]
        slack = 1e-9 * (floor + rest)  # rounding, whatever the order of the sums
        if rest + slack >= floor:
            continue
        reach = among[partial + rest + slack >= floor]
        later = arrays[j + 1:]
        if len(reach) * len(later) * _LOOKUP_COST <= sum(len(a) for a in later):
            return reach, _plus_later(np, mass[reach], reach, later, weights[j + 1:])
    held = np.flatnonzero(mass) if reach is None else reach
    return held, mass[held]


# A number looked up in a sorted list costs about this many numbers of a list summed whole.
_LOOKUP_COST = 8


def _plus_later(np, summed, numbers, arrays: list, weights: list[float]):
    """`summed` (the weights of `numbers` so far) plus the weight of each list holding them,
    added in the lists' order, as summing them whole adds them."""
    for held, weight in zip(arrays, weights, strict=True):
        at = np.searchsorted(held, numbers).clip(max=len(held) - 1)
        summed = summed + np.where(held[at] == numbers, weight, 0.0)
    return summed


def _copies(db, firsts: list[int]) -> list[dict]:
    """Every claim making the statements these claims first made, in the order stored."""
    statements: list[str] = []
    for chunk in _chunks(firsts):
        inside, params = db.conn.among(chunk)
        statements += [d for (d,) in db.conn.rows(
            f"SELECT statement FROM claims WHERE n {inside}", params)]
    rows = []
    for chunk in _chunks(sorted(set(statements))):
        inside, params = db.conn.among(chunk)
        rows += db.conn.rows(f"SELECT n, id, doc FROM claims WHERE statement {inside}", params)
    rows.sort()
    return [db.claims.load(rid, doc) for _, rid, doc in rows]
