"""The root command, its shared options, and the one error boundary."""

import os
import sys
import traceback
from typing import Annotated

import typer
from typer.core import TyperGroup
from typer.exceptions import TyperException

from factcheck import DISTRIBUTION, bidi
from factcheck.cli import render
from factcheck.errors import FactcheckError, OutputError

# Exit 1 means "found" for search, check and watch (as grep), and the README's cron line alerts
# on it: a failure of any kind exits with this instead, never 1.
FAILED = 2


class _GuardedGroup(TyperGroup):
    """The one error boundary: every failure of a run exits 2 with one line on stderr.

    A domain error (FactcheckError) or the environment refusing (OSError: a folder that cannot
    be written, a full disk, a closed pipe) is that one line. Anything else is a bug: its
    traceback is printed, then the line, and it exits 2 all the same. Typer's usage errors
    (exit 2) and the codes commands exit with (typer.Exit) pass through as they are.
    """

    def invoke(self, ctx: typer.Context):
        try:
            return self._run(ctx)
        except (typer.Exit, TyperException):  # an exit code chosen, a usage error (2)
            raise
        except KeyboardInterrupt:
            _fail("interrupted", 130)  # the shell's code for Ctrl-C, never "found"
        except typer.Abort:
            _fail("aborted (no answer to a question)")
        except OutputError as exc:
            render.abandon_output()
            _fail(str(exc))
        except FactcheckError as exc:
            _fail(str(exc), exc.exit_code)
        except OSError as exc:
            _fail(_environment(exc))
        except Exception as exc:  # noqa: BLE001 - the boundary: a bug still exits 2
            sys.stderr.write(render.safe("".join(traceback.format_exception(exc))))
            _fail(f"internal error ({type(exc).__name__}): a bug, please report it with the "
                  "traceback above")

    def _run(self, ctx: typer.Context):
        # Output a full disk or a closed pipe refused is a failure, also before a chosen exit
        # code: "found" (1) stands only if what was found was printed whole.
        try:
            result = super().invoke(ctx)
        except typer.Exit:
            render.finish()
            raise
        render.finish()
        return result


def _fail(message: str, code: int = FAILED):
    sys.stderr.write(f"claims: error: {render.safe_line(message)}\n")
    sys.stderr.flush()
    raise typer.Exit(code)


def _environment(exc: OSError) -> str:
    where = f": {exc.filename}" if exc.filename else ""
    return f"{exc.strerror or exc}{where}"


app = typer.Typer(
    cls=_GuardedGroup,
    help="Who said what, where, and whether it clashes with what was said before.",
    no_args_is_help=True,
    # --install-completion / --show-completion for bash, zsh, fish and PowerShell
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

# Defaults from the environment are declared on the options (and shown in their help), read
# when the command runs.
DB_ENV = "CLAIMS_DB"
RTL_ENV = "CLAIMS_RTL"

DbOption = Annotated[
    str | None,
    typer.Option("--db", envvar=DB_ENV, show_envvar=True, metavar="STORE",
                 help="Store: a .json or .sqlite file, or a postgresql:// URL "
                      "[default: claims.json in the current folder].",
                 show_default=False),
]
# One convention for every command: --json prints one JSON document (an object or an array,
# the same shape for every run of that command); --jsonl, where a command streams, one JSON
# object a line.
JsonOption = Annotated[bool, typer.Option(
    "--json", help="Print one JSON document instead of a table.")]
JsonlOption = Annotated[bool, typer.Option(
    "--jsonl", help="Print one JSON object a line instead of a table (for logs and pipes).")]
ClaimIdArgument = Annotated[str, typer.Argument(help="Claim ID, or a unique prefix of it.")]


def show_rtl(mode: bidi.RtlMode) -> None:
    """Print right-to-left text in visual order from now on if `mode` says so here."""
    render.set_rtl(bidi.enabled(mode, env=os.environ, isatty=sys.stdout.isatty()))


def _rtl_after_command(ctx: typer.Context, value: bidi.RtlMode | None) -> None:
    if value is not None and not ctx.resilient_parsing:
        show_rtl(value)


# Every command takes --rtl after its name too (`claims show 3fa2 --rtl on`); the value goes
# straight to the renderer, so the commands' functions never see it.
RtlOption = Annotated[bidi.RtlMode | None, typer.Option(
    "--rtl", expose_value=False, callback=_rtl_after_command, case_sensitive=False,
    help="As `claims --rtl`, given after the command: auto, on or off.", show_default=False)]


def _print_version(value: bool) -> None:
    if value:
        from factcheck import __version__

        typer.echo(f"claims {__version__} ({DISTRIBUTION})")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option(
        "--version", is_eager=True, expose_value=False, callback=_print_version,
        help="Print the version and exit.")] = False,
    rtl: Annotated[bidi.RtlMode, typer.Option(
        "--rtl", envvar=RTL_ENV, show_envvar=True, case_sensitive=False,
        help="Print Arabic in visual order for terminals without bidi: auto (only where the "
             "terminal is known to need it), on or off.")] = bidi.RtlMode.AUTO,
):
    """Who said what, where, and whether it clashes with what was said before.

    Example: claims --rtl on list --speaker بيسكوف
    """
    show_rtl(rtl)
    # The setting lives in render for this one command; an in-process caller (the tests) must
    # not inherit it.
    ctx.call_on_close(lambda: render.set_rtl(False))
