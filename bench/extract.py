"""Extractor throughput on one core, beside the cost of merely reading and normalising the text.

    python bench/extract.py [--mb 2.5]

Builds a corpus of at least --mb megabytes of Arabic and English news text (the seed, the
hand-written evaluation articles under bench/gold/ when present, and articles generated from
templates with varied names, numbers and constructions, mixing reports and narration about as
densely as real news: the corpus's claims per kB are printed beside the seed's), then times,
in the same run:

- baseline: decode the bytes and normalise them (fold + tokenise), as any pass must;
- extract: the full extractor on the same articles.

It prints MB/s and articles/s for both and their ratio, and the peak traced memory of the
extractor over the corpus and over a corpus four times larger (flat memory: articles are
processed one at a time and nothing grows with the corpus).
"""

import argparse
import random
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.extract import extract  # noqa: E402
from factcheck.ingest import decode  # noqa: E402
from factcheck.normalize import tokens  # noqa: E402

AR_PEOPLE = [("وزير الخارجية", "أحمد", "الخطيب"), ("المتحدثة باسم الحكومة", "منى", "القاسم"),
             ("رئيس الوزراء", "سامر", "حداد"), ("المحلل السياسي", "فادي", "يوسف"),
             ("مدير المطار", "خالد", "سعيد"), ("وزيرة الصحة", "ليلى", "منصور")]
AR_BODIES = ["وزارة الدفاع", "وكالة الأنباء الرسمية", "البنك المركزي", "هيئة الطيران المدني",
             "صحيفة الأهرام", "مصادر دبلوماسية"]
AR_TOPICS = ["المفاوضات ستستأنف الأسبوع المقبل في القاهرة", "أسعار الوقود لن ترتفع هذا العام",
             "عدد الإصابات تراجع بنسبة {n} في المئة", "الرحلات الجوية ستعود إلى طبيعتها",
             "الحكومة لم تتخذ قرارا نهائيا بشأن الدعم", "الاتفاق سيوقع خلال {n} أيام"]
EN_PEOPLE = [("Foreign Minister", "Anna", "Berg"), ("the Kremlin spokesman", "Dmitry", "Peskov"),
             ("Health Minister", "Karen", "Holt"), ("a professor at Kyungnam University", "Lim",
                                                     "Eul-chul")]
EN_BODIES = ["the central bank", "the electoral commission", "state media", "the ministry"]
EN_TOPICS = ["inflation had eased for a {n}th month", "there were no plans for a summit",
             "the talks would resume next week", "turnout reached {n} percent"]


AR_NARRATION = [
    "وشهدت العاصمة أمس أمطارا غزيرة أدت إلى إغلاق عدد من الطرق الرئيسية وتعطل حركة المرور لساعات.",
    "ويأتي الاجتماع بعد أسابيع من المفاوضات المتعثرة بين الجانبين حول ملفات الطاقة والنقل والحدود.",
    "وتعد المنطقة من أكثر المناطق كثافة سكانية في البلاد، وتضم عددا كبيرا من المصانع والأسواق.",
    "وكانت الحكومة قد خفضت أسعار الوقود مطلع العام الماضي بعد احتجاجات واسعة في عدة مدن.",
    "وارتفع عدد الزوار خلال الصيف الماضي بنسبة كبيرة مقارنة بالعام الذي سبقه، مع عودة الرحلات.",
]
EN_NARRATION = [
    "The bridge was closed for three hours after the accident, causing delays on the coast road.",
    "The meeting follows weeks of stalled negotiations over energy, transport and borders.",
    "The region is one of the most densely populated in the country, with dozens of factories.",
    "Fuel prices were cut early last year after protests spread to several cities.",
    "Visitor numbers rose sharply over the summer as airlines restored routes cancelled in 2020.",
]


