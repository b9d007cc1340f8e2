"""Finding the records of a store that have the wrong shape, and setting them aside.

Every command refuses a store with a bad record (factcheck.schema names the first one), so a
cron job stops at it rather than crash on it halfway. `claims doctor` lists them all and, when
asked, moves them out of the store into a quarantine file: written whole before the store is
changed, never removed by factcheck, so nothing is lost and the desk can look at (and mend, and
import again) what was set aside while cron goes on. Any backend: the JSON file, SQLite or
PostgreSQL (each gives its tables unchecked, `tables()`, and removes a record, `drop()`).
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import orjson

from factcheck import dates, files, schema
from factcheck.errors import DatabaseError

QUARANTINE_KIND = "factcheck.quarantine/1"
# Dates a store may hold as they were typed before factcheck.dates read them (14/11/2022, which
# every --since misses), by kind of record: made ISO, or null when nobody can read them.
DATE_FIELDS = {"articles": ("published",), "claims": ("published",),
               "speakers": ("first", "last")}


@dataclass(frozen=True)
class Mend:
    """A stored date not in the one form: what it is, and what --fix makes of it."""

    table: str
    key: str
    field: str
    stored: str
    mended: str | None

    def to_dict(self) -> dict:
        return {"table": self.table, "id": self.key, "field": self.field,
                "stored": self.stored, "mended": self.mended}


@dataclass
class Diagnosis:
    """What doctor found in a store, and where it set the bad records aside (if it did)."""

    store: str
    problems: list[schema.Problem]
    records: list[object] = field(default_factory=list, repr=False)  # each problem's record
    mends: list[Mend] = field(default_factory=list)
    set_aside: Path | None = None

    @property
    def healthy(self) -> bool:
        return not self.problems and not self.mends

    def to_dict(self) -> dict:
        return {"store": self.store, "set_aside": str(self.set_aside) if self.set_aside else None,
                "problems": [{"table": p.table, "id": p.key, "problem": p.message}
                             for p in self.problems],
                "dates": [m.to_dict() for m in self.mends]}


def diagnose(db, *, store: str) -> Diagnosis:
    """Every bad table and record of `db` (read without the schema check), in store order."""
    problems, records, mends = [], [], []
    for table, content in db.tables():
        bad = set()
        for problem in schema.problems([(table, content)]):
            problems.append(problem)
            records.append(content if problem.key is None else content[problem.key])
            bad.add(problem.key)
        if None not in bad:  # a bad record is set aside whole, its dates with it
            mends += _dates_to_mend(table, content, bad)
    return Diagnosis(store, problems, records, mends)


def _dates_to_mend(table: str, records: dict, bad: set) -> list[Mend]:
    wanted = DATE_FIELDS.get(table, ())
    out = []
    for key, record in records.items():
        if key in bad:
            continue
        for name in wanted:
            stored = record.get(name)
            if not stored or (dates.is_day(stored) if table == "speakers"
                              else dates.is_iso(stored)):
                continue
            mended = dates.published(stored, strict=False)
            if table == "speakers":  # a speaker's first and last seen are days
                mended = dates.day_of(mended)
            out.append(Mend(table, key, name, stored, mended))
    return out


def set_aside(db, diagnosis: Diagnosis, *, beside: Path,
              now: datetime | None = None) -> Diagnosis:
    """Write the bad records to a new quarantine file named after `beside` (the store's file,
    or a name in the current folder for a server), then drop them from `db`. Call it inside
    the store's `write`, whose lock or transaction keeps other writers out meanwhile."""
    if diagnosis.healthy:
        return diagnosis
    at = (now or datetime.now(UTC)).replace(microsecond=0)
    kept = [{"table": p.table, "id": p.key, "problem": p.message, "record": record}
            for p, record in zip(diagnosis.problems, diagnosis.records, strict=True)]
    target = quarantine_path(beside, at)
    payload = {"kind": QUARANTINE_KIND, "store": diagnosis.store, "at": at.isoformat(),
               "records": kept, "dates": [m.to_dict() for m in diagnosis.mends]}
    try:
        files.write_atomic(target, orjson.dumps(payload, option=orjson.OPT_INDENT_2) + b"\n")
    except OSError as exc:
        raise DatabaseError(f"cannot write {target}: {exc.strerror}; nothing was set aside") \
            from None
    for problem in diagnosis.problems:
        db.drop(problem.table, problem.key)
    for mend in diagnosis.mends:
        record = db.table(mend.table).get(mend.key)
        db.table(mend.table).upsert({**record, mend.field: mend.mended})
    return Diagnosis(diagnosis.store, diagnosis.problems, diagnosis.records, diagnosis.mends,
                     target)


def quarantine_path(beside: Path, at: datetime) -> Path:
    """A name no earlier quarantine has taken: one per run, kept for good."""
    stamp = at.strftime("%Y%m%dT%H%M%SZ")
    candidate = Path(f"{beside}.quarantine-{stamp}.json")
    number = 1
    while candidate.exists():
        number += 1
        candidate = Path(f"{beside}.quarantine-{stamp}-{number}.json")
    return candidate
