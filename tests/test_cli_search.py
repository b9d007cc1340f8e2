"""`claims search`: the seed found by the names fact-checkers type, JSON, exit codes."""

import json

import pytest
from support_claims import claim, store_article
from tests_support import SEED


@pytest.fixture
def seeded(run):
    assert run("add", str(SEED)).exit_code == 0
    return run


def _found(result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("query, speaker", [
    ("Peskov", "دميتري بيسكوف"),
    ("Zakharova", "ماريا زاخاروفا"),
    ("Lim Eul-chul", "ليم يول-تشول"),
    ("بيسكوف", "دميتري بيسكوف"),
    ("Песков", "دميتري بيسكوف"),
    ("Захарова", "ماريا زاخاروفا"),
])
def test_the_seed_speakers_are_found_by_latin_and_arabic_names(seeded, query, speaker):
    found = _found(seeded("search", query, "--json"))
    assert found[0]["speaker"]["name"] == speaker
    assert found[0]["score"] == 100.0
    everyone = {c["speaker"]["name"] for c in found if c["score"] == 100.0}
    assert everyone == {speaker}


@pytest.mark.parametrize("query", ["لا توجد خطط", "زيارة كيم الى روسيا"])
def test_arabic_queries_put_peskov_first(seeded, query):
    found = _found(seeded("search", query, "--json"))
    assert found[0]["speaker"]["name"] == "دميتري بيسكوف"
    assert len(found) == 1 or found[0]["score"] > found[1]["score"]


def test_speaker_filter_returns_exactly_her_two_claims(seeded):
    found = _found(seeded("search", "--speaker", "Zakharova", "--json"))
    assert len(found) == 2
    assert {c["speaker"]["name"] for c in found} == {"ماريا زاخاروفا"}
    assert len({c["id"] for c in found}) == 2


def test_json_is_the_claim_contract_with_a_score(seeded):
    extracted = json.loads(seeded("extract", str(SEED), "--json").stdout)
    found = _found(seeded("search", "Peskov", "--json"))[0]
    assert set(extracted[0]) <= set(found)
    assert isinstance(found["score"], float)
    assert found["matched"] == [{"field": "speaker", "span": [7, 13], "text": "بيسكوف"}]


def test_nothing_found_exits_1_like_grep(seeded):
    result = seeded("search", "volcano eruption")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "no claims found" in result.stderr
    assert seeded("search", "volcano", "--json").stdout.strip() == "[]"


def test_a_bad_date_exits_2_with_one_line(seeded):
    result = seeded("search", "Peskov", "--since", "2025-13-40")
    assert result.exit_code == 2
    assert result.stderr == ("claims: error: --since '2025-13-40' is not a date "
                             "(month must be in 1..12)\n")


def test_a_bad_language_is_refused_by_the_parser(seeded):
    assert seeded("search", "Peskov", "--lang", "fr").exit_code == 2


def test_table_shows_score_speaker_and_source(run, db_file):
    store_article(db_file, [claim("Dmitry Peskov", "said", "there are no such plans",
                                  negated=True)], outlet="Example News",
                  published="2025-07-09")
    result = run("search", "no plans Peskow")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert "1 claims for 'no plans Peskow'" in lines[0]
    row = next(line for line in lines if "Dmitry Peskov" in line)
    assert row.split("│")[1].strip() == "100"
    source = " ".join(line.split("│")[5].strip() for line in lines if line.count("│") == 6)
    assert source.strip() == "Example News · 2025-07-09"


def test_filters_on_the_command_line(run, db_file):
    store_article(db_file, [claim("Dmitry Peskov", "said", "there are no such plans",
                                  negated=True)], outlet="Example News", published="2025-07-09")
    store_article(db_file, [claim("دميتري بيسكوف", "قال", "المحادثات كانت بناءة")],
                  outlet="وكالة الأنباء", published="2025-08-10")
    def ids(*args):
        result = run("search", "Peskov", "--json", *args)
        return [c["content"]["text"] for c in json.loads(result.stdout or "[]")]
    assert ids("--lang", "ar") == ["المحادثات كانت بناءة"]
    assert ids("--negated") == ["there are no such plans"]
    assert ids("--not-negated") == ["المحادثات كانت بناءة"]
    assert ids("--since", "2025-08-01") == ["المحادثات كانت بناءة"]
    assert ids("--until", "2025-07-31") == ["there are no such plans"]
    assert ids("--outlet", "example") == ["there are no such plans"]
    assert len(ids("--limit", "1")) == 1


def test_list_speaker_uses_the_registry_identity(seeded):
    result = seeded("list", "--speaker", "Zakharova", "--json")
    assert result.exit_code == 0
    assert {c["speaker"]["name"] for c in json.loads(result.stdout)} == {"ماريا زاخاروفا"}
    assert len(json.loads(result.stdout)) == 2


def test_search_checked_finds_the_imported_fact_checks_not_the_claims(run):
    import json as jsonlib

    from tests_support import ROOT

    assert run("search", "--checked", "wheat harvest").exit_code == 1  # none imported yet
    run("import", str(ROOT / "tests" / "data" / "claimreview.json"))
    result = run("search", "--checked", "wheat harvest", "--json")
    assert result.exit_code == 0
    found = jsonlib.loads(result.stdout)
    assert [(f["rating"], f["url"], f["publisher"]) for f in found][:1] == [
        ("Mostly true", "https://checks.example.org/2025/wheat", "Checks Example")]
    assert run("search", "wheat harvest").exit_code == 1  # the claims searched are the desk's
    table = run("search", "--checked", "wheat harvest")
    assert found[0]["id"][:8] in table.stdout and "Mostly true" in table.stdout
