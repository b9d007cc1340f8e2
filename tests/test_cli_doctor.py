"""`claims doctor`: bad records listed, set aside in a quarantine file, and cron goes on."""

import json
from pathlib import Path

from conftest import SEED

TOLD = "run `claims doctor --fix` to set them aside\n"


def _store_with_bad_records(run, db_file) -> dict:
    assert run("add", str(SEED)).exit_code == 0
    data = json.loads(db_file.read_text(encoding="utf-8"))
    first, second = list(data["claims"])[:2]
    data["claims"][first].pop("content")
    data["claims"][second] = "قال الوزير إن المعبر سيفتح"
    data["_meta"]["schema"]["version"] = "1"
    db_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return data


def test_doctor_lists_every_bad_record_and_exits_1(run, db_file):
    data = _store_with_bad_records(run, db_file)
    first, second = list(data["claims"])[:2]
    result = run("doctor", "--json")
    assert result.exit_code == 1
    # In the order of the file, which keeps its schema record first.
    assert json.loads(result.stdout) == {"store": str(db_file), "set_aside": None, "problems": [
        {"table": "_meta", "id": "schema",
         "problem": "`version` must be a whole number, not text"},
        {"table": "claims", "id": first, "problem": "`content` must have a text"},
        {"table": "claims", "id": second, "problem": "is text, not a record"},
    ], "dates": []}
    table = run("doctor")
    assert table.exit_code == 1
    assert "3 bad records in claims.json" in table.stdout and first in table.stdout
    assert table.stderr == TOLD
    assert json.loads(db_file.read_text(encoding="utf-8")) == data  # listing changes nothing


def test_doctor_fix_sets_them_aside_whole_and_every_command_works_again(run, db_file, tmp_path):
    data = _store_with_bad_records(run, db_file)
    first, second = list(data["claims"])[:2]
    assert run("list").exit_code == 2
    fixed = run("doctor", "--fix", "--json")
    assert fixed.exit_code == 0, fixed.output
    report = json.loads(fixed.stdout)
    quarantine = tmp_path / report["set_aside"].rsplit("/", 1)[1]
    assert quarantine.name.startswith("claims.json.quarantine-") and quarantine.suffix == ".json"
    kept = json.loads(quarantine.read_text(encoding="utf-8"))
    assert kept["kind"] == "factcheck.quarantine/1" and kept["store"] == str(db_file)
    assert [(r["table"], r["id"], r["record"]) for r in kept["records"]] == [
        ("_meta", "schema", {"version": "1"}), ("claims", first, data["claims"][first]),
        ("claims", second, data["claims"][second])]
    stored = json.loads(db_file.read_text(encoding="utf-8"))
    assert sorted(stored["claims"]) == sorted(set(data["claims"]) - {first, second})
    assert stored["_meta"]["schema"] == {"version": 1}
    # The rest of the store is whole, and the commands cron runs work on it again.
    assert stored["articles"] == data["articles"]
    listed = run("list", "--json", "--limit", "1000")
    assert listed.exit_code == 0
    assert len(json.loads(listed.stdout)) == len(data["claims"]) - 2
    assert run("add", str(SEED)).exit_code == 0
    again = run("doctor")
    assert again.exit_code == 0
    assert again.stderr == f"{db_file}: every record has the right shape\n"
    assert quarantine.exists()  # never removed


def test_two_fixes_in_the_same_second_keep_both_quarantine_files(run, db_file, tmp_path):
    for _ in range(2):
        _store_with_bad_records(run, db_file)
        assert run("doctor", "--fix").exit_code == 0
    names = sorted(p.name for p in tmp_path.glob("claims.json.quarantine-*.json"))
    assert len(names) == 2
    assert all(len(json.loads((tmp_path / n).read_text())["records"]) == 3 for n in names)


def test_doctor_sets_aside_a_table_that_is_not_a_table(run, db_file):
    assert run("add", str(SEED)).exit_code == 0
    data = json.loads(db_file.read_text(encoding="utf-8"))
    data["reviews"] = ["not", "records"]
    db_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    listed = run("doctor", "--json")
    assert json.loads(listed.stdout)["problems"] == [
        {"table": "reviews", "id": None, "problem": "is a list, not a table of records"}]
    assert run("doctor", "--fix").exit_code == 0
    assert "reviews" not in json.loads(db_file.read_text(encoding="utf-8"))
    assert run("export", "--format", "csv").exit_code == 0


