"""`claims doctor`: the records of the wrong shape listed and, with --fix, set aside."""

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from factcheck import doctor
from factcheck.cli import render
from factcheck.cli.app import DbOption, JsonOption, RtlOption, app
from factcheck.paths import db_location
from factcheck.sqlstore import is_sql
from factcheck.store import open_store


@app.command("doctor")
def doctor_cmd(
    fix: Annotated[bool, typer.Option(
        "--fix", help="Move the bad records into a quarantine file beside the database, "
                      "with the dates as they were before --fix made them ISO "
                      "(claims.json.quarantine-TIME.json, never removed; for PostgreSQL in "
                      "the current folder) so every command works again.")] = False,
    db: DbOption = None,
    json: JsonOption = False,
    rtl: RtlOption = None,
):
    """List stored records of the wrong shape, and dates stored as typed (14/11/2022).

    Every other command refuses a bad record; every --since misses a date stored as typed.

    Exit 0 when there are none (or --fix set them aside), 1 when there are.

    Example: claims doctor --fix
    """
    location = db_location(db)
    sql = is_sql(location)
    store = open_store(location)
    # A server is always there; a file that is not is no store to mend, nor to make.
    there = store.path is None or store.path.exists()
    # Read unchecked: a JSON store checks when it parses, a SQL one as each record is loaded
    # (which `tables()` does not).
    unchecked = {} if sql else {"check": False}
    if fix and there:
        with store.write(**unchecked) as database:
            found = doctor.set_aside(database, doctor.diagnose(database, store=str(database.path)),
                                     beside=store.path or Path.cwd() / "claims")
    elif there:
        database = store.read(**unchecked)
        found = doctor.diagnose(database, store=str(database.path))
    else:
        found = doctor.Diagnosis(str(store.path), [])
    if json:
        render.print_json(found.to_dict())
    else:
        _show(found)
    if not found.healthy and found.set_aside is None:
        raise typer.Exit(1)


def _show(found: doctor.Diagnosis) -> None:
    if found.healthy:
        render.note(f"{found.store}: every record has the right shape")
        return
    if found.problems:
        _show_problems(found)
    if found.mends:
        _show_mends(found)
    if found.set_aside:
        render.note(f"set {len(found.problems)} records aside and mended {len(found.mends)} "
                    f"dates; what they were is kept in {found.set_aside}")
    else:
        render.note("run `claims doctor --fix` to set them aside")


def _show_mends(found: doctor.Diagnosis) -> None:
    title = f"{len(found.mends)} dates not in ISO form in {Path(found.store).name}"
    table = Table(title=render.safe(title), show_lines=False)
    for column in ("table", "id", "field", "stored", "made"):
        table.add_column(column)
    for mend in found.mends:
        table.add_row(render.text(mend.table), render.text(mend.key), render.text(mend.field),
                      render.text(mend.stored), render.text(mend.mended or "unknown (null)"))
    render.console().print(table)


def _show_problems(found: doctor.Diagnosis) -> None:
    title = f"{len(found.problems)} bad records in {Path(found.store).name}"
    table = Table(title=render.safe(title), show_lines=False)
    for column in ("table", "id", "problem"):
        table.add_column(column)
    for problem in found.problems:
        table.add_row(render.text(problem.table),
                      render.text("(whole table)" if problem.key is None else problem.key),
                      render.text(problem.message))
    render.console().print(table)
