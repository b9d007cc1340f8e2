"""`claims watch` end to end: a real HTTP server on 127.0.0.1, exit codes, JSON, quiet runs,
locks."""

import json
import subprocess
import sys
from pathlib import Path

import filelock
import pytest
from conftest import SEEDS
from localserver import LocalServer, atom, page, rss
from newsroom import (
    ALL,
    BRIDGE,
    HOSPITAL,
    KIM_VISIT,
    PORT,
    POWER_CUT,
    SCHOOLS,
    VACCINE,
    WHEAT,
)

from factcheck.extract import extract
from factcheck.store import Store

BOMB = (b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        b'<rss version="2.0"><channel><title>&c;</title><item><guid>b</guid>'
        b"<description>&c;</description></item></channel></rss>")


@pytest.fixture
def server():
    with LocalServer() as s:
        yield s


def lines(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def summary(stdout: str) -> dict:
    [last] = [o for o in lines(stdout) if o["type"] == "summary"]
    return last


def item(guid, body, **extra):
    return {"guid": guid, "title": extra.pop("title", "خبر"), "body": body, **extra}


@pytest.mark.network
def test_good_sources_are_stored_and_bad_ones_reported(server, run, db_file):
    good = {
        server.add("/rss.xml", rss([item("r-1", HOSPITAL), item("r-2", POWER_CUT)]),
                   headers={"Content-Type": "application/rss+xml"}, gzip=True): 2,
        server.add("/atom.xml", atom([{"id": "urn:a:1", "link": server.url("/wheat"),
                                       "title": "قمح", "updated": "2026-11-24T10:00:00Z",
                                       "body": WHEAT}])): 1,
        server.add("/news/port", page("الموانئ", PORT.split("\n")),
                   headers={"Content-Type": "text/html; charset=utf-8"}): 1,
        server.redirect("/old/bridge", server.add("/news/bridge",
                                                   page("Bridge", [BRIDGE], lang="en"))): 1,
        server.add("/news/schools", page("المدارس", SCHOOLS.split("\n"),
                                         charset="windows-1256")): 1,
    }
    bad = {
        server.url("/missing"): "HTTP 404 Not Found",
        server.add("/error", "boom", status=500): "HTTP 500 Internal Server Error",
        server.add("/slow", rss([item("s", VACCINE)]), stall=3.0): "no answer within 0.5s",
        server.add("/broken.xml", b'<?xml version="1.0"?><rss version="2.0"><channel><item>'
                   b"<title>x<"): "not a usable feed (malformed XML",
        server.add("/bomb.xml", BOMB): "refused: the XML declares entities",
        server.add("/huge", b"<html><body><p>" + b"x" * (20 << 20), length=False):
            "more than the 10.0 MB limit",
    }
    result = run("watch", *good, *bad, "--timeout", "0.5", "--jsonl")
    assert result.exit_code == 0, result.stderr
    reports = {o["source"]: o for o in lines(result.stdout) if o["type"] == "source"}
    assert {u: (r["status"], r["new"]) for u, r in reports.items() if u in good} == \
        {u: ("ok", n) for u, n in good.items()}
    for url, reason in bad.items():
        assert reports[url]["status"] == "failed"
        assert reports[url]["error"].startswith(f"{url}: {reason}")
        assert f"claims: watch: failed: {reports[url]['error']}\n" in result.stderr
    db = Store(db_file).read()
    texts = [a["text"] for a in db.articles.all()]
    assert len(texts) == sum(good.values()) == summary(result.stdout)["new"]
    for story in (HOSPITAL, POWER_CUT, WHEAT, PORT, BRIDGE, SCHOOLS):
        assert any(story.split("\n")[-1] in t for t in texts), story[:30]
    assert not any("جميع الحقوق محفوظة" in t for t in texts)
    expected = sum(len(extract(t)) for t in texts)
    assert expected > 0 and len(db.claims) == expected == summary(result.stdout)["claims"]
    assert summary(result.stdout)["failed"] == len(bad)
    assert "fetching" not in result.stdout + result.stderr  # no progress off a terminal


def test_a_second_run_stores_nothing_and_reports_zero_new_items(tmp_path, run, db_file):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n, text in enumerate(ALL):
        (inbox / f"{n}.txt").write_text(text, encoding="utf-8")
    feed = tmp_path / "feed.xml"
    feed.write_bytes(rss([item("k-1", KIM_VISIT)]))
    first = run("watch", str(inbox), str(feed), "--jsonl")
    assert first.exit_code == 0, first.stderr
    assert summary(first.stdout)["new"] == len(ALL) + 1
    claims_before = Store(db_file).read().claims.ids()
    second = run("watch", str(inbox), str(feed), "--jsonl")
    assert second.exit_code == 0
    assert {k: summary(second.stdout)[k] for k in ("new", "known", "claims")} == \
        {"new": 0, "known": len(ALL) + 1, "claims": 0}
    assert [o for o in lines(second.stdout) if o["type"] == "article"] == []
    assert sorted(Store(db_file).read().claims.ids()) == sorted(claims_before)


def test_json_is_one_document_holding_what_jsonl_streams(tmp_path, run):
    (tmp_path / "a.txt").write_text(WHEAT, encoding="utf-8")
    streamed = run("watch", str(tmp_path / "a.txt"), "--jsonl", "--db", str(tmp_path / "1.json"))
    whole = run("watch", str(tmp_path / "a.txt"), "--json", "--db", str(tmp_path / "2.json"))
    assert (streamed.exit_code, whole.exit_code) == (0, 0)
    document = json.loads(whole.stdout)
    assert list(document) == ["sources", "articles", "contradictions", "factchecked", "summary"]
    records = lines(streamed.stdout)
    assert [{k: v for k, v in r.items() if k != "type"} for r in records
            if r["type"] == "source"] == document["sources"]
    assert len(document["articles"]) == 1 and document["articles"][0]["claims"]
    assert {k: v for k, v in summary(streamed.stdout).items() if k != "type"} == \
        document["summary"] == {**document["summary"], "new": 1, "exit": 0}


@pytest.mark.parametrize("how", [(), ("--jsonl",), ("--json",)])
def test_quiet_prints_nothing_when_nothing_is_new(tmp_path, run, how):
    (tmp_path / "a.txt").write_text(WHEAT, encoding="utf-8")
    first = run("watch", str(tmp_path / "a.txt"), "--quiet", *how)
    assert first.exit_code == 0 and first.stdout  # something new: reported as usual
    again = run("watch", str(tmp_path / "a.txt"), "--quiet", *how)
    assert (again.exit_code, again.stdout, again.stderr) == (0, "", "")
    failing = run("watch", str(tmp_path / "a.txt"), str(tmp_path / "gone"), "-q", *how)
    assert failing.exit_code == 0 and failing.stdout == ""  # the failure is told on stderr
    assert failing.stderr == f"claims: watch: failed: {tmp_path / 'gone'}: no such file, " \
                             "folder or URL\n"


@pytest.mark.network
def test_a_json_feed_is_watched_from_a_server_and_from_a_file(server, run, tmp_path):
    import orjson

    body = orjson.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "نشرة",
                         "items": [{"id": "jf-1", "url": server.url("/n/1"),
                                    "content_text": HOSPITAL}]})
    url = server.add("/feed.json", body, headers={"Content-Type": "application/feed+json"})
    online = run("watch", url, "--json")
    assert online.exit_code == 0, online.stderr
    [source] = json.loads(online.stdout)["sources"]
    assert (source["kind"], source["status"], source["new"]) == ("feed", "ok", 1)
    local = tmp_path / "feed.json"
    local.write_bytes(body.replace(b"jf-1", b"jf-2").replace(b"/n/1", b"/n/2"))
    offline = run("watch", str(local), "--json", "--db", str(tmp_path / "other.json"))
    assert offline.exit_code == 0, offline.stderr
    assert json.loads(offline.stdout)["summary"]["new"] == 1


