"""What checking every record's shape (factcheck.schema) costs a read, against parsing the file.

    python bench/schema.py [--claims 100000] [--rounds 3]

Stores the seed article (seeds/) in a temporary store, copies its claims under new IDs up to
--claims, and prints, in the same run, the median over --rounds of: orjson parsing the file's
bytes (what Store.read does first) and schema.first_problem over the parsed tables (what it
does then), and their ratio. Target: the check costs at most the parse (ratio <= 1).
"""

import argparse
import gc
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson

from factcheck import schema

ROOT = Path(__file__).resolve().parent.parent


def store_of(claims: int, folder: Path) -> bytes:
    path = folder / "claims.json"
    subprocess.run([sys.executable, "-m", "factcheck", "add", str(ROOT / "seeds"), "--db",
                    str(path)], check=True, capture_output=True)
    data = orjson.loads(path.read_bytes())
    seed = list(data["claims"].values())
    data["claims"] = {f"{n:012x}": {**seed[n % len(seed)], "id": f"{n:012x}"}
                      for n in range(claims)}
    return orjson.dumps(data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        raw = store_of(args.claims, Path(folder))
    gc.disable()  # as the store reads (factcheck.collector): the collector would dominate both
    parse, check = [], []
    for _ in range(args.rounds):
        start = time.perf_counter()
        data = orjson.loads(raw)
        parse.append(time.perf_counter() - start)
        start = time.perf_counter()
        found = schema.first_problem(data)
        check.append(time.perf_counter() - start)
        assert found is None, found
    p, c = statistics.median(parse), statistics.median(check)
    print(f"{args.claims} claims, {len(raw) / 1e6:.0f} MB: parse {p:.3f} s, check {c:.3f} s, "
          f"check/parse {c / p:.2f} (target <= 1)")


if __name__ == "__main__":
    main()
