"""The speaker registry: one record per person or body, with every name seen for it.

A record is {"id", "key", "kind", "names" (every spelling seen, in every script), "roles",
"first", "last", "merged" (what `split` needs to undo each merge)}. A new name joins the speaker
whose names it matches by factcheck.names (Peskov, بيسكوف, Dmitry Peskov are one record); a
person corrects the registry with alias, merge and split. Every stored claim points to its
record through claim["speaker"]["id"]; claim counts are derived from the claims, never stored.

An unnamed source ("a diplomatic source", "officials", مصدر مطلع: its head word is one of the
language's `unnamed` words) is nobody in particular: the same words in another story are
another source. Its record belongs to the article it was read in ("article": the article's
ID), is found again only there, and never joins or takes in a named speaker.

A title with no name (kind "role": "minister", الوزير) is no name at all: its consonant skeleton
means nothing, so it meets only the same title as written, and a person never meets it. Read as
a surname, "minister" would be منصور with one consonant more.
"""

import hashlib
import weakref
from dataclasses import dataclass

from factcheck import dates, names
from factcheck.errors import AmbiguousID, InputError, NotFound
from factcheck.lexicon import lexicon
from factcheck.normalize import fold, is_arabic, words
from factcheck.store import Database

TABLE = "speakers"
ROLE = "role"  # the claim speaker kind of a title with no name
# Past this many speakers a name that meets no candidate by surname is taken as new rather
# than compared with every record (registration stays fast at 100,000 claims).
_FULL_SCAN_LIMIT = 2000


def speaker_key(name: str) -> str:
    """The folded name, spaces tidied (kept for callers comparing names as written)."""
    return " ".join(fold(name).split())


@dataclass
class _Index:
    """Where registration looks for candidates: exact folded names and titles, surnames, joined
    skeletons."""

    size: int
    by_name: dict[str, str]
    by_surname: dict[str, set[str]]
    by_title: dict[str, str]  # apart from names: a name and a title may be spelled alike
    unnamed: dict[str, set[str]]  # unnamed sources, one record per article, by folded name


_indexes: "weakref.WeakKeyDictionary[Database, _Index]" = weakref.WeakKeyDictionary()


def register(db: Database, name: str, *, role: str | None = None, seen: str | None = None,
             kind: str = "person", article: str | None = None) -> str:
    """The registry ID for `name`, creating or updating its record; `kind` is the claim's
    speaker kind (person, body or role), `article` the ID of the article it was read in."""
    table = db.table(TABLE)
    if article and is_unnamed(name):
        record = table.get(_unnamed_id(name, article)) or {
            "id": _unnamed_id(name, article), "key": speaker_key(name), "kind": kind,
            "article": article, "names": [], "roles": [], "first": seen, "last": seen,
            "merged": []}
    else:
        found = _scored(db, name, titled=kind == ROLE)
        record = found[0][1] if found else None
    if record is None:
        key = speaker_key(name) if kind == ROLE else names.key(name)
        record = {"id": _new_id(db, key or speaker_key(name)), "key": key, "kind": kind,
                  "names": [], "roles": [], "first": seen, "last": seen, "merged": []}
    sid = record["id"]

    def seen_again(stored: dict | None) -> dict:
        # Made again on the record as stored when the write commits: what another writer
        # added to it meanwhile stays.
        out = {**(stored or record)}
        out["names"], out["roles"] = list(out["names"]), list(out["roles"])
        _add_unique(out["names"], [name])
        if role:
            _add_unique(out["roles"], [role])
        if seen:
            out["first"] = min(filter(None, [out.get("first"), seen]))
            out["last"] = max(filter(None, [out.get("last"), seen]))
        return out

    table.change(sid, seen_again, moved=None if record.get("article") else _moved(
        db, sid, name, kind, record.get("merged"), seen_again))
    _remember(db, table.get(sid))
    return sid


