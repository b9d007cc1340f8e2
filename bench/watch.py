"""What watching costs beside extracting: items/s of `watch` and of extraction alone, same run.

    /tmp/venv/bin/python bench/watch.py [--articles 1000] [--corpus news|template|both]
                                        [--ans ../shared/data/ans] [--repeat 3]
    /tmp/venv/bin/python bench/watch.py --cron /tmp/claims-bench/claims.json [--cron-articles 5]
        (twice: a store nobody searches, and one whose search index is kept and refreshed)

Writes --articles news articles (half as .txt files in a folder, half as items of a local RSS
file) for each corpus:

- news: real Arabic news sentences, every distinct headline and rewrite of the ANS stance
  corpus (4,143 of them), shuffled and set in attribution frames, two to three an article.
  Outlets retelling and contradicting one story land in the corpus as they do on a desk;
- template: Arabic and English articles from about a hundred content words, so that each
  claim shares words with hundreds of others: the worst case for the contradiction check;

then times, in the same run:

- extract: read each article and run the extractor on it (the work watching cannot avoid);
- watch: `factcheck.watch.watch` over the folder and the feed into a fresh database: parse
  the feed safely, recognise seen items, extract, store under the lock with one atomic write,
  check new claims for contradictions;
- re-run: the same watch again, which must find nothing new.

Each run is a fresh interpreter, as cron starts one. Prints items/s for each and the ratio
watch/extract (target: at most 2x) of the median run, and the ratio of every run.
"""

import argparse
import csv
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from localserver import rss  # noqa: E402

import factcheck.watch as watching  # noqa: E402
from factcheck.extract import extract  # noqa: E402
from factcheck.feeds import parse_feed  # noqa: E402
from factcheck.ingest import read_article  # noqa: E402
from factcheck.store import Store  # noqa: E402

AR_SPEAKERS = ["المتحدث باسم وزارة الصحة حازم العلي", "وزير النقل سامر الخطيب",
               "مديرة البنك المركزي ليلى منصور", "رئيس هيئة الموانئ عمر الساعدي",
               "المتحدثة باسم البلدية منى القاسم", "وزير الزراعة يوسف بنعلي",
               "محافظ العاصمة نبيل الحسن", "رئيسة نقابة المعلمين سعاد يونس"]
AR_CUES = ["وقال", "وأكد", "وأوضح", "وأعلن"]
AR_PLACES = ["الزرقاء", "إربد", "العقبة", "مادبا", "جرش", "الكرك", "معان", "السلط", "عجلون",
             "الطفيلة", "المفرق", "الرمثا", "صويلح", "الفحيص", "الشونة", "ذيبان"]
AR_SUBJECTS = ["مشروع الطريق الدائري", "محطة الطاقة الشمسية", "مصنع الإسمنت", "مطار",
               "جسر النهر", "مستودع الحبوب", "خط القطار", "ميناء الصيد", "مركز الأورام",
               "المنطقة الصناعية", "سد الوادي", "ملعب المدينة", "سوق الخضار المركزي",
               "محطة تحلية المياه", "مكتبة الجامعة", "مستشفى الأطفال", "حديقة الحيوان",
               "مجمع المحاكم", "مدرسة المهن", "متحف التراث"]
AR_PREDICATES = ["سيفتتح خلال {n} شهرًا", "سيوفر {n} فرصة عمل", "كلف {n} مليون دينار",
                 "استقبل {n} ألف زائر العام الماضي", "سيغلق للصيانة {n} أيام",
                 "يعمل بنسبة {n} في المئة من طاقته", "تأخر تسليمه {n} أسابيع",
                 "حصل على منحة قيمتها {n} مليون يورو", "سيضاعف قدرته بحلول عام 20{n}",
                 "يحتاج إلى {n} موظفًا إضافيًا", "تضرر جزئيًا في العاصفة الأخيرة",
                 "لن يتأثر بخفض الموازنة"]
EN_SPEAKERS = ["Health Minister Sara Lund", "Transport Minister Daniel Okafor",
               "Mayor Helen Ross", "Finance Minister Omar Haddad"]
EN_PLACES = ["Riverton", "Eastfield", "Northgate", "Millbrook", "Stonebridge", "Ashford",
             "Kingsport", "Lakeview"]
