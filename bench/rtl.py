"""What visual-order Arabic costs in a table: the same claims table rendered with --rtl off and on.

    /tmp/venv/bin/python bench/rtl.py [--claims 50] [--repeat 20]

Stores the seed (through the real extractor) in a temporary database, takes --claims claims
(the seed's, repeated), and renders `claims list`'s table (id, speaker, cue, content, flags,
source) at 100 columns into memory, best of --repeat, with visual order off (the baseline, same
run) and on. Prints both times and the ratio on/off.
"""

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rich.console import Console  # noqa: E402

from factcheck.articles import add_article  # noqa: E402
from factcheck.cli import render  # noqa: E402
from factcheck.ingest import Article  # noqa: E402
from factcheck.store import Store  # noqa: E402

SEED = next((ROOT / "seeds").glob("*.txt"))


def seed_claims(count: int) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "claims.json")
        with store.write() as db:
            claims = add_article(db, Article(text=SEED.read_text(encoding="utf-8"),
                                             outlet="Example News", published="2025-07-09")).claims
    return (claims * (count // len(claims) + 1))[:count]


def best_render(claims: list[dict], *, rtl: bool, repeat: int) -> float:
    render.set_rtl(rtl)
    times = []
    for _ in range(repeat):
        con = Console(file=io.StringIO(), width=100, markup=False, highlight=False)
        start = time.perf_counter()
        con.print(render.claims_table(claims, with_id=True, with_source=True))
        times.append(time.perf_counter() - start)
    render.set_rtl(False)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    claims = seed_claims(args.claims)
    off = best_render(claims, rtl=False, repeat=args.repeat)
    on = best_render(claims, rtl=True, repeat=args.repeat)
    print(f"{len(claims)} claims, 100 columns, best of {args.repeat}")
    print(f"  --rtl off (baseline): {off * 1000:6.1f} ms")
    print(f"  --rtl on:             {on * 1000:6.1f} ms   ratio on/off {on / off:.2f}")


if __name__ == "__main__":
    main()
