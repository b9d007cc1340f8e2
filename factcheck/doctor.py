"""Finding the records of a store that have the wrong shape, and setting them aside.

Every command refuses a store with a bad record (factcheck.schema names the first one), so a
cron job stops at it rather than crash on it halfway. `claims doctor` lists them all and, when
asked, moves them out of the store into a quarantine file beside it: written whole before the
store is changed, never removed by factcheck, so nothing is lost and the desk can look at (and
mend, and import again) what was set aside while cron goes on.
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import orjson

from factcheck import files, schema
from factcheck.errors import DatabaseError
from factcheck.store import Database

QUARANTINE_KIND = "factcheck.quarantine/1"


@dataclass
class Diagnosis:
    """What doctor found in a store, and where it set the bad records aside (if it did)."""

    store: Path
    problems: list[schema.Problem]
    set_aside: Path | None = None

    def to_dict(self) -> dict:
        return {"store": str(self.store), "set_aside": str(self.set_aside or "") or None,
                "problems": [{"table": p.table, "id": p.key, "problem": p.message}
                             for p in self.problems]}


def diagnose(db: Database) -> Diagnosis:
    """Every bad table and record of `db` (read without the schema check), in store order."""
    return Diagnosis(db.path, list(schema.problems(db.raw())))


def set_aside(db: Database, diagnosis: Diagnosis, *, now: datetime | None = None) -> Diagnosis:
    """Write the bad records to a new quarantine file beside the store, then drop them from
    `db` (which the caller's `Store.write` saves). Call it under the store's lock."""
    if not diagnosis.problems:
        return diagnosis
    at = (now or datetime.now(UTC)).replace(microsecond=0)
    data = db.raw()
    kept = [{"table": p.table, "id": p.key, "problem": p.message,
             "record": data[p.table] if p.key is None else data[p.table][p.key]}
            for p in diagnosis.problems]
    target = quarantine_path(db.path, at)
    payload = {"kind": QUARANTINE_KIND, "store": str(db.path), "at": at.isoformat(),
               "records": kept}
    try:
        files.write_atomic(target, orjson.dumps(payload, option=orjson.OPT_INDENT_2) + b"\n")
    except OSError as exc:
        raise DatabaseError(f"cannot write {target}: {exc.strerror}; nothing was set aside") \
            from None
    for problem in diagnosis.problems:
        db.drop(problem.table, problem.key)
    return Diagnosis(diagnosis.store, diagnosis.problems, target)


def quarantine_path(store: Path, at: datetime) -> Path:
    """A name beside the store no earlier quarantine has taken: one per run, kept for good."""
    stamp = at.strftime("%Y%m%dT%H%M%SZ")
    candidate = Path(f"{store}.quarantine-{stamp}.json")
    number = 1
    while candidate.exists():
        number += 1
        candidate = Path(f"{store}.quarantine-{stamp}-{number}.json")
    return candidate
