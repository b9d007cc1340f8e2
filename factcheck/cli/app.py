"""The root command, its shared options, and the one error boundary."""

import os
import sys
from typing import Annotated

import typer
from typer.core import TyperGroup

from factcheck import DISTRIBUTION, __version__, bidi
from factcheck.cli import render
from factcheck.errors import FactcheckError


class _GuardedGroup(TyperGroup):
    """Turns domain errors from any subcommand into one line on stderr and an exit code.

    Everything else is a bug and keeps its traceback.
    """

    def invoke(self, ctx: typer.Context):
        try:
            return super().invoke(ctx)
        except FactcheckError as exc:
            typer.echo(f"claims: error: {exc}", err=True)
            raise typer.Exit(exc.exit_code) from None


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

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database file [default: $CLAIMS_DB, else ./claims.json].",
                 show_default=False),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
ClaimIdArgument = Annotated[str, typer.Argument(help="Claim ID, or a unique prefix of it.")]


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"claims {__version__} ({DISTRIBUTION})")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option(
        "--version", is_eager=True, expose_value=False, callback=_print_version,
        help="Print the version and exit.")] = False,
    rtl: Annotated[bidi.RtlMode | None, typer.Option(
        "--rtl", help="Print Arabic in visual order for terminals without bidi: auto, on or off "
                      "[default: $CLAIMS_RTL, else auto].", show_default=False)] = None,
):
    """Who said what, where, and whether it clashes with what was said before.

    Example: claims --rtl on list --speaker بيسكوف
    """
    mode = bidi.mode_from(rtl, os.environ)
    render.set_rtl(bidi.enabled(mode, env=os.environ, isatty=sys.stdout.isatty()))
    # The setting lives in render for this one command; an in-process caller (the tests) must
    # not inherit it.
    ctx.call_on_close(lambda: render.set_rtl(False))
