"""What each command costs as the store grows, per backend: whole processes, wall time and peak
memory.

    python bench/scale.py [--sizes 10000,100000,1000000] [--backends json,sqlite,postgresql]
                          [--data ../shared/data] [--json-max 10000] [--template 2000]

For each size and backend a store is built in bulk (not through the CLI: the claims are
written straight into the store, its index tables with them), with a vocabulary drawn from
the words of the real news in ../shared/data (read at run time) and a long tail of rarer
words, names and figures, as a desk's store has. Then each command runs as its own process
under /usr/bin/time: `list --limit 20`, `search` of a name and of a phrase, `check` of one
article, `add` of one article, the phrase `search` again right after that write, `review` of
one claim, and `watch` of a folder of 5 new articles. PostgreSQL runs on a throwaway server
(tests/pgserver.py) unless --pg names a database.

With --cache DIR (outside the repository) the built stores are kept there, a PostgreSQL
server's data with them, and the next run measures a copy of each instead of building it
again (a store of a million claims takes minutes to build). --baseline REV also measures the
JSON store with the code of that commit, in the same run, and prints both.

Last, a feed of --template near-identical items (one template, another day and verb each) is
added to a fresh SQLite store, and the bench prints the contradictions found, the bound
(contradict.MAX_PER_CLAIM per new claim) and how many were stored.
"""

import argparse
import contextlib
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from factcheck.sqlstore import SCHEMA_VERSION  # noqa: E402
from factcheck.store import open_store  # noqa: E402

CLAIMS_PER_ARTICLE = 8
SPEAKERS = 3000
BATCH = 5000
_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_SYLLABLES = ["ka", "ri", "mo", "ta", "lu", "sen", "dor", "vi", "na", "bel", "os", "tra", "gu",
              "zem", "ha", "qi", "fa", "ron"]


def vocabulary(data: Path) -> tuple[list[str], list[str]]:
    """The words of the real news texts, Arabic and English apart."""
    ar, en = [], []
    for path in sorted((data / "realnews" / "texts").glob("*.txt")):
        words = _WORD.findall(path.read_text(encoding="utf-8"))
        (ar if path.name.startswith("ar") else en).extend(words)
    return ar, en


def _coined(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))


def speaker_names(rng: random.Random) -> list[str]:
    return [f"{_coined(rng).title()} {_coined(rng).title()}" for _ in range(SPEAKERS)]


class Generator:
    """Claims in the extractor's contract, worded from a real vocabulary with a long tail."""

    def __init__(self, words: tuple[list[str], list[str]], seed: int = 14,
                 text_seed: int | None = None):
        self.rng = random.Random(seed)
        self.words = words
        self.names = speaker_names(self.rng)
        self.tail = [_coined(self.rng) for _ in range(200_000)]  # rare words, names, places
        if text_seed is not None:
            # The same speakers and words, other sentences (the articles a command reads).
            self.rng = random.Random(text_seed)

    def sentence(self, lang: str) -> str:
        rng, pool = self.rng, self.words[0 if lang == "ar" else 1]
        picked = [rng.choice(pool) for _ in range(rng.randint(8, 16))]
        picked.insert(rng.randrange(len(picked)), self.tail[int(rng.paretovariate(0.6)) %
                                                            len(self.tail)])
        picked.append(str(rng.randint(2, 900)))
        return " ".join(picked)

    def claim(self, n: int, article: str, published: str) -> dict:
        lang = "ar" if n % 3 else "en"
        who = int(self.rng.paretovariate(0.8)) % SPEAKERS
        speaker = self.names[who]
        cue = "قال" if lang == "ar" else "said"
        content = self.sentence(lang)
        start = len(speaker) + len(cue) + 2
        return {
            "id": f"{n:012x}", "article": article,
            "speaker": {"name": speaker, "role": None, "kind": "person",
                        "span": [0, len(speaker)], "mention": None,
                        "id": f"{who:010x}"},
            "cue": {"text": cue, "span": [len(speaker) + 1, start - 1]},
            "content": {"text": content, "span": [start, start + len(content)]},
            "direct": False, "negated": n % 11 == 0,
            "modality": "denial" if n % 11 == 0 else "assertion",
            "context": None, "context_span": None, "listener": None,
            "sentence_span": [0, start + len(content)], "lang": lang,
            "url": f"https://news.example/{article}", "outlet": f"Outlet {n % 40}",
            "published": published, "title": None, "path": None,
            "added": published + "T06:00:00+00:00",
        }

    def speakers(self) -> list[dict]:
        return [{"id": f"{i:010x}", "key": name.upper(), "kind": "person", "names": [name],
                 "roles": [], "first": "2024-01-01", "last": "2026-11-30", "merged": []}
                for i, name in enumerate(self.names)]

    def batches(self, size: int):
        """(articles, claims) in batches, articles of CLAIMS_PER_ARTICLE claims each."""
        day0 = time.mktime((2024, 1, 1, 0, 0, 0, 0, 0, -1))
        articles, claims = [], []
        for n in range(size):
            if n % CLAIMS_PER_ARTICLE == 0:
                aid = f"{n // CLAIMS_PER_ARTICLE:016x}"
                published = time.strftime("%Y-%m-%d", time.gmtime(day0 + n * 86400 * 1000 / size))
                articles.append({"id": aid, "hash": aid * 4, "text": f"article {aid}",
                                 "url": None, "outlet": None, "published": published,
                                 "title": None, "path": None, "added": published, "lang": None})
            claims.append(self.claim(n, aid, published))
            if len(claims) == BATCH:
                yield articles, claims
                articles, claims = [], []
        if claims:
            yield articles, claims


