"""The SQL backends of the store: SQLite (one machine at scale) and PostgreSQL (a shared store).

Every record is kept whole as a JSON document (`doc`), so a field another module adds to a
claim is kept on every backend without a change here; beside it, each kind of record has the
columns its queries need (a claim's article, speaker and date), filled from the document on
every write. A kind not named in KINDS lives in the generic `records` table.

Both engines accept the same SQL text here (ON CONFLICT upserts, a `?` placeholder that
becomes `%s` for psycopg): the differences are the few lines of `_Dialect`.

Writers: a write is one transaction. SQLite takes its write lock at BEGIN IMMEDIATE. On
PostgreSQL writers run side by side and lock only the records they change: a record that must
be stored once (an article, a contradiction) is claimed by its unique key (INSERT ... ON
CONFLICT DO NOTHING: the second of two `add`s of one article waits for the first to commit,
then finds it stored), and a record changed from what was read (a review, a speaker, a claim's
appearances) is read again under its row lock (SELECT ... FOR UPDATE). What every writer
touches (the counters, the vocabulary, the registry's records, crowded index keys) is written
at the end, just before COMMIT, in one order for all (SharedWrites): held for the moment of a
commit, never a whole `add`, and taken in one order, so never a deadlock among them. A writer
killed mid-way lets go of its locks with its connection while the server rolls it back.
Readers never wait.
"""

import contextlib
import os
import re
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import orjson

from factcheck import schema
from factcheck.errors import AmbiguousID, BadRecord, DatabaseError, LockTimeout, NotFound
from factcheck.normalize import fold_word

SCHEMA_VERSION = 5  # 2: form_counts; 3: speaker_counts, claims_speaker_day; 4: rows merged;
# 5: speaker_keys
SQLITE_SUFFIXES = (".sqlite", ".sqlite3", ".db")
_PG_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")
_SQLITE_MAGIC = b"SQLite format 3\x00"
# The advisory lock a PostgreSQL process holds while it creates or upgrades the schema (an
# arbitrary number, the same everywhere): two first connections must not both create it.
_SCHEMA_LOCK = 0x636C61696D73


def _indexing():
    # The index tables' module (and the matcher and search it reads with) is loaded by the
    # commands that write or match, not by every `list` or `review`.
    from factcheck import indexing

    return indexing


@dataclass(frozen=True)
class Column:
    """One indexed column of a kind of record, read from its document."""

    name: str
    read: Callable[[dict], object]


def _speaker_id(doc: dict) -> str | None:
    return (doc.get("speaker") or {}).get("id")


def _when(doc: dict) -> str:
    return doc.get("published") or doc.get("added") or ""


def _statement(doc: dict) -> str | None:
    try:
        return _indexing().statement_digest(doc)
    except (KeyError, TypeError, AttributeError):
        return None  # a claim of the wrong shape: stored, refused when read


# Kind -> its indexed columns. Claims are numbered (`n`) in the order stored.
KINDS: dict[str, tuple[Column, ...]] = {
    "claims": (Column("article", lambda d: d.get("article")), Column("speaker", _speaker_id),
               Column("at", _when), Column("day", lambda d: _when(d)[:10]),
               Column("outlet", lambda d: fold_word(d.get("outlet") or "")),
               Column("lang", lambda d: d.get("lang")),
               Column("negated", lambda d: "1" if d.get("negated") else "0"),
               Column("statement", _statement)),
    "articles": (Column("at", _when),),
    "contradictions": (Column("a", lambda d: d.get("a")), Column("b", lambda d: d.get("b")),
                       Column("status", lambda d: d.get("status")),
                       Column("created", lambda d: d.get("created"))),
}
INDEXES = {
    "claims": ("article", "at", "statement"),
    "articles": ("at",),
    "contradictions": ("a", "b", "status"),
}
GENERIC = "records"
# The index tables made from each kind of record (emptied with it).
_INDEX_TABLES = {"claims": ("postings", "terms", "forms", "form_counts", "speaker_counts"),
                 "speakers": ("name_parts", "speaker_keys")}


def is_sql(spec: str | os.PathLike) -> bool:
    """Whether a --db value names a SQL store: a URL, a .sqlite file, or a SQLite file's bytes."""
    text = str(spec)
    if text.startswith(_PG_SCHEMES) or text.startswith("sqlite:///"):
        return True
    if text.endswith(SQLITE_SUFFIXES):
        return True
    try:
        with open(text, "rb") as fh:
            return fh.read(16) == _SQLITE_MAGIC
    except OSError:
        return False


class _Dialect:
    """What differs between the engines, and nothing else."""

    name = "sqlite"
    doc_type = "TEXT"
    text_type = "TEXT"
    blob_type = "BLOB"
    serial = "INTEGER PRIMARY KEY"
    # A number no claim has had: SQLite numbers a new row after the largest one.
    next_claim_number = "SELECT COALESCE(MAX(n), 0) + 1 FROM claims"
    # Rows another writer has locked are left to it (SQLite has one writer at a time).
    skip_locked = ""

    def sql(self, text: str) -> str:
        return text

    def among(self, values: list) -> tuple[str, tuple]:
        """`IN` these values, as SQL after a column and its parameters."""
        return f"IN ({', '.join('?' * len(values))})", tuple(values)

    def doc(self, record: dict):
        return orjson.dumps(record).decode()

    def load(self, value) -> dict:
        return orjson.loads(value)


