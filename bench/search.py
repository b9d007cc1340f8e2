"""Search speed at 100,000 claims, beside SQLite FTS5 (trigram) on the same data and queries.

    python bench/search.py [--claims 100000] [--dir /tmp/claims-bench] [--rounds 3]

Builds (once; kept in --dir and reused while the generator is unchanged) a store of synthetic
claims: Arabic and English news sentences from templates (subjects, actions, places, numbers,
dates, denials and asked-about contexts), spoken by some 1,500 people and bodies whose names
are written in Arabic in Arabic articles and in Latin letters in English ones. Then prints, in
the same run:

- load: parsing claims.json whole (Store.read) against loading the search index from its
  cache file (Store.view + search.load_index), and the one-off index build;
- in-process query time (median, p95) of factcheck.search over a mixed set of queries (Latin
  and Arabic names, Arabic and English phrases, filters), and of FTS5 with the trigram
  tokenizer over content, context and every name of the speaker (bm25 ranking, terms ORed);
- end to end: wall time of `claims search QUERY --json` as a subprocess (start-up, index
  load, query, output), first run after a change (index rebuilt) and warm runs;
- after a write: `claims add` of one article on a copy whose index is kept (extended by the
  write) and on one whose is not, and the search that follows each; then `claims speakers
  merge` on both copies, a write that rewrites stored claims, after which a kept index is
  built whole.

Targets: median <= 50 ms in-process, no slower than FTS5, `claims search` under 1 s.
"""

import argparse
import hashlib
import inspect
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck import speakers  # noqa: E402
from factcheck.articles import add_article  # noqa: E402
from factcheck.ingest import Article  # noqa: E402
from factcheck.search import load_index, search  # noqa: E402
from factcheck.store import Store  # noqa: E402

GIVEN = [("Dmitry", "دميتري"), ("Maria", "ماريا"), ("Sergei", "سيرغي"), ("Ahmed", "أحمد"),
         ("Mona", "منى"), ("Khaled", "خالد"), ("Layla", "ليلى"), ("Omar", "عمر"),
         ("Yusuf", "يوسف"), ("Samir", "سمير"), ("Nadia", "نادية"), ("Hassan", "حسن"),
         ("Tariq", "طارق"), ("Rania", "رانيا"), ("Ivan", "إيفان"), ("Olga", "أولغا"),
         ("Karim", "كريم"), ("Salma", "سلمى"), ("Fadi", "فادي"), ("Hala", "هالة"),
         ("Boris", "بوريس"), ("Anna", "آنا"), ("Walid", "وليد"), ("Zaid", "زيد"),
         ("Majid", "ماجد")]
FAMILY = [("Peskov", "بيسكوف"), ("Zakharova", "زاخاروفا"), ("Haddad", "حداد"),
          ("Mansour", "منصور"), ("Khatib", "خطيب"), ("Qasim", "قاسم"), ("Saeed", "سعيد"),
          ("Nasser", "ناصر"), ("Volkov", "فولكوف"), ("Morozova", "موروزوفا"),
          ("Rahman", "رحمن"), ("Shami", "شامي"), ("Jaber", "جابر"), ("Karimi", "كريمي"),
          ("Sokolov", "سوكولوف"), ("Lebedev", "ليبيديف"), ("Hamdan", "حمدان"), ("Darwish",
          "درويش"), ("Tahir", "طاهر"), ("Bakri", "بكري"), ("Fares", "فارس"), ("Najjar", "نجار"),
         ("Kuznetsov", "كوزنيتسوف"), ("Orlova", "أورلوفا"), ("Salem", "سالم"),
         ("Ghanem", "غانم"), ("Yassin", "ياسين"), ("Badawi", "بدوي"), ("Halabi", "حلبي"),
         ("Ayoub", "أيوب"), ("Zaki", "زكي"), ("Rizk", "رزق"), ("Sabry", "صبري"),
         ("Ismail", "إسماعيل"), ("Lutfi", "لطفي"), ("Mahdi", "مهدي"), ("Nouri", "نوري"),
         ("Qadri", "قادري"), ("Raad", "رعد"), ("Sharif", "شريف"), ("Taha", "طه"),
         ("Wahbi", "وهبي"), ("Yamani", "يماني"), ("Zein", "زين"), ("Abbas", "عباس"),
         ("Bishara", "بشارة"), ("Chalabi", "جلبي"), ("Dabbagh", "دباغ"), ("Issa", "عيسى"),
         ("Jamil", "جميل"), ("Kanaan", "كنعان"), ("Lahoud", "لحود"), ("Matar", "مطر"),
         ("Nahas", "نحاس"), ("Obeid", "عبيد"), ("Rashed", "راشد"), ("Sayegh", "صايغ"),
         ("Tamimi", "تميمي"), ("Usmani", "عثماني"), ("Yaziji", "يازجي")]