def build(spec: str, size: int, generator: Generator) -> float:
    """Write `size` claims into the empty store `spec`; seconds taken."""
    start = time.perf_counter()
    if not spec.endswith(".json"):
        with open_store(spec).write() as db:
            db.table("speakers").insert_many(generator.speakers())
            for articles, claims in generator.batches(size):
                db.articles.insert_many(articles)
                db.claims.insert_many(claims)
        return time.perf_counter() - start
    data = {"_meta": {"schema": {"version": 1}}, "articles": {}, "claims": {},
            "speakers": {s["id"]: s for s in generator.speakers()}}
    for articles, claims in generator.batches(size):
        data["articles"].update((a["id"], a) for a in articles)
        data["claims"].update((c["id"], c) for c in claims)
    Path(spec).write_bytes(orjson.dumps(data))
    return time.perf_counter() - start


def news_article(generator: Generator, n: int, lang: str) -> str:
    """An article to add or check, in the manner of wire copy, with a claim in every sentence."""
    who = generator.names[n % 50]
    if lang == "ar":
        return " ".join(f"وقال {who} إن {generator.sentence('ar')}." for _ in range(4))
    return " ".join(f"{who} said that {generator.sentence('en')}." for _ in range(4))


def child_env() -> dict[str, str]:
    """The environment of each measured process: bytecode compiled once and read back, as an
    installed package has it (an environment that sets PYTHONDONTWRITEBYTECODE would
    otherwise compile every module of factcheck on every command)."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
    env["CLAIMS_REVIEWER"] = "bench"
    return env


def compile_code(env: dict[str, str], *roots: Path) -> None:
    for root in roots:
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(root / "factcheck")],
                       env=env, stdout=subprocess.DEVNULL, check=False)


def timed(args: list[str], spec: str, env: dict[str, str], code: Path | None = None,
          repeat: int = 1) -> tuple[float, float, int, float]:
    """A whole `claims` process under /usr/bin/time: wall seconds, peak MB, exit code and
    CPU seconds (the median run of `repeat` by wall); with the factcheck package found in
    `code` when given (another commit's)."""
    runs = []
    for _ in range(repeat):
        runs.append(_timed_once(args, spec, env, code))
    runs.sort()
    return runs[len(runs) // 2]


def _timed_once(args: list[str], spec: str, env: dict[str, str],
                code: Path | None) -> tuple[float, float, int, float]:
    with tempfile.NamedTemporaryFile(delete=False, suffix=".time") as out:
        pass
    command = ["/usr/bin/time", "-f", "%e %M %U %S", "-o", out.name, sys.executable, "-m",
               "factcheck", *args, "--db", spec]
    env = dict(env)
    if code is not None:
        env["PYTHONPATH"] = str(code)
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True, env=env, timeout=3600)
    wall, peak, user, system = Path(out.name).read_text().split()[-4:]
    os.unlink(out.name)
    if done.returncode not in (0, 1):
        print(f"    {' '.join(args[:2])}: exit {done.returncode}: {done.stderr.strip()[-300:]}")
    return float(wall), int(peak) / 1024, done.returncode, float(user) + float(system)


def measure(spec: str, folder: Path, generator: Generator, size: int, env: dict[str, str],
            code: Path | None = None, repeat: int = 1) -> dict[str, tuple]:
    label = Path(spec).name if '://' not in spec else f"postgresql-{size}"
    folder = folder / (label + (".baseline" if code else "") + ".work")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    db = open_store(spec).read()
    claim = db.recent_claims(1)[0]
    name = claim["speaker"]["name"].split()[-1]
    phrase = " ".join(claim["content"]["text"].split()[:3])
    one = folder / f"one-{size}.txt"
    one.write_text(news_article(generator, size, "en"), encoding="utf-8")
    check = folder / f"check-{size}.txt"
    check.write_text(news_article(generator, size + 1, "ar"), encoding="utf-8")
    inbox = folder / f"inbox-{size}"
    inbox.mkdir()
    for i in range(5):
        (inbox / f"story{i}.txt").write_text(news_article(generator, size + 2 + i, "ar" if i % 2
                                                          else "en"), encoding="utf-8")
    runs = [("list --limit 20", ["list", "--limit", "20", "--json"]),
            ("search name", ["search", name, "--json"]),
            ("search phrase", ["search", phrase, "--json"]),
            ("check one article", ["check", str(check), "--json"]),
            ("add one article", ["add", str(one), "--json"]),
            ("search after a write", ["search", phrase, "--json"]),
            ("review one claim", ["review", claim["id"], "--verdict", "false", "--json"]),
            ("watch 5 new articles", ["watch", str(inbox), "--jsonl", "--quiet"])]
    # A command that writes runs on a store it has not changed yet: its repeats on copies.
    out = {}
    for label, args in runs:
        if repeat > 1 and label in WRITES:
            out[label] = timed(args, spec, env, code, 1)
        else:
            out[label] = timed(args, spec, env, code, repeat)
    return out


WRITES = ("add one article", "review one claim", "watch 5 new articles")


def template_feed(count: int, folder: Path) -> None:
    """Near-identical items into a fresh SQLite store: contradictions found, bound, stored."""
    import resource

    from factcheck.articles import add_article
    from factcheck.contradict import MAX_PER_CLAIM, MAX_PER_MATTER, check_added, check_claims
    from factcheck.ingest import Article

    moves = ("rise", "fall", "drop", "increase", "climb", "decline")
    texts = [f"Alexander Novak said on day {n} of the talks that oil output will "
             f"{moves[n % len(moves)]} in August." for n in range(count)]
    store = open_store(str(folder / "template.sqlite"))
    start = time.perf_counter()
    with store.write() as db:
        added = [add_article(db, Article(text=t)) for t in texts]
        claims = [c for r in added for c in r.claims]
        found = sum(f.relation.value == "contradicts"
                    for f in check_claims(db, claims, repeats=False))
        stored = sum(len(r) for r in check_added(db, added))
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\ntemplate feed: {count:,} near-identical items, {len(claims):,} claims: "
          f"{found:,} contradicting pairs found, bound {MAX_PER_CLAIM} per new claim and "
          f"{MAX_PER_MATTER} per statement ({MAX_PER_CLAIM * len(claims):,} at most), "
          f"{stored:,} stored; {seconds:.1f} s, peak {peak:.0f} MB (this process)")


