"""The only module that touches the database file.

The database is TinyDB in one plain JSON file (`claims.json`). Everything else speaks to it
through `Store` and `Database`, so that a shared store (PostgreSQL) can take its place later
without any other module knowing that claims live in JSON.

Safety: a writer holds a file lock for the whole read-modify-write, works on the data in
memory, and replaces the file atomically (temporary file, fsync, rename) once at the end. A
crash before the rename leaves the old file whole; a second process waits for the lock.
Readers need no lock: a rename is atomic, so they see the old file or the new one.
"""

import contextlib
import heapq
import os
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

import filelock
import orjson
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document
from tinydb.table import Table as _TinyTable

from factcheck import cachefile, collector, files, schema
from factcheck.cachefile import Codec
from factcheck.errors import AmbiguousID, BadRecord, DatabaseError, LockTimeout, NotFound
from factcheck.files import write_atomic

SCHEMA_VERSION = 1
META_TABLE = schema.META_TABLE
DEFAULT_LOCK_TIMEOUT = 30.0
# How long a temporary file left by a killed writer is kept (files.remove_leftovers). The
# store's own are written under the lock a sweeper holds too, so a minute is ample; a cache's
# are written after the lock is let go, so they get longer than any cache takes to write.
STORE_TEMP_SECONDS = 60.0
CACHE_TEMP_SECONDS = 600.0


class _MemoryStorage(Storage):
    """TinyDB storage over a dict already in memory; the Store decides when it hits disk."""

    def __init__(self, data: dict):
        self.data = data
        self.dirty = False

    def read(self) -> dict:
        return self.data

    def write(self, data: dict) -> None:
        self.data = data
        self.dirty = True


class _StrIdTable(_TinyTable):
    # Records are keyed by their own short hex ID, so `get` by ID is one dict lookup.
    document_id_class = str

    def _update_table(self, updater) -> None:
        # TinyDB copies the whole table twice on every write to convert its integer IDs; ours
        # are strings already, so the table is changed in place and a write costs what it
        # changes, not what the table holds.
        tables = self._storage.read()
        updater(tables.setdefault(self.name, {}))
        self._storage.write(tables)
        self.clear_cache()


class _TinyDB(TinyDB):
    table_class = _StrIdTable


