"""The shape of every stored record, checked where records are read from a store or imported.

A record of the wrong shape (a claim without a content, a date as a number, a claim that is a
string) would otherwise surface as a traceback in whichever command touches it first, cron's
`add` and `watch` included. Each kind of record has one hand-written check here, a pure
function over the record's dict that names the first thing wrong with it; the store runs
them on what it reads, `claims import` on what it is given, and `claims doctor` lists and sets
aside what fails.

Fields a record may lack are checked only when present (records written by older versions
lack some); what the code reads without asking (a claim's content text, a review's history)
must be there.
"""

from collections.abc import Callable, Iterable, Iterator
from functools import cache
from numbers import Real
from typing import NamedTuple

META_TABLE = "_meta"
SCHEMA_RECORD = "schema"

Check = Callable[[dict], "str | None"]


class Problem(NamedTuple):
    """One bad record: its table, its key in the table (None: the table itself), what is wrong."""

    table: str
    key: str | None
    message: str

    def describe(self) -> str:
        if self.key is None:
            return f"table {self.table!r}: {self.message}"
        return f"{self.table} record {self.key!r}: {self.message}"


def refusal(where: str, problem: Problem) -> str:
    """What a store says when it meets a bad record: the record, and how to go on."""
    return (f"{where}: {problem.describe()}; run `claims doctor` to list every bad record, "
            f"`claims doctor --fix` to set them aside")


def problems(data: dict | Iterable[tuple[str, object]]) -> Iterator[Problem]:
    """Every bad table and record of a store's data (tables of records keyed by ID), in order:
    a dict of tables, or (name, table) pairs (a SQL store gives one table at a time)."""
    for table, records in (data.items() if isinstance(data, dict) else data):
        if not isinstance(records, dict):
            yield Problem(table, None, f"is {_kind(records)}, not a table of records")
            continue
        check = CHECKS.get(table, _any_record)
        for key in _doubtful(table, records):
            message = record_problem(table, key, records[key], check=check)
            if message:
                yield Problem(table, key, message)


def _doubtful(table: str, records: dict) -> list[str]:
    """The keys of records a fast look cannot pass: those the full check has to see."""
    plain = PLAIN.get(table)
    if plain is None:
        return list(records)
    return [key for key, record in records.items()
            if not (type(record) is dict and record.get("id") == key and plain(record))]


def first_problem(data: dict) -> Problem | None:
    return next(problems(data), None)


def record_problem(table: str, key: str | None, record, *,
                   check: Check | None = None) -> str | None:
    """What is wrong with one record stored under `key` in `table` (key None: not stored yet)."""
    if not isinstance(record, dict):
        return f"is {_kind(record)}, not a record"
    if table == META_TABLE:
        # Its records are keyed by name and carry no ID; only the schema record has a shape.
        return meta_problem(record) if key == SCHEMA_RECORD else None
    rid = record.get("id")
    if not isinstance(rid, str) or not rid:
        return f"`id` must be text, not {_kind(rid)}"
    if key is not None and rid != key:
        return f"is stored under {key!r} but its `id` is {rid!r}"
    return (check or CHECKS.get(table, _any_record))(record)


# Field checks: each returns what is wrong with a value, or None. ------------------------------

def _kind(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, Real):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _text_or_null(record: dict, *keys: str, where: str = "") -> str | None:
    for key in keys:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            return f"`{where}{key}` must be text or null, not {_kind(value)}"
    return None


def _flags(record: dict, *keys: str) -> str | None:
    for key in keys:
        value = record.get(key)
        if value is not None and not isinstance(value, bool):
            return f"`{key}` must be true or false, not {_kind(value)}"
    return None


def _texts(record: dict, *keys: str) -> str | None:
    for key in keys:
        value = record.get(key)
        if value is None:
            continue
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return f"`{key}` must be a list of text"
    return None


def _is_span(value) -> bool:
    # type(), not isinstance: true is an int to isinstance. (Also ~3x faster, and a store of
    # 100,000 claims checks half a million spans on every read.)
    return (type(value) is list and len(value) == 2 and type(value[0]) is int
            and type(value[1]) is int and 0 <= value[0] <= value[1])