def pg_server(args, server_box: list):
    if not server_box:
        from pgserver import Server

        server_box.append(Server(keep=args.cache / "postgresql" if args.cache else None))
    return server_box[0]


def baseline_code(rev: str, folder: Path) -> tuple[Path, str]:
    """The factcheck package of commit `rev`, unpacked into `folder`; its full commit ID."""
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", rev], capture_output=True,
                            text=True, check=True).stdout.strip()
    target = folder / f"code-{commit[:12]}"
    if not (target / "factcheck").is_dir():
        target.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "factcheck"],
                                 capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target, commit


def store_for(backend: str, size: int, args, folder: Path, servers: list,
              words) -> tuple[str, Generator, str]:
    """A store of `size` claims to measure (a copy of the cached one when there is one),
    the generator that wrote it, and what was done."""
    generator = Generator(words)
    if backend == "postgresql" and args.pg:
        return args.pg, generator, f"built in {build(args.pg, size, generator):.1f} s"
    if backend == "postgresql":
        server = pg_server(args, servers)
        name = f"scale_{size}_s{SCHEMA_VERSION}"
        older = _older_database(server, size) if args.cache else None
        if older and name not in server.databases():
            start = time.perf_counter()
            with contextlib.closing(psycopg_connect(server.url())) as conn:
                conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{older}"')
            open_store(server.url(name)).read().conn.raw.close()  # upgraded in place
            done = (f"upgraded from {older} in {time.perf_counter() - start:.1f} s, "
                    f"kept in {args.cache}")
        elif not args.cache or name not in server.databases():
            spec = server.new_database()
            seconds = build(spec, size, generator)
            if not args.cache:
                return spec, generator, f"built in {seconds:.1f} s"
            with contextlib.closing(psycopg_connect(server.url())) as conn:
                conn.execute(f'ALTER DATABASE "{spec.rsplit("/", 1)[1]}" RENAME TO "{name}"')
            done = f"built in {seconds:.1f} s, kept in {args.cache}"
        else:
            done = f"cached in {args.cache}"
        start = time.perf_counter()
        spec = server.new_database(template=name)
        return spec, generator, f"{done}, copied in {time.perf_counter() - start:.1f} s"
    suffix = {"json": "json", "sqlite": "sqlite"}[backend]
    if not args.cache:
        spec = str(folder / f"claims-{size}.{suffix}")
        return spec, generator, f"built in {build(spec, size, generator):.1f} s"
    version = f".s{SCHEMA_VERSION}" if backend == "sqlite" else ""
    kept = args.cache / f"claims-{size}{version}.{suffix}"
    older = _older_file(kept, size, suffix) if backend == "sqlite" else None
    if (kept.parent / (kept.name + ".built")).exists():
        done = f"cached in {args.cache}"
    elif older is not None:
        start = time.perf_counter()
        shutil.copyfile(older, kept)
        open_store(str(kept)).read().conn.raw.close()  # upgraded in place, as a desk's is
        (kept.parent / (kept.name + ".built")).write_text(f"upgraded from {older.name}\n")
        done = f"upgraded from {older.name} in {time.perf_counter() - start:.1f} s"
    else:
        args.cache.mkdir(parents=True, exist_ok=True)
        kept.unlink(missing_ok=True)
        seconds = build(str(kept), size, generator)
        (kept.parent / (kept.name + ".built")).write_text(f"{seconds:.1f}\n")
        done = f"built in {seconds:.1f} s, kept in {args.cache}"
    spec = str(folder / kept.name)
    start = time.perf_counter()
    shutil.copyfile(kept, spec)
    # Written back before measuring: else the first command that commits (its checkpoint
    # syncs the file) waits for the whole copy to reach the disk, 0.66 s of an `add` at 1M.
    with open(spec, "rb") as fh:
        os.fsync(fh.fileno())
    return spec, generator, f"{done}, copied in {time.perf_counter() - start:.1f} s"