class _Postgres(_Dialect):
    name = "postgresql"
    doc_type = "JSONB"
    # Byte order, as SQLite compares: an ID prefix is a range of the index in any locale.
    text_type = 'TEXT COLLATE "C"'
    blob_type = "BYTEA"
    serial = "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
    # From the column's own sequence, which the next insert then never reuses.
    next_claim_number = "SELECT nextval(pg_get_serial_sequence('claims', 'n'))"
    skip_locked = " FOR UPDATE SKIP LOCKED"

    def sql(self, text: str) -> str:
        return text.replace("?", "%s")

    def among(self, values: list) -> tuple[str, tuple]:
        # One array parameter: psycopg splits a query at each of its placeholders with a
        # regular expression, and a list of 5,000 was most of a `search` at 1M claims.
        return "= ANY(?)", (list(values),)

    def doc(self, record: dict):
        from psycopg.types.json import Jsonb

        return Jsonb(record, dumps=_dumps_text)

    def load(self, value) -> dict:
        return value if isinstance(value, dict) else orjson.loads(value)


def _dumps_text(value) -> str:
    return orjson.dumps(value).decode()


class Connection:
    """One connection to the engine, with SQL written once for both."""

    def __init__(self, raw, dialect: _Dialect, where: str):
        self.raw, self.dialect, self.where = raw, dialect, where

    def run(self, text: str, params: Iterable = ()):
        try:
            cur = self.raw.cursor()
            cur.execute(self.dialect.sql(text), tuple(params))
            return cur
        except Exception as exc:  # noqa: BLE001 - each driver's own errors, sorted below
            raise _translated(exc, self.where) from exc

    def many(self, text: str, rows: list[tuple]) -> None:
        if not rows:
            return
        try:
            self.raw.cursor().executemany(self.dialect.sql(text), rows)
        except Exception as exc:  # noqa: BLE001
            raise _translated(exc, self.where) from exc

    def rows(self, text: str, params: Iterable = ()) -> list[tuple]:
        return self.run(text, params).fetchall()

    def among(self, values: list) -> tuple[str, tuple]:
        """`IN` these values, as SQL after a column and its parameters (_Dialect.among)."""
        return self.dialect.among(values)

    def value(self, text: str, params: Iterable = ()):
        row = self.run(text, params).fetchone()
        return row[0] if row else None


def _translated(exc: Exception, where: str) -> Exception:
    """A driver's error as the domain error it is, or itself when it is a bug."""
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if isinstance(exc, sqlite3.OperationalError) and "locked" in message:
        return LockTimeout(f"{where} is locked by another claims process ({message})")
    if isinstance(exc, sqlite3.DatabaseError) and not isinstance(
            exc, sqlite3.IntegrityError | sqlite3.ProgrammingError | sqlite3.InterfaceError):
        return DatabaseError(f"{where}: {message}")
    if type(exc).__module__.startswith("psycopg"):
        import psycopg.errors as pg

        if isinstance(exc, pg.LockNotAvailable | pg.QueryCanceled):
            return LockTimeout(f"{where} is locked by another claims process ({message})")
        if isinstance(exc, pg.OperationalError):
            return DatabaseError(f"{where}: {message}")
    return exc