def _span_or_null(record: dict, key: str, where: str) -> str | None:
    value = record.get(key)
    if value is not None and not _is_span(value):
        return f"`{where}{key}` must be [start, end] or null"
    return None


def _part(record: dict, key: str, *, required: bool, where: str = "") -> str | None:
    """A {"text", "span"} part of a claim (content, cue, mention, listener)."""
    part = record.get(key)
    if part is None and not required:
        return None
    if not isinstance(part, dict) or not isinstance(part.get("text"), str):
        return f"`{where}{key}` must have a text" + ("" if required else " or be null")
    # `show` marks a claim's content and cue by their spans
    if (required or "span" in part) and not _is_span(part.get("span")):
        return f"`{where}{key}.span` must be [start, end]"
    return None


def _entries(record: dict, key: str, check: Check) -> str | None:
    entries = record.get(key)
    if entries is None:
        return None
    if not isinstance(entries, list):
        return f"`{key}` must be a list, not {_kind(entries)}"
    for number, entry in enumerate(entries, 1):
        problem = check(entry) if isinstance(entry, dict) else f"is {_kind(entry)}"
        if problem:
            return f"`{key}` entry {number} {problem}"
    return None


# Record checks, one per table ------------------------------------------------------------------

SOURCE_FIELDS = ("url", "outlet", "published", "title", "path", "added")


def article_problem(record: dict) -> str | None:
    if not isinstance(record.get("text"), str):
        return f"`text` must be text, not {_kind(record.get('text'))}"
    return _text_or_null(record, "hash", "lang", *SOURCE_FIELDS)


_TEXT_OR_NULL = frozenset({str, type(None)})
_FLAG_OR_NULL = frozenset({bool, type(None)})
_CLAIM_TEXTS = ("lang", "modality", "context", *SOURCE_FIELDS)
_SPEAKER_TEXTS = ("name", "role", "kind", "id")


def _plain_claim(record: dict) -> bool:
    """Whether a claim has the shape `claim_problem` asks for, decided fast: the same rules
    written for the common case (every field there and of its type), so that checking a
    store of 100,000 claims costs a fraction of parsing it."""
    content, cue, speaker = record.get("content"), record.get("cue"), record.get("speaker")
    get = record.get
    return (type(content) is dict and type(cue) is dict and type(speaker) is dict
            and type(get("article")) is str
            # a claim corrected by hand (factcheck.edit) has its parts as first extracted
            # too: the full check looks at them
            and "original" not in content and "original" not in cue
            and "original" not in speaker and get("context_original") is None
            and type(content.get("text")) is str and type(cue.get("text")) is str
            and _is_span(content.get("span")) and _is_span(cue.get("span"))
            and ("parts" not in content or _parts_of_content(content) is None)
            and _plain_part(get("listener"))
            and _TEXT_OR_NULL.issuperset(map(type, map(get, _CLAIM_TEXTS)))
            and type(get("direct")) in _FLAG_OR_NULL and type(get("negated")) in _FLAG_OR_NULL
            and _is_span(get("sentence_span"))
            and (get("context_span") is None or _is_span(get("context_span")))
            and _TEXT_OR_NULL.issuperset(map(type, map(speaker.get, _SPEAKER_TEXTS)))
            and (speaker.get("span") is None or _is_span(speaker["span"]))
            and _plain_part(speaker.get("mention")))


def _plain_part(part) -> bool:
    return part is None or (type(part) is dict and type(part.get("text")) is str
                            and _is_span(part.get("span")))


def claim_problem(record: dict) -> str | None:
    # `or`, not a list: each check may rely on the ones before it (content is a dict).
    return (_part(record, "content", required=True)
            or _part(record, "cue", required=True)
            or _speaker_of_claim(record.get("speaker"))
            or _parts_of_content(record["content"])
            or _part(record, "listener", required=False)
            or _article_of_claim(record.get("article"))
            or _text_or_null(record, *_CLAIM_TEXTS)
            or _flags(record, "direct", "negated")
            or _span_or_null(record, "sentence_span", "")
            or _span_or_null(record, "context_span", "")
            or _originals(record))