def _older_file(kept: Path, size: int, suffix: str) -> Path | None:
    """A cached SQLite store of an older schema: upgraded in place rather than built again."""
    for version in range(SCHEMA_VERSION - 1, 0, -1):
        found = kept.parent / f"claims-{size}.s{version}.{suffix}"
        if (found.parent / (found.name + ".built")).exists():
            return found
    return None


def _older_database(server, size: int) -> str | None:
    names = server.databases()
    return next((f"scale_{size}_s{v}" for v in range(SCHEMA_VERSION - 1, 0, -1)
                 if f"scale_{size}_s{v}" in names), None)


def psycopg_connect(url: str):
    import psycopg

    return psycopg.connect(url, autocommit=True)


def main() -> int:  # noqa: C901
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--backends", default="json,sqlite,postgresql")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--json-max", type=int, default=10_000,
                        help="the largest JSON store built (a JSON store is parsed whole)")
    parser.add_argument("--template", type=int, default=10_000,
                        help="items of the near-identical feed (0: none)")
    parser.add_argument("--pg", help="a PostgreSQL URL to use instead of a throwaway server")
    parser.add_argument("--cache", type=Path,
                        help="keep the built stores in this folder and measure copies of them")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs of each reading command, the median shown")
    parser.add_argument("--baseline", metavar="REV",
                        help="also measure the JSON store with the code of this commit")
    args = parser.parse_args()
    if not (args.data / "realnews" / "texts").is_dir():
        print(f"no real news texts under {args.data} (realnews/texts): nothing measured")
        return 0
    if not Path("/usr/bin/time").exists():
        print("/usr/bin/time is needed to measure whole processes (apt-get install time)")
        return 0
    words = vocabulary(args.data)
    folder = Path(tempfile.mkdtemp(prefix="claims-scale-"))
    head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short=12", "HEAD"],
                          capture_output=True, text=True).stdout.strip()
    print(f"code: {head or 'unknown'}{' (+ uncommitted changes)' if _dirty() else ''}")
    servers: list = []
    results: dict[tuple[str, int], dict] = {}
    try:
        baseline = baseline_code(args.baseline, folder) if args.baseline else None
        env = child_env()
        compile_code(env, ROOT, *([baseline[0]] if baseline else []))
        for size in [int(s) for s in args.sizes.split(",")]:
            for backend in args.backends.split(","):
                if backend == "json" and size > args.json_max:
                    continue
                spec, generator, done = store_for(backend, size, args, folder, servers, words)
                print(f"{backend} {size:,} claims: {done}", flush=True)
                articles = Generator(words, text_seed=size)
                if backend == "json" and baseline is not None:
                    # Each measured on its own copy of the store, the baseline first.
                    copy = str(folder / f"baseline-{size}.json")
                    shutil.copyfile(spec, copy)
                    label = f"json@{baseline[1][:12]}"
                    results[(label, size)] = measure(copy, folder, articles, size, env, baseline[0],
                                                      args.repeat)
                    report(label, size, results)
                results[(backend, size)] = measure(spec, folder, articles, size, env,
                                                   repeat=args.repeat)
                report(backend, size, results)
                if backend == "json" and baseline is not None:
                    compare(results, size, f"json@{baseline[1][:12]}")
                if "://" in spec and not args.pg:
                    pg_server(args, servers).drop(spec.rsplit("/", 1)[1])
        if args.template:
            template_feed(args.template, folder)
    finally:
        for server in servers:
            server.stop()
        shutil.rmtree(folder, ignore_errors=True)
    return 0


