"""The speaker registry: one record per person or body, with every name seen for it.

(First slice: speakers are keyed by their folded name. Issue 3 replaces the key with one that
holds across spellings and scripts.)
"""

import hashlib

from factcheck.normalize import fold
from factcheck.store import Database


def speaker_key(name: str) -> str:
    return " ".join(fold(name).split())


def register(db: Database, name: str, *, role: str | None = None, seen: str | None = None) -> str:
    """The registry ID for `name`, creating or updating its record."""
    key = speaker_key(name)
    sid = hashlib.blake2b(key.encode(), digest_size=5).hexdigest()
    table = db.table("speakers")
    record = table.get(sid) or {"id": sid, "key": key, "names": [], "roles": [],
                                "first": seen, "last": seen}
    if name not in record["names"]:
        record["names"].append(name)
    if role and role not in record["roles"]:
        record["roles"].append(role)
    if seen:
        record["first"] = min(filter(None, [record["first"], seen]))
        record["last"] = max(filter(None, [record["last"], seen]))
    table.upsert(record)
    return sid


def claims_by_speaker(db: Database, name: str) -> list[dict]:
    """Stored claims whose speaker has this name or key."""
    key = speaker_key(name)
    return [c for c in db.claims.all()
            if c["speaker"].get("name") and key in speaker_key(c["speaker"]["name"])]
