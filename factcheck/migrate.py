"""Copy a store into another, of any backend: every kind of record, verified before it is kept.

The copy is one write of the destination: records go in batches in the order stored (claims
keep their order, so `list` and search rank ties alike), and before the write is committed the
destination's count and digest of each kind are checked against the source's. A digest is the
sum of a hash of each record as canonical JSON (keys sorted), so it does not depend on the
order a backend returns records in, nor on JSONB's order of keys.
"""

import hashlib
from dataclasses import dataclass, field

import orjson

from factcheck.errors import DatabaseError, InputError

BATCH = 5000
_MODULUS = 1 << 128


@dataclass
class Tally:
    """What one kind of record adds up to: how many, and their digest."""

    count: int = 0
    digest: int = 0

    def add(self, records: list[dict]) -> None:
        for record in records:
            blob = orjson.dumps(record, option=orjson.OPT_SORT_KEYS)
            self.digest = (self.digest + int.from_bytes(
                hashlib.blake2b(blob, digest_size=16).digest(), "big")) % _MODULUS
        self.count += len(records)

    def to_dict(self) -> dict:
        return {"count": self.count, "digest": f"{self.digest:032x}"}


@dataclass
class Migration:
    """What was copied: per kind of record, its count and digest (the same on both sides)."""

    source: str
    destination: str
    kinds: dict[str, Tally] = field(default_factory=dict)
    replaced: list[str] = field(default_factory=list)  # kinds the destination held before

    def to_dict(self) -> dict:
        return {"source": self.source, "destination": self.destination,
                "kinds": {k: t.to_dict() for k, t in self.kinds.items()},
                "replaced": self.replaced}


def migrate(source, destination, *, force: bool = False) -> Migration:
    """Copy every record of the store `source` into `destination` (stores of store.open_store).

    A destination holding records is refused unless `force`, which replaces them. Raises
    DatabaseError, leaving the destination as it was, if what was written does not add up.
    """
    result = Migration(str(_where(source)), str(_where(destination)))
    reading = source.read()
    with destination.write() as target:
        held = target.kinds()
        if held and not force:
            raise InputError(f"{result.destination} already holds records ({', '.join(held)}); "
                             "give --force to replace them")
        for kind in held:
            target.table(kind).clear()
        result.replaced = held
        for kind in reading.kinds():
            tally = result.kinds[kind] = Tally()
            table = target.table(kind)
            for batch in reading.table(kind).scan(BATCH):
                table.insert_many(batch)
                tally.add(batch)
        _verify(target, result)
    return result


def _verify(target, result: Migration) -> None:
    """The destination's records, read back inside the write, add up to the source's."""
    for kind, expected in result.kinds.items():
        found = Tally()
        for batch in target.table(kind).scan(BATCH):
            found.add(batch)
        if (found.count, found.digest) != (expected.count, expected.digest):
            raise DatabaseError(
                f"migrating {kind} into {result.destination}: {found.count} records read back "
                f"(digest {found.digest:032x}) for {expected.count} copied "
                f"(digest {expected.digest:032x}); nothing was kept")
    extra = sorted(set(target.kinds()) - set(result.kinds))
    if extra:
        raise DatabaseError(f"{result.destination} holds {', '.join(extra)} after the copy; "
                            "nothing was kept")


def _where(store) -> str:
    return str(getattr(store, "spec", None) or store.path)
