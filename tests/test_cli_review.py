"""claims review, history, resolve; --rtl; article text never drives the terminal."""

import json
import os
import pwd

import pytest
from rich.cells import cell_len
from tests_support import SEED

from factcheck.contradict import contradiction_id
from factcheck.store import Store

PESKOV = "في الوقت الراهن، وفي المستقبل القريب، لا توجد مثل هذه الخطط"
VERDICTS = "true, mostly-true, half-true, misleading, mostly-false, false, unproven, satire"


@pytest.fixture
def seeded(run, db_file, monkeypatch):
    """The seed stored; returns the claims by content text. $USER is the reviewer."""
    monkeypatch.setenv("USER", "amal")
    added = run("add", str(SEED), "--url", "https://news.example/a", "--outlet", "Example News",
                "--published", "2025-07-09", "--json")
    assert added.exit_code == 0, added.output
    claims = json.loads(run("list", "--json").stdout)
    return {c["content"]["text"]: c for c in claims}


@pytest.fixture
def peskov_id(seeded) -> str:
    return seeded[PESKOV]["id"]


@pytest.fixture
def pair(seeded, db_file) -> str:
    """A flagged contradiction between Peskov's claim and Zakharova's first; its ID."""
    a, b = sorted((seeded[PESKOV]["id"], next(c["id"] for c in seeded.values()
                                              if c["speaker"]["name"] == "ماريا زاخاروفا")))
    cid = contradiction_id(a, b)
    with Store(db_file).write() as db:
        db.table("contradictions").upsert({
            "id": cid, "a": a, "b": b, "relation": "contradicts", "score": 0.7,
            "reasons": ["a plan set against a denial of plans"], "status": "open",
            "created": "2025-07-09T12:00:00+00:00", "history": []})
    return cid


# review and history ----------------------------------------------------------------------------

def test_review_stores_a_verdict_and_prints_it(run, peskov_id):
    result = run("review", peskov_id[:6], "--verdict", "false", "--note", "أُعلنت الزيارة لاحقًا",
                 "--url", "https://desk.example/checks/41", "--rating-label", "زائف", "--json")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert {k: record[k] for k in ("id", "verdict", "note", "url", "rating_label", "reviewer")} == {
        "id": peskov_id, "verdict": "false", "note": "أُعلنت الزيارة لاحقًا",
        "url": "https://desk.example/checks/41", "rating_label": "زائف", "reviewer": "amal"}
    table = run("review", peskov_id, "--verdict", "mostly-false", "--reviewer", "salim")
    assert table.exit_code == 0
    assert "mostly-false" in table.stdout and "salim" in table.stdout
    assert peskov_id[:8] in table.stdout


def test_review_the_same_again_says_nothing_changed(run, peskov_id):
    run("review", peskov_id, "--verdict", "true")
    again = run("review", peskov_id, "--verdict", "true")
    assert again.exit_code == 0
    assert again.stderr == f"claim {peskov_id}: nothing changed\n"


