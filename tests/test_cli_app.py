"""The root command's conventions: --rtl before or after the command, defaults from the
environment declared on the options (and shown in help), the database path as of the run."""

import json

import pytest
import typer.main
from test_cli_help import COMMANDS
from tests_support import SEED
from typer.testing import CliRunner

from factcheck.cli import app

PESKOV_FIRST_WORD = "في"


@pytest.fixture
def peskov_id(run):
    assert run("add", str(SEED)).exit_code == 0
    claims = json.loads(run("list", "--json").stdout)
    [claim] = [c for c in claims if "لا توجد مثل هذه الخطط" in c["content"]["text"]]
    return claim["id"]


def shown_words(stdout: str) -> list[str]:
    return stdout.split()


@pytest.mark.parametrize("args", [("--rtl", "on", "show", "{id}"), ("show", "{id}", "--rtl", "on"),
                                  ("show", "--rtl=ON", "{id}")])
def test_rtl_is_taken_before_or_after_the_command(run, peskov_id, args):
    result = run(*(a.format(id=peskov_id) for a in args))
    assert result.exit_code == 0, result.output
    words = shown_words(result.stdout)
    assert PESKOV_FIRST_WORD[::-1] in words and "الوقت"[::-1] in words  # visual order


def test_rtl_after_the_command_wins_over_the_environment(run, peskov_id, monkeypatch):
    monkeypatch.setenv("CLAIMS_RTL", "on")
    result = run("show", peskov_id, "--rtl", "off")
    assert result.exit_code == 0
    assert "الوقت" in shown_words(result.stdout) and "تقولا" not in shown_words(result.stdout)
    reordered = run("show", peskov_id)
    assert "تقولا" in shown_words(reordered.stdout)


@pytest.mark.parametrize("path, command", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_every_command_takes_rtl_after_its_name(path, command):
    names = {opt for param in command.params for opt in getattr(param, "opts", [])}
    assert "--rtl" in names, f"claims {' '.join(path)} does not take --rtl"


@pytest.mark.parametrize("path, variable", [((), "CLAIMS_RTL"), (("list",), "CLAIMS_DB"),
                                            (("export",), "CLAIMS_PUBLISHER"),
                                            (("export",), "CLAIMS_PUBLISHER_URL"),
                                            (("review",), "CLAIMS_REVIEWER")])
def test_environment_defaults_are_declared_and_shown_in_help(path, variable):
    shown = CliRunner().invoke(app, [*path, "--help"], terminal_width=200).stdout
    assert f"[env var: {variable}" in " ".join(shown.split())


def test_every_command_with_a_database_declares_claims_db():
    root = typer.main.get_command(app)
    for path, command in COMMANDS:
        for param in command.params:
            if param.name == "db":
                assert param.envvar == "CLAIMS_DB", " ".join(path)
    assert root.params  # the walk saw the root's options too


def test_the_database_path_is_read_when_the_command_runs(tmp_path, monkeypatch):
    monkeypatch.delenv("CLAIMS_DB", raising=False)
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        monkeypatch.chdir(tmp_path / name)
        assert CliRunner().invoke(app, ["add", str(SEED)]).exit_code == 0
        assert (tmp_path / name / "claims.json").exists()
    monkeypatch.setenv("CLAIMS_DB", str(tmp_path / "elsewhere.json"))
    assert CliRunner().invoke(app, ["add", str(SEED)]).exit_code == 0
    assert (tmp_path / "elsewhere.json").exists()
    assert len(json.loads((tmp_path / "elsewhere.json").read_text())["claims"]) > 0
