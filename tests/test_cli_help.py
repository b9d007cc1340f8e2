"""Every command and subcommand explains itself: a summary, an example, help on every option."""

import pytest
import typer.main
from typer.testing import CliRunner

from factcheck.cli import app


def walk(command, path: tuple[str, ...] = ()):
    """(path, command) for every command below the root, groups and their subcommands alike."""
    if getattr(command, "commands", None):
        for name, sub in sorted(command.commands.items()):
            yield (*path, name), sub
            yield from walk(sub, (*path, name))


ROOT = typer.main.get_command(app)
COMMANDS = list(walk(ROOT))


def test_the_walk_finds_the_commands_of_every_group():
    names = {" ".join(path) for path, _ in COMMANDS}
    assert {"add", "list", "show", "review", "history", "resolve", "export", "import"} <= names


@pytest.mark.parametrize("path, command", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_help_has_a_summary_and_an_example(path, command):
    lines = [line.strip() for line in (command.help or "").strip().splitlines()]
    assert lines and lines[0], f"claims {' '.join(path)} has no summary line"
    assert len(lines) == 1 or lines[1] == "", "the summary is one line, then a blank line"
    examples = [line for line in lines if line.startswith("Example:")]
    assert examples, f"claims {' '.join(path)} has no 'Example:' line"
    assert all(e.startswith(f"Example: claims {' '.join(path)}") or
               e.startswith("Example: claims --") for e in examples)


@pytest.mark.parametrize("path, command", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_every_option_and_argument_has_help(path, command):
    for param in command.params:
        helped = getattr(param, "help", None)
        assert helped, f"claims {' '.join(path)}: {param.name} has no help text"


@pytest.mark.parametrize("path", [(), *(p for p, _ in COMMANDS)],
                         ids=["claims", *(" ".join(p) for p, _ in COMMANDS)])
def test_help_exits_zero(path):
    result = CliRunner().invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    usage = result.stdout.splitlines()[0].split()
    assert usage[0] == "Usage:" and tuple(usage[2:2 + len(path)]) == path


def test_version_is_the_installed_distributions():
    from importlib.metadata import version

    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"claims {version('factcheck-claims')} (factcheck-claims)\n"


def test_the_version_is_stated_once_in_pyproject():
    import tomllib

    from tests_support import ROOT

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    from importlib.metadata import version

    assert project["name"] == "factcheck-claims"
    assert version(project["name"]) == project["version"]


@pytest.mark.parametrize("path", [(), *(p for p, _ in COMMANDS)],
                         ids=["claims", *(" ".join(p) for p, _ in COMMANDS)])
def test_h_is_help_as_well(path):
    short = CliRunner().invoke(app, [*path, "-h"])
    assert short.exit_code == 0, short.output
    assert short.stdout == CliRunner().invoke(app, [*path, "--help"]).stdout


def test_the_root_help_offers_shell_completion():
    shown = CliRunner().invoke(app, ["--help"]).stdout
    assert "--install-completion" in shown and "--show-completion" in shown


@pytest.mark.parametrize("words, expected", [("claims rev", "review\n"),
                                             ("claims speakers m", "merge\n")])
def test_shell_completion_completes_command_names(words, expected):
    # what the script `claims --install-completion` installs asks the command itself
    env = {"_CLAIMS_COMPLETE": "complete_bash", "COMP_WORDS": words,
           "COMP_CWORD": str(len(words.split()) - 1)}
    result = CliRunner().invoke(app, [], prog_name="claims", env=env)
    assert (result.exit_code, result.stdout) == (0, expected)
