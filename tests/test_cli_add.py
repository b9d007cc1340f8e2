"""`claims add`: extract and store; the same text twice stores nothing; bad input stores nothing."""

import json
import subprocess
import sys

import pytest
from tests_support import SEED, SEEDS

from factcheck.store import Store


def stored(db_file):
    db = Store(db_file).read()
    return db.articles.all(), db.claims.all()


def test_add_stores_article_claims_and_source(run, db_file):
    result = run("add", str(SEED), "--url", "https://example.org/a", "--outlet", "Example",
                 "--published", "2025-07-09", "--title", "Lavrov in Pyongyang", "--json")
    assert result.exit_code == 0, result.output
    (report,) = json.loads(result.stdout)
    assert report["new"] is True and len(report["claims"]) == 10
    articles, claims = stored(db_file)
    assert len(articles) == 1 and len(claims) == 10
    for c in claims:
        assert c["article"] == articles[0]["id"]
        assert (c["url"], c["outlet"], c["published"], c["title"]) == (
            "https://example.org/a", "Example", "2025-07-09", "Lavrov in Pyongyang")
        assert c["path"] == str(SEED) and c["added"]
        if c["speaker"]["name"]:
            assert c["speaker"]["id"]


def test_adding_the_same_text_twice_stores_nothing_new(run, db_file, tmp_path):
    assert run("add", str(SEED)).exit_code == 0
    before = db_file.read_bytes()
    copy = tmp_path / "copy.txt"
    copy.write_text(SEED.read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    result = run("add", str(copy))
    assert result.exit_code == 0
    assert "already stored as article" in result.stderr
    assert "nothing new" in result.stderr
    assert db_file.read_bytes() == before


def test_add_a_folder(run, db_file, tmp_path):
    (tmp_path / "a.txt").write_text("وقال الوزير إن الجسر سيفتح غدا.", encoding="utf-8")
    (tmp_path / "b.md").write_text("The mayor said the park would reopen.", encoding="utf-8")
    (tmp_path / "skip.jpg").write_bytes(b"\xff\xd8")
    result = run("add", str(tmp_path), "--json")
    assert result.exit_code == 0, result.output
    assert [r["new"] for r in json.loads(result.stdout)] == [True, True]
    assert len(stored(db_file)[1]) == 2


def test_one_bad_file_stores_nothing(run, db_file, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("وقال الوزير إن الجسر سيفتح غدا.", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    result = run("add", str(good), str(bad))
    assert result.exit_code == 2
    assert result.stderr == f"claims: error: {bad} looks binary, not text\n"
    assert not db_file.exists()


def test_damaged_database_is_named_and_untouched(run, db_file):
    db_file.write_text('{"claims": ', encoding="utf-8")
    result = run("add", str(SEED))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"claims: error: {db_file} is not valid JSON")
    assert result.stderr.count("\n") == 1
    assert db_file.read_text(encoding="utf-8") == '{"claims": '


def test_db_option_wins_over_environment(run, db_file, tmp_path):
    other = tmp_path / "other.json"
    assert run("add", str(SEED), "--db", str(other)).exit_code == 0
    assert other.exists() and not db_file.exists()


def test_two_adds_at_once_leave_every_claim_once(db_file, tmp_path):
    texts = {
        "one.txt": "وقال الوزير إن الجسر سيفتح غدا. وأضاف أن الطريق سيصان.",
        "two.txt": "The mayor said the park would reopen. She added that fees would fall.",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    procs = [
        subprocess.Popen([sys.executable, "-m", "factcheck", "add", str(tmp_path / name),
                          "--db", str(db_file)], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE)
        for name in texts
    ]
    assert [p.wait(120) for p in procs] == [0, 0]
    articles, claims = stored(db_file)
    assert len(articles) == 2
    assert len(claims) == 4 and len({c["id"] for c in claims}) == 4
    json.loads(db_file.read_text(encoding="utf-8"))


def test_seeds_folder_holds_the_users_seed():
    assert SEED.parent == SEEDS and SEED.name == "000_04a54f23c455cc2f.txt"


def folder_of_articles(tmp_path, n: int):
    folder = tmp_path / "inbox"
    folder.mkdir()
    for i in range(n):
        (folder / f"{i:02d}.txt").write_text(
            f"قال وزير النقل إن الطريق رقم {i} سيفتح الأسبوع المقبل أمام الشاحنات.\n",
            encoding="utf-8")
    return folder


def test_add_of_a_folder_shows_progress_when_stderr_is_a_terminal(run, tmp_path, monkeypatch):
    from rich.console import Console

    from factcheck.cli import render

    def terminal_stderr(*, stderr: bool = False) -> Console:
        return Console(stderr=stderr, force_terminal=stderr, highlight=False, markup=False)

    monkeypatch.setattr(render, "console", terminal_stderr)
    result = run("add", str(folder_of_articles(tmp_path, 12)), "--json")
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == 12  # stdout is only the answer
    assert "reading articles" in result.stderr and "12/12" in result.stderr
    assert "extracting and storing claims" in result.stderr


def test_add_of_a_folder_draws_nothing_when_stderr_is_not_a_terminal(run, tmp_path):
    result = run("add", str(folder_of_articles(tmp_path, 12)), "--json")
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == 12 and result.stderr == ""


def test_add_to_an_empty_database_file_refuses_and_leaves_it(run, db_file):
    db_file.write_bytes(b"")  # a store cut short, as a full disk or a stopped copy leaves it
    result = run("add", str(SEED))
    assert result.exit_code == 2
    assert result.stderr == (
        f"claims: error: {db_file} is empty (0 bytes), which no claims database is: it was "
        f"likely cut short; it was left as it is: restore it from a backup, or delete it to "
        f"start a new database\n")
    assert db_file.read_bytes() == b""


ROAD = "قال وزير النقل سامر الخطيب إن الطريق الصحراوي سيفتح أمام الشاحنات الأسبوع المقبل.\n"


def _article(tmp_path, name: str, text: str = ROAD):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_day_first_or_arabic_published_date_is_stored_iso_and_found_by_since(run, db_file,
                                                                                tmp_path):
    assert run("add", _article(tmp_path, "a.txt"), "--published", "14/11/2022").exit_code == 0
    other = ROAD.replace("الصحراوي", "الدائري")
    assert run("add", _article(tmp_path, "b.txt", other),
               "--published", "١٤ تشرين الثاني ٢٠٢٢").exit_code == 0
    stored_dates = {c["published"] for c in stored(db_file)[1]}
    assert stored_dates == {"2022-11-14"}
    found = run("search", "الطريق", "--since", "2022-11-01", "--json")
    assert found.exit_code == 0 and len(json.loads(found.stdout)) == 2


@pytest.mark.parametrize("typed, reason", [
    ("2022-02-30", "(day is out of range for month)"),
    ("next Tuesday",
     ": write it as 2022-11-14, 14/11/2022, 14 November 2022 or 14 تشرين الثاني 2022"),
])
def test_a_published_date_that_is_no_day_is_refused_and_nothing_stored(run, db_file, tmp_path,
                                                                       typed, reason):
    result = run("add", _article(tmp_path, "a.txt"), "--published", typed)
    assert result.exit_code == 2
    space = " " if reason.startswith("(") else ""
    assert result.stderr == f"claims: error: --published {typed!r} is not a date{space}{reason}\n"
    assert not db_file.exists()


def test_an_unknown_date_stays_null_and_is_shown_as_unknown(run, db_file, tmp_path):
    assert run("add", _article(tmp_path, "a.txt"), "--outlet", "Desk Wire").exit_code == 0
    claims = stored(db_file)[1]
    assert claims and all(c["published"] is None for c in claims)
    from factcheck.cli.render import source_cell

    # the day of adding is not a publication date
    assert source_cell(claims[0]).plain == f"Desk Wire · date unknown\n{claims[0]['path']}"
    listed = json.loads(run("list", "--json").stdout)
    assert [c["published"] for c in listed] == [None] * len(claims)


def test_speakers_first_and_last_are_days_whether_the_date_was_a_timestamp_or_unknown(
        run, db_file, tmp_path):
    assert run("add", _article(tmp_path, "a.txt")).exit_code == 0
    later = ROAD.replace("الأسبوع المقبل", "الشهر المقبل")
    assert run("add", _article(tmp_path, "b.txt", later),
               "--published", "2022-11-14T09:30:00+02:00").exit_code == 0
    listed = json.loads(run("speakers", "--json").stdout)
    khatib = next(r for r in listed if "سامر الخطيب" in r["names"])
    added_day = stored(db_file)[0][0]["added"][:10]
    assert (khatib["first"], khatib["last"]) == ("2022-11-14", added_day)
