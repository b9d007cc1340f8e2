"""claims export and claims import."""

import csv
import io
import json

import pytest
from tests_support import SEED

PESKOV = "في الوقت الراهن، وفي المستقبل القريب، لا توجد مثل هذه الخطط"
ASKED = "إمكانية زيارة كيم جونغ أون لروسيا أو زيارة فلاديمير بوتين لكوريا الشمالية"
REVIEW_URL = "https://desk.example/checks/41"


@pytest.fixture
def reviewed(run, monkeypatch) -> str:
    """The seed stored and Peskov's claim rated false; its ID."""
    monkeypatch.setenv("USER", "amal")
    monkeypatch.setenv("COLUMNS", "300")  # one line per note, however long the temporary path
    monkeypatch.delenv("CLAIMS_PUBLISHER", raising=False)
    run("add", str(SEED), "--url", "https://news.example/a", "--outlet", "Example News",
        "--published", "2025-07-09")
    claims = json.loads(run("list", "--json").stdout)
    pid = next(c["id"] for c in claims if c["content"]["text"] == PESKOV)
    assert run("review", pid, "--verdict", "false", "--url", REVIEW_URL, "--publish").exit_code == 0
    return pid


def test_claimreview_to_stdout_with_the_default_author_noted(run, reviewed):
    result = run("export", "--format", "claimreview")
    assert result.exit_code == 0, result.output
    docs = json.loads(result.stdout)
    assert [d["claimReviewed"] for d in docs] == [f"ردًّا على سؤال عن {ASKED}: {PESKOV}"]
    assert docs[0]["url"] == REVIEW_URL
    assert docs[0]["author"] == {"@type": "Organization", "name": "Fact-check desk"}
    assert result.stderr == "author is 'Fact-check desk': set --publisher or $CLAIMS_PUBLISHER\n"


def test_claimreview_author_from_the_environment_or_the_option(run, reviewed, monkeypatch):
    monkeypatch.setenv("CLAIMS_PUBLISHER", "مرصد التحقق")
    from_env = json.loads(run("export").stdout)
    assert from_env[0]["author"]["name"] == "مرصد التحقق"
    from_option = run("export", "--publisher", "Desk Example", "--publisher-url",
                      "https://desk.example")
    assert from_option.stderr == ""
    assert json.loads(from_option.stdout)[0]["author"] == {
        "@type": "Organization", "name": "Desk Example", "url": "https://desk.example"}


def test_reviews_not_published_are_left_out_and_counted_on_stderr(run, reviewed):
    claims = json.loads(run("list", "--json").stdout)
    others = [c["id"] for c in claims if c["id"] != reviewed][:3]
    run("review", others[0], "--verdict", "true")
    run("review", others[1], "--assign", "salim")
    run("review", others[2], "--verdict", "half-true", "--url", "https://desk.example/c/3",
        "--status", "in-progress")
    result = run("export", "--publisher", "Desk")
    assert [d["url"] for d in json.loads(result.stdout)] == [REVIEW_URL]
    assert result.stderr == "3 reviews not published: left out (claims review ID --publish)\n"
    run("review", reviewed, "--unpublish")
    withdrawn = run("export", "--publisher", "Desk")
    assert (withdrawn.exit_code, json.loads(withdrawn.stdout)) == (0, [])
    assert withdrawn.stderr == "4 reviews not published: left out (claims review ID --publish)\n"
    run("review", others[2], "--publish")
    one = run("export", "--publisher", "Desk")
    assert [d["url"] for d in json.loads(one.stdout)] == ["https://desk.example/c/3"]
    assert one.stderr == "3 reviews not published: left out (claims review ID --publish)\n"


def test_export_to_a_file_writes_it_whole_and_says_so(run, reviewed, tmp_path):
    out = tmp_path / "reviews.json"
    result = run("export", "--publisher", "Desk", "-o", str(out))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == f"wrote 1 claims to {out}\n"
    assert json.loads(out.read_text(encoding="utf-8"))[0]["claimReviewed"].endswith(PESKOV)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".reviews")] == []


def test_export_into_a_missing_folder_fails_cleanly(run, reviewed, tmp_path):
    result = run("export", "-o", str(tmp_path / "nowhere" / "x.json"))
    assert result.exit_code == 2
    assert result.stderr.startswith("claims: error: cannot write ")


def test_csv_export_with_bom_and_verdict_filter(run, reviewed, tmp_path):
    out = tmp_path / "claims.csv"
    assert run("export", "--format", "csv", "-o", str(out)).exit_code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 10
    only = run("export", "--format", "csv", "--verdict", "false")
    rows = list(csv.DictReader(io.StringIO(only.stdout.lstrip("\ufeff"))))
    assert [(r["id"], r["content"], r["verdict"]) for r in rows] == [(reviewed, PESKOV, "false")]


def test_bad_since_is_an_input_error(run, reviewed):
    result = run("export", "--since", "yesterday")
    assert result.exit_code == 2
    assert result.stderr == ("claims: error: --since 'yesterday' is not a date: write it as "
                             "2022-11-14, 14/11/2022, 14 November 2022 or 14 تشرين الثاني 2022\n")


def test_jsonl_round_trip_into_another_database_and_twice_adds_nothing(run, reviewed, tmp_path):
    exported = tmp_path / "desk-a.jsonl"
    assert run("export", "--format", "jsonl", "-o", str(exported)).exit_code == 0
    assert len(exported.read_text(encoding="utf-8").splitlines()) == 10
    other = tmp_path / "desk-b.json"
    first = run("import", str(exported), "--db", str(other), "--json")
    assert first.exit_code == 0, first.output
    counts = json.loads(first.stdout)
    assert counts["records"] == 10
    assert counts["added"]["claims"] == 10 and counts["added"]["articles"] == 1
    assert counts["added"]["reviews"] == 1
    before = other.read_bytes()
    second = run("import", str(exported), "--db", str(other), "--json")
    assert json.loads(second.stdout) == {"records": 10, "added": {}, "updated": {}}
    assert other.read_bytes() == before
    theirs = run("history", reviewed, "--db", str(other), "--json")
    assert [e["changes"]["verdict"] for e in json.loads(theirs.stdout)] == [[None, "false"]]
    table = run("import", str(exported), "--db", str(other))
    assert "desk-a.jsonl: 10 claims read" in table.stdout
    assert "│ claims   │ 0     │ 0       │" in table.stdout


def test_import_from_stdin(run, reviewed, tmp_path):
    data = run("export", "--format", "jsonl", "--verdict", "false").stdout
    other = tmp_path / "desk-b.json"
    result = run("import", "-", "--db", str(other), "--json", input=data)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["added"]["claims"] == 1


def test_a_bad_import_stores_nothing(run, reviewed, tmp_path, db_file):
    good = run("export", "--format", "jsonl").stdout.splitlines()
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join([good[0], "{broken"]) + "\n", encoding="utf-8")
    other = tmp_path / "desk-b.json"
    result = run("import", str(bad), "--db", str(other))
    assert result.exit_code == 2
    assert result.stderr == f"claims: error: {bad}:2: not JSON\n"
    assert not other.exists()
    before = db_file.read_bytes()
    assert run("import", str(bad)).exit_code == 2
    assert db_file.read_bytes() == before


def test_import_of_a_missing_file(run, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "300")
    result = run("import", str(tmp_path / "none.jsonl"))
    assert result.exit_code == 2
    assert result.stderr == f"claims: error: cannot read {tmp_path / 'none.jsonl'}: " \
                            "No such file or directory\n"
