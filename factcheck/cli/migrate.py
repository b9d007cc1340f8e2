"""`claims migrate SRC DST`: copy one store into another, of any backend."""

from typing import Annotated

import typer
from rich.table import Table

from factcheck import migrate as migrating
from factcheck.cli import render
from factcheck.cli.app import JsonOption, RtlOption, app
from factcheck.store import open_store


@app.command("migrate")
def migrate_cmd(
    source: Annotated[str, typer.Argument(
        help="The store to copy: a .json or .sqlite file, or a postgresql:// URL.")],
    destination: Annotated[str, typer.Argument(help="The store to copy it into.")],
    force: Annotated[bool, typer.Option(
        "--force", help="Replace what the destination holds (refused otherwise).")] = False,
    json: JsonOption = False,
    rtl: RtlOption = None,
):
    """Copy every record of one store into another; counts and digests are checked first.

    Example: claims migrate claims.json postgresql://desk@db.example/claims
    """
    result = migrating.migrate(open_store(source), open_store(destination), force=force)
    if json:
        render.print_json(result.to_dict())
        return
    table = Table(title=render.safe(f"{result.source} -> {result.destination}"))
    for column in ("records", "count", "digest"):
        table.add_column(column)
    for kind, tally in result.kinds.items():
        table.add_row(render.text(kind), str(tally.count), tally.to_dict()["digest"][:16])
    render.console().print(table)
    if result.replaced:
        render.note(f"replaced what {result.destination} held: {', '.join(result.replaced)}")
