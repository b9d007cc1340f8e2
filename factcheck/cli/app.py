"""The root command, its shared options, and the one error boundary."""

import os
import sys
from typing import Annotated

import typer
from typer.core import TyperGroup

from factcheck import bidi
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
    add_completion=False,
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


@app.callback()
def main(
    ctx: typer.Context,
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
