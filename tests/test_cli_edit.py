"""`claims edit` and `claims delete`: search, check and export read the corrected claim, on
every store backend (the `store_spec` fixture)."""

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from factcheck import edit as editing
from factcheck import review as reviewing
from factcheck.cli import app

ARTICLE = ("Energy talks in Vienna\n"
           "Alexander Novak said on Monday that gas exports to Europe will grow next year.\n")
LATER = "Alexander Novak said on Monday that oil output will fall in August.\n"
CORRECTED = "oil output will rise in August"


@pytest.fixture
def desk(store_spec, tmp_path, monkeypatch):
    """A store holding one article's claim; returns (run, claim ID, path of a later article)."""
    monkeypatch.setenv("CLAIMS_REVIEWER", "amal")
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(app, list(args))

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "later.txt").write_text(LATER, encoding="utf-8")
    added = json.loads(run("add", str(tmp_path / "a.txt"), "--json").stdout)
    return run, added[0]["claims"][0], str(tmp_path / "later.txt")


def _csv_contents(run) -> list[str]:
    text = run("export", "--format", "csv").stdout.lstrip("\ufeff")
    return [row["content"] for row in csv.DictReader(io.StringIO(text))]


def test_edit_then_search_check_and_export_use_the_corrected_fields(desk):
    run, claim_id, later = desk
    assert run("check", later).exit_code == 0
    assert run("search", "oil output").exit_code == 1
    edited = run("edit", claim_id[:6], "--content", CORRECTED, "--context", "August output",
                 "--json")
    assert edited.exit_code == 0, edited.output
    record = json.loads(edited.stdout)
    assert record["claim"]["content"]["text"] == CORRECTED
    assert [(e["by"], e["action"], e["changes"]["content"]) for e in record["history"]] == [
        ("amal", "edit", ["gas exports to Europe will grow next year", CORRECTED])]
    hits = json.loads(run("search", "oil output", "--json").stdout)
    assert [(h["id"], h["content"]["text"], h["context"]) for h in hits] == [
        (claim_id, CORRECTED, "August output")]
    assert run("search", "gas exports").exit_code == 1
    checked = run("check", later, "--json")
    assert checked.exit_code == 1
    assert [(f["relation"], f["other"]["id"], f["other"]["content"])
            for f in json.loads(checked.stdout)] == [("contradicts", claim_id, CORRECTED)]
    assert _csv_contents(run) == [CORRECTED]
    run("review", claim_id, "--verdict", "false", "--url", "https://desk.example/checks/7",
        "--publish")
    published = json.loads(run("export", "--format", "claimreview").stdout)
    assert published[0]["claimReviewed"] == f"Asked about August output: {CORRECTED}"


def test_edit_undo_restores_the_fields_everywhere(desk):
    run, claim_id, later = desk
    run("edit", claim_id, "--content", CORRECTED, "--not-negated")
    run("edit", claim_id, "--speaker", "Dmitry Peskov", "--role", "Kremlin spokesman")
    assert json.loads(run("search", "Peskov", "--json").stdout)[0]["id"] == claim_id
    undone = json.loads(run("edit", claim_id, "--undo", "--json").stdout)
    assert undone["claim"]["speaker"]["name"] == "Alexander Novak"
    assert undone["claim"]["speaker"]["role"] is None
    assert undone["history"][-1]["action"] == "undo"
    assert run("search", "Peskov").exit_code == 1
    run("review", claim_id, "--verdict", "false", "--url", "https://desk.example/checks/7",
        "--publish")
    assert json.loads(run("export").stdout)[0]["claimReviewed"] == CORRECTED
    run("edit", claim_id, "--undo")
    assert run("check", later).exit_code == 0
    assert run("search", "gas exports").exit_code == 0
    assert _csv_contents(run) == ["gas exports to Europe will grow next year"]
    assert json.loads(run("export").stdout)[0]["claimReviewed"] == (
        "gas exports to Europe will grow next year")
    again = run("edit", claim_id, "--undo")
    assert again.exit_code == 2
    assert again.stderr == (f"claims: error: claim {claim_id}: every correction is undone "
                            f"already; nothing left to undo\n")