EN_SUBJECTS = ["the ring road", "the solar plant", "the cement works", "the airport",
               "the river bridge", "the grain store", "the tram line", "the cancer centre",
               "the dam", "the stadium", "the desalination plant", "the children's hospital"]
EN_PREDICATES = ["would open within {n} months", "would create {n} jobs",
                 "had cost {n} million pounds", "would close for {n} days of repairs",
                 "was running at {n} percent of capacity", "had been delayed by {n} weeks",
                 "would not be affected by the budget cuts"]
DAYS = ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس"]


def figure(*parts: str) -> int:
    # One figure per matter, so a story told twice agrees with itself: most of what a desk's
    # feeds repeat is the same fact, not a contradiction.
    return 2 + sum(map(ord, "".join(parts))) % 80


def matter(rng: random.Random, subjects, places, predicates, joiner: str) -> str:
    subject, place, predicate = rng.choice(subjects), rng.choice(places), rng.choice(predicates)
    return f"{subject} {joiner} {place} " + predicate.format(n=figure(subject, place, predicate))


def article(rng: random.Random, n: int) -> str:
    if n % 4 == 3:
        who = rng.choice(EN_SPEAKERS)
        first, second = (matter(rng, EN_SUBJECTS, EN_PLACES, EN_PREDICATES, "in")
                         for _ in range(2))
        return (f"{who} said on Monday that {first}.\nThe minister added that {second}.\n"
                "Heavy rain closed several roads in the north on Sunday.")
    who = rng.choice(AR_SPEAKERS)
    first, second, third = (matter(rng, AR_SUBJECTS, AR_PLACES, AR_PREDICATES, "في")
                            for _ in range(3))
    return "\n".join([
        f"{rng.choice(AR_CUES)} {who}، يوم {rng.choice(DAYS)}، إن {first}.",
        f"وأضاف أن {second}.",
        "وشهدت المدينة أمطارًا غزيرة أدت إلى إغلاق عدد من الطرق الفرعية.",
        f"وأشارت مصادر في الوزارة إلى أن {third}.",
    ])


NEWS_CUES = ["وقال", "وأكد", "وأوضح", "وصرح", "وذكر"]
NEWS_FILLER = ["وشهدت المدينة أمطارًا غزيرة أدت إلى إغلاق عدد من الطرق الفرعية.",
               "ويأتي ذلك في وقت تشهد فيه المنطقة توترًا متزايدًا.",
               "وكانت الحكومة قد عقدت اجتماعًا طارئًا الأسبوع الماضي."]


def news_sentences(ans: Path) -> list[str]:
    """Every distinct sentence of the ANS stance corpus, headlines and their rewrites."""
    out: dict[str, None] = {}
    for split in ("train", "dev"):
        with (ans / f"stance-{split}.csv").open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                out.setdefault(row["s1"].strip().rstrip("."))
                out.setdefault(row["s2"].strip().rstrip("."))
    return [s for s in out if s]


def news_articles(count: int, ans: Path) -> list[str]:
    rng = random.Random(5)
    pool = news_sentences(ans)
    rng.shuffle(pool)
    texts = []
    for n in range(count):
        take = [pool.pop() for _ in range(2 + n % 2)] if len(pool) >= 3 else [
            rng.choice(news_sentences(ans)) for _ in range(3)]
        lines = [f"{rng.choice(NEWS_CUES)} {rng.choice(AR_SPEAKERS)}، يوم {rng.choice(DAYS)}، "
                 f"إن {take[0]}.", f"وأضاف أن {take[1]}.", rng.choice(NEWS_FILLER)]
        if len(take) > 2:
            lines.append(f"وأشارت مصادر مطلعة إلى أن {take[2]}.")
        texts.append("\n".join(lines))
    return texts


def template_articles(count: int) -> list[str]:
    rng = random.Random(5)
    return [article(rng, n) for n in range(count)]


def build(workdir: Path, texts: list[str]) -> tuple[Path, Path]:
    count = len(texts)
    folder = workdir / "inbox"
    folder.mkdir()
    half = count // 2
    for n, text in enumerate(texts[:half]):
        (folder / f"{n:05d}.txt").write_text(text, encoding="utf-8")
    feed = workdir / "feed.xml"
    # Full content in the feed, as a desk's wire feed carries it: no page is fetched.
    feed.write_bytes(rss([{"guid": f"bench-{n}", "link": f"http://news.example/{n}",
                           "title": f"خبر {n}", "body": text}
                          for n, text in enumerate(texts[half:], half)], full=True))
    return folder, feed


