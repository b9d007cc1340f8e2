"""claims migrate: any backend into any other, the same records back, a full store refused."""

import orjson
import pytest
from conftest import new_store_spec
from support_claims import claim
from tests_support import ROOT
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.errors import InputError
from factcheck.migrate import migrate
from factcheck.store import Store, open_store


def _records(spec: str) -> dict[str, dict[str, dict]]:
    """Every record of a store, by kind and ID."""
    db = open_store(spec).read()
    return {kind: {r["id"]: r for batch in db.table(kind).scan() for r in batch}
            for kind in db.kinds()}


def _round_trip(start: str, tmp_path, request) -> list[str]:
    """start -> SQLite -> PostgreSQL -> JSON, through the command; the specs visited."""
    hops = [start, new_store_spec("sqlite", tmp_path, request),
            new_store_spec("postgresql", tmp_path, request), str(tmp_path / "back.json")]
    for source, destination in zip(hops, hops[1:], strict=False):
        result = CliRunner().invoke(app, ["migrate", source, destination, "--json"])
        assert result.exit_code == 0, result.output
        copied = orjson.loads(result.stdout)["kinds"]
        assert {k: v["count"] for k, v in copied.items()} == \
            {k: len(v) for k, v in _records(source).items()}
    return hops


def test_the_seed_goes_through_every_backend_and_comes_back_the_same(tmp_path, request):
    start = str(ROOT / "claims.json")
    hops = _round_trip(start, tmp_path, request)
    original = _records(start)
    assert set(original) >= {"articles", "claims", "speakers"}
    for spec in hops[1:]:
        assert _records(spec) == original
    # back in JSON, the claims keep the order they were stored in
    assert list(_records(hops[-1])["claims"]) == list(original["claims"])


def _big_store(path, count: int) -> None:
    """A store of `count` claims by 50 speakers over 200 articles, written in one go."""
    store = Store(path)
    with store.write() as db:
        db.table("speakers").insert_many([
            {"id": f"s{n:03d}", "key": f"K{n}", "kind": "person", "names": [f"Speaker {n}"],
             "roles": [], "first": None, "last": None, "merged": []} for n in range(50)])
        db.articles.insert_many([{"id": f"a{n:04d}", "text": f"Article {n}", "hash": None}
                                 for n in range(200)])
        claims = []
        for n in range(count):
            c = claim(f"Speaker {n % 50}", "said", f"the budget for year {n} rose by {n % 97}%")
            c["speaker"]["id"] = f"s{n % 50:03d}"
            claims.append({**c, "id": f"{n:08x}", "article": f"a{n % 200:04d}",
                           "published": f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}"})
        db.claims.insert_many(claims)


def test_ten_thousand_claims_go_through_every_backend_and_come_back_the_same(tmp_path,
                                                                             request):
    start = tmp_path / "big.json"
    _big_store(start, 10_000)
    hops = _round_trip(str(start), tmp_path, request)
    original = _records(str(start))
    assert len(original["claims"]) == 10_000
    back = _records(hops[-1])
    assert back == original and list(back["claims"]) == list(original["claims"])


def test_a_destination_holding_records_is_refused_unless_forced(tmp_path):
    source, destination = tmp_path / "a.json", tmp_path / "b.sqlite"
    _big_store(source, 30)
    _big_store(tmp_path / "other.json", 5)
    migrate(open_store(tmp_path / "other.json"), open_store(destination))
    with pytest.raises(InputError, match="already holds records .*--force"):
        migrate(open_store(source), open_store(destination))
    assert len(_records(str(destination))["claims"]) == 5
    done = migrate(open_store(source), open_store(destination), force=True)
    assert done.replaced == ["articles", "claims", "speakers"]
    assert _records(str(destination)) == _records(str(source))


def test_the_command_prints_what_it_copied(tmp_path):
    source = tmp_path / "a.json"
    _big_store(source, 3)
    result = CliRunner().invoke(app, ["migrate", str(source), str(tmp_path / "b.sqlite")])
    assert result.exit_code == 0, result.output
    assert "claims" in result.stdout and "│ 3 " in result.stdout
    again = CliRunner().invoke(app, ["migrate", str(source), str(tmp_path / "b.sqlite")])
    assert again.exit_code == 2
    assert "already holds records (articles, claims, speakers); give --force" in again.stderr