def test_an_edit_that_changes_nothing_is_not_recorded(desk):
    run, claim_id, _ = desk
    result = run("edit", claim_id, "--speaker", "Alexander Novak")
    assert result.exit_code == 0
    assert result.stderr == f"claim {claim_id}: nothing changed\n"
    assert json.loads(run("edit", claim_id, "--direct", "--json").stdout)["claim"]["direct"]


def test_edit_refuses_no_field_an_empty_content_and_undo_with_a_change(desk):
    run, claim_id, _ = desk
    assert run("edit", claim_id).stderr.startswith("claims: error: give a field to correct")
    assert run("edit", claim_id, "--content", " ").stderr == (
        "claims: error: a claim needs a content: give the corrected text, or delete the "
        "claim\n")
    assert run("edit", claim_id, "--undo", "--cue", "x").exit_code == 2


def test_delete_leaves_the_claim_out_of_list_search_check_and_export(desk):
    run, claim_id, later = desk
    run("edit", claim_id, "--content", CORRECTED)
    run("review", claim_id, "--verdict", "false", "--url", "https://desk.example/checks/7",
        "--publish")
    deleted = run("delete", claim_id[:6], "--note", "a headline, not a claim", "--json")
    assert deleted.exit_code == 0, deleted.output
    tombstone = json.loads(deleted.stdout)
    assert (tombstone["id"], tombstone["by"], tombstone["note"]) == (
        claim_id, "amal", "a headline, not a claim")
    assert tombstone["claim"]["content"]["text"] == CORRECTED
    assert json.loads(run("list", "--json").stdout) == []
    assert run("search", "oil output").exit_code == 1
    assert run("check", later).exit_code == 0
    assert _csv_contents(run) == []
    assert json.loads(run("export", "--format", "claimreview").stdout) == []
    assert run("show", claim_id).stderr == f"claims: error: no claims record with ID {claim_id!r}\n"


def test_delete_and_edit_tables(desk):
    run, claim_id, _ = desk
    shown = run("edit", claim_id, "--cue", "told reporters")
    assert shown.exit_code == 0
    assert claim_id[:8] in shown.stdout and "cue: said → told reporters" in shown.stdout
    gone = run("delete", claim_id)
    assert gone.exit_code == 0
    assert f"claim {claim_id} deleted" in gone.stdout and "amal" in gone.stdout


def test_history_lists_corrections_and_review_changes_with_who_and_when(desk, monkeypatch):
    run, claim_id, _ = desk
    monkeypatch.setenv("COLUMNS", "200")
    # times are to the second: a clock a minute apart for each change keeps their order known
    minutes = iter(range(10, 60))
    clock = lambda: f"2025-07-09T08:{next(minutes)}:00+00:00"  # noqa: E731
    for module in (editing, reviewing):
        monkeypatch.setattr(module, "now_iso", clock)
    run("edit", claim_id, "--content", CORRECTED)
    run("review", claim_id, "--verdict", "false", "--reviewer", "سليم")
    run("edit", claim_id, "--speaker", "ألكسندر نوفاك", "--reviewer", "نور")
    run("edit", claim_id, "--undo")
    entries = json.loads(run("history", claim_id[:6], "--json").stdout)
    assert [(e["of"], e["by"], e["action"], e["changes"]) for e in entries] == [
        ("claim", "amal", "edit",
         {"content": ["gas exports to Europe will grow next year", CORRECTED]}),
        ("review", "سليم", "review", {"verdict": [None, "false"]}),
        ("claim", "نور", "edit", {"speaker": ["Alexander Novak", "ألكسندر نوفاك"]}),
        ("claim", "amal", "undo", {"speaker": ["ألكسندر نوفاك", "Alexander Novak"]})]
    assert [e["at"][11:16] for e in entries] == ["08:10", "08:11", "08:12", "08:13"]
    table = run("history", claim_id)
    assert table.exit_code == 0
    assert f"claim {claim_id}: 4 changes" in table.stdout
    assert "│ review │ review │ verdict: — → false" in table.stdout
    assert f"content: gas exports to Europe will grow next year → {CORRECTED}" in table.stdout
    run("delete", claim_id, "--note", "a duplicate")
    gone = json.loads(run("history", claim_id, "--json").stdout)
    assert [(e["of"], e["action"], e.get("note")) for e in gone[-1:]] == [
        ("claim", "delete", "a duplicate")]
    assert len(gone) == 5


