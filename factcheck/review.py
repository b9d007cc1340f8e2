"""A reviewer's decisions: verdicts on claims, and triage of flagged contradictions, with history.

Each reviewed claim has one record in the "reviews" table (its ID is the claim's ID) holding
the current verdict, label, note and URL, the desk's workflow (status, assignee) and the
fact-check as it is published (title, summary of the claim, language), and a history that is
only ever appended to: who, when, and each field's old and new value. Undoing a change is a
new change, so the history also shows the undo; undos stack (each takes back the latest
change no undo took back yet, and names it by its time), so undoing twice never re-applies
what the first undo took back. A review is new, in progress or published: only a published
one leaves the desk (`export --format claimreview`).

A contradiction's triage lives on its own record (factcheck.contradict): its status moves
between open, confirmed and dismissed, and each move is appended to its history.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import TYPE_CHECKING

from factcheck import urls
from factcheck.dates import now_iso
from factcheck.errors import InputError, member
from factcheck.store import Database

if TYPE_CHECKING:
    from factcheck.contradict import Status as PairStatus

TABLE = "reviews"
FIELDS = ("verdict", "rating_label", "note", "url", "status", "assignee", "title", "summary",
          "lang")
# A language as ClaimReview's inLanguage takes it: a BCP 47 tag (ar, en, ar-EG, zh-Hant).
_LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(-[a-z0-9]{2,8})*")


class Status(str, Enum):
    """Where a fact-check stands on the desk; only a published one leaves it (export)."""

    NEW = "new"
    IN_PROGRESS = "in-progress"
    PUBLISHED = "published"


class Verdict(str, Enum):
    TRUE = "true"
    MOSTLY_TRUE = "mostly-true"
    HALF_TRUE = "half-true"
    MISLEADING = "misleading"
    MOSTLY_FALSE = "mostly-false"
    FALSE = "false"
    UNPROVEN = "unproven"
    SATIRE = "satire"

    @property
    def label(self) -> str:
        """The verdict as a reader sees it: "Mostly true"."""
        return self.value.replace("-", " ").capitalize()


# Verdicts on the true-false scale, 1 (false) to 5 (true); misleading, unproven and satire say
# what kind of problem there is, not how true, so they have no place on it.
WORST_RATING, BEST_RATING = 1, 5
SCALE = {Verdict.FALSE: 1, Verdict.MOSTLY_FALSE: 2, Verdict.HALF_TRUE: 3,
         Verdict.MOSTLY_TRUE: 4, Verdict.TRUE: 5}


class Triage(str, Enum):
    """What a reviewer does with a flagged contradiction, and the status it leads to."""

    CONFIRM = "confirm"
    DISMISS = "dismiss"
    REOPEN = "reopen"

    @property
    def status(self) -> PairStatus:
        # Here, not at the top: a verdict needs neither the contradiction code nor the extractor.
        from factcheck.contradict import Status as PairStatus

        return {Triage.CONFIRM: PairStatus.CONFIRMED, Triage.DISMISS: PairStatus.DISMISSED,
                Triage.REOPEN: PairStatus.OPEN}[self]


def verdict_of(value: Verdict | str) -> Verdict:
    return member(Verdict, value, f"unknown verdict {value!r}")


def status_of(value: Status | str) -> Status:
    return member(Status, value, f"unknown status {value!r}")


def status_of_record(record: dict | None) -> Status:
    """A review's status; a record written before reviews had one is new (never published)."""
    value = (record or {}).get("status")
    return Status(value) if value in _STATUSES else Status.NEW


_STATUSES = frozenset(s.value for s in Status)


def language_tag(value: str | None) -> str | None:
    """A fact-check's language as a BCP 47 tag ("ar", "en-GB"); "" clears it; InputError when
    it is no tag."""
    if value is None:
        return None
    tag = value.strip().replace("_", "-").lower()
    if tag and not _LANGUAGE_TAG.fullmatch(tag):
        raise InputError(f"--lang {value!r} is not a language tag: write it as ar, en or ar-EG")
    return tag