def _moved(db: Database, sid: str, name: str, kind: str, merges, change):
    """Whether `name`, read as speaker `sid`, stands for another speaker now that a writer has
    merged or split `sid` (its merges differ from `merges`, or it is gone) since: then this
    transaction's claims under that name go to the speaker it stands for now, with `change`,
    as if the merge or split had come first. A speaker removed otherwise is stored again."""

    def moved(stored: dict | None) -> bool:
        if stored is not None and stored.get("merged") == merges:
            return False
        _indexes.pop(db, None)
        found = _scored(db, name, titled=kind == ROLE)
        now = found[0][1] if found else None
        if now is None or now["id"] == sid:
            if stored is None:
                db.table(TABLE).change(sid, change)
                return True
            return False
        _point_claims(db, [c["id"] for c in db.claims_by_speakers([sid])
                           if (c.get("speaker") or {}).get("name") == name], now["id"])
        db.table(TABLE).change(now["id"], change, moved=_moved(
            db, now["id"], name, kind, now.get("merged"), change))
        return True

    return moved


def is_unnamed(name: str) -> bool:
    """Whether a speaker's name names nobody in particular: "a source", مصادر مطلعة."""
    folded = words(name)
    if not folded:
        return False
    rules = lexicon("ar" if is_arabic(name) else "en")
    if rules.lang == "ar":
        return folded[0] in rules.unnamed
    heads = [i for i, w in enumerate(folded) if w in rules.unnamed]
    return any(i == len(folded) - 1 or folded[i + 1] in rules.unnamed_after for i in heads)


def _unnamed_id(name: str, article: str) -> str:
    seed = f"{speaker_key(name)}\x00{article}"
    return hashlib.blake2b(seed.encode(), digest_size=5).hexdigest()


def resolve_id(db: Database, name: str) -> str | None:
    """The ID of the speaker `name` stands for, or None when no one in the registry matches."""
    found = matching(db, name)
    return found[0]["id"] if found else None


def matching(db: Database, name: str) -> list[dict]:
    """Speakers `name` may stand for, the surest first (a surname alone may match several)."""
    return [record for _, record in _scored(db, name)]


def find(db: Database, name_or_id: str) -> dict:
    """The one speaker a name or ID (prefix) stands for; an error if none or several."""
    table = db.table(TABLE)
    record = table.get(name_or_id.strip().lower())
    if record is not None:
        return record
    found = _scored(db, name_or_id)
    if not found:
        try:
            return table.resolve(name_or_id)
        except (NotFound, AmbiguousID):
            raise NotFound(f"no speaker named {name_or_id!r}") from None
    best = [r for score, r in found if score == found[0][0]]
    if len(best) > 1:
        shown = ", ".join(f"{r['id']} ({r['names'][0]})" for r in best[:5])
        raise AmbiguousID(f"{name_or_id!r} names {len(best)} speakers: {shown}; use an ID")
    return best[0]


def _scored(db: Database, name: str, *, titled: bool | None = None) -> list[tuple[float, dict]]:
    """Records `name` may stand for, best first. `titled` says whether the name is a title
    (True), a name (False) or unknown, as in a user's query (None): a title meets only
    titles and only as written; a name never meets a title."""
    table = db.table(TABLE)
    index = _index(db)
    exact = table.get(_exact_id(index, speaker_key(name), titled) or "")
    if exact is not None:
        return [(2.0, exact)]
    if titled is None and speaker_key(name) in index.unnamed:  # a reader asking for "a source"
        found = (table.get(sid) for sid in sorted(index.unnamed[speaker_key(name)]))
        return [(2.0, record) for record in found if record is not None]
    if titled:
        return []
    candidates = set(index.by_surname.get(names.surname_key(name), ()))
    candidates |= index.by_surname.get(_joined(name), set())
    if not candidates and len(table) <= _FULL_SCAN_LIMIT:
        candidates = set(table.ids())
    scored = []
    for sid in candidates:
        record = table.get(sid)
        if record is None or _is_title(record) or (titled is not None and _is_unnamed(record)):
            continue  # a new name never joins a title, nor a source of another story
        if any(names.conflicting(name, n) for n in record["names"]):
            continue  # a bare surname among its names must not pull in a namesake
        score = max((names.match_score(name, n) for n in record["names"]), default=0.0)
        if score >= 0.85:
            scored.append((score, len(record["names"]), record.get("last") or "", record))
    scored.sort(key=lambda s: s[:3], reverse=True)
    return [(s[0], s[3]) for s in scored]


def _exact_id(index: _Index, key: str, titled: bool | None) -> str | None:
    if titled is None:
        return index.by_name.get(key) or index.by_title.get(key)
    return (index.by_title if titled else index.by_name).get(key)


def claims_by_speaker(db: Database, name: str) -> list[dict]:
    """Stored claims by the speaker(s) `name` stands for, in any spelling or script."""
    return db.claims_by_speakers(ids_named(db, name))