class Table:
    """One kind of record in a SQL store: single records by ID or prefix, and counts."""

    def __init__(self, db: "Database", name: str):
        self.db, self.name = db, name
        self.columns = KINDS.get(name)
        if self.columns is None:
            self._from, self._where, self._key = GENERIC, "kind = ? AND ", (name,)
        else:
            self._from, self._where, self._key = name, "", ()

    @property
    def _conn(self) -> Connection:
        return self.db.conn

    def _select(self, what: str, condition: str = "", params: tuple = (),
                tail: str = "") -> list[tuple]:
        where = (self._where + condition) if condition else self._where.removesuffix(" AND ")
        clause = f" WHERE {where}" if where else ""
        return self._conn.rows(f"SELECT {what} FROM {self._from}{clause}{tail}",
                               self._key + params)

    def __len__(self) -> int:
        return self._select("COUNT(*)")[0][0] + len(self.db.shared.new_ids(self.name))

    def __contains__(self, record_id: str) -> bool:
        return self.db.shared.pending(self.name, record_id) is not None or bool(
            self._select("1", "id = ?", (record_id,)))

    def get(self, record_id: str) -> dict | None:
        pending = self.db.shared.pending(self.name, record_id)
        if pending is not None:
            return dict(pending.value)
        found = self._select("id, doc", "id = ?", (record_id,))
        return self.load(*found[0]) if found else None

    def well_formed(self, record) -> bool:
        return self._plain(record) or not schema.record_problem(self.name, None, record)

    def _plain(self, record) -> bool:
        plain = schema.PLAIN.get(self.name)
        return plain is not None and type(record) is dict and plain(record)

    def load(self, record_id: str, doc) -> dict:
        """A record as read, checked for the shape the code relies on (factcheck.schema)."""
        record = self.db.dialect.load(doc)
        if self._plain(record) and record.get("id") == record_id:
            return record
        problem = schema.record_problem(self.name, record_id, record)
        if problem:
            raise BadRecord(schema.refusal(self.db.conn.where,
                                           schema.Problem(self.name, record_id, problem)))
        return record

    def documents(self) -> dict[str, object]:
        """Every record as stored, by ID, unchecked (a document that is not JSON as its text)."""
        out: dict[str, object] = {}
        for rid, doc in self._select("id, doc", tail=self._order()):
            try:
                out[rid] = self.db.dialect.load(doc)
            except (orjson.JSONDecodeError, TypeError):
                out[rid] = doc
        return out

    def get_many(self, ids: list[str]) -> dict[str, dict]:
        """The records with these IDs that exist, by ID."""
        out: dict[str, dict] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ", ".join("?" * len(chunk))
            for rid, doc in self._select("id, doc", f"id IN ({marks})", tuple(chunk)):
                out[rid] = self.load(rid, doc)
        return out

    def ids_among(self, ids: list[str]) -> set[str]:
        """Which of these IDs are stored."""
        out: set[str] = set()
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ", ".join("?" * len(chunk))
            out.update(rid for (rid,) in self._select("id", f"id IN ({marks})", tuple(chunk)))
        return out

    def all(self) -> list[dict]:
        return [self.load(*row) for row in self._select("id, doc", tail=self._order())]

    records = all

    def ids(self) -> list[str]:
        return [*(rid for (rid,) in self._select("id", tail=self._order())),
                *self.db.shared.new_ids(self.name)]

    def scan(self, batch: int = 5000) -> Iterator[list[dict]]:
        """Every record in the order stored, `batch` at a time, never all in memory at once."""
        key = "n" if self.name in ("claims", "articles") else "id"
        last = None
        while True:
            after = (f"{key} > ?", (last,)) if last is not None else ("", ())
            rows = self._select(f"{key}, id, doc", after[0], after[1],
                                f" ORDER BY {key} LIMIT {int(batch)}")
            if not rows:
                return
            last = rows[-1][0]
            yield [self.load(rid, doc) for _, rid, doc in rows]

    def clear(self) -> None:
        """Remove every record of this kind."""
        self._conn.run(f"DELETE FROM {self._from}" + (" WHERE kind = ?" if self._key else ""),
                       self._key)
        for table in _INDEX_TABLES.get(self.name, ()):
            self._conn.run(f"DELETE FROM {table}")
        self.db.shared.forget(self.name)
        if self.name == "claims":
            self._conn.run("UPDATE meta SET value = '0' WHERE key = 'statements'")

    def _order(self) -> str:
        return " ORDER BY n" if self.name in ("claims", "articles") else " ORDER BY id"

    def find(self, **fields) -> list[dict]:
        """Records whose top-level fields equal the given values (indexed columns only)."""
        names = {c.name for c in self.columns or ()}
        if not set(fields) <= names:
            raise ValueError(f"{self.name} has no indexed column among {sorted(fields)}")
        condition = " AND ".join(f"{k} = ?" for k in fields)
        return [self.load(*row) for row in self._select("id, doc", condition,
                                                        tuple(fields.values()), self._order())]

    def _row(self, record: dict) -> tuple:
        values = tuple(c.read(record) for c in self.columns or ())
        return (*self._key, record["id"], *values, self.db.dialect.doc(record))

    def _insert_sql(self, conflict: str) -> str:
        names = ["id", *(c.name for c in self.columns or ()), "doc"]
        if self.columns is None:
            names.insert(0, "kind")
        marks = ", ".join("?" * len(names))
        target = "(kind, id)" if self.columns is None else "(id)"
        return (f"INSERT INTO {self._from} ({', '.join(names)}) VALUES ({marks}) "
                f"ON CONFLICT {target} {conflict}")

    def _upsert_sql(self) -> str:
        names = [*(c.name for c in self.columns or ()), "doc"]
        sets = ", ".join(f"{k} = excluded.{k}" for k in names)
        return self._insert_sql(f"DO UPDATE SET {sets}")

    def insert(self, record: dict) -> str:
        if not self.insert_new(record):
            raise DatabaseError(f"{self.name} record {record['id']} already exists")
        return record["id"]

    def insert_new(self, record: dict) -> bool:
        """Store the record unless one with its ID is stored; whether it was. A writer
        storing the same ID at the same time is waited for: stored if it commits, not if it
        rolls back."""
        cur = self._conn.run(self._insert_sql("DO NOTHING"), self._row(record))
        if cur.rowcount == 0:
            return False
        self._count_speakers([record], 1)
        self.db.changed(self.name, [record], new=True)
        return True

    def change(self, record_id: str, change: Callable[[dict | None], dict], *,
               moved: Callable[[dict | None], bool] | None = None) -> None:
        """Make the record change(the record as stored, or None): seen by this transaction
        at once, written just before it commits, with `change` made again then to the record
        as stored at that moment, under its row lock (what another writer changed meanwhile
        is kept). `moved(the record as stored then, or None if gone)`, for a record that was
        stored: whether what the change stands for has gone elsewhere meanwhile (a speaker
        merged or split by a writer that committed), in which case it made the change there
        and it is not made here."""
        self.db.shared.change(self, record_id, change, moved)

    def insert_many(self, records: list[dict]) -> None:
        """Store the records not stored yet (by ID); those stored already stay as they are."""
        stored = self.ids_among([r["id"] for r in records])
        fresh = list({r["id"]: r for r in records if r["id"] not in stored}.values())
        self._conn.many(self._insert_sql("DO NOTHING"), [self._row(r) for r in fresh])
        self._count_speakers(fresh, 1)
        self.db.changed(self.name, fresh, new=True)

    def upsert(self, record: dict) -> None:
        before = self.get_for_update(record["id"]) if self.name == "claims" else None
        self._conn.run(self._upsert_sql(), self._row(record))
        if before is None or _speaker_id(before) != _speaker_id(record):
            self._count_speakers([before] if before is not None else [], -1)
            self._count_speakers([record], 1)
        index = _indexing()
        if before is not None and index.entries([(0, before)], {0}) != index.entries(
                [(0, record)], {0}):
            self.db.reindex(record)
        self.db.changed(self.name, [record], new=False)

    def update(self, record_id: str, fields: dict) -> None:
        current = self.get_for_update(record_id)
        if current is None:
            raise NotFound(f"no {self.name} record {record_id}")
        self.upsert({**current, **fields})

    def _count_speakers(self, records: list[dict], sign: int) -> None:
        """Keep speaker_counts (claims per speaker) with the claims just written or removed."""
        if self.name != "claims":
            return
        counts: dict[str, int] = {}
        for record in records:
            sid = _speaker_id(record)
            if sid is not None:
                counts[sid] = counts.get(sid, 0) + sign
        self.db.shared.count_speakers(counts)

    def get_for_update(self, record_id: str) -> dict | None:
        lock = " FOR UPDATE" if self.db.dialect.name == "postgresql" else ""
        found = self._select("id, doc", "id = ?", (record_id,), lock)
        return self.load(*found[0]) if found else None

    def remove(self, record_id: str) -> None:
        if self.name == "claims":
            speaker = self._select("speaker", "id = ?", (record_id,))
            self._count_speakers([{"speaker": {"id": sid}} for (sid,) in speaker], -1)
        self._conn.run(f"DELETE FROM {self._from} WHERE {self._where}id = ?",
                       (*self._key, record_id))
        self.db.changed(self.name, [{"id": record_id}], new=False, removed=True)

    def resolve(self, prefix: str) -> dict:
        """The one record whose ID is `prefix` or starts with it, as git resolves hashes."""
        prefix = prefix.strip().lower()
        exact = self.get(prefix) if prefix else None
        if exact is not None:
            return exact
        bounds = (prefix, _after(prefix)) if prefix else ()
        matches = [rid for (rid,) in self._select(
            "id", "id >= ? AND id < ?", bounds, " ORDER BY id LIMIT 6")] if prefix else []
        if not matches:
            raise NotFound(f"no {self.name} record with ID {prefix!r}")
        if len(matches) > 1:
            count = self._select("COUNT(*)", "id >= ? AND id < ?", bounds)[0][0]
            shown = ", ".join(matches[:5])
            raise AmbiguousID(f"ID prefix {prefix!r} matches {count} {self.name}: {shown}")
        return self.get(matches[0])


