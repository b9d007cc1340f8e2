"""Many `claims` processes writing one PostgreSQL store at once, and writers killed mid-write.

Every claim is stored once, no verdict is lost, and the store stays valid: the guarantees a
team sharing one store relies on. Real processes, a real server (tests/pgserver.py).
"""

import os
import random
import signal
import subprocess
import sys
import time

import pytest
from conftest import new_store_spec

from factcheck.extract import extract
from factcheck.store import open_store

TOWNS = ["Zarqa", "Irbid", "Mafraq", "Karak", "Salt", "Madaba", "Aqaba", "Jerash", "Ajloun",
         "Tafila"]
WORKS = ["ring road", "water plant", "school", "hospital wing", "bridge", "power station"]
# Writers killed per run: 3 in the suite; FACTCHECK_KILLS=30 for the full trial.
KILLS = int(os.environ.get("FACTCHECK_KILLS", "3"))
PEOPLE = ["Omar Haddad", "Lina Saleh", "Karim Nasser", "Rana Khalil", "Samir Aziz"]


def _article(n: int) -> str:
    town, work, who = TOWNS[n % len(TOWNS)], WORKS[n % len(WORKS)], PEOPLE[n % len(PEOPLE)]
    return (f"Minister {who} said on Monday that the {work} in {town} will open in {n + 2} "
            f"months. The ministry added that {n * 3 + 10} workers were hired for it.\n")


def _folder(path, numbers) -> None:
    path.mkdir()
    for n in numbers:
        (path / f"story_{n:03d}.txt").write_text(_article(n), encoding="utf-8")


def _claims(*args: str, spec: str, wait: bool = True):
    command = [sys.executable, "-m", "factcheck", *args, "--db", spec]
    env = {**os.environ, "CLAIMS_REVIEWER": "desk"}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env=env)
    if not wait:
        return process
    out, err = process.communicate(timeout=300)
    assert process.returncode in (0, 1), err
    return out


def _expected_claims(numbers) -> int:
    return sum(len(extract(_article(n))) for n in numbers)


def _valid(spec: str) -> dict:
    """Every record read back (each checked for its shape), claims pointing at stored articles."""
    db = open_store(spec).read()
    records = {kind: [r for batch in db.table(kind).scan() for r in batch]
               for kind in db.kinds()}
    articles = {a["id"] for a in records.get("articles", [])}
    assert all(c["article"] in articles for c in records.get("claims", []))
    return records


@pytest.fixture
def pg_spec(tmp_path, request):
    return new_store_spec("postgresql", tmp_path, request)


def test_eight_writers_at_once_store_every_claim_once_and_lose_no_verdict(tmp_path, pg_spec):
    _folder(tmp_path / "first", range(0, 6))
    _claims("add", str(tmp_path / "first"), spec=pg_spec)
    reviewed = [c["id"] for c in open_store(pg_spec).read().recent_claims(4)]
    # Three adds of overlapping folders, two watches of one inbox, two reviewers, one merge.
    _folder(tmp_path / "a", range(6, 20))
    _folder(tmp_path / "b", range(14, 28))
    _folder(tmp_path / "c", range(24, 34))
    _folder(tmp_path / "inbox", range(30, 40))
    verdicts = ["false", "misleading", "true", "half-true"]
    writers = [
        _claims("add", str(tmp_path / "a"), spec=pg_spec, wait=False),
        _claims("add", str(tmp_path / "b"), spec=pg_spec, wait=False),
        _claims("add", str(tmp_path / "c"), spec=pg_spec, wait=False),
        _claims("watch", str(tmp_path / "inbox"), spec=pg_spec, wait=False),
        _claims("watch", str(tmp_path / "inbox"), spec=pg_spec, wait=False),
        _claims("review", reviewed[0], "--verdict", verdicts[0], spec=pg_spec, wait=False),
        _claims("review", reviewed[1], "--verdict", verdicts[1], spec=pg_spec, wait=False),
        _claims("speakers", "merge", PEOPLE[0], PEOPLE[1], spec=pg_spec, wait=False),
    ]
    for process in writers:
        _, err = process.communicate(timeout=300)
        assert process.returncode in (0, 1), err
    # then each reviewer once more on the other's claim: both changes kept in the history
    _claims("review", reviewed[1], "--verdict", verdicts[2], spec=pg_spec)
    _claims("review", reviewed[0], "--verdict", verdicts[3], spec=pg_spec)
    records = _valid(pg_spec)
    assert len(records["articles"]) == 40
    assert len(records["claims"]) == _expected_claims(range(40))
    assert len({c["id"] for c in records["claims"]}) == len(records["claims"])
    reviews = {r["id"]: r for r in records["reviews"]}
    assert [reviews[reviewed[0]]["verdict"], reviews[reviewed[1]]["verdict"]] == \
        [verdicts[3], verdicts[2]]
    assert [len(reviews[c]["history"]) for c in reviewed[:2]] == [2, 2]
    merged = [s for s in records["speakers"] if PEOPLE[1] in s["names"]]
    assert len(merged) == 1 and PEOPLE[0] in merged[0]["names"]


def _holding_the_write_lock(spec: str) -> bool:
    import psycopg

    with psycopg.connect(spec, autocommit=True) as conn:
        return conn.execute("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' "
                            "AND granted").fetchone()[0] > 0


def test_a_writer_killed_mid_transaction_leaves_all_or_nothing(tmp_path, pg_spec):
    _folder(tmp_path / "many", range(0, 60))
    kills = 0
    rng = random.Random(14)
    for _ in range(KILLS):
        writer = _claims("add", str(tmp_path / "many"), spec=pg_spec, wait=False)
        deadline = time.monotonic() + 60
        while not _holding_the_write_lock(pg_spec) and writer.poll() is None:
            assert time.monotonic() < deadline
            time.sleep(0.02)
        time.sleep(rng.uniform(0.0, 0.3))
        if writer.poll() is None:
            writer.send_signal(signal.SIGKILL)
            kills += 1
        writer.communicate(timeout=60)
        records = _valid(pg_spec)
        # all of the add or none of it
        assert len(records.get("articles", [])) in (0, 60)
    assert kills >= 1
    _claims("add", str(tmp_path / "many"), spec=pg_spec)
    records = _valid(pg_spec)
    assert len(records["articles"]) == 60
    assert len(records["claims"]) == _expected_claims(range(60))
