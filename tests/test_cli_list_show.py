"""`claims list` and `claims show`: stored claims, a unique ID prefix, the marked sentence."""

import json

import pytest
from tests_support import SEED


@pytest.fixture
def seeded(run):
    assert run("add", str(SEED), "--outlet", "Example", "--published", "2025-07-09").exit_code == 0
    return json.loads(run("list", "--json").stdout)


def test_list_json_gives_every_stored_claim(seeded):
    assert len(seeded) == 10
    assert {c["outlet"] for c in seeded} == {"Example"}


def test_list_limit(run, seeded):
    assert len(json.loads(run("list", "--limit", "3", "--json").stdout)) == 3


def test_list_by_speaker_short_name(run, seeded):
    result = run("list", "--speaker", "زاخاروفا", "--json")
    names = {c["speaker"]["name"] for c in json.loads(result.stdout)}
    assert names == {"ماريا زاخاروفا"}


def test_show_by_unique_prefix_marks_the_sentence(run, seeded):
    peskov = next(c for c in seeded if c["speaker"]["name"] == "دميتري بيسكوف")
    result = run("show", peskov["id"][:6], "--json")
    assert result.exit_code == 0
    shown = json.loads(result.stdout)
    assert shown["id"] == peskov["id"]
    assert shown["sentence"].startswith("وعند سؤال المتحدث باسم الكرملين")
    table = run("show", peskov["id"][:6])
    assert "in the article" in table.stdout
    assert "Example" in table.stdout


def test_show_unknown_id(run, seeded):
    result = run("show", "zzzz")
    assert result.exit_code == 2
    assert result.stderr == "claims: error: no claims record with ID 'zzzz'\n"


def test_show_ambiguous_prefix(run, db_file):
    from factcheck.store import Store

    with Store(db_file).write() as db:
        db.claims.insert_many([{"id": i, "article": "a1", "content": {"text": "x", "span": [0, 1]},
                                "cue": {"text": "said", "span": [2, 6]},
                                "speaker": {"name": None}} for i in ("ab12", "ab34")])
    result = run("show", "ab")
    assert result.exit_code == 2
    assert result.stderr == "claims: error: ID prefix 'ab' matches 2 claims: ab12, ab34\n"


def test_show_marks_a_split_quotation_piece_by_piece_not_over_its_cue():
    from factcheck.cli.articles import _marked_sentence
    from factcheck.extract import extract

    text = '"The visit was useful," Sergei Lavrov said, "and we will return next year."'
    [claim] = [c.to_dict() for c in extract(text)]
    marked = _marked_sentence({"text": text}, claim)
    green = [(s.start, s.end) for s in marked.spans if s.style == "green"]
    assert green == [tuple(p) for p in claim["content"]["parts"]]
    assert len(green) == 2
    cue = claim["cue"]["span"]
    assert all(end <= cue[0] or start >= cue[1] for start, end in green)