def _after(prefix: str) -> str:
    """The first string after every string starting with `prefix`."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def write_index(conn: Connection, numbered: list[tuple[int, dict]],
                shared: "SharedWrites") -> None:
    """Add claims (with their numbers) to the search and matching tables: their own rows now,
    the rows other writers share (counts, new vocabulary, merges) through `shared`."""
    digests = sorted({_indexing().statement_digest(c) for _, c in numbered})
    firsts: set[int] = set()
    for start in range(0, len(digests), 500):
        chunk = digests[start:start + 500]
        firsts.update(n for (n,) in conn.rows(
            f"SELECT MIN(n) FROM claims WHERE statement IN ({', '.join('?' * len(chunk))}) "
            "GROUP BY statement", chunk))
    firsts &= {n for n, _ in numbered}
    shared.statements += len(firsts)
    postings, forms, terms = _indexing().entries(numbered, firsts)
    conn.many("INSERT INTO postings (field, term, claims) VALUES (?, ?, ?)",
              [(f, t, _indexing().pack(ns)) for (f, t), ns in postings.items()])
    conn.many("INSERT INTO forms (form, claims) VALUES (?, ?)",
              [(f, _indexing().pack(ns)) for f, ns in forms.items()])
    for form, ns in forms.items():
        shared.forms[form] += len(ns)
    shared.terms |= terms
    shared.crowded["forms"].update((f,) for f in forms)
    shared.crowded["postings"].update((t, f) for f, t in postings)


# Past this many rows, the small rows of one key (a form, a term of a field) are merged by the
# write that adds the next: a row is written per write, and a desk's cron adds one every few
# minutes, so a common key would otherwise be thousands of rows scattered over the file, each
# read on its own by every check (37,600 rows for one article at 1M claims: 0.7 s). Only the
# newest, smaller rows are merged (merge_small), so a number is rewritten a few times in all,
# not once every few writes.
MERGE_FROM = 8
_KEYS = {"forms": ("form",), "postings": ("term", "field")}


def merge_crowded(conn: Connection, table: str, keys: list[tuple]) -> None:
    """Merge the rows of each of these keys of `table` that has more than MERGE_FROM."""
    columns = _KEYS[table]
    wanted = set(keys)
    crowded = []
    for chunk in _chunked(sorted({k[0] for k in keys})):
        crowded += [tuple(row[:-1]) for row in conn.rows(
            f"SELECT {', '.join(columns)}, COUNT(*) FROM {table} WHERE {columns[0]} IN "
            f"({', '.join('?' * len(chunk))}) GROUP BY {', '.join(columns)} "
            "HAVING COUNT(*) > ?", (*chunk, MERGE_FROM))]
    for key in sorted(k for k in crowded if k in wanted):
        merge_small(conn, table, key)


def merge_small(conn: Connection, table: str, key: tuple) -> None:
    """Merge the smallest rows of a key: those that together hold no more than the next
    larger row (all of them if no such run of two or more); a row is named by its first
    number (the rows of a key hold different claims)."""
    where = " AND ".join(f"{c} = ?" for c in _KEYS[table])
    # Rows another writer is merging are left to it: each row is merged by one writer.
    rows = sorted(conn.rows(f"SELECT LENGTH(claims), SUBSTR(claims, 1, 4) FROM {table} "
                            f"WHERE {where}{conn.dialect.skip_locked}", key), reverse=True)
    first = 0
    for i in range(1, len(rows) - 1):
        if sum(size for size, _ in rows[i:]) <= rows[i - 1][0]:
            first = i
            break
    heads = [bytes(head) for _, head in rows[first:]]
    if len(heads) < 2:
        return
    chosen = f"{where} AND SUBSTR(claims, 1, 4) IN ({', '.join('?' * len(heads))})"
    # What this DELETE removed, not what a SELECT before it saw: never a number twice.
    blobs = [bytes(b) for (b,) in conn.rows(f"DELETE FROM {table} WHERE {chosen} "
                                             "RETURNING claims", (*key, *heads))]
    if blobs:
        _insert_merged(conn, table, key, blobs)


def merge_rows(conn: Connection, table: str, key: tuple) -> None:
    """The rows of one key as one row, numbers in the order stored (by each row's first)."""
    where = " AND ".join(f"{c} = ?" for c in _KEYS[table])
    blobs = [bytes(b) for (b,) in conn.rows(f"SELECT claims FROM {table} WHERE {where}", key)]
    if len(blobs) < 2:
        return
    conn.run(f"DELETE FROM {table} WHERE {where}", key)
    _insert_merged(conn, table, key, blobs)


def _insert_merged(conn: Connection, table: str, key: tuple, blobs: list[bytes]) -> None:
    blobs.sort(key=lambda b: int.from_bytes(b[:4], "little"))  # as indexing.pack wrote them
    names = ", ".join((*_KEYS[table], "claims"))
    conn.run(f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * (len(key) + 1))})",
             (*key, b"".join(blobs)))