def test_history_lists_each_change_with_who_and_what(run, peskov_id, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    run("review", peskov_id, "--verdict", "misleading", "--note", "سياق ناقص")
    run("review", peskov_id, "--verdict", "false", "--reviewer", "salim")
    entries = json.loads(run("history", peskov_id, "--json").stdout)
    assert [(e["by"], e["action"], e["changes"]) for e in entries] == [
        ("amal", "review", {"verdict": [None, "misleading"], "note": [None, "سياق ناقص"]}),
        ("salim", "review", {"verdict": ["misleading", "false"]})]
    table = run("history", peskov_id)
    assert table.exit_code == 0
    assert f"claim {peskov_id}: 2 changes" in table.stdout
    assert "verdict: misleading → false" in table.stdout
    assert "verdict: — → misleading" in table.stdout


def test_undo_takes_back_the_last_change_and_history_shows_it(run, peskov_id):
    run("review", peskov_id, "--verdict", "half-true")
    run("review", peskov_id, "--verdict", "false", "--url", "https://desk.example/c/9")
    undone = run("review", peskov_id, "--undo", "--json", "--reviewer", "salim")
    assert undone.exit_code == 0, undone.output
    record = json.loads(undone.stdout)
    assert (record["verdict"], record["url"]) == ("half-true", None)
    entries = json.loads(run("history", peskov_id, "--json").stdout)
    assert [(e["by"], e["action"]) for e in entries] == [
        ("amal", "review"), ("amal", "review"), ("salim", "undo")]
    assert entries[-1]["changes"] == {"verdict": ["false", "half-true"],
                                      "url": ["https://desk.example/c/9", None]}


def test_undo_all_the_way_leaves_the_claim_unrated(run, peskov_id):
    run("review", peskov_id, "--verdict", "satire")
    record = json.loads(run("review", peskov_id, "--undo", "--json").stdout)
    assert record["verdict"] is None
    nothing = run("review", peskov_id, "--undo")
    assert nothing.exit_code == 2  # a second undo never gives the verdict back
    assert nothing.stderr == (f"claims: error: claim {peskov_id}: every change to its review is "
                              f"undone already; nothing left to undo\n")
    assert json.loads(run("review", peskov_id, "--json", "--verdict", "false").stdout)[
        "verdict"] == "false"


@pytest.mark.parametrize("args, message", [
    ((), f"give --verdict ({VERDICTS}), another field (--status, --assign, --title, --summary, "
         "--lang, --note, --url, --publish) or --undo\n"),
    (("--undo", "--verdict", "true"), "--undo takes back the last change; give no other change"),
    (("--publish", "--status", "new"), "give --status or --publish/--unpublish, not both\n"),
    (("--status", "done"), None),
])
def test_review_needs_a_verdict_or_undo_alone(run, peskov_id, args, message):
    result = run("review", peskov_id, *args)
    assert result.exit_code == 2
    if message is None:  # a status that is none of the three is typer's usage error
        assert "'done' is not one of 'new', 'in-progress', 'published'" in result.stderr
    else:
        assert result.stderr.startswith(f"claims: error: {message}")


def test_undo_without_any_review_is_an_error(run, peskov_id):
    result = run("review", peskov_id, "--undo")
    assert result.exit_code == 2
    assert result.stderr == f"claims: error: claim {peskov_id} has no review to undo\n"


@pytest.fixture
def bare_environment(monkeypatch):
    """cron's environment: none of the variables that name the user."""
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME", "CLAIMS_REVIEWER"):
        monkeypatch.delenv(name, raising=False)


def test_review_from_cron_is_by_the_accounts_login_name(run, peskov_id, bare_environment):
    result = run("review", peskov_id, "--verdict", "true", "--json")  # stdin is no terminal
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["reviewer"] == pwd.getpwuid(os.getuid()).pw_name
    assert record["history"][-1]["by"] == record["reviewer"]


def test_the_reviewer_may_come_from_the_environment(run, peskov_id, monkeypatch):
    monkeypatch.setenv("CLAIMS_REVIEWER", "نور")
    record = json.loads(run("review", peskov_id, "--verdict", "true", "--json").stdout)
    assert record["reviewer"] == "نور"
    assert "[env var: CLAIMS_REVIEWER]" in run("review", "--help").stdout


def test_an_account_without_a_name_is_told_to_give_one(run, peskov_id, bare_environment,
                                                        monkeypatch):
    def no_entry(uid):
        raise KeyError(f"getpwuid(): uid not found: {uid}")

    monkeypatch.setattr(pwd, "getpwuid", no_entry)
    result = run("review", peskov_id, "--verdict", "true")
    assert result.exit_code == 2
    assert result.stderr == ("claims: error: who is reviewing? this account has no login name: "
                             "give --reviewer NAME\n")


def test_an_unknown_verdict_is_a_usage_error(run, peskov_id):
    result = run("review", peskov_id, "--verdict", "pants-on-fire")
    assert result.exit_code == 2
    assert "'pants-on-fire' is not one of" in result.stderr


def test_history_of_an_unreviewed_claim_and_of_an_unknown_one(run, peskov_id):
    quiet = run("history", peskov_id)
    assert (quiet.exit_code, quiet.stdout) == (0, "")
    assert quiet.stderr == f"claim {peskov_id} has not been reviewed or corrected\n"
    assert json.loads(run("history", peskov_id, "--json").stdout) == []
    missing = run("history", "ffff0000")
    assert missing.exit_code == 2
    assert missing.stderr == "claims: error: no claims record with ID 'ffff0000'\n"


def test_the_review_record_status_assignee_title_summary_language_kept_with_who_and_when(
        run, peskov_id, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    assigned = run("review", peskov_id, "--assign", "سليم", "--status", "in-progress", "--json")
    assert assigned.exit_code == 0, assigned.output
    record = json.loads(assigned.stdout)
    assert {k: record[k] for k in ("status", "assignee", "verdict", "reviewer")} == {
        "status": "in-progress", "assignee": "سليم", "verdict": None, "reviewer": "amal"}
    titled = run("review", peskov_id, "--verdict", "false", "--title", "  نفي   ثم إعلان ",
                 "--summary", "الكرملين: لا خطط لزيارة كيم", "--lang", "AR", "--reviewer",
                 "سليم", "--json")
    record = json.loads(titled.stdout)
    assert (record["title"], record["summary"], record["lang"]) == (
        "نفي ثم إعلان", "الكرملين: لا خطط لزيارة كيم", "ar")
    refused = run("review", peskov_id, "--publish")
    assert refused.exit_code == 2
    assert refused.stderr == (f"claims: error: claim {peskov_id}: a published fact-check needs "
                              "the fact-check's URL (--url)\n")
    table = run("review", peskov_id, "--url", "https://desk.example/checks/41", "--publish")
    assert table.exit_code == 0, table.output
    assert "│ published │" in table.stdout and "→ سليم" in table.stdout
    assert "نفي ثم إعلان" in table.stdout and "[ar]" in table.stdout
    entries = json.loads(run("history", peskov_id, "--json").stdout)
    assert [(e["by"], e["changes"].get("status")) for e in entries] == [
        ("amal", [None, "in-progress"]), ("سليم", None), ("amal", ["in-progress", "published"])]
    undone = json.loads(run("review", peskov_id, "--undo", "--json").stdout)
    assert (undone["status"], undone["url"], undone["title"]) == (
        "in-progress", None, "نفي ثم إعلان")
    unassigned = json.loads(run("review", peskov_id, "--assign", "", "--json").stdout)
    assert unassigned["assignee"] is None
    again = run("review", peskov_id, "--url", "https://desk.example/checks/41", "--publish")
    assert again.exit_code == 0
    withdrawn = json.loads(run("review", peskov_id, "--unpublish", "--json").stdout)
    assert withdrawn["status"] == "in-progress"
    assert withdrawn["history"][-1]["changes"] == {"status": ["published", "in-progress"]}


def test_a_language_that_is_no_tag_is_refused(run, peskov_id):
    result = run("review", peskov_id, "--lang", "العربية")
    assert result.exit_code == 2
    assert result.stderr == ("claims: error: --lang 'العربية' is not a language tag: write it "
                             "as ar, en or ar-EG\n")


def test_the_queue_lists_the_desks_fact_checks_by_status_and_assignee(run, seeded,
                                                                      monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    ids = sorted(c["id"] for c in seeded.values())[:3]
    run("review", ids[0], "--assign", "سليم", "--status", "in-progress")
    run("review", ids[1], "--verdict", "false", "--url", "https://desk.example/c/1", "--publish",
        "--title", "عنوان التحقق")
    run("review", ids[2], "--verdict", "true")
    every = json.loads(run("queue", "--json").stdout)
    assert sorted(r["id"] for r in every) == ids
    working = json.loads(run("queue", "--status", "in-progress", "--assignee", "سليم",
                             "--json").stdout)
    assert [(r["id"], r["status"], r["assignee"], r["content"]) for r in working] == [
        (ids[0], "in-progress", "سليم", seeded_content(seeded, ids[0]))]
    unassigned = json.loads(run("queue", "--assignee", "", "--json").stdout)
    assert sorted(r["id"] for r in unassigned) == ids[1:]
    new = json.loads(run("queue", "--status", "new", "--json").stdout)
    assert [r["id"] for r in new] == [ids[2]]
    table = run("queue", "--status", "published")
    assert table.exit_code == 0
    assert "1 fact-check " in table.stdout and "عنوان التحقق" in table.stdout
    assert ids[1][:8] in table.stdout and ids[0][:8] not in table.stdout
    run("delete", ids[1])
    assert json.loads(run("queue", "--status", "published", "--json").stdout) == []


def seeded_content(seeded: dict, claim_id: str) -> str:
    return next(text for text, c in seeded.items() if c["id"] == claim_id)


# resolve ---------------------------------------------------------------------------------------

def test_dismiss_then_reopen_then_confirm(run, pair):
    dismissed = run("resolve", pair[:6], "--dismiss", "--note", "different visits", "--json")
    assert dismissed.exit_code == 0, dismissed.output
    record = json.loads(dismissed.stdout)
    assert record["status"] == "dismissed"
    assert record["history"][0] | {"at": None} == {
        "at": None, "by": "amal", "action": "dismiss", "from": "open", "to": "dismissed",
        "note": "different visits"}
    listed = json.loads(run("contradictions", "--status", "dismissed", "--json").stdout)
    assert [r["id"] for r in listed] == [pair]
    reopened = run("resolve", pair, "--reopen")
    assert reopened.exit_code == 0
    assert "dismissed → open by amal" in reopened.stdout
    confirmed = json.loads(run("resolve", pair, "--confirm", "--json").stdout)
    assert confirmed["status"] == "confirmed"
    assert [h["action"] for h in confirmed["history"]] == ["dismiss", "reopen", "confirm"]
    assert [c["id"] for c in confirmed["claims"]] == [confirmed["a"], confirmed["b"]]


@pytest.mark.parametrize("flags", [(), ("--confirm", "--dismiss")])
def test_resolve_needs_exactly_one_decision(run, pair, flags):
    result = run("resolve", pair, *flags)
    assert result.exit_code == 2
    assert result.stderr == "claims: error: give exactly one of --confirm, --dismiss, --reopen\n"


def test_reopening_an_open_pair_and_an_unknown_pair_are_errors(run, pair):
    same = run("resolve", pair, "--reopen")
    assert same.exit_code == 2
    assert same.stderr == f"claims: error: contradiction {pair} is already open\n"
    missing = run("resolve", "00000", "--confirm")
    assert missing.exit_code == 2
    assert missing.stderr == "claims: error: no contradictions record with ID '00000'\n"


# --rtl -----------------------------------------------------------------------------------------

def column(output: str, index: int) -> list[str]:
    """One table column's text, line by line; the first table in the output only."""
    lines = output.split("└")[0].splitlines()
    cells = [line.split("│") for line in lines if line.startswith("│")]
    return [c[index].strip() for c in cells if c[index].strip()]


@pytest.mark.parametrize("how", [("--rtl", "on"), ("CLAIMS_RTL", "on")])
def test_show_the_seed_peskov_claim_in_visual_order(run, peskov_id, monkeypatch, how):
    if how[0] == "CLAIMS_RTL":
        monkeypatch.setenv(*how)
        result = run("show", peskov_id)
    else:
        result = run(*how, "show", peskov_id)
    assert result.exit_code == 0, result.output
    content = [line for line in column(result.stdout, 4) if not line.startswith("asked")]
    lines = result.stdout.split("└")[0].splitlines()
    assert len({cell_len(line) for line in lines[1:]}) == 1  # alignment holds
    # Visual order: each line's words right to left, letters reversed. Read back, top line first.
    read = [w[::-1] for line in content for w in reversed(line.split())]
    assert read[:len(PESKOV.split())] == PESKOV.split()
    assert content[0].split()[-1] == "يف"  # في, the first word, at the right end of line one


def test_show_the_seed_peskov_claim_with_rtl_off_is_logical_order(run, peskov_id):
    result = run("--rtl", "off", "show", peskov_id)
    assert result.exit_code == 0
    content = [line for line in column(result.stdout, 4) if not line.startswith("asked")]
    words = " ".join(content).split()
    assert words[:len(PESKOV.split())] == PESKOV.split()
    assert "يف" not in result.stdout.split()


def test_rtl_auto_leaves_a_pipe_in_logical_order(run, peskov_id, monkeypatch):
    monkeypatch.setenv("KITTY_WINDOW_ID", "1")  # a terminal without bidi, but stdout is a pipe
    result = run("--rtl", "auto", "show", peskov_id)
    assert "يف" not in result.stdout.split()
    assert "الوقت" in result.stdout


def test_a_bad_rtl_value_is_refused(run, monkeypatch):
    assert run("--rtl", "sideways", "list").exit_code == 2
    monkeypatch.setenv("CLAIMS_RTL", "sideways")
    bad = run("list")
    assert bad.exit_code == 2
    last = bad.stderr.splitlines()[-1]
    assert last.startswith("Error: Invalid value for '--rtl' (env var: 'CLAIMS_RTL'): ")
    assert last.endswith("'sideways' is not one of 'auto', 'on', 'off'.")


# Article text is data, never markup or terminal control ----------------------------------------

HOSTILE_EN = (
    'Finance minister Sarah Collins said: "[bold]Taxes[/bold] will fall \x1b[31mnext year\x1b[0m '
    '[link=https://evil.example]here[/link] \x1b]8;;https://evil.example\x07click\x1b]8;;\x07."')
HOSTILE_AR = (
    'قال وزير المالية سامر الحداد، الثلاثاء، إن "[bold]الضرائب[/bold] ستنخفض \x1b[2J العام المقبل '
    '[link=https://evil.example]هنا[/link]".')
# Plain paragraphs around them, so that the few control characters do not make the file look
# binary to ingest (which refuses text thick with them).
FILLER = {"en": "The budget debate continues in parliament this week. " * 40,
          "ar": "يستمر النقاش حول الميزانية في البرلمان هذا الأسبوع. " * 40}


@pytest.fixture
def hostile(tmp_path):
    """Two articles, English and Arabic, with markup and escape sequences in their quotes."""
    paths = []
    for lang, quote in (("en", HOSTILE_EN), ("ar", HOSTILE_AR)):
        path = tmp_path / f"hostile-{lang}.txt"
        path.write_text(f"{FILLER[lang]}\n\n{quote}\n\n{FILLER[lang]}\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def assert_inert(output: str, *, literal: bool = True):
    assert "\x1b[31m" not in output and "\x1b[2J" not in output  # no colours or clearing
    assert "\x1b]8;" not in output  # no hyperlinks, neither the article's nor rich's [link]
    assert "\x07" not in output
    if literal:
        assert "[bold]Taxes[/bold]" in output  # markup shown as typed, not applied
        assert "[link=https://evil.example]" in output


@pytest.mark.parametrize("force_colour", [False, True])
def test_hostile_article_through_extract_add_list_show(run, hostile, monkeypatch, force_colour):
    if force_colour:  # rich then writes its own styles: only the article's must be missing
        monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "250")
    extracted = run("extract", hostile[0])
    assert extracted.exit_code == 0, extracted.output
    assert_inert(extracted.stdout)
    assert "[bold]الضرائب[/bold]" in run("extract", hostile[1]).stdout
    added = run("add", *hostile)
    assert_inert(added.stdout)
    assert_inert(run("list").stdout)
    stored = json.loads(run("list", "--json").stdout)
    assert len(stored) == 2
    for claim in stored:
        shown = run("show", claim["id"])
        assert shown.exit_code == 0
        assert_inert(shown.stdout, literal=False)
        assert "[bold]" in shown.stdout and "[/link]" in shown.stdout
    if not force_colour:
        assert "\x1b" not in extracted.stdout + added.stdout


def test_hostile_article_in_visual_order_stays_inert(run, hostile, monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")
    run("add", *hostile)
    out = run("--rtl", "on", "list")
    assert out.exit_code == 0
    assert_inert(out.stdout, literal=False)
    assert "\x1b" not in out.stdout
    assert "link=https://evil.example" in out.stdout


def test_hostile_article_through_search_if_there_is_one(run, hostile, monkeypatch):
    import typer.main

    from factcheck.cli import app

    if "search" not in typer.main.get_command(app).commands:
        pytest.skip("claims search (issue 3) is not in this tree yet")
    monkeypatch.setenv("COLUMNS", "250")
    run("add", *hostile)
    found = run("search", "Taxes")
    assert_inert(found.stdout)
