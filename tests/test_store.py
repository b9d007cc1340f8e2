"""The store: atomic, locked writes; a damaged file is reported and left as it is."""

import gc
import json
import multiprocessing
import os

import pytest

from factcheck.errors import AmbiguousID, DatabaseError, LockTimeout, NotFound
from factcheck.store import SCHEMA_VERSION, Store

# What the store keeps, not what a claim is: toy records in a table of no kind factcheck checks
# (factcheck.schema).
NOTES = "notes"


def test_write_then_read_back(tmp_path):
    store = Store(tmp_path / "db.json")
    with store.write() as db:
        db.table(NOTES).insert({"id": "abc123", "text": "نص"})
    data = json.loads((tmp_path / "db.json").read_text(encoding="utf-8"))
    assert data["_meta"]["schema"]["version"] == SCHEMA_VERSION
    assert store.read().table(NOTES).get("abc123") == {"id": "abc123", "text": "نص"}


def test_an_exception_inside_a_write_changes_nothing(tmp_path):
    store = Store(tmp_path / "db.json")
    with store.write() as db:
        db.table(NOTES).insert({"id": "a1"})
    before = (tmp_path / "db.json").read_bytes()
    with pytest.raises(RuntimeError), store.write() as db:
        db.table(NOTES).insert({"id": "a2"})
        raise RuntimeError("crash halfway")
    assert (tmp_path / "db.json").read_bytes() == before
    assert not list(tmp_path.glob(".db.json.*.tmp"))


def test_damaged_file_is_reported_by_name_and_left_alone(tmp_path):
    path = tmp_path / "claims.json"
    path.write_text('{"claims": {"x": ', encoding="utf-8")
    with pytest.raises(DatabaseError, match=r"claims\.json is not valid JSON"):
        Store(path).read()
    with pytest.raises(DatabaseError), Store(path).write():
        pass
    assert path.read_text(encoding="utf-8") == '{"claims": {"x": '


def test_json_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "claims.json"
    path.write_text("[1, 2, 3]", encoding="utf-8")
    with pytest.raises(DatabaseError, match="not a claims database"):
        Store(path).read()


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "claims.json"
    path.write_text(json.dumps({"_meta": {"schema": {"version": SCHEMA_VERSION + 1}}}))
    with pytest.raises(DatabaseError, match="newer"):
        Store(path).read()


def test_id_prefixes_resolve_like_git(tmp_path):
    store = Store(tmp_path / "db.json")
    with store.write() as db:
        db.table(NOTES).insert_many([{"id": "abc123"}, {"id": "abd456"}])
    db = store.read()
    assert db.table(NOTES).resolve("abc")["id"] == "abc123"
    with pytest.raises(AmbiguousID, match="matches 2"):
        db.table(NOTES).resolve("ab")
    with pytest.raises(NotFound):
        db.table(NOTES).resolve("zz")


def test_a_held_lock_times_out_with_a_clear_error(tmp_path):
    import filelock

    path = tmp_path / "db.json"
    with filelock.FileLock(str(path) + ".lock"), pytest.raises(
            LockTimeout, match="locked by another claims process"), \
            Store(path, lock_timeout=0.2).write():
        pass


def _add_many(path: str, prefix: str, n: int) -> None:
    store = Store(path)
    for i in range(n):
        with store.write() as db:
            db.table(NOTES).insert({"id": f"{prefix}{i:03d}"})


def test_concurrent_writers_lose_nothing(tmp_path):
    path = str(tmp_path / "db.json")
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_add_many, args=(path, p, 25)) for p in ("a", "b")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert all(p.exitcode == 0 for p in procs)
    ids = Store(path).read().table(NOTES).ids()
    assert len(ids) == 50 and len(set(ids)) == 50


def test_a_write_keeps_the_files_mode(tmp_path):
    path = tmp_path / "db.json"
    store = Store(path)
    with store.write() as db:
        db.table(NOTES).insert({"id": "a1"})
    path.chmod(0o640)
    with store.write() as db:
        db.table(NOTES).insert({"id": "a2"})
    assert path.stat().st_mode & 0o777 == 0o640