def _dirty() -> bool:
    return bool(subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "factcheck"],
                               capture_output=True, text=True).stdout.strip())


def compare(results: dict, size: int, baseline: str) -> None:
    """This code's JSON figures over the baseline commit's, command by command."""
    now, before = results[("json", size)], results[(baseline, size)]
    print(f"\njson, {size:,} claims: this code over {baseline} (below 1 is faster; on a "
          "loaded machine CPU time is the steadier figure)")
    for label, (wall, peak, _, cpu) in now.items():
        then = before[label]
        ratio = f"x{wall / then[0]:.2f}" if then[0] else "-"
        cpu_ratio = f"x{cpu / then[3]:.2f}" if then[3] else "-"
        print(f"  {label:<22} wall {then[0]:5.2f} -> {wall:5.2f} s {ratio}  CPU {then[3]:5.2f} "
              f"-> {cpu:5.2f} s {cpu_ratio}  {then[1]:4.0f} -> {peak:4.0f} MB")
    sys.stdout.flush()


def report(backend: str, size: int, results: dict) -> None:
    base = results.get((backend, min(s for b, s in results if b == backend)))
    print(f"\n{backend}, {size:,} claims: wall s, CPU s, peak MB (x the smallest size's wall)")
    for label, (wall, peak, code, cpu) in results[(backend, size)].items():
        ratio = f"  x{wall / base[label][0]:.2f}" if base and base[label][0] else ""
        flag = "" if code in (0, 1) else f"  EXIT {code}"
        print(f"  {label:<22} {wall:6.2f} s  {cpu:5.2f} s cpu  {peak:6.0f} MB{ratio}{flag}")
    sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
