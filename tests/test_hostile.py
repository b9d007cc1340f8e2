"""Untrusted input treated as data: files beside the store, article text, feeds and a
terminal or disk that fails. Each case is one an attacker or a careless user tried."""

import builtins
import errno
import io
import json
import os
import pickle
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import SEEDS
from localserver import rss
from newsroom import ALL, KIM_VISIT
from support_claims import claim, store_article, store_desk

from factcheck import cachefile
from factcheck.cli import render
from factcheck.errors import OutputError
from factcheck.extract import extract
from factcheck.match import FORMS_CACHE, stored_forms
from factcheck.search import INDEX_NAME
from factcheck.store import Store


class _Payload:
    """What a pickle can make its reader do: here, create a marker file."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return builtins.open, (self.marker, "w")


def _caches(db_file):
    return [db_file.with_name(f"{db_file.name}.{name}.idx") for name in (INDEX_NAME, FORMS_CACHE)]


def test_a_pickle_put_in_place_of_a_cache_never_runs_and_the_cache_is_made_again(db_file, run):
    store_desk(db_file)
    assert run("search", "Peskov", "--json").exit_code == 0
    stored_forms(Store(db_file).read())
    marker = db_file.with_name("payload-ran")
    for cache in _caches(db_file):  # another user of the shared folder replaces them
        assert cache.exists()
        cache.write_bytes(pickle.dumps(_Payload(marker)) * 2)

    result = run("search", "Peskov", "--json")
    forms = stored_forms(Store(db_file).read())

    assert not marker.exists()
    assert result.exit_code == 0 and "بيسكوف" in result.stdout
    assert len(forms) == 5
    for cache in _caches(db_file):
        assert cache.read_bytes().startswith(cachefile.MAGIC)


def test_a_cache_from_another_store_is_not_taken_for_this_one(tmp_path, db_file, run):
    other = tmp_path / "other" / "claims.json"
    other.parent.mkdir()
    store_article(other, [claim("Omar Haddad", "said", "the bridge will reopen in spring")])
    run("search", "bridge", "--db", str(other))
    store_desk(db_file)
    other.with_name(f"{other.name}.{INDEX_NAME}.idx").replace(_caches(db_file)[0])

    nothing = run("search", "bridge", "--json")
    assert (nothing.exit_code, nothing.stdout) == (1, "[]\n")
    assert "Zakharova" in run("search", "Zakharova").stdout


# ClaimReview in a script block ---------------------------------------------------------------

class _Scripts(HTMLParser):
    """The script elements of a page, as a browser's parser splits them."""

    def __init__(self):
        super().__init__()
        self.scripts: list[str] = []
        self._inside = False

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._inside = True
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._inside = False

    def handle_data(self, data):
        if self._inside:
            self.scripts[-1] += data


HOSTILE_QUOTE = ('The minister Omar Haddad said on Monday that "the grain deal </script><script>'
                 'alert(1)</script> was never signed <!-- and will not be & cannot be".\n')


def test_claimreview_embedded_in_a_page_stays_one_script_block_of_the_same_json(
        run, tmp_path, monkeypatch):
    monkeypatch.setenv("USER", "amal")
    article = tmp_path / "grain.txt"
    article.write_text(HOSTILE_QUOTE + "\u2028", encoding="utf-8")
    run("add", str(article), "--url", "https://news.example/grain",
        "--title", "Grain </SCRIPT ><!-- deal")
    [stored] = json.loads(run("list", "--json").stdout)
    run("review", stored["id"], "--verdict", "false", "--url", "https://desk.example/c/1",
        "--publish")
    exported = run("export", "--format", "claimreview", "--publisher", "Desk").stdout

    page = ('<html><head><script type="application/ld+json">' + exported +
            '</script></head><body><p>after</p></body></html>')
    parser = _Scripts()
    parser.feed(page)

    assert len(parser.scripts) == 1
    assert json.loads(parser.scripts[0]) == json.loads(exported)
    [doc] = json.loads(exported)
    assert "</script>" in doc["claimReviewed"] and "<!--" in doc["claimReviewed"]
    assert doc["itemReviewed"]["appearance"]["headline"] == "Grain </SCRIPT ><!-- deal"
    assert not set("<>&\u2028\u2029") & set(exported)