def _store_with(tmp_path, *ids: str) -> Store:
    store = Store(tmp_path / "db.json")
    with store.write() as db:
        db.table(NOTES).insert_many([{"id": i} for i in ids])
    return store


def test_a_snapshot_of_the_file_as_it_is_is_written_through_not_parsed_again(tmp_path):
    store = _store_with(tmp_path, "a1")
    snapshot = store.read()
    with store.write(reuse=snapshot) as db:
        assert db is snapshot
        db.table(NOTES).insert({"id": "a2"})
    assert sorted(store.read().table(NOTES).ids()) == ["a1", "a2"]


def test_a_snapshot_is_not_reused_once_another_process_has_written(tmp_path):
    store = _store_with(tmp_path, "a1")
    snapshot = store.read()
    with Store(tmp_path / "db.json").write() as other:  # a cron run overlapping ours
        other.table(NOTES).insert({"id": "theirs"})
    with store.write(reuse=snapshot) as db:
        assert db is not snapshot
        db.table(NOTES).insert({"id": "ours"})
    assert sorted(store.read().table(NOTES).ids()) == ["a1", "ours", "theirs"]
    assert snapshot.source is None  # its stale records were let go


def test_a_file_changed_in_place_with_its_old_size_and_time_is_not_taken_for_the_snapshot(
        tmp_path):
    store = _store_with(tmp_path, "a1")
    path = tmp_path / "db.json"
    snapshot = store.read()
    status = path.stat()
    changed = path.read_bytes().replace(b'"a1"', b'"b1"')
    with path.open("r+b") as fh:  # same inode, same size
        fh.write(changed)
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
    with store.write(reuse=snapshot) as db:
        assert db is not snapshot
        assert db.table(NOTES).ids() == ["b1"]


def test_a_snapshot_changed_in_memory_is_not_written_through(tmp_path):
    store = _store_with(tmp_path, "a1")
    snapshot = store.read()
    snapshot.table(NOTES).insert({"id": "unsaved"})
    with store.write(reuse=snapshot) as db:
        assert db is not snapshot
        assert db.table(NOTES).ids() == ["a1"]


def test_a_large_store_is_kept_out_of_later_collections_a_small_one_is_not(tmp_path):
    from factcheck.collector import SETTLE_FROM_BYTES

    path = tmp_path / "db.json"
    claims = {f"c{i:06d}": {"id": f"c{i:06d}", "text": "نص " * 20} for i in range(80_000)}
    path.write_bytes(json.dumps({NOTES: claims}, ensure_ascii=False).encode())
    assert path.stat().st_size >= SETTLE_FROM_BYTES
    (tmp_path / "small").mkdir()
    small = _store_with(tmp_path / "small", "a1")
    try:
        before = gc.get_freeze_count()
        small.read()
        assert gc.get_freeze_count() == before
        db = Store(path).read()
        assert gc.get_freeze_count() > before
        assert len(db.table(NOTES)) == 80_000
    finally:
        gc.unfreeze()


class _IDs:
    """A derived cache of the claim IDs that records how it was made; `extend` appends the
    IDs added after the old ones, and cannot when those changed."""

    def __init__(self, *, extends: bool = True):
        self.built, self.extended, self.extends = 0, [], extends

    def build(self, db) -> list[str]:
        self.built += 1
        return db.table(NOTES).ids()

    def extend(self, db, old: list[str]) -> list[str] | None:
        self.extended.append(list(old))
        ids = db.table(NOTES).ids()
        return ids if self.extends and ids[:len(old)] == old else None


@pytest.fixture
def kept(monkeypatch):
    """Keep an _IDs cache fresh instead of the caches the library keeps."""
    from factcheck import store as store_module

    monkeypatch.setattr(store_module, "_FRESH", {})

    def keep(ids: _IDs, *, version: int = 1) -> _IDs:
        store_module.keep_fresh("ids", ids.build, version=version, extend=ids.extend)
        return ids

    return keep


