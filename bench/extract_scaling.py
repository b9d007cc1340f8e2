"""Extraction time against the size of one article: linear means doubling the text doubles it.

    python bench/extract_scaling.py [--max-kb 1000] [--steps 4] [--only commas_en,...]

Generates, for each shape of text below, articles of --max-kb kilobytes and of half, a quarter
(... --steps sizes in all), times `extract` on each (CPU time, best of two) and prints the
time per size and the ratio of each time to the one before it: about 2.0 is linear, about 4.0
quadratic. The target: every shape at 1 MB in under 5 s.

Shapes (all generated here from templates; nothing is read from disk):
- commas_en / commas_ar: one sentence of one report whose content runs on over commas;
- speakers_en / speakers_ar: short reports, each by a speaker named only once;
- surnames_en: the same by one-word names (each looked for in the text as a longer name);
- titles_en / bodies_ar: reports by a title, or a definite body, that no one before holds;
- sources_ar: 'وحسب المصدر' after named speakers, none of them an unnamed source;
- added_en: a man's report, then "She added", which must look back past him;
- quote_chain_en: one sentence of quotations each followed by its cue and speaker;
- quotes_en: one paragraph of quoted sentences, each with its own cue;
- guillemets_ar: «» quotations one after another in a paragraph;
- colons_en: a report whose content is clause after clause set off by colons;
- waw_ar: one Arabic report whose content runs on in و-clauses;
- no_punct_en: one line of words with no punctuation at all, cue verbs among them.
"""

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.extract import extract  # noqa: E402

_SYLLABLES = ["ka", "lo", "ven", "mar", "ti", "sa", "ro", "del", "ni", "bur", "an", "zo",
              "fer", "ul", "ish", "ma", "tor", "ren", "vi", "gal"]
_AR_LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمنهي"


