"""How much of real news the bilingual concept tables cover: the share of content words (stop
words, figures, places and names aside) that find a concept, per language, on the realnews
texts and the ANS stance sentences; and the commonest words that find none.

    .venv/bin/python bench/concepts.py [--data ../shared/data] [--top 40]

The list of uncovered words is for writing entries by hand: the words are ordinary
vocabulary, never the texts themselves.
"""

import argparse
import csv
from collections import Counter
from pathlib import Path

from factcheck.concepts import concepts_of, stopwords
from factcheck.contrast import lexicon
from factcheck.normalize import detect_lang, is_arabic, tokens
from factcheck.statement import common_words, read_word

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data"


def texts(data: Path):
    for path in sorted((data / "realnews" / "texts").glob("*.txt")):
        yield "realnews", path.read_text(encoding="utf-8")
    for split in ("train", "dev"):
        path = data / "ans" / f"stance-{split}.csv"
        if path.is_file():
            with path.open(encoding="utf-8") as f:
                for row in csv.DictReader(f):
                    yield "ans", " ".join(v for k, v in row.items() if k in ("s1", "s2"))


def content_words(text: str):
    lex, stop = lexicon(), stopwords()
    for i, tok in enumerate(tokens(text)):
        word = tok.norm
        written = text[tok.start:tok.end]
        if word in stop or word in lex.negators or len(word) < 3 or not word.isalpha():
            continue
        if read_word(word).number is not None or read_word(word).months:
            continue
        if word in lex.place_words:
            continue
        if not is_arabic(word) and i > 0 and written[:1].isupper():
            continue  # a name
        if is_arabic(word) and word not in common_words() and not concepts_of(word) \
                and read_word(word).term not in common_words():
            continue  # outside ordinary vocabulary: most likely a name
        yield word


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    if not (args.data / "realnews").is_dir():
        print(f"no data at {args.data}: nothing to measure")
        return
    seen: dict[tuple[str, str], Counter] = {}
    missing: dict[str, Counter] = {"ar": Counter(), "en": Counter()}
    for corpus, text in texts(args.data):
        lang = detect_lang(text)
        counts = seen.setdefault((corpus, lang), Counter())
        for word in content_words(text):
            found = bool(concepts_of(word))
            counts["covered" if found else "not"] += 1
            if not found:
                missing[lang][read_word(word).term] += 1
    for (corpus, lang), counts in sorted(seen.items()):
        total = counts["covered"] + counts["not"]
        print(f"{corpus:9} {lang}: {counts['covered']}/{total} content words find a concept "
              f"= {counts['covered'] / (total or 1):.1%}")
    for lang, counts in missing.items():
        print(f"\ncommonest {lang} stems with no concept:")
        print("  " + " ".join(f"{w}:{n}" for w, n in counts.most_common(args.top)))


if __name__ == "__main__":
    main()