def _chunked(items: list, size: int = 500):
    for start in range(0, len(items), size):
        yield items[start:start + size]


# How many statements hold each index key: a match reads the counts of every key of every
# candidate, which the forms rows (one per write that added some) make a scan of thousands of
# rows for a common key once the store has had thousands of writes.
COUNT_FORMS = ("INSERT INTO form_counts (form, n) VALUES (?, ?) ON CONFLICT (form) "
               "DO UPDATE SET n = form_counts.n + excluded.n")
# How many claims each speaker has: a search of a name weighs the speaker's claims by their
# count and ranks them by date per speaker (claims_speaker_day), never listing them one by one.
COUNT_SPEAKERS = ("INSERT INTO speaker_counts (speaker, n) VALUES (?, ?) ON CONFLICT (speaker) "
                  "DO UPDATE SET n = speaker_counts.n + excluded.n")
ADD_TERMS = ("INSERT INTO terms (term, len, rterm, skeleton) VALUES (?, ?, ?, ?) "
             "ON CONFLICT (term) DO NOTHING")


@dataclass
class _Change:
    """A record a transaction changes through Table.change: as it sees it, and how."""

    stored: bool  # whether a record was stored when the transaction first changed it
    value: dict
    changes: list  # (change, moved) in the order made


class SharedWrites:
    """What a transaction writes to rows other writers write too, kept until just before its
    COMMIT (flush). Each is an increment or a change made again to the row as it is then, so
    nothing another writer committed meanwhile is lost; and every writer takes these rows'
    locks in one order (records by kind and ID, the statement count, form counts, speaker
    counts, terms, crowded keys, each in key order), so no two wait for each other in a ring.
    """

    def __init__(self):
        self.records: dict[tuple[str, str], _Change] = {}
        self.statements = 0
        self.forms: dict[str, int] = defaultdict(int)
        self.speakers: dict[str, int] = defaultdict(int)
        self.terms: set[str] = set()
        self.crowded: dict[str, set[tuple]] = {table: set() for table in _KEYS}

    def pending(self, kind: str, record_id: str) -> _Change | None:
        return self.records.get((kind, record_id)) if self.records else None

    def new_ids(self, kind: str) -> list[str]:
        """The records of `kind` this transaction creates, not stored yet."""
        return [rid for (k, rid), c in self.records.items() if k == kind and not c.stored] \
            if self.records else []

    def change(self, table: Table, record_id: str, change, moved) -> None:
        found = self.pending(table.name, record_id)
        if found is None:
            before = table.get(record_id)
            found = self.records[(table.name, record_id)] = _Change(before is not None, before,
                                                                    [])
        found.value = change(found.value)
        found.changes.append((change, moved))

    def count_speakers(self, counts: dict[str, int]) -> None:
        for sid, n in counts.items():
            self.speakers[sid] += n

    def forget(self, kind: str) -> None:
        """Nothing pending for records of `kind` (all just removed)."""
        self.records = {k: c for k, c in self.records.items() if k[0] != kind}
        if kind == "claims":
            self.statements = 0
            self.forms.clear()
            self.speakers.clear()
            self.terms.clear()
            for keys in self.crowded.values():
                keys.clear()

    def flush(self, db: "Database") -> None:
        """Write it all, in the one order."""
        self._write_records(db)
        conn = db.conn
        if self.statements:
            conn.run("UPDATE meta SET value = CAST(CAST(value AS BIGINT) + ? AS TEXT) "
                     "WHERE key = 'statements'", (self.statements,))
        conn.many(COUNT_FORMS, sorted((f, n) for f, n in self.forms.items() if n))
        conn.many(COUNT_SPEAKERS, sorted((s, n) for s, n in self.speakers.items() if n))
        conn.many(ADD_TERMS, sorted(_indexing().term_row(t) for t in self.terms))
        for table, keys in sorted(self.crowded.items()):
            merge_crowded(conn, table, sorted(keys))
        self.__init__()

    def _write_records(self, db: "Database") -> None:
        # A change that moved makes itself on another record (the speaker a name stands for
        # now): those are written in a round of their own.
        while self.records:
            records, self.records = self.records, {}
            for (kind, rid), pending in sorted(records.items()):
                table = db.table(kind)
                stored = table.get_for_update(rid)
                value, kept = stored, []
                for change, moved in pending.changes:
                    if pending.stored and moved is not None and moved(stored):
                        continue
                    value = change(value)
                    kept.append((change, moved))
                if not kept:
                    continue
                if stored is None and not table.insert_new(value):
                    # another writer created it and committed meanwhile: change theirs
                    self.records[(kind, rid)] = _Change(True, value, kept)
                elif stored is not None:
                    table.upsert(value)


def write_names(conn: Connection, records: list[dict], *, removed: bool) -> None:
    """The name parts and registry keys of speakers just written (or removed), in place of
    what they had."""
    from factcheck import speakers

    for record in records:
        conn.run("DELETE FROM name_parts WHERE speaker = ?", (record["id"],))
        conn.run("DELETE FROM speaker_keys WHERE speaker = ?", (record["id"],))
        if not removed:
            conn.many("INSERT INTO name_parts (part, rpart, speaker) VALUES (?, ?, ?) "
                      "ON CONFLICT (part, speaker) DO NOTHING",
                      [(p, p[::-1], record["id"]) for p in _indexing().name_parts(record)])
            conn.many("INSERT INTO speaker_keys (speaker, pos, kind, name, surname, joined) "
                      "VALUES (?, ?, ?, ?, ?, ?)",
                      [(record["id"], pos, *row)
                       for pos, row in enumerate(speakers.registry_keys(record))])