def test_the_terminal_summary_names_sources_and_counts(tmp_path, run, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(WHEAT, encoding="utf-8")
    result = run("watch", "a.txt", "gone")
    assert result.exit_code == 0
    n = len(extract(WHEAT))
    assert f"2 sources read (1 failed), 1 new items, {n} claims stored, 0 new contradictions" \
        in result.stdout
    rows = [" ".join(line.strip("│ ").split()) for line in result.stdout.splitlines()]
    assert f"a.txt │ file │ ok │ 1 │ 1 │ 0 │ {n}" in rows
    assert "gone │ - │ failed │ 0 │ 0 │ 0 │ 0" in rows
    assert result.stderr == "claims: watch: failed: gone: no such file, folder or URL\n"


@pytest.mark.network
def test_every_source_failing_exits_2(server, run, db_file):
    result = run("watch", server.url("/a"), server.add("/b", "x", status=500), "--jsonl",
                 "--timeout", "0.5")
    assert result.exit_code == 2
    assert summary(result.stdout) | {} == {
        "type": "summary", "sources": 2, "failed": 2, "items": 0, "new": 0, "known": 0,
        "pending": 0, "claims": 0, "contradictions": 0, "exit": 2}
    assert result.stderr.count("claims: watch: failed: ") == 2


@pytest.mark.network
def test_a_linked_page_that_fails_is_reported_and_read_on_the_next_run(server, run, db_file):
    link = server.add("/story/7", "busy", status=500)
    feed = server.add("/rss", rss([item("t-1", "Vaccines for schools.", link=link),
                                   item("t-2", WHEAT)]))
    first = run("watch", feed, "--jsonl")
    # One item failing does not fail its source, nor the run's exit status.
    assert first.exit_code == 0, first.stderr
    failure = f"{link}: HTTP 500 Internal Server Error; the item waits for the next run"
    assert first.stderr == f"claims: watch: failed: {failure}\n"
    [source] = [o for o in lines(first.stdout) if o["type"] == "source"]
    assert (source["status"], source["failures"], source["new"], source["pending"]) == (
        "ok", [failure], 1, 1)
    assert [a["text"] for a in Store(db_file).read().articles.all()] == [WHEAT]
    # The only item of a feed failing: the source failed, and with it the run (exit 2).
    alone = server.add("/rss-alone", rss([item("t-1", "Vaccines for schools.", link=link)]))
    assert run("watch", alone).exit_code == 2
    server.add("/story/7", page("Vaccines", [VACCINE], lang="en"))
    second = run("watch", feed, alone, "--jsonl")
    assert (second.exit_code, second.stderr) == (0, "")
    assert (summary(second.stdout)["new"], summary(second.stdout)["pending"]) == (1, 0)
    [story] = Store(db_file).read().articles.find(url=link)
    assert VACCINE in story["text"]


def test_sources_file_with_comments(tmp_path, run):
    (tmp_path / "a.txt").write_text(HOSPITAL, encoding="utf-8")
    (tmp_path / "b.txt").write_text(POWER_CUT, encoding="utf-8")
    listing = tmp_path / "sources.txt"
    listing.write_text(f"# the desk's sources\n{tmp_path / 'a.txt'}  # Jordan\n\n"
                       f"{tmp_path / 'b.txt'}\n", encoding="utf-8")
    result = run("watch", "--sources", str(listing), str(tmp_path / "a.txt"), "--jsonl")
    assert result.exit_code == 0
    assert [o["source"] for o in lines(result.stdout) if o["type"] == "source"] == \
        [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    assert summary(result.stdout)["new"] == 2


@pytest.mark.parametrize(("args", "message"), [
    ((), "claims: error: no sources: give feed URLs, pages or folders, or --sources FILE\n"),
    (("x.txt", "--since", "2026-13-01"),
     "claims: error: --since '2026-13-01' is not a date (month must be in 1..12)\n"),
    (("--sources", "nowhere.txt"), "claims: error: nowhere.txt: no such sources file\n"),
])
def test_bad_arguments_exit_2_with_one_line(run, args, message):
    result = run("watch", *args)
    assert (result.exit_code, result.stderr, result.stdout) == (2, message, "")


def test_a_held_lock_gives_up_with_a_clear_message(tmp_path, run, db_file):
    (tmp_path / "a.txt").write_text(HOSPITAL, encoding="utf-8")
    with filelock.FileLock(str(db_file) + ".lock"):
        result = run("watch", str(tmp_path / "a.txt"), "--lock-timeout", "0.2")
    assert result.exit_code == 2
    assert result.stderr == (f"claims: error: {db_file} is locked by another claims process; "
                             "gave up after 0.2s\n")
    assert not db_file.exists()


def test_two_runs_at_once_store_every_claim_once(tmp_path, run):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n, text in enumerate(ALL):
        (inbox / f"{n}.txt").write_text(text, encoding="utf-8")
    feed = tmp_path / "feed.xml"
    feed.write_bytes(rss([item("c-1", KIM_VISIT), item("c-2", VACCINE + " Updated.")]))
    sources = [str(inbox), str(feed)]
    reference = tmp_path / "reference.json"
    # Exit 0 or 1: this test is about storage, whatever contradictions the articles hold.
    assert run("watch", *sources, "--db", str(reference)).exit_code in (0, 1)
    shared = tmp_path / "shared.json"
    command = [sys.executable, "-m", "factcheck", "watch", *sources, "--jsonl",
               "--db", str(shared)]
    procs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(2)]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode in (0, 1) for p in procs), outputs
    news = [summary(out)["new"] for out, _ in outputs]
    assert sum(news) == len(ALL) + 2  # each item stored by exactly one of the two runs
    data = json.loads(shared.read_text(encoding="utf-8"))  # a valid file
    want = Store(reference).read()
    got = Store(shared).read()
    assert sorted(got.claims.ids()) == sorted(want.claims.ids()) and len(got.claims) > 0
    assert sorted(got.articles.ids()) == sorted(want.articles.ids())
    assert len(data["claims"]) == len(want.claims)
    assert sorted(got.table("contradictions").ids()) == \
        sorted(want.table("contradictions").ids())
    assert not list(Path(tmp_path).glob(".shared.json.*.tmp"))