BODIES = [("the central bank", "البنك المركزي"), ("the health ministry", "وزارة الصحة"),
          ("state media", "وسائل الإعلام الرسمية"), ("the civil aviation authority",
                                                   "هيئة الطيران المدني"),
          ("the electoral commission", "اللجنة الانتخابية"), ("the army", "الجيش")]
PLACES = [("Cairo", "القاهرة"), ("Moscow", "موسكو"), ("Pyongyang", "بيونغ يانغ"),
          ("Amman", "عمان"), ("Beirut", "بيروت"), ("Riyadh", "الرياض"), ("Baghdad", "بغداد"),
          ("Khartoum", "الخرطوم"), ("Rabat", "الرباط"), ("Tunis", "تونس"), ("Doha", "الدوحة"),
          ("Ankara", "أنقرة"), ("Tehran", "طهران"), ("Damascus", "دمشق"), ("Sanaa", "صنعاء")]
# News is full of names met once (companies, villages, vessels): each claim may carry one, made
# of syllables, so that the vocabulary grows with the store as a real one does.
SYLLABLES = [("ka", "كا"), ("li", "لي"), ("mo", "مو"), ("ra", "را"), ("sin", "سين"),
             ("ter", "تر"), ("bo", "بو"), ("da", "دا"), ("na", "نا"), ("vo", "فو"),
             ("gha", "غا"), ("zu", "زو"), ("shi", "شي"), ("fa", "فا"), ("tal", "تال"),
             ("mir", "مير"), ("dun", "دون"), ("ha", "ها"), ("jo", "جو"), ("qa", "قا")]
AR_EXTRA = ["بحسب بيان شركة {ar_name}", "قرب قرية {ar_name}", "على متن السفينة {ar_name}",
            "في مصنع {ar_name}"]
EN_EXTRA = ["according to a statement by {name} Ltd", "near the village of {name}",
            "aboard the vessel {name}", "at the {name} plant"]
AR_CONTENT = [
    "المفاوضات ستستأنف الأسبوع المقبل في {ar_place}",
    "أسعار الوقود لن ترتفع هذا العام رغم الضغوط",
    "عدد الإصابات تراجع بنسبة {n} في المئة خلال الشهر الماضي",
    "الرحلات الجوية إلى {ar_place} ستعود إلى طبيعتها قريبا",
    "الحكومة لم تتخذ قرارا نهائيا بشأن الدعم",
    "الاتفاق مع {ar_place} سيوقع خلال {n} أيام",
    "لا توجد خطط لعقد قمة جديدة في {ar_place}",
    "زيارة الوفد إلى {ar_place} تهدف إلى تعزيز التعاون الاقتصادي",
    "الاحتياطي من العملات الأجنبية ارتفع إلى {n} مليار دولار",
    "القوات انسحبت من المواقع الحدودية قرب {ar_place}",
    "الانتخابات ستجرى في موعدها المحدد دون تأجيل",
    "المساعدات الإنسانية وصلت إلى {n} ألف أسرة في {ar_place}",
]
EN_CONTENT = [
    "inflation had eased for a {n}th month in a row",
    "there were no plans for a summit in {place}",
    "the talks in {place} would resume next week",
    "turnout reached {n} percent despite the heat",
    "flights to {place} would return to normal within {n} days",
    "the government had not taken a final decision on subsidies",
    "the visit to {place} aims to strengthen economic cooperation",
    "foreign reserves rose to {n} billion dollars",
    "troops withdrew from border positions near {place}",
    "aid reached {n} thousand families in {place}",
    "the elections would be held on time without delay",
    "fuel prices would not rise this year despite pressure",
]
AR_CONTEXT = ["إمكانية زيارة الرئيس إلى {ar_place}", "أسعار الوقود", "موعد الانتخابات",
              "التقارير عن انسحاب القوات"]
