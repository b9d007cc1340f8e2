"""`claims doctor`: the records of the wrong shape listed and, with --fix, set aside."""

from typing import Annotated

import typer
from rich.table import Table

from factcheck import doctor
from factcheck.cli import render
from factcheck.cli.app import DbOption, JsonOption, RtlOption, app
from factcheck.errors import InputError
from factcheck.paths import db_location
from factcheck.sqlstore import is_sql
from factcheck.store import Store


@app.command("doctor")
def doctor_cmd(
    fix: Annotated[bool, typer.Option(
        "--fix", help="Move the bad records into a quarantine file beside the database "
                      "(claims.json.quarantine-TIME.json, never removed) so every command "
                      "works again.")] = False,
    db: DbOption = None,
    json: JsonOption = False,
    rtl: RtlOption = None,
):
    """List the stored records of the wrong shape, which every other command refuses.

    Exit 0 when there are none (or --fix set them aside), 1 when there are.

    Example: claims doctor --fix
    """
    location = db_location(db)
    if is_sql(location):
        # A SQL store checks each record as it reads it and names the bad one; mending it
        # record by record is still to come.
        raise InputError(f"claims doctor mends JSON stores; {location} is a SQL store")
    store = Store(location)
    if fix and store.path.exists():  # no store to mend is no reason to make one
        with store.write(check=False) as database:
            found = doctor.set_aside(database, doctor.diagnose(database))
    else:
        found = doctor.diagnose(store.read(check=False))
    if json:
        render.print_json(found.to_dict())
    else:
        _show(found)
    if found.problems and found.set_aside is None:
        raise typer.Exit(1)


def _show(found: doctor.Diagnosis) -> None:
    if not found.problems:
        render.note(f"{found.store}: every record has the right shape")
        return
    title = f"{len(found.problems)} bad records in {found.store.name}"
    table = Table(title=render.safe(title), show_lines=False)
    for column in ("table", "id", "problem"):
        table.add_column(column)
    for problem in found.problems:
        table.add_row(render.text(problem.table),
                      render.text("(whole table)" if problem.key is None else problem.key),
                      render.text(problem.message))
    render.console().print(table)
    if found.set_aside:
        render.note(f"set {len(found.problems)} aside in {found.set_aside}; the database "
                    f"holds the rest")
    else:
        render.note("run `claims doctor --fix` to set them aside")
