"""The README's set-up commands are the ones CI runs, and the shipped claims.json is in step."""

import re

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