class Database:
    """A SQL store as the rest of factcheck sees it: tables of records, and queries."""

    dirty = False  # every change is in the transaction at once; nothing waits in memory

    def __init__(self, conn: Connection, *, writing: bool):
        self.conn, self.dialect, self.writing = conn, conn.dialect, writing
        self.path = Path(conn.where)
        self._tables: dict[str, Table] = {}
        self._derived: dict[str, object] = {}
        self.shared = SharedWrites()

    def table(self, name: str) -> Table:
        if name not in self._tables:
            self._tables[name] = Table(self, name)
        return self._tables[name]

    @property
    def articles(self) -> Table:
        return self.table("articles")

    @property
    def claims(self) -> Table:
        return self.table("claims")

    def changed(self, kind: str, records: list[dict], *, new: bool,
                removed: bool = False) -> None:
        """Bring the index tables up to date with records just written, in the same
        transaction: claims inserted (their terms and forms), speakers written (their names)."""
        if not records:
            return
        if kind == "claims" and new:
            # A record of the wrong shape is stored (readers refuse it, claims doctor sets it
            # aside) but has nothing an index could read.
            claims = self.claims
            records = [r for r in records if claims.well_formed(r)]
            if not records:
                return
            numbers = dict(self.conn.rows(
                f"SELECT id, n FROM claims WHERE id IN ({', '.join('?' * len(records))})",
                [r["id"] for r in records])) if len(records) <= 500 else self._numbers(records)
            write_index(self.conn, [(numbers[r["id"]], r) for r in records], self.shared)
        elif kind == "speakers":
            write_names(self.conn, records, removed=removed)

    def reindex(self, claim: dict) -> None:
        """A stored claim whose indexed words changed (claims edit), indexed again in the same
        transaction: it takes a new number, so the index rows of its old words point at no
        claim (skipped, as a removed claim's are) and its new words are indexed under it."""
        n = self.conn.value(self.dialect.next_claim_number)
        self.conn.run("UPDATE claims SET n = ? WHERE id = ?", (n, claim["id"]))
        write_index(self.conn, [(n, claim)], self.shared)

    def _numbers(self, records: list[dict]) -> dict[str, int]:
        out: dict[str, int] = {}
        ids = [r["id"] for r in records]
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            out.update(self.conn.rows(
                f"SELECT id, n FROM claims WHERE id IN ({', '.join('?' * len(chunk))})", chunk))
        return out

    def derived(self, name: str, build, *, version: int = 1, extend=None,
                codec=None) -> object:
        """Nothing is derived beside a SQL store: its indexes are tables (search_tables,
        matching_claims), kept up to date by every write."""
        return None

    def search_tables(self) -> "indexing.SearchTables":  # noqa: F821
        return _indexing().SearchTables(self)

    def matching_claims(self, claims: list[dict]):
        """The stored claims that may be about the same matter as `claims`, and the document
        frequencies of the whole store (indexing.Frequencies)."""
        return _indexing().matching_claims(self, claims)

    # Queries -----------------------------------------------------------------------------------

    def claims_of_article(self, article: str) -> list[dict]:
        return self.claims.find(article=article)

    def claims_by_speakers(self, ids: Iterable[str]) -> list[dict]:
        """The claims of these speakers, in the order stored."""
        wanted = sorted(set(ids))
        if not wanted:
            return []
        marks = ", ".join("?" * len(wanted))
        return [self.claims.load(*row) for row in self.conn.rows(
            f"SELECT id, doc FROM claims WHERE speaker IN ({marks}) ORDER BY n", wanted)]

    def recent_claims(self, limit: int, *, speakers: Iterable[str] | None = None) -> list[dict]:
        """The newest claims (published, else added), of these speakers when given."""
        params: list = []
        where = ""
        if speakers is not None:
            wanted = sorted(set(speakers))
            if not wanted:
                return []
            where = f" WHERE speaker IN ({', '.join('?' * len(wanted))})"
            params = wanted
        # Newest first; among equal dates the one stored first, as a stable sort leaves them.
        return [self.claims.load(*row) for row in self.conn.rows(
            f"SELECT id, doc FROM claims{where} ORDER BY at DESC, n LIMIT ?", [*params, limit])]

    def registry_keys(self) -> list[tuple[str, str, list[tuple[str, str, str]]]]:
        """Every speaker's kind and registry keys (speakers.registry_keys), by ID."""
        from factcheck import speakers

        out: list[tuple[str, str, list]] = []
        changing = {rid: c.value for (kind, rid), c in self.shared.records.items()
                    if kind == speakers.TABLE}
        for sid, kind, name, surname, joined in self.conn.rows(
                "SELECT speaker, kind, name, surname, joined FROM speaker_keys "
                "ORDER BY speaker, pos"):
            if sid in changing:
                continue  # as this transaction has it, below
            if not out or out[-1][0] != sid:
                out.append((sid, kind, []))
            out[-1][2].append((name, surname, joined))
        for sid, record in sorted(changing.items()):
            rows = speakers.registry_keys(record)
            if rows:
                out.append((sid, rows[0][0], [row[1:] for row in rows]))
        return out

    def claims_per_speaker(self) -> dict[str, int]:
        counts = dict(self.conn.rows("SELECT speaker, n FROM speaker_counts"))
        for sid, n in self.shared.speakers.items():  # what this transaction adds at COMMIT
            counts[sid] = counts.get(sid, 0) + n
        return {sid: n for sid, n in counts.items() if n > 0}

    def tables(self) -> Iterator[tuple[str, dict]]:
        """Every kind of record with its records as stored, unchecked, one kind at a time:
        what `claims doctor` reads."""
        for kind in self.kinds():
            yield kind, self.table(kind).documents()

    def drop(self, table: str, key: str | None) -> None:
        """Remove one record, whatever its shape (`claims doctor --fix`)."""
        if key is None:
            raise DatabaseError(f"a SQL store holds no table {table!r} of the wrong shape")
        self.table(table).remove(key)

    def kinds(self) -> list[str]:
        """Every kind of record this store holds."""
        generic = [k for (k,) in self.conn.rows(f"SELECT DISTINCT kind FROM {GENERIC}")]
        return sorted({*(k for k in KINDS if len(self.table(k))), *generic})


