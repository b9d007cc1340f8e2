"""`claims speakers`: the registry listed, and alias, merge and split from the command line."""

import json

from support_claims import claim, store_article
from tests_support import SEED


def _listed(run) -> list[dict]:
    result = run("speakers", "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_seed_speakers_listed_with_roles_counts_and_dates(run):
    run("add", str(SEED), "--published", "2025-07-09")
    listed = {tuple(r["names"]): r for r in _listed(run)}
    assert listed[("ماريا زاخاروفا",)]["claims"] == 2
    assert listed[("ليم يول-تشول",)]["claims"] == 2
    peskov = listed[("دميتري بيسكوف",)]
    assert peskov["roles"] == ["المتحدث باسم الكرملين"]
    assert (peskov["first"], peskov["last"], peskov["claims"]) == ("2025-07-09", "2025-07-09", 1)


def test_table_lists_names_of_both_scripts(run, db_file):
    store_article(db_file, [claim("دميتري بيسكوف", "قال", "لا خطط")], published="2025-07-01")
    store_article(db_file, [claim("Dmitry Peskov", "said", "no plans")], published="2025-07-20")
    result = run("speakers")
    assert result.exit_code == 0
    assert "1 speakers" in result.stdout
    assert "دميتري بيسكوف" in result.stdout and "Dmitry Peskov" in result.stdout
    assert "2025-07-01" in result.stdout and "2025-07-20" in result.stdout


def test_alias_then_search_finds_the_new_spelling(run, db_file):
    store_article(db_file, [claim("Recep Tayyip Erdogan", "said", "the corridor stays open")])
    result = run("speakers", "alias", "Erdogan", "رجب طيب أردوغان", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[0]["names"] == ["Recep Tayyip Erdogan", "رجب طيب أردوغان"]
    found = json.loads(run("search", "--speaker", "رجب طيب أردوغان", "--json").stdout)
    assert [c["content"]["text"] for c in found] == ["the corridor stays open"]


def test_merge_and_split_round_trip(run, db_file):
    store_article(db_file, [claim("سيرغي لافروف", "قال", "المحادثات مستمرة"),
                            claim("Sergei Shoigu", "said", "the drills begin")])
    before = sorted((tuple(r["names"]), r["claims"]) for r in _listed(run))
    merged = run("speakers", "merge", "Lavrov", "Shoigu", "--json")
    assert merged.exit_code == 0, merged.output
    only = json.loads(merged.stdout)[0]
    assert (only["names"], only["claims"]) == (["سيرغي لافروف", "Sergei Shoigu"], 2)
    assert len(_listed(run)) == 1
    split = run("speakers", "split", "Lavrov", "Shoigu")
    assert split.exit_code == 0, split.output
    assert sorted((tuple(r["names"]), r["claims"]) for r in _listed(run)) == before


def test_unknown_speaker_exits_2(run, db_file):
    store_article(db_file, [claim("Sergei Lavrov", "said", "talks continue")])
    result = run("speakers", "merge", "Lavrov", "Zakharova")
    assert result.exit_code == 2
    assert result.stderr == "claims: error: no speaker named 'Zakharova'\n"


def test_split_without_merge_exits_2_and_changes_nothing(run, db_file):
    store_article(db_file, [claim("Sergei Lavrov", "said", "talks continue")])
    before = db_file.read_bytes()
    result = run("speakers", "split", "Lavrov", "Shoigu")
    assert result.exit_code == 2
    assert "was not merged" in result.stderr
    assert db_file.read_bytes() == before