# Only web URLs stored ------------------------------------------------------------------------

NOT_WEB = ["javascript:alert(document.cookie)", "data:text/html,<b>hi</b>", "file:///etc/passwd",
           "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "http://"]


def test_feed_links_that_are_not_web_urls_are_never_stored_nor_exported(tmp_path, run, db_file,
                                                                          monkeypatch):
    feed = tmp_path / "feed.xml"
    feed.write_bytes(rss([{"guid": f"g-{n}", "title": "خبر", "body": body, "link": link}
                          for n, (body, link) in enumerate(zip(ALL[:3], NOT_WEB, strict=False))],
                         full=True))
    assert run("watch", str(feed), "--jsonl").exit_code == 0
    db = Store(db_file).read()
    assert len(db.articles) == 3
    assert [a["url"] for a in db.articles.all()] == [None, None, None]
    assert db.claims.all() and {c["url"] for c in db.claims.all()} == {None}

    monkeypatch.setenv("USER", "amal")
    some = db.claims.ids()[0]
    run("review", some, "--verdict", "false", "--url", "https://desk.example/c/2", "--publish")
    [doc] = json.loads(run("export", "--publisher", "Desk").stdout)
    assert "appearance" not in doc["itemReviewed"]


@pytest.mark.parametrize("url", NOT_WEB)
def test_a_url_given_on_the_command_line_must_be_a_web_url(run, tmp_path, url):
    article = tmp_path / "a.txt"
    article.write_text(ALL[0], encoding="utf-8")
    result = run("add", str(article), "--url", url)
    assert result.exit_code == 2
    assert result.stderr == (f"claims: error: --url must be an http:// or https:// URL, "
                             f"not {url!r}\n")


def test_a_review_url_must_be_a_web_url(run, tmp_path, monkeypatch):
    monkeypatch.setenv("USER", "amal")
    article = tmp_path / "a.txt"
    article.write_text(ALL[0], encoding="utf-8")
    run("add", str(article))
    stored = json.loads(run("list", "--json").stdout)[0]
    result = run("review", stored["id"], "--verdict", "false", "--url", NOT_WEB[0])
    assert (result.exit_code, result.stderr.count("\n")) == (2, 1)
    assert "--url must be an http:// or https:// URL" in result.stderr


def test_import_refuses_a_record_whose_url_is_not_a_web_url(run, tmp_path, db_file):
    article = tmp_path / "a.txt"
    article.write_text(ALL[0], encoding="utf-8")
    run("add", str(article), "--url", "https://news.example/a")
    exported = run("export", "--format", "jsonl").stdout
    hostile = tmp_path / "other-desk.jsonl"
    hostile.write_text(exported.replace("https://news.example/a", NOT_WEB[1]), encoding="utf-8")
    db_file.unlink()
    result = run("import", str(hostile))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"claims: error: {hostile}:1: claim url must be an http")
    assert not db_file.exists() or not Store(db_file).read().claims.ids()


# Nothing reaches the terminal that drives it ---------------------------------------------------

ESCAPES = "\x1b]0;owned\x07\x1b[2J\x1b[31m\x9b"
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def _printed_controls(output: str) -> set[str]:
    return {ch for ch in output if ch in BIDI_CONTROLS or (ord(ch) < 32 and ch not in "\n\t")
            or 0x7f <= ord(ch) <= 0x9f}


def test_file_names_with_escape_sequences_reach_the_terminal_inert(run, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "300")
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / f"report{ESCAPES}.txt").write_text(ALL[0], encoding="utf-8")
    added = run("add", str(folder))
    assert added.exit_code == 0
    (folder / f"broken{ESCAPES}.txt").write_bytes(b"\xff\xfe\x00\xd8 not text")
    refused = run("add", str(folder))

    assert refused.exit_code == 2 and refused.stderr.count("\n") == 1
    assert "report]0;owned" in added.stdout and "broken]0;owned" in refused.stderr
    for output in (added.stdout, added.stderr, refused.stdout, refused.stderr):
        assert _printed_controls(output) == set()