class Table:
    """One kind of record (articles, claims, ...), each a dict with a unique string `id`."""

    def __init__(self, tiny: _TinyTable, name: str):
        self._tiny = tiny
        self.name = name

    def __len__(self) -> int:
        return len(self._tiny)

    def __contains__(self, record_id: str) -> bool:
        return self._tiny.contains(doc_id=record_id)

    def all(self) -> list[dict]:
        return [dict(doc) for doc in self._tiny._read_table().values()]

    def records(self) -> list[dict]:
        """Every record as stored, not copied: for reading only (a whole-store pass at
        100,000 claims spends a second copying them otherwise)."""
        return list(self._tiny._read_table().values())

    def ids(self) -> list[str]:
        return list(self._tiny._read_table().keys())

    def scan(self, batch: int = 5000) -> Iterator[list[dict]]:
        """Every record in the order stored, `batch` at a time (copies)."""
        records = self.records()
        for start in range(0, len(records), batch):
            yield [dict(r) for r in records[start:start + batch]]

    def clear(self) -> None:
        """Remove every record of this kind."""
        self._tiny.truncate()

    def get(self, record_id: str) -> dict | None:
        doc = self._tiny.get(doc_id=record_id)
        return dict(doc) if doc is not None else None

    def find(self, **fields) -> list[dict]:
        """Records whose top-level fields equal the given values."""
        return [dict(d) for d in self._tiny._read_table().values()
                if all(d.get(k) == v for k, v in fields.items())]

    def insert(self, record: dict) -> str:
        record_id = record["id"]
        if record_id in self:
            raise DatabaseError(f"{self.name} record {record_id} already exists")
        self._tiny.insert(Document(record, doc_id=record_id))
        return record_id

    def insert_new(self, record: dict) -> bool:
        """Store the record unless one with its ID is stored; whether it was."""
        if record["id"] in self:
            return False
        self._tiny.insert(Document(record, doc_id=record["id"]))
        return True

    def change(self, record_id: str, change: Callable[[dict | None], dict], *,
               moved: Callable[[dict | None], bool] | None = None) -> None:
        """Make the record change(the record as stored, or None). The file lock holds every
        other writer off, so nothing can change or remove it meanwhile (see the SQL store's)."""
        self.upsert(change(self.get(record_id)))

    def get_for_update(self, record_id: str) -> dict | None:
        """The record, as `get`: the file lock already keeps every other writer out."""
        return self.get(record_id)

    def insert_many(self, records: list[dict]) -> None:
        fresh = [r for r in records if r["id"] not in self]
        self._tiny.insert_multiple(Document(r, doc_id=r["id"]) for r in fresh)

    def upsert(self, record: dict) -> None:
        self._tiny.upsert(Document(record, doc_id=record["id"]))

    def update(self, record_id: str, fields: dict) -> None:
        if record_id not in self:
            raise NotFound(f"no {self.name} record {record_id}")
        self._tiny.update(fields, doc_ids=[record_id])

    def remove(self, record_id: str) -> None:
        self._tiny.remove(doc_ids=[record_id])

    def resolve(self, prefix: str) -> dict:
        """The one record whose ID is `prefix` or starts with it, as git resolves hashes."""
        prefix = prefix.strip().lower()
        exact = self.get(prefix) if prefix else None
        if exact is not None:
            return exact
        matches = [i for i in self.ids() if prefix and i.startswith(prefix)]
        if not matches:
            raise NotFound(f"no {self.name} record with ID {prefix!r}")
        if len(matches) > 1:
            shown = ", ".join(sorted(matches)[:5])
            raise AmbiguousID(f"ID prefix {prefix!r} matches {len(matches)} {self.name}: {shown}")
        return self.get(matches[0])