def ar_article(rng: random.Random) -> str:
    role, first, last = rng.choice(AR_PEOPLE)
    body = rng.choice(AR_BODIES)
    t = [x.format(n=rng.randint(2, 90)) for x in rng.sample(AR_TOPICS, 4)]
    return "\n".join([
        f"{last}: {t[0]}",
        *rng.sample(AR_NARRATION, 3),
        f"وقال {role} {first} {last}، اليوم الأحد، إن {t[0]}، مضيفا أن {t[1]}.",
        f"وأكدت {body} أن {t[2]}، وفقًا لما ذكره مسؤول في الوزارة.",
        "وشهدت العاصمة أمس أمطارا غزيرة أدت إلى إغلاق عدد من الطرق الرئيسية.",
        f"وعند سؤال {last} عن موعد القرار، أجاب “{t[3]}”.",
        f"ويأتي ذلك وسط تكهنات حول {t[1]}.",
        "اقرأ أيضا: تفاصيل جديدة عن الاجتماع",
    ])


def en_article(rng: random.Random) -> str:
    role, first, last = rng.choice(EN_PEOPLE)
    body = rng.choice(EN_BODIES)
    t = [x.format(n=rng.randint(2, 90)) for x in rng.sample(EN_TOPICS, 4)]
    return "\n".join([
        f"{last}: {t[0]}",
        *rng.sample(EN_NARRATION, 3),
        f"{first} {last}, {role}, said on Monday that {t[0]}, adding that {t[1]}.",
        f"According to {body}, {t[2]}.",
        "The bridge was closed for three hours after the accident.",
        f'Asked whether talks would continue, {last} replied: "{t[3]}."',
        f"Shares rose amid speculation that {t[1]}.",
        "Reporting by Lina Haddad; Editing by Mark Cole",
    ])


def corpus(min_bytes: int, seed: int = 7) -> list[bytes]:
    rng = random.Random(seed)
    real = [p.read_bytes() for p in sorted((ROOT / "seeds").glob("*.txt"))]
    real += [p.read_bytes() for p in sorted((ROOT / "bench" / "gold").glob("*.txt"))]
    out, size = [], 0
    while size < min_bytes:
        for raw in (real[len(out) % len(real)], ar_article(rng).encode(),
                    en_article(rng).encode()):
            out.append(raw)
            size += len(raw)
    return out


def baseline(articles: list[bytes]) -> None:
    for raw in articles:
        tokens(decode(raw))


def extracting(articles: list[bytes]) -> int:
    n = 0
    for raw in articles:
        n += len(extract(decode(raw)))
    return n


def timed(fn, articles, repeat: int = 3) -> tuple[float, object]:
    """Best CPU time of `repeat` runs: one core, and least disturbed by other processes."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.process_time()
        result = fn(articles)
        best = min(best, time.process_time() - start)
    return best, result


def peak_memory(articles: list[bytes]) -> int:
    tracemalloc.start()
    extracting(articles)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.5, help="corpus size in MB (at least 2)")
    args = parser.parse_args()
    articles = corpus(int(args.mb * 1_000_000))
    mb = sum(len(a) for a in articles) / 1_000_000
    extracting(articles[:50])  # warm the rule tables and caches
    base_s, _ = timed(baseline, articles)
    ext_s, n_claims = timed(extracting, articles)
    seed = (ROOT / "seeds" / "000_04a54f23c455cc2f.txt").read_text(encoding="utf-8")
    seed_density = len(extract(seed)) / (len(seed.encode()) / 1000)
    print(f"corpus: {len(articles)} articles, {mb:.2f} MB, one core; "
          f"{n_claims / (mb * 1000):.1f} claims per kB (the seed: {seed_density:.1f})")
    print(f"baseline (decode + normalise): {mb / base_s:8.2f} MB/s  "
          f"{len(articles) / base_s:9.0f} articles/s")
    print(f"extract  (full extractor):     {mb / ext_s:8.2f} MB/s  "
          f"{len(articles) / ext_s:9.0f} articles/s  ({n_claims} claims)")
    print(f"extract / baseline time: {ext_s / base_s:.1f}x   target: >= 2 MB/s "
          f"({'met' if mb / ext_s >= 2 else 'NOT met'})")
    small = articles[: len(articles) // 4]
    print(f"peak traced memory: {peak_memory(small) / 1e6:.1f} MB over {len(small)} articles, "
          f"{peak_memory(articles) / 1e6:.1f} MB over {len(articles)} (flat when equal)")


if __name__ == "__main__":
    main()