def time_extract(folder: Path, feed: Path) -> tuple[float, int, int]:
    start = time.perf_counter()
    items = claims = 0
    for path in sorted(folder.glob("*.txt")):
        claims += len(extract(read_article(str(path)).text))
        items += 1
    for item in parse_feed(feed.read_bytes(), name=str(feed)).items:
        claims += len(extract(item.text))
        items += 1
    return time.perf_counter() - start, items, claims


SPENT = {"contradictions": 0.0}


def timed(fn):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            SPENT["contradictions"] += time.perf_counter() - start
    return wrapper


# The contradiction check (issue 4) is timed apart, so its cost is seen beside watching's own.
watching.check_added = timed(watching.check_added)


def time_watch(folder: Path, feed: Path, db: Path) -> tuple[float, int, int, int]:
    SPENT["contradictions"] = 0.0
    start = time.perf_counter()
    result = watching.watch([str(folder), str(feed)], store=Store(db))
    seconds = time.perf_counter() - start
    return seconds, sum(r.new for r in result.sources), len(result.claims), \
        len(result.contradictions)


def one_run(texts: list[str]) -> dict:
    """Extraction alone, then watch, then watch again, in this process."""
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        folder, feed = build(workdir, texts)
        extract(texts[0])  # warm the language tables, as a long-running watch would have them
        e_s, e_items, e_claims = time_extract(folder, feed)
        w_s, w_items, w_claims, w_found = time_watch(folder, feed, workdir / "claims.json")
        c_s = SPENT["contradictions"]
        r_s, r_items, _, _ = time_watch(folder, feed, workdir / "claims.json")
        size = (workdir / "claims.json").stat().st_size
    return {"extract": e_s, "items": e_items, "claims": e_claims, "watch": w_s,
            "new": w_items, "stored": w_claims, "found": w_found, "check": c_s,
            "again": r_s, "again_new": r_items, "size": size}


