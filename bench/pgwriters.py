"""How far `claims` writers on one PostgreSQL store overlap: N `add`s of different folders at
once, against the same adds one after another, on a throwaway server (tests/pgserver.py).

While the adds run, the server is sampled: how many writers are inside a transaction that has
written something at once, and how many wait on a lock. One store-wide lock shows as at most one
writer at a time and the others waiting; per-record locking as several at once.

    python bench/pgwriters.py --writers 8 --articles 12

Timings on a shared machine are noisy: compare the ratio of one run, not seconds across runs.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

TOWNS = ["Zarqa", "Irbid", "Mafraq", "Karak", "Salt", "Madaba", "Aqaba", "Jerash"]
WORKS = ["ring road", "water plant", "school", "clinic", "bridge", "power station"]
PEOPLE = ["Omar Haddad", "Lina Saleh", "Karim Nasser", "Rana Khalil", "Samir Aziz"]


def article(writer: int, n: int) -> str:
    town, work = TOWNS[(writer + n) % len(TOWNS)], WORKS[n % len(WORKS)]
    who = PEOPLE[(writer * 3 + n) % len(PEOPLE)]
    return (f"Minister {who} said on Tuesday that the {work} in {town} would cost "
            f"{writer * 1000 + n * 7 + 11} million dinars. Officials added that "
            f"{writer * 50 + n + 3} contracts were signed for it in batch {writer}-{n}.\n")


def folders(base: Path, writers: int, articles: int, tag: str) -> list[Path]:
    out = []
    for w in range(writers):
        folder = base / f"{tag}{w}"
        folder.mkdir()
        for n in range(articles):
            text = article(w, n).replace("batch", f"{tag} batch")
            (folder / f"story_{n:03d}.txt").write_text(text, encoding="utf-8")
        out.append(folder)
    return out


def add(folder: Path, spec: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "factcheck", "add", str(folder), "--db", spec],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


class Sampler(threading.Thread):
    """The most writers in a transaction at once, and lock waits seen, every 20 ms."""

    def __init__(self, spec: str):
        super().__init__(daemon=True)
        import psycopg

        self.conn = psycopg.connect(spec, autocommit=True)
        self.stop = threading.Event()
        self.most_writing, self.waiting_samples, self.samples = 0, 0, 0

    def run(self) -> None:
        while not self.stop.is_set():
            writing, waiting = self.conn.execute(
                "SELECT COUNT(*) FILTER (WHERE backend_xid IS NOT NULL), "
                "COUNT(*) FILTER (WHERE wait_event_type = 'Lock') FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()").fetchone()
            self.most_writing = max(self.most_writing, writing)
            self.waiting_samples += waiting > 0
            self.samples += 1
            time.sleep(0.02)


def run(folders_: list[Path], spec: str, *, together: bool) -> tuple[float, Sampler]:
    sampler = Sampler(spec)
    sampler.start()
    start = time.perf_counter()
    if together:
        procs = [add(f, spec) for f in folders_]
        for p in procs:
            _, err = p.communicate()
            if p.returncode:
                raise SystemExit(f"add failed: {err[-2000:]}")
    else:
        for f in folders_:
            p = add(f, spec)
            _, err = p.communicate()
            if p.returncode:
                raise SystemExit(f"add failed: {err[-2000:]}")
    took = time.perf_counter() - start
    sampler.stop.set()
    sampler.join()
    return took, sampler


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--articles", type=int, default=12, help="articles per writer")
    args = parser.parse_args()
    from pgserver import Server

    from factcheck.store import open_store

    server = Server()
    try:
        base = Path(tempfile.mkdtemp(prefix="pgwriters-"))
        spec = server.new_database()
        # The speakers exist before the timed runs, as in a store in use.
        warm = folders(base, 1, 5, "warm")
        run(warm, spec, together=False)
        serial, s_one = run(folders(base, args.writers, args.articles, "s"), spec,
                            together=False)
        together, s_all = run(folders(base, args.writers, args.articles, "t"), spec,
                              together=True)
        db = open_store(spec).read()
        print(f"{args.writers} writers x {args.articles} articles; cores {os.cpu_count()}")
        print(f"one after another: {serial:6.1f} s, most writers in a transaction at once "
              f"{s_one.most_writing}")
        print(f"all at once:       {together:6.1f} s, most writers in a transaction at once "
              f"{s_all.most_writing}, samples with a lock wait {s_all.waiting_samples}/"
              f"{s_all.samples}")
        print(f"ratio serial/together {serial / together:.2f}; articles stored "
              f"{len(db.articles)}, claims {len(db.claims)}")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