def ids_named(db: Database, name: str) -> set[str]:
    """The IDs of the speakers `name` may stand for."""
    return {r["id"] for r in matching(db, name)}


def claim_counts(db: Database) -> dict[str, int]:
    """Claims per speaker ID, counted from the claims themselves."""
    return db.claims_per_speaker()


def alias(db: Database, name: str, other: str) -> dict:
    """Record `other` as one more name of the speaker `name` stands for."""
    [record] = _locked(db, find(db, name))
    if not other.strip():
        raise InputError("an alias needs some letters")
    taken = db.table(TABLE).get(_exact_id(_index(db), speaker_key(other), None) or "")
    if taken is not None and taken["id"] != record["id"]:
        raise InputError(f"{other!r} already names speaker {taken['id']} ({taken['names'][0]}); "
                         f"merge the two instead")
    _add_unique(record["names"], [other])
    db.table(TABLE).upsert(record)
    _remember(db, record)
    return record


def merge(db: Database, a: str, b: str) -> dict:
    """Make speaker `b` part of speaker `a`: its names, roles and claims; `split` undoes it."""
    keep, gone = find(db, a), find(db, b)
    if keep["id"] == gone["id"]:
        raise InputError(f"{a!r} and {b!r} are the same speaker already ({keep['id']})")
    keep, gone = _locked(db, keep, gone)
    moved = [c["id"] for c in db.claims_by_speakers([gone["id"]])]
    keep.setdefault("merged", []).append({
        "speaker": gone,
        "claims": moved,
        "added_names": [n for n in gone["names"] if n not in keep["names"]],
        "added_roles": [r for r in gone["roles"] if r not in keep["roles"]],
    })
    _add_unique(keep["names"], gone["names"])
    _add_unique(keep["roles"], gone["roles"])
    for key, pick in (("first", min), ("last", max)):
        keep[key] = pick(filter(None, map(dates.day_of, [keep.get(key), gone.get(key)])),
                         default=None)
    _point_claims(db, moved, keep["id"])
    table = db.table(TABLE)
    table.remove(gone["id"])
    table.upsert(keep)
    _indexes.pop(db, None)
    return keep


def split(db: Database, speaker: str, part: str) -> dict:
    """Undo the merge that brought `part` (a name or ID of the merged speaker) into `speaker`.

    Returns the speaker restored. Claims added since the merge under one of its names go back
    to it too.
    """
    [keep] = _locked(db, find(db, speaker))
    undo = _merge_record(keep, part)
    gone = undo["speaker"]
    own = [n for n in keep["names"] if n not in undo["added_names"]]
    # Names seen since the merge go with whichever side they match better.
    later = [n for n in own if _closer_to(n, gone["names"], [o for o in own if o != n])]
    own = [n for n in own if n not in later]
    back = set(undo["claims"]) | {
        c["id"] for c in db.claims_by_speakers([keep["id"]])
        if _closer_to((c.get("speaker") or {}).get("name") or "", gone["names"] + later, own)}
    keep["merged"] = [m for m in keep["merged"] if m is not undo]
    keep["names"] = own
    keep["roles"] = [r for r in keep["roles"] if r not in undo["added_roles"]]
    _add_unique(gone["names"], later)
    _point_claims(db, sorted(back), gone["id"])
    for record in (keep, gone):
        _redate(db, record)
    table = db.table(TABLE)
    table.upsert(keep)
    table.upsert(gone)
    _indexes.pop(db, None)
    return gone


def _locked(db: Database, *records: dict) -> list[dict]:
    """The records as stored now, each locked against other writers until this one commits
    (in ID order, as every writer locks them), so what is changed is what is stored."""
    table = db.table(TABLE)
    by_id = {r["id"]: table.get_for_update(r["id"]) for r in sorted(records, key=lambda r: r["id"])}
    gone = [sid for sid, r in by_id.items() if r is None]
    if gone:
        raise NotFound(f"speaker {gone[0]} was merged or removed meanwhile; look it up again")
    return [by_id[r["id"]] for r in records]


def _redate(db: Database, record: dict) -> None:
    # First and last seen, from the claims the speaker has now (what register was given).
    seen = [dates.day_of(c.get("published") or c.get("added"))
            for c in db.claims_by_speakers([record["id"]])]
    seen = [s for s in seen if s]
    if seen:
        record["first"], record["last"] = min(seen), max(seen)