def test_bidi_controls_in_article_text_never_reach_the_terminal(run, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "300")
    article = tmp_path / "a.txt"
    article.write_text("Omar Haddad said the \u202ebridge\u202c will reopen in \u2067spring\u2069.",
                       encoding="utf-8")
    run("add", str(article))
    table = run("list")
    as_json = run("list", "--json")

    assert "bridge" in table.stdout and _printed_controls(table.stdout) == set()
    assert _printed_controls(as_json.stdout) == set() and "\\u202e" in as_json.stdout
    [stored] = json.loads(as_json.stdout)
    assert "\u202ebridge\u202c" in stored["content"]["text"]  # the data itself is kept


def test_visual_order_still_works_on_cleaned_text(run, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "300")
    article = tmp_path / "a.txt"
    article.write_text("قال \u202eعمر حداد\u202c إن الجسر سيفتح في الربيع.", encoding="utf-8")
    run("add", str(article))
    shown = run("--rtl", "on", "list").stdout
    assert "عيبرلا" in shown  # الربيع in visual order
    assert _printed_controls(shown) == set()


def test_isolates_in_a_compared_claim_under_visual_order(run):
    result = run("--rtl", "on", "compare", "قال \u2067Putin\u2069 إن الخطة جاهزة للتنفيذ",
                 "قال بوتين إن الخطة ليست جاهزة للتنفيذ")
    assert result.exit_code in (0, 1), result.stderr
    assert "Traceback" not in result.stderr and "Putin" in result.stdout


# One boundary: every failure exits 2 with one line ---------------------------------------------

def _claims(*args: str, **kwargs) -> subprocess.CompletedProcess:
    """`claims ARGS` in a process of its own, as cron runs it."""
    return subprocess.run([sys.executable, "-m", "factcheck", *args], capture_output=True,
                          text=True, timeout=120, **kwargs) if "stdout" not in kwargs else \
        subprocess.run([sys.executable, "-m", "factcheck", *args], stderr=subprocess.PIPE,
                       text=True, timeout=120, **kwargs)


def _unwritable_folder(tmp_path) -> Path:
    """A folder no file can be created in, even by root: /sys where it refuses, else a
    read-only folder (which root could still write to)."""
    sysfs, probe = Path("/sys"), Path("/sys/claims-probe")
    if sysfs.is_dir():
        try:
            probe.touch()
        except PermissionError:
            return sysfs
        probe.unlink()
    if os.geteuid() == 0:
        pytest.skip("no folder here refuses a new file to root")
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    return folder


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(ALL[0], encoding="utf-8")
    return path


def test_a_lock_that_cannot_be_created_is_one_line_and_exit_2(run, tmp_path, article):
    db = _unwritable_folder(tmp_path) / "claims.json"
    result = run("add", str(article), "--db", str(db))
    assert result.exit_code == 2
    assert result.stderr == (f"claims: error: cannot lock {db}: Permission denied: "
                             f"{db}.lock\n")


def test_a_lock_path_that_is_a_folder_is_one_line_and_exit_2(run, db_file, article):
    Path(f"{db_file}.lock").mkdir()
    result = run("add", str(article))
    assert result.exit_code == 2
    assert result.stderr == (f"claims: error: cannot lock {db_file}: Is a directory: "
                             f"{db_file}.lock\n")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs Linux's /dev/full")
def test_output_on_a_full_disk_after_storing_exits_2_and_the_store_is_whole(db_file, article):
    with open("/dev/full", "w") as full:
        result = _claims("add", str(article), "--db", str(db_file), stdout=full)
    assert result.returncode == 2
    assert result.stderr == "claims: error: cannot write the output: No space left on device\n"
    assert len(Store(db_file).read().claims) == len(extract(ALL[0]))


def test_output_to_a_closed_pipe_exits_2_with_one_line(db_file, article):
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = _claims("add", str(article), "--db", str(db_file), stdout=write_end)
    finally:
        os.close(write_end)
    assert result.returncode == 2
    assert result.stderr == "claims: error: cannot write the output: Broken pipe\n"
    assert len(Store(db_file).read().claims) == len(extract(ALL[0]))