AR_ARTICLE = ("وزير النقل يتحدث عن الطرق\n"
              "قال وزير النقل أحمد سالم يوم الأحد إن الطريق الساحلي سيفتح أمام السيارات في "
              "أيلول المقبل.\n")
AR_CONTENT = "الطريق الساحلي سيفتح أمام السيارات في أيلول المقبل"
AR_CUT = "الطريق الساحلي سيفتح في أيلول المقبل"


def test_a_corrected_claims_spans_point_at_the_articles_words_kept_as_the_original(
        store_spec, tmp_path, monkeypatch):
    """What a fact-checker expects after cutting a content right: the article still says what
    it said. The span keeps marking those words, shown and kept as the original; the speaker
    the desk names is nowhere in the article, so nothing marks it; an undo puts it all back."""
    monkeypatch.setenv("CLAIMS_REVIEWER", "amal")
    monkeypatch.setenv("COLUMNS", "200")
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(app, list(args))

    (tmp_path / "ar.txt").write_text(AR_ARTICLE, encoding="utf-8")
    [added] = json.loads(run("add", str(tmp_path / "ar.txt"), "--json").stdout)
    claim_id = added["claims"][0]
    as_added = json.loads(run("show", claim_id, "--json").stdout)
    assert as_added["content"] == {"text": AR_CONTENT, "span": [64, 114]}
    assert run("edit", claim_id, "--content", AR_CUT).exit_code == 0
    shown = json.loads(run("show", claim_id, "--json").stdout)
    assert shown["content"] == {"text": AR_CUT, "span": [64, 114],
                                "original": {"text": AR_CONTENT, "span": [64, 114]}}
    start, end = shown["content"]["span"]
    assert AR_ARTICLE[start:end] == AR_CONTENT  # the span says where the article's words are
    table = run("show", claim_id)
    assert "in the article, as first extracted (content corrected since)" in table.stdout
    assert AR_CUT in table.stdout
    run("edit", claim_id, "--speaker", "مصدر في الوزارة")
    renamed = json.loads(run("show", claim_id, "--json").stdout)["speaker"]
    assert (renamed["name"], renamed["span"], renamed["mention"]) == ("مصدر في الوزارة", None,
                                                                      None)
    assert renamed["original"] == {"text": "أحمد سالم", "span": [41, 50],
                                   "mention": {"text": "أحمد سالم", "span": [41, 50]}}
    assert "(speaker, content corrected since)" in run("show", claim_id).stdout
    # an exchange file carries the originals, and another desk's store takes them
    exported = tmp_path / "desk.jsonl"
    assert run("export", "--format", "jsonl", "-o", str(exported)).exit_code == 0
    other = run("import", str(exported), "--db", str(tmp_path / "other.json"), "--json")
    assert json.loads(other.stdout)["added"]["claims"] == 1
    run("edit", claim_id, "--undo")
    run("edit", claim_id, "--undo")
    restored = json.loads(run("show", claim_id, "--json").stdout)
    assert restored == as_added
    assert "as first extracted" not in run("show", claim_id).stdout


def test_a_corrected_context_keeps_the_question_the_article_asked_as_the_original(
        run, monkeypatch):
    from tests_support import SEED

    monkeypatch.setenv("CLAIMS_REVIEWER", "amal")
    run("add", str(SEED))
    peskov = next(c for c in json.loads(run("list", "--json").stdout)
                  if c["speaker"]["name"] == "دميتري بيسكوف")
    asked, span = peskov["context"], peskov["context_span"]
    assert SEED.read_text(encoding="utf-8")[span[0]:span[1]] == asked
    run("edit", peskov["id"], "--context", "زيارة كيم جونغ أون لروسيا")
    shown = json.loads(run("show", peskov["id"], "--json").stdout)
    assert (shown["context"], shown["context_span"], shown["context_original"]) == (
        "زيارة كيم جونغ أون لروسيا", None, {"text": asked, "span": span})
    assert "(context corrected since)" in run("show", peskov["id"]).stdout
    run("edit", peskov["id"], "--undo")
    restored = json.loads(run("show", peskov["id"], "--json").stdout)
    assert (restored["context"], restored["context_span"], restored["context_original"]) == (
        asked, span, None)
    assert "corrected since" not in run("show", peskov["id"]).stdout
