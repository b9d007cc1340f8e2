"""A desk's corrections to a stored claim (a wrong speaker, a content cut in the wrong place),
and its removal, each kept with who and when.

A correction changes the claim itself, so that search, check, matching and every export read
the corrected fields (their indexes are derived from the claims and follow the write). The
claim's history of corrections lives in the "edits" table (its ID is the claim's ID), kept
as review histories are (factcheck.review): appended to only, undos stack and name the
change they take back by its time.

A deleted claim leaves the claims table for the "deleted" table, whole, with who deleted it,
when and why: every list, search, check and export reads the claims table only, so it is left
out everywhere, and its history stays.
"""

from enum import Enum

from factcheck import dates, speakers
from factcheck.dates import now_iso
from factcheck.errors import InputError, NotFound, member
from factcheck.review import TABLE as REVIEWS
from factcheck.review import change_to_undo, with_change
from factcheck.store import Database

EDITS = "edits"
TOMBSTONES = "deleted"


class Field(str, Enum):
    """What a desk may correct in a claim, each a plain value (text, or yes/no)."""

    SPEAKER = "speaker"
    ROLE = "role"
    CUE = "cue"
    CONTENT = "content"
    NEGATED = "negated"
    DIRECT = "direct"
    CONTEXT = "context"


FLAGS = (Field.NEGATED, Field.DIRECT)


def values_of(claim: dict) -> dict[str, object]:
    """The claim's correctable fields, as plain values."""
    speaker = claim.get("speaker") or {}
    return {Field.SPEAKER.value: speaker.get("name"), Field.ROLE.value: speaker.get("role"),
            Field.CUE.value: (claim.get("cue") or {}).get("text"),
            Field.CONTENT.value: claim["content"]["text"],
            Field.NEGATED.value: bool(claim.get("negated")),
            Field.DIRECT.value: bool(claim.get("direct")),
            Field.CONTEXT.value: claim.get("context")}


def edit(db: Database, claim_id: str, changes: dict[Field | str, object], *, editor: str,
         now: str | None = None) -> dict:
    """Correct a claim (ID or unique prefix); returns its edit record (with its history).

    A value None keeps the field; an empty text clears it (but a claim keeps a content). A
    correction that changes nothing is not recorded.
    """
    claim = _locked(db, claim_id)
    wanted = {_field(k).value: _value(_field(k), v) for k, v in changes.items() if v is not None}
    if wanted.get(Field.CONTENT.value, "x") is None:
        raise InputError("a claim needs a content: give the corrected text, or delete the claim")
    return _apply(db, claim, wanted, editor=editor, now=now, action="edit")


def undo(db: Database, claim_id: str, *, editor: str, now: str | None = None) -> dict:
    """Take back the latest correction of a claim no undo took back yet (undos stack)."""
    claim = _locked(db, claim_id)
    record = db.table(EDITS).get(claim["id"])
    if not record or not record["history"]:
        raise InputError(f"claim {claim['id']} has no correction to undo")
    target = change_to_undo(record["history"], what=f"claim {claim['id']}: every correction")
    before = {name: old for name, (old, _new) in target["changes"].items()}
    return _apply(db, claim, before, editor=editor, now=now, action="undo", undoes=target["at"])


def history(db: Database, claim_id: str) -> list[dict]:
    """The corrections of a claim, oldest first (also of a deleted claim, by its full ID)."""
    record = db.table(EDITS).get(claim_id.strip().lower())
    if record is None:
        record = db.table(EDITS).get(db.claims.resolve(claim_id)["id"])
    return list(record["history"]) if record else []


class Of(str, Enum):
    """What a change in a claim's whole history was made to."""

    REVIEW = "review"  # its verdict, note and fact-check (factcheck.review)
    CLAIM = "claim"  # the claim itself: a correction, or its deletion


def claim_history(db: Database, claim_id: str) -> tuple[str, list[dict]]:
    """Every change made to a claim (ID or unique prefix; a deleted claim by its full ID): its
    corrections, its review's changes and its deletion, oldest first, each marked with what
    it was made to (`of`); with the claim's full ID."""
    full = claim_id.strip().lower()
    tombstone = db.table(TOMBSTONES).get(full)
    if tombstone is None:
        full = db.claims.resolve(claim_id)["id"]
    review = db.table(REVIEWS).get(full)
    edits = db.table(EDITS).get(full)
    entries = [{"of": Of.CLAIM.value, **e} for e in (edits or {}).get("history", ())]
    entries += [{"of": Of.REVIEW.value, **e} for e in (review or {}).get("history", ())]
    if tombstone is not None:
        entries.append({"of": Of.CLAIM.value, "at": tombstone["at"], "by": tombstone["by"],
                        "action": "delete", "changes": {}, "note": tombstone.get("note")})
    # sorted() is stable: a correction and a review change made in one second keep their order
    return full, sorted(entries, key=lambda e: e.get("at") or "")