def test_a_bug_keeps_its_traceback_and_still_exits_2(run, db_file, monkeypatch):
    from factcheck.cli import search as search_command

    def broken(*args, **kwargs):
        raise KeyError("a bug in search")

    monkeypatch.setattr(search_command, "search", broken)
    result = run("search", "Peskov")
    assert result.exit_code == 2
    assert result.stderr.startswith("Traceback (most recent call last):")
    assert result.stderr.endswith(
        "claims: error: internal error (KeyError): a bug, please report it with the "
        "traceback above\n")


def test_python_bidi_failing_is_a_bug_that_exits_2(run, tmp_path, monkeypatch):
    from factcheck import bidi

    arabic = tmp_path / "ar.txt"
    arabic.write_text("قال عمر حداد إن الجسر سيفتح في الربيع.", encoding="utf-8")
    run("add", str(arabic))

    def fails(line, storage):
        raise AssertionError("RLI not allowed here")

    monkeypatch.setattr(bidi._uba, "get_embedding_levels", fails)
    result = run("--rtl", "on", "list")
    assert result.exit_code == 2
    assert "AssertionError: RLI not allowed here" in result.stderr
    assert result.stderr.endswith("claims: error: internal error (AssertionError): a bug, "
                                  "please report it with the traceback above\n")


def test_usage_errors_and_chosen_exit_codes_are_kept(run, db_file):
    assert run("search", "--limit", "0", "x").exit_code == 2  # typer's own usage error
    store_desk(db_file)
    assert run("search", "nothing-like-this-anywhere").exit_code == 1  # "nothing found", as grep


def test_a_command_that_cannot_even_start_exits_2(tmp_path):
    # A dependency missing after an upgrade: the import fails before any boundary.
    (tmp_path / "rich").mkdir()
    (tmp_path / "rich" / "__init__.py").write_text("raise ImportError('rich is broken')\n")
    result = _claims("list", env={**os.environ, "PYTHONPATH": str(tmp_path)})
    assert result.returncode == 2
    assert "ImportError: rich is broken" in result.stderr
    assert result.stderr.endswith("claims: error: the claims command cannot start (see above); "
                                  "reinstall factcheck-claims\n")


# Output written in full or an error ------------------------------------------------------------

class _DiskFullAfter(io.RawIOBase):
    """A file on a disk that fills up after `room` bytes."""

    def __init__(self, room: int):
        self.room, self.kept = room, b""

    def writable(self):
        return True

    def write(self, data) -> int:
        if not self.room:
            raise OSError(errno.ENOSPC, "No space left on device")
        taken = bytes(data[:self.room])
        self.kept += taken
        self.room -= len(taken)
        return len(taken)


def test_an_export_cut_short_by_a_full_disk_is_an_error_not_a_success(monkeypatch):
    disk = _DiskFullAfter(20_000)
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BufferedWriter(disk)))
    with pytest.raises(OutputError, match="^cannot write the output: No space left on device$"):
        render.write_bytes(b"x" * 100_000, durable=True)
    assert len(disk.kept) == 20_000


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs Linux's /dev/full")
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "claimreview"])
def test_export_to_a_full_disk_exits_2_with_one_line(db_file, article, fmt):
    _claims("add", str(article), "--db", str(db_file))
    with open("/dev/full", "w") as full:
        result = _claims("export", "--format", fmt, "--publisher", "Desk", "--db", str(db_file),
                         stdout=full)
    assert (result.returncode, result.stderr) == (
        2, "claims: error: cannot write the output: No space left on device\n")


# The README's cron line: a crash never raises the contradiction alert ----------------------------

def _readme_cron_line() -> str:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    [line] = [line for line in readme.splitlines()
              if line.startswith("*/10 ") and "--db /srv/desk/claims.json" in line]
    return line.split(None, 5)[5]  # the command, after the five schedule fields