def test_a_reported_kim_visit_contradicts_peskov_and_exits_1(tmp_path, run):
    assert run("add", str(SEEDS)).exit_code == 0
    feed = tmp_path / "feed.xml"
    feed.write_bytes(rss([item("kim-1", KIM_VISIT, title="تحضيرات لزيارة كيم إلى روسيا")],
                         title="وكالة الأنباء المحلية"))
    result = run("watch", str(feed), "--jsonl")
    assert result.exit_code == 1, result.stdout + result.stderr
    found = [o for o in lines(result.stdout) if o["type"] == "contradiction"]
    assert found and summary(result.stdout)["contradictions"] == len(found)
    sides = [(o["a"], o["b"]) for o in found]
    pairs = [{a["speaker"], b["speaker"]} for a, b in sides]
    assert {"دميتري بيسكوف", "كيم سون غيونغ"} in pairs
    [(a, b)] = [s for s, p in zip(sides, pairs, strict=True)
                if p == {"دميتري بيسكوف", "كيم سون غيونغ"}]
    peskov, kim = (a, b) if a["speaker"] == "دميتري بيسكوف" else (b, a)
    assert "لا توجد مثل هذه الخطط" in peskov["content"]
    assert "التحضيرات جارية لزيارة" in kim["content"] and kim["title"] == \
        "تحضيرات لزيارة كيم إلى روسيا"


def test_watch_reports_a_new_claim_already_fact_checked_and_exits_1(tmp_path, run):
    from tests_support import ROOT

    run("import", str(ROOT / "tests" / "data" / "claimreview.json"))
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "kim.txt").write_text(
        "قال مصدر دبلوماسي روسي، يوم الخميس، إن الزعيم الكوري الشمالي كيم جونغ أون سيزور "
        "روسيا في الخريف المقبل.\n", encoding="utf-8")
    result = run("watch", str(inbox), "--json")
    assert result.exit_code == 1, result.stderr
    found = json.loads(result.stdout)["factchecked"]
    assert [(m["factcheck"]["rating"], m["factcheck"]["url"]) for m in found] == [
        ("False", "https://checks.example.org/2025/kim-visit")]
