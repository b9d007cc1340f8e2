"""The README's set-up commands are the ones CI runs, and the shipped claims.json is in step."""

import json
import re
import shlex

from tests_support import ROOT

from factcheck.store import Store


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = text.split("## ", 2)[1]  # the section right after the pitch
    return re.findall(r"```(?:sh|bash)\n(.+?)\n```", setup)


def test_ci_runs_the_readmes_test_command():
    install_and_run, install_and_test = readme_commands()[:2]
    assert "claims add seeds/" in install_and_run
    assert "pytest" in install_and_test
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert install_and_test in ci.splitlines()


VOLATILE = {"added", "created", "at", "first", "last", "updated"}


def stable(value):
    """A database with its timestamps taken out."""
    if isinstance(value, dict):
        return {k: stable(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [stable(v) for v in value]
    return value


def test_shipped_claims_json_is_what_the_first_command_makes(run, db_file, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert run("add", "seeds/").exit_code == 0
    fresh = Store(db_file).read().raw()
    shipped = Store(ROOT / "claims.json").read().raw()
    assert stable(shipped) == stable(fresh)


def readme_cron_watch_args() -> list[str]:
    """The arguments the README's crontab line gives `claims watch`."""
    import shlex

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    crontab = re.findall(r"```crontab\n(.+?)\n```", text, re.S)[0]  # the Cron section's
    [line] = [w for w in crontab.splitlines() if "/claims watch " in w]
    command = line.split("/claims ", 1)[1].split(">>", 1)[0]
    return shlex.split(command)


def test_every_cron_line_in_the_readme_streams_json_lines_quietly():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = [w for block in re.findall(r"```crontab\n(.+?)\n```", text, re.S)
             for w in block.splitlines() if "/claims watch " in w]
    assert lines and all(" --jsonl --quiet " in w and ">>" in w for w in lines)


def test_the_readmes_cron_line_mails_nothing_when_nothing_is_new(run, tmp_path):
    args = readme_cron_watch_args()
    assert args[0] == "watch" and "--quiet" in args
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "wheat.txt").write_text("قال وزير الزراعة إن محصول القمح سيرتفع هذا العام.\n",
                                     encoding="utf-8")
    (tmp_path / "sources.txt").write_text(f"{inbox}   # the scraper's folder\n", encoding="utf-8")
    mine = {"/srv/desk/sources.txt": str(tmp_path / "sources.txt"),
            "/srv/desk/claims.json": str(tmp_path / "claims.json")}
    args = [mine.get(a, a) for a in args]
    first = run(*args)
    assert first.exit_code == 0 and '"type":"article"' in first.stdout
    again = run(*args)
    assert (again.exit_code, again.stdout, again.stderr) == (0, "", "")  # cron mails nothing


def _fact_checked_session() -> list[tuple[str, str]]:
    """The README's 'Already fact-checked' session: (command line, what it printed)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("## Already fact-checked", 1)[1].split("```console\n", 1)[1]
    block = block.split("```", 1)[0]
    steps = []
    for chunk in block.split("$ ")[1:]:
        command, _, shown = chunk.partition("\n")
        steps.append((command, shown))
    return steps


def test_the_readmes_fact_checked_session_prints_the_verdict_and_url_and_exits_1(
        run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("CLAIMS_RTL", "off")
    (tmp_path / "tests" / "data").mkdir(parents=True)
    shipped = ROOT / "tests" / "data" / "claimreview.json"
    (tmp_path / "tests" / "data" / "claimreview.json").write_bytes(shipped.read_bytes())
    steps = _fact_checked_session()
    assert [c.split()[:2] for c, _ in steps] == [
        ["claims", "import"], ["cat", "kim-ar.txt"], ["claims", "check"]]
    for command, shown in steps:
        if command.startswith("cat "):
            (tmp_path / command.split()[1]).write_text(shown, encoding="utf-8")
            continue
        line, _, echo = command.partition("; echo")
        result = run(*shlex.split(line)[1:])
        printed = "\n".join(x.rstrip() for x in result.stdout.splitlines()) + "\n"
        if echo:
            printed += f"exit {result.exit_code}\n"
        else:
            assert result.exit_code == 0, result.output
        assert printed == shown, command
    assert "https://checks.example." in steps[-1][1] and "False" in steps[-1][1]
    assert steps[-1][1].endswith("exit 1\n")


def _review_session() -> tuple[str, list[tuple[str, str]]]:
    """The README's 'Review and publish' session: its prose, and (command line, what it
    printed) for each step."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("### Review and publish", 1)[1]
    prose, block = section.split("```console\n", 1)
    block = block.split("```", 1)[0]
    steps = []
    for chunk in block.split("$ ")[1:]:
        command, _, shown = chunk.partition("\n")
        steps.append((command, shown))
    return prose, steps


def test_the_readmes_review_session_publishes_only_the_published_review(
        run, tmp_path, monkeypatch):
    import itertools

    from factcheck import edit as editing
    from factcheck import review as reviewing

    prose, steps = _review_session()
    setup = ("claims add seeds/ --url\nhttps://news.example/2025/07/lavrov-pyongyang --outlet "
             "\"Example News\" --published\n2025-07-09")
    assert setup in prose
    monkeypatch.chdir(ROOT)
    assert run(*shlex.split(setup)[1:]).exit_code == 0
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("CLAIMS_RTL", "off")
    monkeypatch.setenv("CLAIMS_REVIEWER", "amal")
    monkeypatch.delenv("CLAIMS_PUBLISHER", raising=False)
    minutes = itertools.count()
    clock = lambda: f"2025-07-11T09:{next(minutes):02d}:00+00:00"  # noqa: E731
    for module in (editing, reviewing):
        monkeypatch.setattr(module, "now_iso", clock)
    assert [c.split()[:2] for c, _ in steps] == [["claims", "review"], ["claims", "edit"],
                                                  ["claims", "review"], ["claims", "review"],
                                                  ["claims", "history"], ["claims", "export"]]
    for command, shown in steps:
        result = run(*shlex.split(command)[1:])
        assert result.exit_code == 0, result.output
        printed = "\n".join(x.rstrip() for x in (result.stdout + result.stderr).splitlines())
        assert printed + "\n" == shown, command
    exported = json.loads(steps[-1][1].rsplit("]\n", 1)[0] + "]")
    assert [d["headline"] for d in exported] == [
        "Kremlin denied visit plans two days before they were announced"]
    assert exported[0]["claimReviewed"].startswith("ردًّا على سؤال عن إمكانية زيارة كيم")
    assert steps[-1][1].endswith("1 review not published: left out (claims review ID "
                                 "--publish)\n")