def run(name: str, args: argparse.Namespace) -> None:
    # Each run in a fresh interpreter, as cron starts one: no statement read in an earlier run
    # is still cached. The median run (by its ratio) is shown, beside its own baseline.
    runs = []
    for _ in range(args.repeat):
        out = subprocess.run([sys.executable, __file__, "--one", name, "--articles",
                              str(args.articles), "--ans", str(args.ans)],
                             check=True, capture_output=True, text=True).stdout
        runs.append(json.loads(out))
    best = sorted(runs, key=lambda r: r["watch"] / r["extract"])[len(runs) // 2]
    e_s, w_s, c_s, r_s = best["extract"], best["watch"], best["check"], best["again"]
    items, count = best["items"], args.articles
    print(f"\n{name} corpus: {count} articles ({count // 2} files, "
          f"{count - count // 2} feed items); the median of {args.repeat} runs")
    print(f"extract only : {items / e_s:8.1f} items/s  ({e_s:.2f} s, {best['claims']} claims)")
    print(f"watch        : {best['new'] / w_s:8.1f} items/s  ({w_s:.2f} s, {best['new']} new "
          f"items, {best['stored']} claims stored, {best['found']} contradictions, database "
          f"{best['size'] / 1e6:.1f} MB)")
    print(f"watch again  : {items / r_s:8.1f} items/s  ({r_s:.2f} s, "
          f"{best['again_new']} new items)")
    own = w_s - c_s
    print(f"  of which contradiction check (check_added): {c_s:.2f} s")
    print(f"watch without the check: {best['new'] / own:8.1f} items/s  ({own:.2f} s)")
    for label, seconds in (("watch / extract time", w_s),
                           ("watch without the check / extract", own)):
        ratio = seconds / e_s
        print(f"{label}: {ratio:.2f}x (target <= 2x) -> {'OK' if ratio <= 2 else 'OVER TARGET'}")
    ratios = sorted(r["watch"] / r["extract"] for r in runs)
    print("watch / extract in each run: " + ", ".join(f"{r:.2f}x" for r in ratios))


def corpus(name: str, args: argparse.Namespace) -> list[str]:
    if name == "news":
        return news_articles(args.articles, args.ans)
    return template_articles(args.articles)


def cron_run(store: Path, args: argparse.Namespace) -> None:
    """One cron run on a large store: `claims watch` of a few new articles on a copy of it,
    in a fresh process (wall time, peak memory), beside `claims extract` of the same text in
    a fresh process. Twice: a store nobody searches, and one with a search index kept beside
    it (a desk that searches), which the write refreshes; each after an earlier cron run has
    left what a run keeps beside the store (the stored claims' index keys)."""
    texts = news_articles(args.cron_articles + 1, args.ans)
    earlier, texts = texts[:1], texts[1:]
    with tempfile.TemporaryDirectory(dir=store.parent) as tmp:
        inbox, before = Path(tmp) / "inbox", Path(tmp) / "before"
        for folder, items in ((inbox, texts), (before, earlier)):
            folder.mkdir()
            for n, text in enumerate(items):
                (folder / f"{n:03d}.txt").write_text(text, encoding="utf-8")
        runs = {}
        for kept in (False, True):
            copy = Path(tmp) / f"{'searched' if kept else 'plain'}" / "claims.json"
            copy.parent.mkdir()
            shutil.copyfile(store, copy)
            if kept:  # untimed: the index of the copy, as the desk's last search left it
                subprocess.run([sys.executable, "-m", "factcheck", "search", "x", "--db",
                                str(copy), "--json"], cwd=ROOT, stdout=subprocess.DEVNULL)
                if not Path(f"{copy}.search.idx").exists():
                    raise SystemExit("claims search kept no index beside the copy")
            # untimed: the cron run before, which leaves the files a run keeps beside the store
            subprocess.run([sys.executable, "-m", "factcheck", "watch", str(before), "--db",
                            str(copy), "--jsonl"], cwd=ROOT, stdout=subprocess.DEVNULL)
            runs[kept] = _child([sys.executable, "-m", "factcheck", "watch", str(inbox),
                                 "--db", str(copy), "--jsonl"])
        together = Path(tmp) / "together.txt"  # claims extract reads one file
        together.write_text("\n\n".join(texts), encoding="utf-8")
        extracted = _child([sys.executable, "-m", "factcheck", "extract", str(together),
                            "--json"])
    size = store.stat().st_size / 1e6
    print(f"\ncron run on a copy of {store} ({size:.0f} MB), {len(texts)} new articles:")
    for kept, label in ((False, "no search index kept"), (True, "search index kept")):
        seconds, peak = runs[kept]
        print(f"claims watch  : {seconds:.2f} s, peak {peak:.0f} MB ({label}); "
              f"{seconds / extracted[0]:.1f}x extracting")
    print(f"claims extract: {extracted[0]:.2f} s, peak {extracted[1]:.0f} MB (the same text)")
    print("at this size a run costs what loading, indexing and rewriting the store cost, "
          "whatever the articles")


def _child(command: list[str]) -> tuple[float, float]:
    """Wall time and peak resident memory (MB) of a command run to its end."""
    start = time.perf_counter()
    with subprocess.Popen(command, stdout=subprocess.DEVNULL, cwd=ROOT) as proc:
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{command[3]} failed with exit {proc.returncode}")
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="How many articles.")
    parser.add_argument("--corpus", choices=("news", "template", "both"), default="both")
    parser.add_argument("--ans", type=Path, help="The ANS stance corpus folder.",
                        default=ROOT.parent / "shared" / "data" / "ans")
    parser.add_argument("--repeat", type=int, default=3, help="Runs per corpus (median shown).")
    parser.add_argument("--cron", type=Path, metavar="STORE",
                        help="Instead: one cron run on a copy of this claims.json (e.g. the "
                             "100,000-claim store bench/search.py builds in /tmp/claims-bench).")
    parser.add_argument("--cron-articles", type=int, default=5, help="New articles for --cron.")
    parser.add_argument("--one", choices=("news", "template"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_run(corpus(args.one, args))))
        return
    if args.cron:
        cron_run(args.cron, args)
        return
    for name in ("news", "template"):
        if args.corpus in (name, "both"):
            run(name, args)


if __name__ == "__main__":
    main()
