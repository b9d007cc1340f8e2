"""The `claims` command: the only place that parses arguments, renders and exits.

Each command group lives in its own module and registers itself on `app`. Run as the `claims`
program, only the module of the command named on the command line is imported (a `list`
never loads the extractor or the feed reader); without a known command (help, a typo, or
imported by another program such as the tests) every module is, so every command is there.

The command's own boundary (factcheck.cli.app) turns every failure of a run into exit 2. What
comes before it, a failure to import the command at all (a dependency broken by an upgrade),
Python would report with exit 1, which is "contradictions found" to cron; so the import is
guarded here and `app` is then a stand-in that says so and exits 2.
"""

import importlib
import sys
from pathlib import Path

# Command -> the module that registers it.
COMMANDS = {
    "extract": "articles", "add": "articles", "list": "articles", "show": "articles",
    "compare": "contradictions", "check": "contradictions", "contradictions": "contradictions",
    "doctor": "doctor", "edit": "edit", "delete": "edit", "migrate": "migrate",
    "review": "review", "history": "review", "resolve": "review", "export": "review",
    "import": "review", "search": "search", "speakers": "speakers", "watch": "watch",
}
# The root command's options that take a value (the command name comes after them).
_VALUED = ("--rtl",)


def command_named(argv: list[str]) -> str | None:
    """The command a `claims` command line runs, when it names one of COMMANDS."""
    args = iter(argv)
    for arg in args:
        if arg in _VALUED:
            next(args, None)
        elif arg == "--" or not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


def _modules() -> list[str]:
    program = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    run_as_claims = program is not None and (
        program.name == "claims" or program.parts[-2:] == ("factcheck", "__main__.py"))
    named = command_named(sys.argv[1:]) if run_as_claims else None
    return [COMMANDS[named]] if named else sorted(set(COMMANDS.values()))


try:
    # Each module registers its commands on `app` when imported.
    for _module in _modules():
        importlib.import_module(f"factcheck.cli.{_module}")
    from factcheck.cli.app import app
except Exception as exc:  # noqa: BLE001 - whatever the import raised, cron must not read "found"
    from factcheck.cli.startup import stand_in

    app = stand_in(exc)

__all__ = ["app"]
