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

Last, a feed of --template near-identical items (one template, another day and verb each) is
added to a fresh SQLite store, and the bench prints the contradictions found, the bound
(contradict.MAX_PER_CLAIM per new claim) and how many were stored.
"""

import argparse
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

    def __init__(self, words: tuple[list[str], list[str]], seed: int = 14):
        self.rng = random.Random(seed)
        self.words = words
        self.names = speaker_names(self.rng)
        self.tail = [_coined(self.rng) for _ in range(200_000)]  # rare words, names, places

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


def timed(args: list[str], spec: str) -> tuple[float, float, int]:
    """A whole `claims` process under /usr/bin/time: wall seconds, peak MB, exit code."""
    with tempfile.NamedTemporaryFile(delete=False, suffix=".time") as out:
        pass
    command = ["/usr/bin/time", "-f", "%e %M", "-o", out.name, sys.executable, "-m",
               "factcheck", *args, "--db", spec]
    env = {**os.environ, "CLAIMS_REVIEWER": "bench"}
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True, env=env, timeout=3600)
    wall, peak = Path(out.name).read_text().split()[-2:]
    os.unlink(out.name)
    if done.returncode not in (0, 1):
        print(f"    {' '.join(args[:2])}: exit {done.returncode}: {done.stderr.strip()[-300:]}")
    return float(wall), int(peak) / 1024, done.returncode


def measure(spec: str, folder: Path, generator: Generator, size: int) -> dict[str, tuple]:
    folder = folder / ((Path(spec).name if '://' not in spec else f"postgresql-{size}") + ".work")
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
    return {label: timed(args, spec) for label, args in runs}


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
        found = [f for f in check_claims(db, claims, repeats=False)
                 if f.relation.value == "contradicts"]
        stored = sum(len(r) for r in check_added(db, added))
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\ntemplate feed: {count:,} near-identical items, {len(claims):,} claims: "
          f"{len(found):,} contradicting pairs found, bound {MAX_PER_CLAIM} per new claim and "
          f"{MAX_PER_MATTER} per statement ({MAX_PER_CLAIM * len(claims):,} at most), "
          f"{stored:,} stored; {seconds:.1f} s, peak {peak:.0f} MB (this process)")


def pg_database(args, server_box: list) -> str:
    if args.pg:
        return args.pg
    if not server_box:
        from pgserver import Server

        server_box.append(Server())
    return server_box[0].new_database()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--backends", default="json,sqlite,postgresql")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--json-max", type=int, default=10_000,
                        help="the largest JSON store built (a JSON store is parsed whole)")
    parser.add_argument("--template", type=int, default=2000)
    parser.add_argument("--pg", help="a PostgreSQL URL to use instead of a throwaway server")
    parser.add_argument("--keep", type=Path, help="build the stores in this folder and keep them")
    args = parser.parse_args()
    if not (args.data / "realnews" / "texts").is_dir():
        print(f"no real news texts under {args.data} (realnews/texts): nothing measured")
        return 0
    if not Path("/usr/bin/time").exists():
        print("/usr/bin/time is needed to measure whole processes (apt-get install time)")
        return 0
    words = vocabulary(args.data)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="claims-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    servers: list = []
    results: dict[tuple[str, int], dict] = {}
    try:
        for size in [int(s) for s in args.sizes.split(",")]:
            for backend in args.backends.split(","):
                if backend == "json" and size > args.json_max:
                    continue
                spec = {"json": str(folder / f"claims-{size}.json"),
                        "sqlite": str(folder / f"claims-{size}.sqlite")}.get(backend) or \
                    pg_database(args, servers)
                generator = Generator(words)
                seconds = build(spec, size, generator)
                print(f"built {backend} {size:,} claims in {seconds:.1f} s", flush=True)
                results[(backend, size)] = measure(spec, folder, generator, size)
                report(backend, size, results)
        template_feed(args.template, folder)
    finally:
        for server in servers:
            server.stop()
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


def report(backend: str, size: int, results: dict) -> None:
    base = results.get((backend, min(s for b, s in results if b == backend)))
    print(f"\n{backend}, {size:,} claims: wall s, peak MB (x the smallest size's wall)")
    for label, (wall, peak, code) in results[(backend, size)].items():
        ratio = f"  x{wall / base[label][0]:.2f}" if base and base[label][0] else ""
        flag = "" if code in (0, 1) else f"  EXIT {code}"
        print(f"  {label:<22} {wall:6.2f} s  {peak:6.0f} MB{ratio}{flag}")
    sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