def _en_name(i: int) -> str:
    """A distinct two-word name for every i: Kalo Venmar, ..."""
    n = len(_SYLLABLES)
    first = _SYLLABLES[i % n] + _SYLLABLES[i // n % n]
    last = (_SYLLABLES[(i // n ** 2 + i) % n] + _SYLLABLES[i // n ** 3 % n]
            + _SYLLABLES[i * 3 % n])
    return f"{first.capitalize()} {last.capitalize()}"


def _ar_name(i: int) -> str:
    n = len(_AR_LETTERS)
    letters = [_AR_LETTERS[i // n ** k % n] for k in range(4)]
    return f"{letters[0]}ا{letters[1]}ر {letters[2]}و{letters[3]}ان"


def _repeat(size: int, head: str, piece: Callable[[int], str], sep: str, tail: str) -> str:
    parts, n, i = [head], len(head.encode()), 0
    while n < size:
        p = piece(i)
        parts.append(p)
        n += len(p.encode()) + len(sep.encode())
        i += 1
    return parts[0] + sep.join(parts[1:]) + tail


def commas_en(size: int) -> str:
    return _repeat(size, "The minister said on Monday that ",
                   lambda i: f"exports to region {i} rose by {i % 90} percent", ", ", ".\n")


def commas_ar(size: int) -> str:
    return _repeat(size, "وقال وزير الاقتصاد اليوم إن ",
                   lambda i: f"الصادرات إلى المنطقة {i} ارتفعت بنسبة {i % 90} في المئة", "، ",
                   ".\n")


def speakers_en(size: int) -> str:
    return _repeat(size, "", lambda i: f"{_en_name(i)} said the plan would work."
                   + ("\n" if i % 5 == 4 else ""), " ", "\n")


def speakers_ar(size: int) -> str:
    return _repeat(size, "", lambda i: f"وقال {_ar_name(i)} إن الخطة ستنجح."
                   + ("\n" if i % 5 == 4 else ""), " ", "\n")


def quotes_en(size: int) -> str:
    return _repeat(size, "", lambda i: f'"The talks on item {i} will resume," {_en_name(i)} said.',
                   " ", "\n")


def guillemets_ar(size: int) -> str:
    return _repeat(size, "وقال الوزير ", lambda i: f"«المفاوضات حول البند {i} ستستأنف»", " ",
                   ".\n")


def colons_en(size: int) -> str:
    return _repeat(size, "The ministry said: ", lambda i: f"item {i} is settled", ": ", ".\n")


def waw_ar(size: int) -> str:
    return _repeat(size, "وقال المتحدث باسم الحكومة إن ",
                   lambda i: f"الأسعار ارتفعت في المدينة {i} وانخفضت الأجور", " و", ".\n")


def surnames_en(size: int) -> str:
    return _repeat(size, "", lambda i: f"{_en_name(i).split()[1]}{i} said the plan would work."
                   + ("\n" if i % 5 == 4 else ""), " ", "\n")


def titles_en(size: int) -> str:
    return _repeat(size, "", lambda i: f"The regional transport minister said item {i} was "
                   "settled." + ("\n" if i % 5 == 4 else ""), " ", "\n")


def bodies_ar(size: int) -> str:
    return _repeat(size, "", lambda i: f"وقالت الوزارة إن البند {i} حسم."
                   + ("\n" if i % 5 == 4 else ""), " ", "\n")


def sources_ar(size: int) -> str:
    return _repeat(size, "", lambda i: f"وقال {_ar_name(i)} إن البند {i} حسم. وحسب المصدر فإن "
                   f"البند {i + 1} لم يحسم." + ("\n" if i % 3 == 2 else ""), " ", "\n")


def added_en(size: int) -> str:
    return _repeat(size, "", lambda i: f"{_en_name(i)} said the plan would work. She added that "
                   f"item {i} was settled." + ("\n" if i % 3 == 2 else ""), " ", "\n")


def quote_chain_en(size: int) -> str:
    return _repeat(size, "", lambda i: f'"item {i} is settled," {_en_name(i)} said,', " ", ".\n")


def no_punct_en(size: int) -> str:
    return _repeat(size, "", lambda i: f"officials said prices rose in town {i} and wages fell",
                   " ", "\n")


SHAPES = [commas_en, commas_ar, speakers_en, speakers_ar, surnames_en, titles_en, bodies_ar,
          sources_ar, added_en, quotes_en, quote_chain_en, guillemets_ar, colons_en, waw_ar,
          no_punct_en]


def cpu_seconds(text: str, repeat: int) -> tuple[float, int]:
    best, n = float("inf"), 0
    for _ in range(repeat):
        start = time.process_time()
        n = len(extract(text))
        best = min(best, time.process_time() - start)
    return best, n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-kb", type=int, default=1000, help="largest article, in kB")
    parser.add_argument("--steps", type=int, default=4, help="sizes, each half the next")
    parser.add_argument("--repeat", type=int, default=2, help="best of this many runs")
    parser.add_argument("--only", default="", help="comma-separated shape names")
    args = parser.parse_args()
    wanted = set(filter(None, args.only.split(",")))
    sizes = [args.max_kb * 1000 // 2 ** k for k in range(args.steps - 1, -1, -1)]
    extract("The minister said the talks would resume.")  # load the rule tables
    print(f"sizes: {', '.join(f'{s // 1000} kB' for s in sizes)}; CPU seconds, best of "
          f"{args.repeat}; ratio to the size before (2.0 is linear)")
    worst = 0.0
    for shape in SHAPES:
        if wanted and shape.__name__ not in wanted:
            continue
        cells = []
        previous = None
        for size in sizes:
            seconds, n = cpu_seconds(shape(size), args.repeat)
            ratio = f" x{seconds / previous:.1f}" if previous and previous > 0.001 else ""
            cells.append(f"{seconds:7.3f}s{ratio:6}")
            previous = seconds
        worst = max(worst, previous or 0.0)
        print(f"{shape.__name__:14} {'  '.join(cells)}  ({n} claims at the largest)")
    if args.max_kb >= 1000:
        print(f"slowest at {args.max_kb} kB: {worst:.2f}s; target < 5 s "
              f"({'met' if worst < 5 else 'NOT met'})")


if __name__ == "__main__":
    main()