EN_CONTEXT = ["a possible visit to {place}", "fuel prices", "the election date",
              "reports of a troop withdrawal"]
AR_CUES = ["قال", "أكد", "نفى", "أعلن", "صرح"]
EN_CUES = ["said", "told reporters", "denied", "announced", "stated"]
QUERIES = [
    ("Peskov", {}), ("Zakharova", {}), ("بيسكوف", {}), ("Dmitry Volkov", {}),
    ("لا توجد خطط", {}), ("زيارة الى القاهرة", {}), ("أسعار الوقود", {}),
    ("fuel prices", {}), ("no plans for a summit", {}), ("foreign reserves billion", {}),
    ("Pyongyang", {}), ("الانتخابات في موعدها", {}), ("troops withdrew", {}),
    ("Kamoraliter plant", {}), ("مصنع بوداسين", {}),
    ("aid families Sanaa", {}), ("Haddad", {"lang": "ar"}), ("inflation eased", {"negated": False}),
    ("المساعدات الإنسانية", {"since": "2025-03-01"}), ("Mansour Cairo", {}),
]


def people(rng: random.Random) -> list[tuple[str, str]]:
    pairs = {(g, f) for g in range(len(GIVEN)) for f in range(len(FAMILY))}
    chosen = rng.sample(sorted(pairs), 1500 - len(BODIES))
    out = [(f"{GIVEN[g][0]} {FAMILY[f][0]}", f"{GIVEN[g][1]} {FAMILY[f][1]}") for g, f in chosen]
    return out + BODIES


def generate(n_claims: int, seed: int = 7):
    """Articles of 1-6 claims each, Arabic and English, about 60/40."""
    rng = random.Random(seed)
    speakers_ = people(rng)
    made = 0
    day = 0
    while made < n_claims:
        arabic = rng.random() < 0.6
        claims, parts = [], []
        for _ in range(min(rng.randint(1, 6), n_claims - made)):
            en_name, ar_name = rng.choice(speakers_)
            place, ar_place = rng.choice(PLACES)
            coined = rng.sample(SYLLABLES, rng.randint(2, 4))
            fill = {"place": place, "ar_place": ar_place, "n": rng.randint(2, 95),
                    "name": "".join(s for s, _ in coined).capitalize(),
                    "ar_name": "".join(a for _, a in coined)}
            name = ar_name if arabic else en_name
            cue = rng.choice(AR_CUES if arabic else EN_CUES)
            content = rng.choice(AR_CONTENT if arabic else EN_CONTENT).format(**fill)
            if rng.random() < 0.7:
                extra = rng.choice(AR_EXTRA if arabic else EN_EXTRA).format(**fill)
                content = f"{content} {extra}"
            context = (rng.choice(AR_CONTEXT if arabic else EN_CONTEXT).format(**fill)
                       if rng.random() < 0.2 else None)
            offset = sum(len(p) + 1 for p in parts)
            sentence = f"{name} {cue} {content}."
            parts.append(sentence)
            claims.append(_claim(name, cue, content, context, offset, arabic,
                                 negated=cue in ("نفى", "denied") or "لا " in content
                                 or " not " in content or "no " in content))
        made += len(claims)
        day += 1
        published = f"2025-{1 + (day // 28) % 12:02d}-{1 + day % 28:02d}"
        yield Article(text=" ".join(parts) + f" [{made}]", published=published,
                      outlet=rng.choice(["Example News", "وكالة الأنباء", "Daily Wire Service",
                                         "صحيفة اليوم"]),
                      title=f"bench {made}"), claims