def _closer_to(name: str, theirs: list[str], ours: list[str]) -> bool:
    """Whether `name` matches one of `theirs` better than any of `ours`."""
    if name in theirs:
        return True
    score = max((names.match_score(name, n) for n in theirs), default=0.0)
    return score >= 0.85 and score > max((names.match_score(name, n) for n in ours), default=0.0)


def all_speakers(db: Database) -> list[dict]:
    """Every speaker with its derived claim count, the most quoted first."""
    counts = claim_counts(db)
    out = [{**r, "claims": counts.get(r["id"], 0)} for r in db.table(TABLE).all()]
    out.sort(key=lambda r: (-r["claims"], r["names"][0] if r["names"] else ""))
    return out


def _merge_record(keep: dict, part: str) -> dict:
    wanted = part.strip().lower()
    for undo in reversed(keep.get("merged") or []):
        gone = undo["speaker"]
        if gone["id"].startswith(wanted) or any(
                speaker_key(n) == speaker_key(part) or names.same_person(part, n)
                for n in gone["names"]):
            return undo
    merged = ", ".join(f"{m['speaker']['id']} ({m['speaker']['names'][0]})"
                       for m in keep.get("merged") or []) or "none"
    raise NotFound(f"{part!r} was not merged into speaker {keep['id']} (merged: {merged})")


def _point_claims(db: Database, claim_ids: list[str], sid: str) -> None:
    for cid in claim_ids:
        claim = db.claims.get(cid)
        if claim is not None:
            db.claims.update(cid, {"speaker": {**claim["speaker"], "id": sid}})


def _new_id(db: Database, seed: str) -> str:
    table = db.table(TABLE)
    sid = hashlib.blake2b(seed.encode(), digest_size=5).hexdigest()
    n = 1
    while sid in table:
        # Two people with one key (a wrong merge split apart, or a surname shared).
        sid = hashlib.blake2b(f"{seed}#{n}".encode(), digest_size=5).hexdigest()
        n += 1
    return sid


def _add_unique(items: list, new: list) -> None:
    for item in new:
        if item not in items:
            items.append(item)


def _joined(name: str) -> str:
    return "".join(str(p) for p in names.parts(name))


def registry_keys(record: dict) -> list[tuple[str, str, str, str]]:
    """(kind, folded name, surname key, joined key) of each of a record's names, in order:
    what the registry index is made of (a SQL store keeps them, see _index); the kind is
    "unnamed", "title" or "name"."""
    kind = "unnamed" if _is_unnamed(record) else "title" if _is_title(record) else "name"
    return [(kind, speaker_key(n), names.surname_key(n), _joined(n)) for n in record["names"]]


def _index(db: Database) -> _Index:
    table = db.table(TABLE)
    index = _indexes.get(db)
    if index is None or index.size != len(table):
        index = _Index(0, {}, {}, {}, {})
        kept = getattr(db, "registry_keys", None)
        if kept is not None:  # a SQL store: the keys as stored with each record
            for sid, kind, keys in kept():
                _add_keys(index, sid, kind, keys)
        else:
            for record in table.all():
                _add_to_index(index, record)
        index.size = len(table)
        _indexes[db] = index
    return index


def _remember(db: Database, record: dict) -> None:
    index = _index(db)
    _add_to_index(index, record)
    index.size = len(db.table(TABLE))


def _is_title(record: dict) -> bool:
    return record.get("kind") == ROLE


def _is_unnamed(record: dict) -> bool:
    return bool(record.get("article"))


def _add_to_index(index: _Index, record: dict) -> None:
    rows = registry_keys(record)
    if rows:
        _add_keys(index, record["id"], rows[0][0], [row[1:] for row in rows])


def _add_keys(index: _Index, sid: str, kind: str, keys: list[tuple[str, str, str]]) -> None:
    for name, surname, joined in keys:
        if kind == "unnamed":
            index.unnamed.setdefault(name, set()).add(sid)
            continue  # found only by the article it was read in, or by a reader asking
        if kind == "title":
            index.by_title.setdefault(name, sid)
            continue  # a title has no surname to be found by
        index.by_name.setdefault(name, sid)
        for k in (surname, joined):
            if k:
                index.by_surname.setdefault(k, set()).add(sid)