class Database:
    """The records of one database, loaded in memory (on first use when read from a file)."""

    def __init__(self, data: dict | None, path: Path, *, source: tuple | None = None):
        """`source`: the fingerprint of the file bytes `data` was parsed from (_fingerprint)."""
        self.path = path
        self.source = source
        self._data = data
        self._loaded: tuple[_MemoryStorage, _TinyDB] | None = None
        self._tables: dict[str, Table] = {}
        self._derived: dict[str, object] = {}

    @classmethod
    def of(cls, tables: dict[str, list[dict]], path: Path | None = None) -> "Database":
        """A database in memory only, holding the given records (for derived views)."""
        data = {name: {r["id"]: r for r in records} for name, records in tables.items()}
        return cls(data, path or Path(":memory:"))

    @property
    def _storage(self) -> _MemoryStorage:
        return self._open()[0]

    @property
    def _tiny(self) -> _TinyDB:
        return self._open()[1]

    def _open(self) -> tuple[_MemoryStorage, _TinyDB]:
        if self._loaded is None:
            if self._data is not None:
                data = self._data
            else:
                raw, self.source = _read_raw(self.path)
                data = _parse(raw, self.path)
            storage = _MemoryStorage(data)
            self._loaded = (storage, _TinyDB(storage=_MemoryStorageFactory(storage)))
            self._data = None
        return self._loaded

    def derived(self, name: str, build: "Build", *, version: int = 1,
                extend: "Extend | None" = None, codec: Codec = cachefile.JSON) -> object:
        """What `build(db)` makes of the whole database, kept in a file beside it.

        The file (``claims.json.<name>.idx``) is only a cache: it is used while the database
        file is the one it was built from (same size, modification time and inode), made again
        otherwise (by `extend` from the stale value where it can, see keep_fresh), and written
        atomically, as plain data (`codec`, see factcheck.cachefile): anyone who can write
        beside the store can replace the file, so reading it must never run code. A damaged or
        foreign file is made again. A database changed in memory is never cached.
        """
        if name in self._derived and not self.dirty:
            return self._derived[name]
        signature = self._signature(name, version)
        cache = _cache_path(self.path, name)
        cached = bool(signature) and self._clean()
        value = _read_cache(cache, signature, codec) if cached else None
        if value is None:
            # Another process wrote without refreshing the cache (or its refresh was cut
            # short): what the cache holds may still be most of the answer.
            stale = _read_cache(cache, signature, codec, any_file=True) \
                if cached and extend else None
            with collector.paused():
                value = _derive(self, build, extend, stale)
            collector.settle(made_from=self.source[1] if self.source else 0)
            signature = self._signature(name, version)  # a view has read the file by now
            if signature and self._clean():
                _write_cache(cache, signature, value, codec)
        if self._clean():
            self._derived[name] = value
        return value

    def _signature(self, name: str, version: int) -> tuple | None:
        """The signature of the file bytes this database was read from, once it has read
        them: a process that wrote between that read and now must not have its file labelled
        with what was built from the older one. Before that, of the file as it is."""
        if self.source is None:
            return _signature(self.path, name, version)
        ino, size, mtime_ns, _ = self.source
        return _label(name, version, size, mtime_ns, ino)

    def _clean(self) -> bool:
        return not self.dirty

    def _unload(self) -> None:
        """Let the records go (loaded again from the file if asked for)."""
        self._data, self._loaded, self.source = None, None, None
        self._tables.clear()
        self._derived.clear()

    def table(self, name: str) -> Table:
        if name not in self._tables:
            self._tables[name] = Table(self._tiny.table(name, cache_size=0), name)
        return self._tables[name]

    @property
    def articles(self) -> Table:
        return self.table("articles")

    @property
    def claims(self) -> Table:
        return self.table("claims")

    @property
    def dirty(self) -> bool:
        return self._loaded is not None and self._loaded[0].dirty

    def raw(self) -> dict:
        return self._storage.data

    def tables(self) -> Iterator[tuple[str, object]]:
        """Every table as stored, whatever its shape, unchecked: what `claims doctor` reads."""
        return iter(self._storage.data.items())

    def drop(self, table: str, key: str | None) -> None:
        """Remove one record (`key` None: the whole table) straight from the data, whatever
        its shape: how `claims doctor` sets aside what the table interface cannot read."""
        data = self._storage.data
        if key is None:
            data.pop(table, None)
        else:
            data[table].pop(key, None)
        self._storage.dirty = True
        self._tables.clear()
        self._derived.clear()

    # Queries: what a command asks of the store, answered here so that the SQL backends
    # (factcheck.sqlstore) answer them from their indexes instead of every record.

    def claims_of_article(self, article: str) -> list[dict]:
        return self.claims.find(article=article)

    def claims_by_speakers(self, ids) -> list[dict]:
        """The claims of these speakers, in the order stored."""
        wanted = set(ids)
        return [dict(c) for c in self.claims.records()
                if (c.get("speaker") or {}).get("id") in wanted]

    def recent_claims(self, limit: int, *, speakers=None) -> list[dict]:
        """The newest claims (published, else added), of these speakers when given."""
        claims = self.claims_by_speakers(speakers) if speakers is not None \
            else self.claims.records()
        return [dict(c) for c in heapq.nsmallest(
            limit, claims, key=lambda c: _Descending(c.get("published") or c.get("added") or ""))]

    def claims_per_speaker(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for claim in self.claims.records():
            sid = (claim.get("speaker") or {}).get("id")
            if sid:
                counts[sid] = counts.get(sid, 0) + 1
        return counts

    def kinds(self) -> list[str]:
        """Every kind of record this database holds."""
        return sorted(name for name, records in self.raw().items()
                      if name != META_TABLE and records)


class _Descending(str):
    """A string that sorts the other way round (heapq.nsmallest is stable; reverse=True is not
    offered with it)."""

    def __lt__(self, other: str) -> bool:
        return str.__gt__(self, other)


class _MemoryStorageFactory:
    """TinyDB builds its storage from a class; this hands it the one we already hold."""

    def __init__(self, storage: _MemoryStorage):
        self._storage = storage

    def __call__(self, *args, **kwargs) -> _MemoryStorage:
        return self._storage


Build = Callable[[Database], object]
# extend(db, old): the value build(db) would make, made from `old` (the value of an earlier
# version of the database, which extend may change in place), or None when it cannot be.
Extend = Callable[[Database, object], object | None]


class _Derivation(NamedTuple):
    build: Build
    version: int
    extend: Extend | None
    codec: Codec


# Derived caches kept fresh by every write: name -> how to make them. See keep_fresh.
_FRESH: dict[str, _Derivation] = {}


def keep_fresh(name: str, build: Build, *, version: int = 1, extend: Extend | None = None,
               codec: Codec = cachefile.JSON) -> None:
    """Make the derived cache `name` (Database.derived) again after each write, where one is kept.

    A desk whose cron job adds claims every few minutes would otherwise pay the rebuild at its
    next search, which is a person waiting; the write pays it instead, after the lock is let go.
    Only a cache file that exists is refreshed: a database nobody searches costs nothing more.

    `extend(db, old)` is given the value the cache held before the write and may make the new
    one from it (a few claims added to 100,000 need not cost a full build); where it returns
    None, `build(db)` runs. Either way the value must be what `build(db)` would make.
    """
    _FRESH[name] = _Derivation(build, version, extend, codec)


def open_store(spec: str | os.PathLike, *, lock_timeout: float = DEFAULT_LOCK_TIMEOUT):
    """The store `spec` names (paths.db_location): a SQLite file or URL, a PostgreSQL URL, or
    else a TinyDB JSON file. Every backend answers the same reads, writes and queries."""
    from factcheck import sqlstore  # the JSON default never loads the SQL drivers

    if sqlstore.is_sql(spec):
        return sqlstore.SqlStore(spec, lock_timeout=lock_timeout)
    return Store(spec, lock_timeout=lock_timeout)


class Store:
    """A database file: read it, or change it under a lock with one atomic write."""

    def __init__(self, path: str | os.PathLike, *, lock_timeout: float = DEFAULT_LOCK_TIMEOUT):
        self.path = Path(path)
        self.lock_timeout = lock_timeout

    def read(self, *, check: bool = True) -> Database:
        """The database as it is now; changes made to it are not saved (but see `write`).

        `check`: refuse a record of the wrong shape (BadRecord); without it, the records are
        as the file has them, for `claims doctor` to judge."""
        raw, source = _read_raw(self.path)
        return Database(_parse(raw, self.path, check=check), self.path, source=source)

    def view(self) -> Database:
        """As `read`, but the file is loaded only when a record is asked for, so a view that
        a derived cache answers (Database.derived) never parses the whole file."""
        return Database(None, self.path)

    @contextmanager
    def write(self, *, reuse: Database | None = None,
              check: bool = True) -> Iterator[Database]:
        """Lock, load, let the caller change the database, then save it atomically if changed.

        If the caller raises, nothing is written and the file stays as it was.

        `reuse`: a database `read` earlier without the lock (watch reads one while it fetches).
        If the file is still the bytes it was read from, it is used as it is rather than
        parsed again (a second at 100,000 claims); otherwise its records are let go first, so
        a large store is never in memory twice.

        `check`: as for `read`.
        """
        lock = filelock.FileLock(str(self.path) + ".lock", timeout=self.lock_timeout)
        try:
            lock.acquire()
        except filelock.Timeout:
            raise LockTimeout(
                f"{self.path} is locked by another claims process; gave up after "
                f"{self.lock_timeout:g}s"
            ) from None
        except OSError as exc:  # a folder that cannot be written, a lock path that is a folder
            raise DatabaseError(f"cannot lock {self.path}: {exc.strerror or exc}: "
                                f"{exc.filename or lock.lock_file}") from None
        fresh = None
        try:
            _remove_leftovers(self.path)
            db = self._load_locked(reuse, check=check)
            yield db
            if db.dirty or not self.path.exists():
                _atomic_write(self.path, db.raw())
                fresh = _kept_caches(self.path)
        finally:
            lock.release()
        if fresh:
            _refresh(Database(db.raw(), self.path), fresh)


    def _load_locked(self, reuse: Database | None, *, check: bool) -> Database:
        raw, source = _read_raw(self.path)
        if reuse is not None:
            if source is not None and reuse.source == source and not reuse.dirty:
                return reuse
            reuse._unload()
        return Database(_parse(raw, self.path, check=check), self.path, source=source)


def _remove_leftovers(path: Path) -> None:
    """Temporary files of the store and its caches that killed writers left (up to the size
    of the store each): removed by the next write, under its lock."""
    files.remove_leftovers(path, older_than=STORE_TEMP_SECONDS)
    for name in _FRESH:
        files.remove_leftovers(_cache_path(path, name), older_than=CACHE_TEMP_SECONDS)


def _read_raw(path: Path) -> tuple[bytes, tuple | None]:
    """The file's bytes (empty when there is no file: a new database) and their fingerprint."""
    try:
        with path.open("rb") as fh:
            # The status of the file read, not of whatever the path names a moment later.
            status = os.fstat(fh.fileno())
            raw = fh.read()
    except FileNotFoundError:
        return b"", None
    except OSError as exc:
        raise DatabaseError(f"cannot read {path}: {exc.strerror}") from None
    if not raw.strip():
        # Every database written holds at least its schema record, so an empty file was cut
        # short (a full disk, a copy stopped halfway), not started: writing over it would
        # make the loss final.
        raise DatabaseError(
            f"{path} is empty ({len(raw)} bytes), which no claims database is: it was likely "
            f"cut short; it was left as it is: restore it from a backup, or delete it to "
            f"start a new database")
    return raw, _fingerprint(raw, status)


def _fingerprint(raw: bytes, status: os.stat_result) -> tuple:
    """What tells one version of the file from another. Writers replace the file (a new
    inode, size and time); the checksum (~0.03 s at 127 MB) is there so that even a file
    rewritten in place with its old time and size is never taken for the one read before:
    reusing stale records would write another run's claims away."""
    return (status.st_ino, status.st_size, status.st_mtime_ns, zlib.crc32(raw))


def _parse(raw: bytes, path: Path, *, check: bool = True) -> dict:
    """The tables in `raw`; `check`: every record of the right shape (factcheck.schema), or
    BadRecord naming the first that is not."""
    if not raw.strip():
        return _empty()
    try:
        with collector.paused():
            data = orjson.loads(raw)
        collector.settle(made_from=len(raw))
    except orjson.JSONDecodeError as exc:
        raise DatabaseError(f"{path} is not valid JSON ({exc}); it was left as it is") from None
    if not isinstance(data, dict):
        raise DatabaseError(f"{path} is not a claims database; it was left as it is")
    if check:
        _check_records(data, path)
    version = _schema_version(data)
    if version > SCHEMA_VERSION:
        raise DatabaseError(
            f"{path} has schema version {version}, newer than this factcheck "
            f"({SCHEMA_VERSION}); upgrade factcheck"
        )
    return data


def _check_records(data: dict, path: Path) -> None:
    # The schema version first: what a newer version wrote is for that version to judge.
    if _schema_version(data) > SCHEMA_VERSION:
        return
    bad = schema.first_problem(data)
    if bad is not None:
        raise BadRecord(schema.refusal(str(path), bad))


def _schema_version(data: dict) -> int:
    meta = data.get(META_TABLE)
    record = meta.get(schema.SCHEMA_RECORD) if isinstance(meta, dict) else None
    version = record.get("version") if isinstance(record, dict) else None
    # A version of the wrong type is the schema check's to report (or doctor's to read).
    return version if isinstance(version, int) and not isinstance(version, bool) \
        else SCHEMA_VERSION


def _kept_caches(path: Path) -> list[tuple[Path, tuple, _Derivation]]:
    """The caches to make again after a write, each with the signature of the file just written
    (taken under the lock: if another writer changes the file before the refresh ends, the
    cache does not match it and is made again when next used)."""
    out = []
    for name, derivation in _FRESH.items():
        cache = _cache_path(path, name)
        signature = _signature(path, name, derivation.version)
        if cache.exists() and signature:
            out.append((cache, signature, derivation))
    return out


def _refresh(db: Database, caches: list) -> None:
    for cache, signature, derivation in caches:
        if not _matches_file(db.path, signature):
            continue  # another write meanwhile: its own refresh makes the cache
        try:
            # The cache was made for the file before this write: no longer its signature,
            # but what extend starts from.
            before = _read_cache(cache, signature, derivation.codec, any_file=True) \
                if derivation.extend else None
            with collector.paused():
                value = _derive(db, derivation.build, derivation.extend, before)
        except Exception:  # noqa: BLE001
            # The write is done and safe; a cache that cannot be made here is dropped, so
            # the next search builds it and shows whatever went wrong where it belongs.
            with contextlib.suppress(OSError):
                cache.unlink()
            continue
        # Another write meanwhile has made this one stale: leave the cache to that writer.
        if _matches_file(db.path, signature):
            _write_cache(cache, signature, value, derivation.codec)


def _derive(db: Database, build: Build, extend: Extend | None, old) -> object:
    """`extend(db, old)` where there is an old value and it can be extended, else `build(db)`."""
    value = extend(db, old) if extend is not None and old is not None else None
    return build(db) if value is None else value


def _matches_file(path: Path, signature: tuple) -> bool:
    return _signature(path, *signature[:2]) == signature


def _cache_path(path: Path, name: str) -> Path:
    return Path(f"{path}.{name}.idx")


def _signature(path: Path, name: str, version: int) -> tuple | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return _label(name, version, st.st_size, st.st_mtime_ns, st.st_ino)


def _label(name: str, version: int, size: int, mtime_ns: int, ino: int) -> tuple:
    # _read_cache(any_file=True) relies on the first three: derivation, version, schema
    return (name, version, SCHEMA_VERSION, size, mtime_ns, ino)


def _read_cache(cache: Path, signature: tuple, codec: Codec, *, any_file: bool = False):
    """The value kept in `cache` if it was made under `signature`, or None. `any_file`: made
    by the same derivation and schema from any version of the database file (a stale value)."""
    # A signature is the derivation's name and version and the schema, then the file's size,
    # time and inode.
    def accept(found: tuple) -> bool:
        return found == signature or (any_file and found[:3] == signature[:3])

    try:
        with collector.paused():
            sections = cachefile.read(cache, accept)
            if sections is None:
                return None
            value = codec.decode(sections)
        collector.settle(made_from=cache.stat().st_size)
    except (OSError, ValueError, TypeError, KeyError, IndexError):
        return None  # a missing, stale, damaged or foreign cache is made again
    return value


def _write_cache(cache: Path, signature: tuple, value, codec: Codec) -> None:
    with contextlib.suppress(OSError):  # a read-only folder: search works, only uncached
        cachefile.write(cache, signature, codec.encode(value))


def _empty() -> dict:
    return {META_TABLE: {"schema": {"version": SCHEMA_VERSION}}}


def _atomic_write(path: Path, data: dict) -> None:
    data.setdefault(META_TABLE, {})["schema"] = {"version": SCHEMA_VERSION}
    payload = orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n"
    try:
        write_atomic(path, payload)
    except OSError as exc:
        raise DatabaseError(f"cannot write {path}: {exc.strerror}") from None