class SqlStore:
    """A SQL store: read it, or change it in one transaction."""

    def __init__(self, spec: str | os.PathLike, *, lock_timeout: float = 30.0):
        self.spec = str(spec)
        self.lock_timeout = lock_timeout
        self.dialect: _Dialect = _Postgres() if self.spec.startswith(_PG_SCHEMES) else _Dialect()
        self.path = Path(self._sqlite_path()) if self.dialect.name == "sqlite" else None
        self._ready = False

    def __str__(self) -> str:
        return self.spec

    def _sqlite_path(self) -> str:
        return self.spec.removeprefix("sqlite:///") if self.spec.startswith("sqlite:///") \
            else self.spec

    def _where(self) -> str:
        return str(self.path) if self.path else _without_password(self.spec)

    def connect(self) -> Connection:
        where = self._where()
        if self.dialect.name == "sqlite":
            try:
                raw = sqlite3.connect(self._sqlite_path(), timeout=self.lock_timeout,
                                      isolation_level=None)
                raw.execute("PRAGMA journal_mode = WAL")
                raw.execute("PRAGMA synchronous = NORMAL")
                raw.execute("PRAGMA foreign_keys = OFF")
            except sqlite3.Error as exc:
                raise DatabaseError(f"cannot open {where}: {exc}") from None
        else:
            import psycopg
            from psycopg.types.json import set_json_loads

            set_json_loads(orjson.loads)
            url = self.spec.replace("postgresql+psycopg://", "postgresql://", 1)
            try:
                raw = psycopg.connect(url, autocommit=True, connect_timeout=10)
            except psycopg.OperationalError as exc:
                first = str(exc).strip().splitlines()[0] if str(exc).strip() else "no answer"
                raise DatabaseError(f"cannot connect to {where}: {first}") from None
        conn = Connection(raw, self.dialect, where)
        if not self._ready:
            _ensure_schema(conn)
            self._ready = True
        return conn

    def read(self) -> Database:
        """The store as it is, each query answered as of when it runs."""
        return Database(self.connect(), writing=False)

    view = read

    @contextmanager
    def write(self, *, reuse: object | None = None) -> Iterator[Database]:
        """One transaction: everything the caller changes is stored, or nothing is."""
        conn = self.connect()
        self._begin(conn)
        try:
            db = Database(conn, writing=True)
            yield db
            db.shared.flush(db)
        except BaseException:
            _rollback(conn)
            raise
        else:
            conn.run("COMMIT")
        finally:
            conn.raw.close()

    def _begin(self, conn: Connection) -> None:
        if self.dialect.name == "sqlite":
            conn.run("BEGIN IMMEDIATE")
            return
        conn.run("BEGIN")
        conn.run(f"SET LOCAL lock_timeout = '{int(self.lock_timeout * 1000)}ms'")


def _without_password(url: str) -> str:
    return re.sub(r"://([^:/@]+):[^@/]*@", r"://\1:***@", url)


def _ensure_schema(conn: Connection) -> None:
    """Create the tables and indexes a new store needs; refuse a schema newer than ours."""
    dialect = conn.dialect
    text = dialect.text_type
    found = _schema_version(conn)
    if found is not None:
        if found > SCHEMA_VERSION:
            raise DatabaseError(f"{conn.where} has schema version {found}, newer than this "
                                f"factcheck ({SCHEMA_VERSION}); upgrade factcheck")
        if found < SCHEMA_VERSION:
            _upgrade(conn)
            if dialect.name == "postgresql":
                # The merged rows left the old ones dead: without this, every lookup of a
                # form visits them until autovacuum comes by (4,020 for 20 forms at 1M).
                conn.run("VACUUM (ANALYZE) forms, postings, speaker_counts, speaker_keys")
                conn.run("ANALYZE claims")  # a store filled in bulk may never have been
        return
    statements = [
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        f"CREATE TABLE IF NOT EXISTS {GENERIC} (kind {text} NOT NULL, id {text} NOT NULL, "
        f"doc {dialect.doc_type} NOT NULL, PRIMARY KEY (kind, id))",
    ]
    for kind, columns in KINDS.items():
        extra = "".join(f", {c.name} {text}" for c in columns)
        statements.append(f"CREATE TABLE IF NOT EXISTS {kind} (n {dialect.serial}, "
                          f"id {text} NOT NULL UNIQUE{extra}, doc {dialect.doc_type} NOT NULL)")
        for column in INDEXES.get(kind, ()):
            statements.append(f"CREATE INDEX IF NOT EXISTS {kind}_{column} ON {kind} ({column})")
    statements.append("CREATE INDEX IF NOT EXISTS claims_recent ON claims (at DESC, n)")
    statements.append("CREATE INDEX IF NOT EXISTS claims_day ON claims (day DESC, n)")
    statements += [SPEAKER_DAY, SPEAKER_COUNTS.format(text=text)]
    blob = dialect.blob_type
    statements += [
        # Search: the claim numbers holding each term, a row per write that added some.
        f"CREATE TABLE IF NOT EXISTS postings (field {text} NOT NULL, term {text} NOT NULL, "
        f"claims {blob} NOT NULL)",
        "CREATE INDEX IF NOT EXISTS postings_term ON postings (term, field)",
        f"CREATE TABLE IF NOT EXISTS terms (term {text} PRIMARY KEY, len INTEGER NOT NULL, "
        f"rterm {text} NOT NULL, skeleton {text})",
        "CREATE INDEX IF NOT EXISTS terms_rterm ON terms (rterm)",
        "CREATE INDEX IF NOT EXISTS terms_skeleton ON terms (skeleton)",
        # Matching: the claim numbers holding each index key (match.claim_forms).
        f"CREATE TABLE IF NOT EXISTS forms (form {text} NOT NULL, claims {blob} NOT NULL)",
        "CREATE INDEX IF NOT EXISTS forms_form ON forms (form)",
        FORM_COUNTS.format(text=text),
        # Speakers' name parts (names.parts), for search by name in any script.
        f"CREATE TABLE IF NOT EXISTS name_parts (part {text} NOT NULL, rpart {text} NOT NULL, "
        f"speaker {text} NOT NULL, PRIMARY KEY (part, speaker))",
        "CREATE INDEX IF NOT EXISTS name_parts_rpart ON name_parts (rpart)",
        "CREATE INDEX IF NOT EXISTS name_parts_speaker ON name_parts (speaker)",
        SPEAKER_KEYS.format(text=text),
    ]
    conn.run("BEGIN")
    try:
        if dialect.name == "postgresql":
            conn.run("SELECT pg_advisory_xact_lock(?)", (_SCHEMA_LOCK,))
        for statement in statements:
            conn.run(statement)
        conn.run("INSERT INTO meta (key, value) VALUES ('schema', ?) ON CONFLICT (key) "
                 "DO NOTHING", (str(SCHEMA_VERSION),))
        # how many different statements the claims make (indexing.matching_claims)
        conn.run("INSERT INTO meta (key, value) VALUES ('statements', '0') ON CONFLICT (key) "
                 "DO NOTHING")
        conn.run("COMMIT")
    except BaseException:
        _rollback(conn)
        raise