def test_doctor_on_a_good_store_or_none_changes_nothing(run, db_file):
    result = run("doctor", "--fix")
    assert result.exit_code == 0
    assert not db_file.exists()  # no database is made where there was none
    assert run("add", str(SEED)).exit_code == 0
    before = db_file.read_bytes()
    assert run("doctor", "--fix").exit_code == 0
    assert db_file.read_bytes() == before


def test_doctor_lists_and_sets_aside_bad_records_on_every_backend(store_spec, tmp_path,
                                                                  monkeypatch):
    from typer.testing import CliRunner

    from factcheck.cli import app
    from factcheck.store import open_store

    monkeypatch.chdir(tmp_path)  # where a server's quarantine file goes
    runner = CliRunner()
    assert runner.invoke(app, ["add", str(SEED), "--db", store_spec]).exit_code == 0
    with open_store(store_spec).write() as db:
        good = db.claims.all()
        db.claims.insert({**good[0], "id": "bad1", "content": "قال الوزير"})
        db.table("reviews").insert({"id": "bad2", "claim": "bad2", "history": "none"})
    listed = runner.invoke(app, ["list", "--db", store_spec])
    assert listed.exit_code == 2 and "claims doctor" in listed.stderr
    found = runner.invoke(app, ["doctor", "--json", "--db", store_spec])
    assert found.exit_code == 1
    assert [(p["table"], p["id"]) for p in json.loads(found.stdout)["problems"]] == [
        ("claims", "bad1"), ("reviews", "bad2")]
    fixed = runner.invoke(app, ["doctor", "--fix", "--json", "--db", store_spec])
    assert fixed.exit_code == 0, fixed.output
    quarantine = Path(json.loads(fixed.stdout)["set_aside"])
    assert quarantine.parent == tmp_path
    kept = json.loads(quarantine.read_text(encoding="utf-8"))
    assert [r["record"]["id"] for r in kept["records"]] == ["bad1", "bad2"]
    assert kept["records"][0]["record"]["content"] == "قال الوزير"
    again = runner.invoke(app, ["list", "--json", "--limit", "1000", "--db", store_spec])
    assert again.exit_code == 0
    assert sorted(c["id"] for c in json.loads(again.stdout)) == sorted(c["id"] for c in good)


def test_doctor_makes_dates_stored_as_typed_iso_and_keeps_what_they_were(run, db_file,
                                                                       tmp_path):
    # What `add --published` stored before dates were read: every --since missed them.
    assert run("add", str(SEED)).exit_code == 0
    data = json.loads(db_file.read_text(encoding="utf-8"))
    article = next(iter(data["articles"]))
    first, second = list(data["claims"])[:2]
    data["articles"][article]["published"] = "14/11/2022"
    data["claims"][first]["published"] = "14 تشرين الثاني 2022"
    data["claims"][second]["published"] = "الأسبوع الماضي"  # no day anyone can read
    speaker = next(iter(data["speakers"]))
    data["speakers"][speaker]["first"] = "2025-07-09T06:15:18+00:00"  # as register kept it
    db_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    listed = run("doctor", "--json")
    assert listed.exit_code == 1
    mends = json.loads(listed.stdout)["dates"]
    assert sorted(mends, key=lambda m: (m["table"], m["stored"])) == [
        {"table": "articles", "id": article, "field": "published", "stored": "14/11/2022",
         "mended": "2022-11-14"},
        {"table": "claims", "id": first, "field": "published", "stored": "14 تشرين الثاني 2022",
         "mended": "2022-11-14"},
        {"table": "claims", "id": second, "field": "published", "stored": "الأسبوع الماضي",
         "mended": None},
        {"table": "speakers", "id": speaker, "field": "first",
         "stored": "2025-07-09T06:15:18+00:00", "mended": "2025-07-09"},
    ]
    fixed = run("doctor", "--fix", "--json")
    assert fixed.exit_code == 0
    stored = json.loads(db_file.read_text(encoding="utf-8"))
    assert stored["articles"][article]["published"] == "2022-11-14"
    assert stored["claims"][first]["published"] == "2022-11-14"
    assert stored["claims"][second]["published"] is None
    kept = json.loads(Path(json.loads(fixed.stdout)["set_aside"]).read_text(encoding="utf-8"))
    assert kept["dates"] == mends  # what each date was, kept
    assert stored["speakers"][speaker]["first"] == "2025-07-09"
    found = run("search", "--since", "2022-11-01", "--until", "2022-11-30", "--json")
    assert found.exit_code == 0
    assert [hit["id"] for hit in json.loads(found.stdout)] == [first]
    assert run("doctor").exit_code == 0