def is_published(record: dict | None) -> bool:
    return status_of_record(record) is Status.PUBLISHED


def review(db: Database, claim_id: str, *, verdict: Verdict | str | None = None,
           note: str | None = None, url: str | None = None, reviewer: str,
           rating_label: str | None = None, status: Status | str | None = None,
           assignee: str | None = None, title: str | None = None, summary: str | None = None,
           lang: str | None = None, now: str | None = None) -> dict:
    """Rate a claim (ID or unique prefix), or move its fact-check along; its review record.

    A field given as None keeps its current value (but a new verdict drops the old verdict's
    label); an empty string clears it. A review that changes nothing is not recorded again.
    A published review must keep a verdict and the fact-check's URL: ClaimReview needs both.
    """
    claim = _locked_claim(db, claim_id)
    wanted = {"verdict": verdict_of(verdict).value if verdict is not None else None,
              "rating_label": rating_label, "note": note, "url": urls.checked(url),
              "status": status_of(status).value if status is not None else None,
              "assignee": _line(assignee), "title": _line(title), "summary": _line(summary),
              "lang": language_tag(lang)}
    current = db.table(TABLE).get(claim["id"]) or _blank(claim["id"])
    changes = {k: v or None for k, v in wanted.items() if v is not None}
    if "verdict" in changes and rating_label is None \
            and current.get("verdict") != changes["verdict"]:
        changes["rating_label"] = None  # the desk's wording was for the old verdict
    after = {**current, **changes}
    if status_of_record(after) is Status.PUBLISHED:
        missing = [what for what, key in (("a verdict (--verdict)", "verdict"),
                                          ("the fact-check's URL (--url)", "url"))
                   if not after.get(key)]
        if missing:
            raise InputError(f"claim {claim['id']}: a published fact-check needs "
                             + " and ".join(missing))
    return _apply(db, current, changes, reviewer=reviewer, now=now)


def _locked_claim(db: Database, claim_id: str) -> dict:
    """The claim (ID or unique prefix), locked until this write commits: two reviewers of one
    claim take turns, each reading the review as the other left it (a claim's review may not
    be stored yet, so its claim is what is locked)."""
    found = db.claims.resolve(claim_id)
    return db.claims.get_for_update(found["id"]) or found


def _line(value: str | None) -> str | None:
    # A title or summary is published as one line of text; a name is a name.
    return None if value is None else " ".join(value.split())


def undo(db: Database, claim_id: str, *, reviewer: str, now: str | None = None) -> dict:
    """Take back the latest change to a claim's review that is not taken back already.

    Undos stack: each one takes back the change before the one the last undo took back, until
    none is left. The undo is itself recorded, with the position of the change it took back.
    """
    claim = _locked_claim(db, claim_id)
    current = db.table(TABLE).get(claim["id"])
    if not current or not current["history"]:
        raise InputError(f"claim {claim['id']} has no review to undo")
    target = change_to_undo(current["history"],
                            what=f"claim {claim['id']}: every change to its review")
    before = {field: old for field, (old, _new) in target["changes"].items()}
    # Named by its time, which an import's merge of two desks' histories keeps.
    return _apply(db, current, before, reviewer=reviewer, now=now, action="undo",
                  undoes=target["at"])


def change_to_undo(entries: list[dict], *, what: str) -> dict:
    """The latest change in a history that no undo took back yet; InputError if none is left
    (`what`: "claim ID: every change to its review")."""
    standing = changes_standing(entries)
    if not standing:
        raise InputError(f"{what} is undone already; nothing left to undo")
    return standing[-1]