FORM_COUNTS = ("CREATE TABLE IF NOT EXISTS form_counts (form {text} PRIMARY KEY, "
               "n BIGINT NOT NULL)")
# The keys the speaker registry looks names up by (speakers.registry_keys), per name of each
# speaker: reading them is what a write's first registration costs, not working out the name
# skeletons of every speaker (0.3 s for 3,000).
SPEAKER_KEYS = ("CREATE TABLE IF NOT EXISTS speaker_keys (speaker {text} NOT NULL, "
                "pos INTEGER NOT NULL, kind {text} NOT NULL, name {text} NOT NULL, "
                "surname {text} NOT NULL, joined {text} NOT NULL, PRIMARY KEY (speaker, pos))")
SPEAKER_COUNTS = ("CREATE TABLE IF NOT EXISTS speaker_counts (speaker {text} PRIMARY KEY, "
                  "n BIGINT NOT NULL)")
# A speaker's claims newest first, as search ranks them among equals (also every lookup of
# claims by speaker: it replaced claims_speaker).
SPEAKER_DAY = "CREATE INDEX IF NOT EXISTS claims_speaker_day ON claims (speaker, day DESC, n)"


def _upgrade(conn: Connection) -> None:
    """An older store brought to this schema in place, in one transaction: 2 adds the form
    counts (from the forms rows it has), 3 the speaker counts and the claims by speaker and
    date (from the claims), 4 merges the rows of each form and term (merge_crowded), 5 keeps
    the speakers' registry keys (speaker_keys)."""
    conn.run("BEGIN")
    try:
        if conn.dialect.name == "postgresql":
            conn.run("SELECT pg_advisory_xact_lock(?)", (_SCHEMA_LOCK,))
        found = int(conn.value("SELECT value FROM meta WHERE key = 'schema'"))
        if found < 2:
            conn.run(FORM_COUNTS.format(text=conn.dialect.text_type))
            conn.run("INSERT INTO form_counts (form, n) SELECT form, SUM(LENGTH(claims)) / 4 "
                     "FROM forms GROUP BY form")
        if found < 3:
            conn.run(SPEAKER_COUNTS.format(text=conn.dialect.text_type))
            conn.run("DELETE FROM speaker_counts")  # counted again whole, whatever it held
            conn.run("INSERT INTO speaker_counts (speaker, n) SELECT speaker, COUNT(*) "
                     "FROM claims WHERE speaker IS NOT NULL GROUP BY speaker")
            conn.run(SPEAKER_DAY)
            conn.run("DROP INDEX IF EXISTS claims_speaker")
        if found < 4:
            for table, columns in _KEYS.items():
                for key in conn.rows(f"SELECT {', '.join(columns)} FROM {table} GROUP BY "
                                     f"{', '.join(columns)} HAVING COUNT(*) > 1"):
                    merge_rows(conn, table, tuple(key))
        if found < 5:
            conn.run(SPEAKER_KEYS.format(text=conn.dialect.text_type))
            database = Database(conn, writing=True)
            for batch in database.table("speakers").scan():
                write_names(conn, batch, removed=False)
        if found < SCHEMA_VERSION:
            conn.run("UPDATE meta SET value = ? WHERE key = 'schema'", (str(SCHEMA_VERSION),))
        conn.run("COMMIT")
    except BaseException:
        _rollback(conn)
        raise


def _rollback(conn: Connection) -> None:
    # A connection the server has dropped has nothing left to roll back.
    with contextlib.suppress(Exception):
        conn.run("ROLLBACK")


def _schema_version(conn: Connection) -> int | None:
    try:
        value = conn.value("SELECT value FROM meta WHERE key = 'schema'")
    except DatabaseError:
        return None
    except Exception as exc:  # noqa: BLE001 - psycopg: no such table
        if type(exc).__module__.startswith("psycopg"):
            return None
        raise
    return int(value) if value is not None else None