def _originals(record: dict) -> str | None:
    """The parts of a claim corrected by hand, as first extracted (factcheck.edit): an undo
    back to them puts their spans back."""
    for where, part in (("content.", record["content"]), ("cue.", record["cue"]),
                        ("speaker.", record["speaker"])):
        problem = _part(part, "original", required=False, where=where)
        if problem:
            return problem
    return (_part(record, "context_original", required=False)
            or _part(record["speaker"].get("original") or {}, "mention", required=False,
                     where="speaker.original.")
            or _parts_of_content(record["content"].get("original") or {}))


def _article_of_claim(article) -> str | None:
    # `show` reads the claim's sentence from it; every claim stored comes from an article.
    if type(article) is not str:
        return f"`article` must be the ID of its article, not {_kind(article)}"
    return None


def _speaker_of_claim(speaker) -> str | None:
    if not isinstance(speaker, dict):
        return f"`speaker` must be an object, not {_kind(speaker)}"
    return (_text_or_null(speaker, "name", "role", "kind", "id", where="speaker.")
            or _span_or_null(speaker, "span", "speaker.")
            or _part(speaker, "mention", required=False, where="speaker."))


def _parts_of_content(content: dict) -> str | None:
    parts = content.get("parts")
    if parts is not None and not (isinstance(parts, list) and all(map(_is_span, parts))):
        return "`content.parts` must be a list of [start, end]"
    return None


def speaker_problem(record: dict) -> str | None:
    names = record.get("names")
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        return "`names` must be a list of text"
    if not isinstance(record.get("roles"), list):
        return f"`roles` must be a list of text, not {_kind(record.get('roles'))}"
    return (_texts(record, "roles") or _text_or_null(record, "key", "kind", "first", "last")
            or _entries(record, "merged", _merge_problem))


def _merge_problem(entry: dict) -> str | None:
    # What `speakers split` needs to undo a merge.
    gone = entry.get("speaker")
    if not isinstance(gone, dict) or speaker_problem(gone) or not isinstance(gone.get("id"), str):
        return "has no whole speaker record"
    if not all(isinstance(entry.get(k), list) for k in ("claims", "added_names", "added_roles")):
        return "needs claims, added_names and added_roles lists"
    return None


def _history_entry(entry: dict) -> str | None:
    if not isinstance(entry.get("at"), str):
        return "has no time (`at`)"
    if not isinstance(entry.get("by"), str):
        return "says nobody (`by`)"
    return _text_or_null(entry, "action", "note")


def review_problem(record: dict) -> str | None:
    verdict = record.get("verdict")
    if verdict is not None and (type(verdict) is not str or verdict not in _verdicts()):
        return f"`verdict` {verdict!r} is not a verdict"
    status = record.get("status")
    if status is not None and (type(status) is not str or status not in _review_statuses()):
        return f"`status` {status!r} is not a review status"
    if not isinstance(record.get("history"), list):
        return f"`history` must be a list, not {_kind(record.get('history'))}"
    if record.get("claim") != record["id"]:
        return (f"`claim` must be the claim it reviews ({record['id']!r}), "
                f"not {record.get('claim')!r}")
    return (_text_or_null(record, "claim", "rating_label", "note", "url", "reviewer",
                          "reviewed", "first_reviewed", "assignee", "title", "summary", "lang")
            or _entries(record, "history", _review_change))


def _review_change(entry: dict) -> str | None:
    changes = entry.get("changes")
    if not isinstance(changes, dict) or not all(
            isinstance(v, list) and len(v) == 2 for v in changes.values()):
        return "needs `changes`, each field as [old, new]"
    # An undo puts the old values back: each must be what the field may hold.
    for field, values in changes.items():
        problem = _review_field(field, values[0]) or _review_field(field, values[1])
        if problem:
            return f"changes `{field}` to {problem}"
    return _history_entry(entry)