def test_a_write_extends_a_kept_cache_from_the_value_it_held(tmp_path, kept):
    store = _store_with(tmp_path, "a1")
    ids = kept(_IDs())
    assert store.view().derived("ids", ids.build, extend=ids.extend) == ["a1"]
    with store.write() as db:
        db.table(NOTES).insert({"id": "a2"})
    assert ids.built == 1 and ids.extended == [["a1"]]
    assert store.view().derived("ids", _never) == ["a1", "a2"]  # the cache matches the file


def test_a_kept_cache_extend_cannot_make_is_built(tmp_path, kept):
    store = _store_with(tmp_path, "a1")
    ids = kept(_IDs(extends=False))
    store.view().derived("ids", ids.build, extend=ids.extend)
    with store.write() as db:
        db.table(NOTES).insert({"id": "a2"})
    assert ids.built == 2 and ids.extended == [["a1"]]
    assert store.view().derived("ids", _never) == ["a1", "a2"]


def test_a_cache_of_another_version_is_built_again_not_extended(tmp_path, kept):
    store = _store_with(tmp_path, "a1")
    ids = kept(_IDs(), version=2)
    store.view().derived("ids", lambda db: ["made", "by", "version 1"], version=1)
    with store.write() as db:
        db.table(NOTES).insert({"id": "a2"})
    assert ids.built == 1 and ids.extended == []
    assert store.view().derived("ids", _never, version=2) == ["a1", "a2"]


def test_a_read_extends_a_cache_another_write_left_stale(tmp_path, kept):
    store = _store_with(tmp_path, "a1")
    ids = _IDs()
    store.view().derived("ids", ids.build, extend=ids.extend)
    with store.write() as db:  # nothing kept fresh: the cache is left as it was
        db.table(NOTES).insert({"id": "a2"})
    assert store.view().derived("ids", ids.build, extend=ids.extend) == ["a1", "a2"]
    assert ids.built == 1 and ids.extended == [["a1"]]
    assert store.view().derived("ids", _never) == ["a1", "a2"]


def _never(db):
    raise AssertionError("built although the cache matches the file")


def test_a_cache_built_from_an_older_read_is_not_taken_for_the_newer_file(tmp_path):
    store = _store_with(tmp_path, "a1")
    older = store.read()
    with Store(tmp_path / "db.json").write() as db:  # another process writes meanwhile
        db.table(NOTES).insert({"id": "b1"})
    build = lambda db: sorted(db.table(NOTES).ids())  # noqa: E731
    assert older.derived("toy", build) == ["a1"]
    assert store.read().derived("toy", build) == ["a1", "b1"]


@pytest.mark.parametrize("content", [b"", b"\n  \n"])
def test_an_empty_database_file_is_refused_not_written_over(tmp_path, content):
    path = tmp_path / "claims.json"
    path.write_bytes(content)
    with pytest.raises(DatabaseError, match=r"claims\.json is empty .* likely cut short"):
        Store(path).read()
    with pytest.raises(DatabaseError, match="is empty"), Store(path).write() as db:
        db.table(NOTES).insert({"id": "a1"})
    assert path.read_bytes() == content


def test_a_missing_database_file_is_a_new_empty_database(tmp_path):
    path = tmp_path / "claims.json"
    assert len(Store(path).read().table(NOTES)) == 0
    with Store(path).write():
        pass
    assert json.loads(path.read_text())["_meta"]["schema"]["version"] == SCHEMA_VERSION


def test_a_write_removes_the_temporary_files_killed_writers_left(tmp_path):
    import time

    from factcheck import search  # noqa: F401  (registers the search cache kept beside)

    path = tmp_path / "claims.json"

    def aged(name: str, seconds: float):
        temp = tmp_path / name
        temp.write_bytes(b"{" * 1000)
        os.utime(temp, (time.time() - seconds,) * 2)
        return temp

    stale_store = aged(".claims.json.x1y2z3w4.tmp", 120)
    live_cache = aged(".claims.json.search.idx.q9w8e7r6.tmp", 120)  # written without the lock
    stale_cache = aged(".claims.json.search.idx.a0s9d8f7.tmp", 3600)
    with Store(path).write() as db:
        db.table(NOTES).insert({"id": "a1"})
    assert not stale_store.exists() and not stale_cache.exists()
    assert live_cache.exists()