def _claim(name, cue, content, context, offset, arabic, *, negated) -> dict:
    start = offset + len(name) + 1
    return {
        "speaker": {"name": name, "role": None, "kind": "person", "mention": None,
                    "span": [offset, offset + len(name)]},
        "cue": {"text": cue, "span": [start, start + len(cue)]},
        "content": {"text": content, "span": [start + len(cue) + 1,
                                              start + len(cue) + 1 + len(content)]},
        "direct": False, "negated": negated, "modality": "denial" if negated else "assertion",
        "context": context, "context_span": None, "listener": None,
        "sentence_span": [offset, start + len(cue) + len(content) + 2],
        "lang": "ar" if arabic else "en",
    }


def build_store(path: Path, n_claims: int) -> float:
    stamp = path.with_suffix(".stamp")
    version = hashlib.sha256(inspect.getsource(sys.modules[__name__]).encode()).hexdigest()
    wanted = f"{n_claims}:{version}"
    if path.exists() and stamp.exists() and stamp.read_text() == wanted:
        return 0.0
    path.unlink(missing_ok=True)
    start = time.perf_counter()
    with Store(path).write() as db:
        for article, claims in generate(n_claims):
            add_article(db, article, claims=claims)
    stamp.write_text(wanted)
    return time.perf_counter() - start


def fts_baseline(db) -> sqlite3.Connection:
    names = {r["id"]: " ".join(r["names"]) for r in db.table(speakers.TABLE).all()}
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE f USING fts5(id UNINDEXED, content, context, speaker, "
                "tokenize='trigram')")
    con.executemany("INSERT INTO f VALUES (?, ?, ?, ?)", (
        (c["id"], c["content"]["text"], c.get("context") or "",
         names.get(c["speaker"].get("id"), c["speaker"]["name"] or ""))
        for c in db.claims.all()))
    con.commit()
    return con


def fts_search(con: sqlite3.Connection, query: str, limit: int = 20) -> list[str]:
    words = [w for w in query.split() if len(w) >= 3]
    if not words:
        return []
    expr = " OR ".join('"' + w.replace('"', '""') + '"' for w in words)
    rows = con.execute("SELECT id FROM f WHERE f MATCH ? ORDER BY bm25(f) LIMIT ?",
                       (expr, limit)).fetchall()
    return [r[0] for r in rows]


def timed(fn, rounds: int) -> list[float]:
    out = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(round(0.95 * len(values))) - 1)]