def _review_field(field: str, value) -> str | None:
    if value is None:
        return None
    if type(value) is not str:
        return _kind(value)
    if field == "verdict" and value not in _verdicts():
        return f"{value!r}, not a verdict"
    if field == "status" and value not in _review_statuses():
        return f"{value!r}, not a review status"
    return None


def contradiction_problem(record: dict) -> str | None:
    for key in ("a", "b"):
        if not isinstance(record.get(key), str):
            return f"`{key}` must be a claim ID, not {_kind(record.get(key))}"
    status = record.get("status")
    if type(status) is not str or status not in _statuses():
        return f"`status` {status!r} is not a status"
    score = record.get("score")
    if isinstance(score, bool) or not isinstance(score, Real):
        return f"`score` must be a number, not {_kind(score)}"
    if not isinstance(record.get("reasons"), list):
        return f"`reasons` must be a list of text, not {_kind(record.get('reasons'))}"
    return (_text_or_null(record, "relation", "created") or _texts(record, "reasons")
            or _entries(record, "history", _history_entry))


def edit_problem(record: dict) -> str | None:
    """A claim's corrections (factcheck.edit): kept as a review's history is."""
    if not isinstance(record.get("history"), list):
        return f"`history` must be a list, not {_kind(record.get('history'))}"
    return (_text_or_null(record, "claim", "edited", "editor")
            or _entries(record, "history", _edit_change))


def _edit_change(entry: dict) -> str | None:
    changes = entry.get("changes")
    if not isinstance(changes, dict) or not all(
            isinstance(v, list) and len(v) == 2 for v in changes.values()):
        return "needs `changes`, each field as [old, new]"
    return _history_entry(entry)


def tombstone_problem(record: dict) -> str | None:
    """A deleted claim (factcheck.edit): the claim as it was, who deleted it and when."""
    if not isinstance(record.get("claim"), dict):
        return f"`claim` must be the deleted claim, not {_kind(record.get('claim'))}"
    return _history_entry(record)


def factcheck_problem(record: dict) -> str | None:
    """A fact-check published elsewhere (factcheck.factchecks): the claim it reviewed, as text."""
    if not isinstance(record.get("claim"), str) or not record["claim"]:
        return f"`claim` must be the claim reviewed, not {_kind(record.get('claim'))}"
    return _text_or_null(record, "url", "lang", "rating", "publisher", "date", "claimant",
                         "claim_date", "title", "publisher_site", "appearance")


def meta_problem(record: dict) -> str | None:
    """The `_meta` table's schema record: the version the store was written in."""
    version = record.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        return f"`version` must be a whole number, not {_kind(version)}"
    return None


def _any_record(record: dict) -> str | None:
    return None  # a table this version does not know: its records need only an ID


def source_problem(record: dict) -> str | None:
    """What `watch` keeps of a source between runs (its validators go into the next request)."""
    return _text_or_null(record, "source", "checked", "kind", "error", "ok", "etag",
                         "last_modified")


def seen_problem(record: dict) -> str | None:
    """An item `watch` has seen: an identity key and the article it became."""
    return _text_or_null(record, "key", "source", "article", "at")


CHECKS: dict[str, Check] = {
    "articles": article_problem,
    "claims": claim_problem,
    "speakers": speaker_problem,
    "reviews": review_problem,
    "contradictions": contradiction_problem,
    "sources": source_problem,
    "seen": seen_problem,
    "edits": edit_problem,
    "deleted": tombstone_problem,
    "factchecks": factcheck_problem,
}


# Fast looks that pass most good records of a kind (each must pass only what its check passes).
PLAIN: dict[str, Callable[[dict], bool]] = {
    "claims": _plain_claim,
}


@cache
def _verdicts() -> frozenset[str]:
    # Imported when first needed: review and contradict import the store, which imports this.
    from factcheck.review import Verdict

    return frozenset(v.value for v in Verdict)


@cache
def _review_statuses() -> frozenset[str]:
    from factcheck.review import Status

    return frozenset(s.value for s in Status)


@cache
def _statuses() -> frozenset[str]:
    from factcheck.contradict import Status

    return frozenset(s.value for s in Status)