def delete(db: Database, claim_id: str, *, editor: str, note: str | None = None,
           now: str | None = None) -> dict:
    """Remove a claim from every list, search, check and export; its tombstone is returned."""
    claim = db.claims.resolve(claim_id)
    tombstone = {"id": claim["id"], "claim": claim, "by": editor, "at": now or now_iso(),
                 "note": note or None}
    db.table(TOMBSTONES).upsert(tombstone)
    db.claims.remove(claim["id"])
    return tombstone


def is_deleted(db: Database, claim_id: str) -> bool:
    return db.table(TOMBSTONES).get(claim_id) is not None


def tombstone_of(db: Database, claim_id: str) -> dict:
    found = db.table(TOMBSTONES).get(claim_id)
    if found is None:
        raise NotFound(f"no deleted claim {claim_id!r}")
    return found


def _locked(db: Database, claim_id: str) -> dict:
    """The claim (ID or unique prefix) as stored now, locked until this write commits: two
    editors of one claim take turns, each correcting what the other left."""
    found = db.claims.resolve(claim_id)
    return db.claims.get_for_update(found["id"]) or found


def _apply(db: Database, claim: dict, values: dict, *, editor: str, now: str | None,
           action: str, undoes: str | None = None) -> dict:
    table = db.table(EDITS)
    current = table.get(claim["id"]) or {"id": claim["id"], "claim": claim["id"], "history": []}
    flat = {**values_of(claim)}
    before = {**current, **flat}
    at = now or now_iso()
    changed = with_change(before, values, by=editor, at=at, action=action, undoes=undoes)
    if changed is None:
        return current
    record = {"id": claim["id"], "claim": claim["id"], "history": changed["history"],
              "edited": at, "editor": editor}
    table.upsert(record)
    db.claims.upsert(_corrected(db, claim, values))
    return record


def _corrected(db: Database, claim: dict, values: dict) -> dict:
    """The claim with the desk's values. A span says where the article says a part of the
    claim; after a correction the article still says what it said, so a corrected part keeps
    the part as first extracted (`original`: its text and span) and its `span` goes on
    pointing at those words, which `show` marks as the original's. Corrected back to the
    extracted text, the part is the original again, spans and all."""
    out = dict(claim)
    speaker = dict(claim.get("speaker") or {})
    if Field.SPEAKER.value in values or Field.ROLE.value in values:
        if Field.SPEAKER.value in values:
            speaker = _renamed(speaker, values[Field.SPEAKER.value])
        speaker["role"] = values.get(Field.ROLE.value, speaker.get("role"))
        speaker.pop("id", None)
        if speaker["name"]:
            speaker["kind"] = speaker.get("kind") or "person"
            speaker["id"] = speakers.register(
                db, speaker["name"], role=speaker["role"], kind=speaker["kind"],
                seen=dates.day_of(claim.get("published") or claim.get("added")),
                article=claim.get("article"))
        out["speaker"] = speaker
    if Field.CUE.value in values:
        out["cue"] = corrected_part(claim.get("cue") or {}, values[Field.CUE.value] or "")
    if Field.CONTENT.value in values:
        out["content"] = corrected_part(claim["content"], values[Field.CONTENT.value])
    for flag in FLAGS:
        if flag.value in values:
            out[flag.value] = bool(values[flag.value])
    if Field.CONTEXT.value in values:
        # context_original goes back to null, not away: a store's upsert keeps a field it is
        # not given
        out |= _recontexted(claim, values[Field.CONTEXT.value])
    return out


def corrected_part(part: dict, text: str) -> dict:
    """A content or cue with the desk's text: the span (and a split quotation's pieces) still
    the article's, kept in `original` with the words extracted there."""
    original = part.get("original") or part
    if text == original.get("text"):
        return dict(original)
    kept = {k: v for k, v in original.items() if k != "original"}
    return {"text": text, "span": kept.get("span"), "original": kept}


def _renamed(speaker: dict, name: str | None) -> dict:
    # Where the article names the speaker names the one it named, not the desk's.
    original = speaker.get("original") or {
        "text": speaker.get("name") or "", **_spans_of(speaker, "span", "mention")}
    if (name or "") == original["text"]:
        restored = {k: v for k, v in speaker.items() if k != "original"}
        return restored | {"name": name, "span": original.get("span"),
                           "mention": original.get("mention")}
    return {**speaker, "name": name, "span": None, "mention": None, "original": original}


def _recontexted(claim: dict, context: str | None) -> dict:
    original = claim.get("context_original") or {"text": claim.get("context") or ""}
    if "context_original" not in claim and claim.get("context_span") is not None:
        original["span"] = claim["context_span"]
    if (context or "") == original["text"]:
        return {"context": context, "context_span": original.get("span"),
                "context_original": None}
    return {"context": context, "context_span": None, "context_original": original}


def _spans_of(record: dict, *keys: str) -> dict:
    return {k: record[k] for k in keys if record.get(k) is not None}


def _field(name: Field | str) -> Field:
    return member(Field, name, f"cannot edit {name!r}")


def _value(name: Field, value) -> object:
    if name in FLAGS:
        return bool(value)
    text = " ".join(str(value).split())
    return text or None