def claims_cli(path: Path, query: str) -> float:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "factcheck", "search", query, "--json",
                           "--db", str(path)], capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(done.stderr.decode())
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/claims-bench"))
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    path = args.dir / "claims.json"
    built = build_store(path, args.claims)
    cache = Path(f"{path}.search.idx")
    cache.unlink(missing_ok=True)

    start = time.perf_counter()
    db = Store(path).read()
    read_s = time.perf_counter() - start
    start = time.perf_counter()
    load_index(db)  # the path a search takes after a change: build, then write the cache file
    build_s = time.perf_counter() - start
    print(f"store: {len(db.claims):,} claims, {len(db.table(speakers.TABLE)):,} speakers, "
          f"{path.stat().st_size / 1e6:.0f} MB" + (f" (built in {built:.0f} s)" if built else ""))
    print(f"load:  claims.json parsed whole {read_s * 1000:.0f} ms; index built and cached "
          f"{build_s * 1000:.0f} ms")
    start = time.perf_counter()
    view = Store(path).view()
    load_index(view)
    cached_s = time.perf_counter() - start
    print(f"       index loaded from {cache.name} ({cache.stat().st_size / 1e6:.0f} MB) "
          f"{cached_s * 1000:.0f} ms; vocabulary {len(load_index(view).vocabulary):,} terms")

    start = time.perf_counter()
    con = fts_baseline(db)
    print(f"FTS5:  trigram table built in {(time.perf_counter() - start) * 1000:.0f} ms "
          "(in memory)")

    ours, theirs, found_ours, found_theirs = [], [], 0, 0
    for query, filters in QUERIES:
        search(view, query, **filters)  # first touch of each vocabulary path
        ours += timed(lambda q=query, f=filters: search(view, q, **f), args.rounds)
        theirs += timed(lambda q=query: fts_search(con, q), args.rounds)
        found_ours += bool(search(view, query, **filters))
        found_theirs += bool(fts_search(con, query))
    print(f"query: factcheck.search median {statistics.median(ours):.1f} ms, "
          f"p95 {p95(ours):.1f} ms ({found_ours}/{len(QUERIES)} queries found something)")
    print(f"       FTS5 trigram     median {statistics.median(theirs):.1f} ms, "
          f"p95 {p95(theirs):.1f} ms ({found_theirs}/{len(QUERIES)} queries found something)")
    print(f"       ratio search/FTS5 (median): "
          f"{statistics.median(ours) / statistics.median(theirs):.2f}")

    cache.unlink(missing_ok=True)
    cold = claims_cli(path, "Peskov")
    warm = [claims_cli(path, q) for q, _ in QUERIES[:6] for _ in range(2)]
    baseline = timed(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True), 3)
    print(f"CLI:   claims search, index rebuilt: {cold:.2f} s; warm median "
          f"{statistics.median(warm):.2f} s, max {max(warm):.2f} s "
          f"(python start-up alone {statistics.median(baseline) / 1000:.2f} s)")
    after_a_write(path, db.table(speakers.TABLE).ids()[:2])


def after_a_write(path: Path, two_speakers: list[str]) -> None:
    """What a desk sees when cron adds an article between two searches: `claims add` keeps a
    kept index fresh, so the search after it does not rebuild; beside the same add on a copy
    with no index kept. Then a merge of two speakers, which changes claims the index holds."""
    article = path.parent / "new-article.txt"
    article.write_text("وقال المتحدث باسم الكرملين دميتري بيسكوف إنه لا توجد خطط لعقد قمة "
                       "جديدة في الوقت الراهن.", encoding="utf-8")
    with tempfile.TemporaryDirectory(dir=path.parent) as tmp:
        kept, bare = Path(tmp) / "kept.json", Path(tmp) / "bare.json"
        shutil.copyfile(path, kept)
        shutil.copyfile(path, bare)
        claims_cli(kept, "Peskov")  # the desk searches: its index is kept
        add_kept = claims_add(kept, article)
        search_kept = claims_cli(kept, "Peskov")
        add_bare = claims_add(bare, article)
        search_bare = claims_cli(bare, "Peskov")
        merge_kept = claims_write(kept, "speakers", "merge", *two_speakers)
        Path(f"{bare}.search.idx").unlink()  # made by the search just above
        merge_bare = claims_write(bare, "speakers", "merge", *two_speakers)
    print(f"write: claims add of one article {add_kept:.2f} s with the index kept fresh "
          f"(against {add_bare:.2f} s with none kept); the search after it "
          f"{search_kept:.2f} s (against {search_bare:.2f} s, which rebuilds)")
    print(f"       claims speakers merge, which rewrites claims so the kept index is built "
          f"whole: {merge_kept:.2f} s (against {merge_bare:.2f} s with none kept)")


def claims_add(path: Path, article: Path) -> float:
    return claims_write(path, "add", str(article))


def claims_write(path: Path, *args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "factcheck", *args, "--db", str(path)],
                   capture_output=True, check=True)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
