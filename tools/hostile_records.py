"""Set each field of each kind of stored record to each wrong kind of value, run every command.

A store the schema (factcheck/schema.py) passes must never make a command crash: every
command either works or stops with one line (exit 2). This builds a small store from the
seed article (a review, a contradiction, watch's sources and seen records), then for each
field of one record of each kind and each value in VALUES (or with the field left out,
--missing) it writes the store, skips what the schema refuses (every command refuses it in one
line, tests/test_schema.py), and runs every command in COMMANDS on the rest. It prints each
crash (a traceback where a one-line error belonged) and the counts.

    .venv/bin/python tools/hostile_records.py [--missing]
"""

import argparse
import copy
import json
import os
import sys
import tempfile
import traceback
from pathlib import Path

from typer.testing import CliRunner

from factcheck import schema
from factcheck.cli import app

ROOT = Path(__file__).resolve().parent.parent
VALUES = [None, 1, "x", [], {}, True, [1, 2], -5]
KINDS = ("claims", "reviews", "speakers", "articles", "contradictions", "sources", "seen")
LEAVE_OUT = object()


def build_store(folder: Path, runner: CliRunner) -> tuple[dict, str, Path, Path]:
    """The store as JSON, a claim ID, an article to add and a folder to watch."""
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0]
    _ok(runner, ["add", str(seed), "--published", "2025-07-09"])
    claim = json.loads(runner.invoke(app, ["list", "--json"]).stdout)[0]["id"]
    _ok(runner, ["review", claim, "--verdict", "false", "--url", "https://example.org/fc",
                 "--reviewer", "desk"])
    inbox = folder / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("قال وزير المالية خالد العمري إن العجز سينخفض هذا العام.\n",
                                 encoding="utf-8")
    _ok(runner, ["watch", str(inbox)])
    data = json.loads((folder / "claims.json").read_text(encoding="utf-8"))
    first, second = list(data["claims"])[:2]
    at = "2025-07-10T08:00:00+00:00"
    data.setdefault("contradictions", {})["k1"] = {
        "id": "k1", "a": first, "b": second, "relation": "contradicts", "score": 0.8,
        "reasons": ["negation"], "status": "open", "created": at,
        "history": [{"at": at, "by": "desk", "action": "dismiss", "from": "open",
                     "to": "dismissed", "note": None}]}
    new = folder / "new.txt"
    new.write_text("قال وزير النقل سامر الخطيب إن الطريق سيفتح الأسبوع المقبل.\n",
                   encoding="utf-8")
    return data, claim, new, inbox


def _ok(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(app, args)
    if result.exit_code not in (0, 1):
        sys.exit(f"setting up: claims {' '.join(args)} failed: {result.output}")


def field_paths(value, prefix=()):
    if isinstance(value, dict):
        for key, inner in value.items():
            yield (*prefix, key)
            yield from field_paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for i, inner in enumerate(value[:2]):
            yield (*prefix, i)
            yield from field_paths(inner, (*prefix, i))


def changed(record: dict, path: tuple, value) -> dict | None:
    out = copy.deepcopy(record)
    inner = out
    for step in path[:-1]:
        inner = inner[step]
    if value is LEAVE_OUT:
        if not isinstance(inner, dict):
            return None
        del inner[path[-1]]
    else:
        inner[path[-1]] = value
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--missing", action="store_true", help="leave each field out instead")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    db = folder / "claims.json"
    os.environ["CLAIMS_DB"] = str(db)
    runner = CliRunner()
    base, claim, new, inbox = build_store(folder, runner)
    commands = [["list"], ["show", claim[:6]], ["export", "--format", "csv"],
                ["export", "--format", "claimreview"], ["export", "--format", "jsonl"],
                ["speakers"], ["search", "الطريق"], ["contradictions"], ["history", claim],
                ["add", str(new)], ["review", claim, "--verdict", "true", "--reviewer", "b"],
                ["review", claim, "--undo", "--reviewer", "b"], ["watch", str(inbox)],
                ["resolve", "k1", "--confirm", "--reviewer", "b"], ["doctor"]]
    values = [LEAVE_OUT] if args.missing else VALUES
    stores = refused = crashes = 0
    for kind in KINDS:
        records = base.get(kind) or {}
        key = claim if claim in records else next(iter(records), None)
        if key is None:
            continue
        for path in field_paths(records[key]):
            if kind == "articles" and path[0] == "text":
                continue  # the text is the article's identity; a wrong one is another article
            for value in values:
                record = changed(records[key], path, value)
                if record is None:
                    continue
                data = {**base, kind: {**records, key: record}}
                stores += 1
                if schema.first_problem(data) is not None:
                    refused += 1
                    continue
                crashes += _run_all(runner, folder, db, data, commands, f"{kind} {path} "
                                    f"{'left out' if value is LEAVE_OUT else repr(value)}")
    print(f"{stores} stores, {refused} refused by the schema, {crashes} crashed a command")
    return 1 if crashes else 0


def _run_all(runner, folder: Path, db: Path, data: dict, commands, what: str) -> int:
    for command in commands:
        db.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        for cache in folder.glob("claims.json.*.idx"):
            cache.unlink()
        result = runner.invoke(app, command)
        # The CLI's boundary prints a bug's traceback and exits 2; an older CLI let it out.
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            last = "".join(traceback.format_exception(result.exception)).splitlines()[-1]
        elif "internal error (" in result.stderr:
            last = result.stderr.strip().splitlines()[-1]
        else:
            continue
        print(f"{what}: claims {command[0]}: {last}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
