"""Write factcheck/data/common_words.json: the Arabic word stems of ordinary news vocabulary.

A stem is common when it occurs in at least MIN_HEADLINES headlines of the ANS stance train
split (s1 and s2 both count). The contradiction check reads a changed Arabic word that is not
common (a town, a person's name) as a name: the same frame with another actor or place.
Headlines are a small vocabulary, so some ordinary words (جسر, مستودع) are missing and read
as names; the list only ever decides between "different name" and "another subject".

    /tmp/venv/bin/python tools/common_words.py [--data ../shared/data/ans]

Source of the data: github.com/latynt/ans, commit 9c5f313, data/stance/train.csv,
Apache-2.0; Khouja (2020), FEVER workshop, ACL 2020.
"""

import argparse
import csv
import json
from collections import Counter
from pathlib import Path

from factcheck.normalize import is_arabic, stem, words

OUT = Path(__file__).resolve().parent.parent / "factcheck" / "data" / "common_words.json"
MIN_HEADLINES = 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path,
                        default=Path(__file__).resolve().parents[2] / "shared" / "data" / "ans")
    args = parser.parse_args()
    counts: Counter = Counter()
    with (args.data / "stance-train.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for headline in (row["s1"], row["s2"]):
                counts.update({stem(w) for w in words(headline) if is_arabic(w)})
    stems = sorted(s for s, n in counts.items() if n >= MIN_HEADLINES)
    OUT.write_text(json.dumps({
        "provenance": {
            "data": "github.com/latynt/ans commit 9c5f313, data/stance/train.csv "
                    "(Apache-2.0); Khouja, FEVER workshop, ACL 2020",
            "made_by": "tools/common_words.py",
            "what": f"stems (factcheck.normalize.stem) of Arabic words in at least "
                    f"{MIN_HEADLINES} train headline(s)",
        },
        "stems": stems,
    }, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(stems)} stems -> {OUT}")


if __name__ == "__main__":
    main()