@pytest.fixture
def desk_cron(tmp_path):
    """The README's cron command with the desk's paths in tmp_path, its alert a marker file."""
    desk = tmp_path / "desk"
    (desk / "bin").mkdir(parents=True)
    alert = desk / "bin" / "alert-contradictions"
    alert.write_text('#!/bin/sh\necho alerted >"$(dirname "$0")/../alerted"\n')
    alert.chmod(0o755)
    feed = desk / "feed.xml"
    feed.write_bytes(rss([{"guid": "kim-1", "title": "تحضيرات لزيارة كيم إلى روسيا",
                           "body": KIM_VISIT}], title="وكالة الأنباء المحلية"))
    (desk / "sources.txt").write_text(f"{feed}\n", encoding="utf-8")
    command = _readme_cron_line().replace("/opt/factcheck/bin/claims",
                                          f"{sys.executable} -m factcheck")
    command = command.replace("/srv/desk/", f"{desk}/")
    assert _claims("add", str(SEEDS), "--db", str(desk / "claims.json")).returncode == 0

    def cron(env: dict | None = None) -> tuple[subprocess.CompletedProcess, bool]:
        done = subprocess.run(["sh", "-c", command], capture_output=True, text=True,
                              timeout=300, env={**os.environ, **(env or {})})
        return done, (desk / "alerted").exists()

    cron.desk = desk
    return cron


def test_the_cron_line_alerts_on_a_contradiction_found(desk_cron):
    done, alerted = desk_cron()
    assert alerted, done.stderr


def test_the_cron_line_never_alerts_on_a_crash(desk_cron, tmp_path):
    injected = tmp_path / "inject"
    injected.mkdir()
    (injected / "sitecustomize.py").write_text(
        "import factcheck.watch\n\n\ndef broken(*args, **kwargs):\n"
        "    raise RuntimeError('a bug in watch')\n\n\nfactcheck.watch.watch = broken\n")
    done, alerted = desk_cron({"PYTHONPATH": str(injected)})
    assert not alerted
    assert "RuntimeError: a bug in watch" in done.stderr
    assert done.stderr.endswith("claims: error: internal error (RuntimeError): a bug, please "
                                "report it with the traceback above\n")


def test_the_cron_line_never_alerts_when_the_store_cannot_be_locked(desk_cron):
    lock = desk_cron.desk / "claims.json.lock"
    lock.unlink(missing_ok=True)
    lock.mkdir()
    done, alerted = desk_cron()
    assert not alerted
    assert done.stderr.startswith("claims: error: cannot lock ")


def test_the_publisher_url_must_be_a_web_url(run, db_file):
    result = run("export", "--publisher", "Desk", "--publisher-url", NOT_WEB[0])
    assert (result.exit_code, result.stderr) == (
        2, f"claims: error: --publisher-url must be an http:// or https:// URL, "
           f"not {NOT_WEB[0]!r}\n")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs Linux's /dev/full")
def test_found_is_not_reported_when_what_was_found_could_not_be_printed(db_file):
    store_desk(db_file)
    with open("/dev/full", "w") as full:
        found = _claims("search", "Peskov", "--db", str(db_file), stdout=full)
    assert (found.returncode, found.stderr) == (
        2, "claims: error: cannot write the output: No space left on device\n")


def test_marks_over_stored_spans_still_cover_their_words_once_controls_are_dropped():
    value = "\u202bقال \u2067Putin\u2069 إن\x1b[2J الخطة"
    start = value.index("Putin")
    cell = render.marked(value, [(start, start + 5, "bold"), (len(value) - 5, len(value), "red")])
    assert cell.plain == "قال Putin إن[2J الخطة"
    assert [cell.plain[s.start:s.end] for s in cell.spans] == ["Putin", "الخطة"]


def test_no_module_can_load_a_pickle():
    package = Path(__file__).resolve().parent.parent / "factcheck"
    loaders = ("import pickle", "from pickle", "import marshal", "import shelve", "import dill",
               "import cloudpickle", "allow_pickle=True")
    found = [f"{path.relative_to(package)}: {loader}" for path in package.rglob("*.py")
             for loader in loaders if loader in path.read_text(encoding="utf-8")]
    assert found == []