def changes_standing(entries: list[dict]) -> list[dict]:
    """The history's changes that no undo took back, oldest first."""
    standing: list[dict] = []
    for entry in entries:
        if entry.get("action") != "undo":
            standing.append(entry)
            continue
        named = [e for e in standing if e["at"] == entry.get("undoes")]
        if named:
            standing.remove(named[-1])
        elif standing:
            # An undo recorded before undos named their change took back the latest one.
            standing.pop()
    return standing


def history(db: Database, claim_id: str) -> list[dict]:
    """The changes made to a claim's review, oldest first."""
    claim = db.claims.resolve(claim_id)
    record = db.table(TABLE).get(claim["id"])
    return list(record["history"]) if record else []


def get_review(db: Database, claim_id: str) -> dict | None:
    """The review record of a claim (by its full ID), or None if it was never reviewed."""
    return db.table(TABLE).get(claim_id)


def reviews(db: Database) -> list[dict]:
    return db.table(TABLE).all()


def queue(db: Database, *, status: Status | str | None = None,
          assignee: str | None = None) -> list[dict]:
    """The desk's reviews of stored claims with this status and assignee (any, if None; an
    empty assignee: none assigned), the latest change first."""
    wanted = status_of(status) if status is not None else None
    out = []
    for record in db.table(TABLE).all():
        if wanted is not None and status_of_record(record) is not wanted:
            continue
        if assignee is not None and (record.get("assignee") or "") != _line(assignee):
            continue
        if record["claim"] in db.claims:  # a deleted claim's review is no work left
            out.append(record)
    return sorted(out, key=lambda r: (r.get("reviewed") or "", r["id"]), reverse=True)


def _blank(claim_id: str) -> dict:
    return {"id": claim_id, "claim": claim_id, **dict.fromkeys(FIELDS), "reviewer": None,
            "reviewed": None, "first_reviewed": None, "history": []}


def _apply(db: Database, record: dict, values: dict, *, reviewer: str, now: str | None,
           action: str = "review", undoes: str | None = None) -> dict:
    at = now or now_iso()
    changed = with_change(record, values, by=reviewer, at=at, action=action, undoes=undoes)
    if changed is None:
        return record
    changed |= {"reviewer": reviewer, "reviewed": at,
                "first_reviewed": record.get("first_reviewed") or at}
    db.table(TABLE).upsert(changed)
    return changed


def with_change(record: dict, values: dict, *, by: str, at: str, action: str,
                undoes: str | None = None) -> dict | None:
    """`record` with `values` set and the change appended to its `history` (who, when, each
    field's old and new value); None when the values change nothing."""
    changes = {k: [record.get(k), v] for k, v in values.items() if record.get(k) != v}
    if not changes:
        return None
    entry = {"at": at, "by": by, "action": action, "changes": changes}
    if undoes is not None:
        entry["undoes"] = undoes
    return {**record, **values, "history": [*record.get("history", []), entry]}


def resolve(db: Database, contradiction_id: str, *, status: Triage | str, note: str | None = None,
            reviewer: str, now: str | None = None) -> dict:
    """Confirm, dismiss or reopen a flagged contradiction (ID or unique prefix); its record.

    The record keeps its history: each move says who, when, from which status to which, and why.
    """
    from factcheck.contradict import TABLE as CONTRADICTIONS
    from factcheck.contradict import Status as PairStatus

    triage = _triage_of(status)
    table = db.table(CONTRADICTIONS)
    found = table.resolve(contradiction_id)
    record = table.get_for_update(found["id"]) or found  # as another reviewer may have left it
    before = record.get("status") or PairStatus.OPEN.value
    after = triage.status.value
    if before == after:
        raise InputError(f"contradiction {record['id']} is already {after}")
    entry = {"at": now or now_iso(), "by": reviewer, "action": triage.value,
             "from": before, "to": after, "note": note or None}
    changed = {"status": after, "history": [*(record.get("history") or []), entry]}
    table.update(record["id"], changed)
    return {**record, **changed}


def _triage_of(value: Triage | str) -> Triage:
    return member(Triage, value, f"unknown triage {value!r}")
