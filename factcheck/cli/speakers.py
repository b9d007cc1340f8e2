"""The speakers command group: the registry listed, and corrected (alias, merge, split)."""

from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from factcheck import speakers
from factcheck.cli import render
from factcheck.cli.app import DbOption, JsonOption, RtlOption, app
from factcheck.normalize import is_arabic
from factcheck.paths import db_location
from factcheck.store import open_store

# The group's help is the callback's docstring.
speakers_app = typer.Typer(no_args_is_help=False, rich_markup_mode=None)
app.add_typer(speakers_app, name="speakers")


@speakers_app.callback(invoke_without_command=True)
def speakers_cmd(ctx: typer.Context, db: DbOption = None, json: JsonOption = False,
                 rtl: RtlOption = None):
    """List speakers with their names in every script, roles, claim counts, first and last dates.

    Example: claims speakers --json
    """
    if ctx.invoked_subcommand is not None:
        return
    listed = speakers.all_speakers(open_store(db_location(db)).read())
    if json:
        render.print_json([_public(r) for r in listed])
        return
    render.console().print(speakers_table(listed, title=f"{len(listed)} speakers"))


@speakers_app.command("alias")
def alias_cmd(
    name: Annotated[str, typer.Argument(help="A name or ID of the speaker.")],
    alias: Annotated[str, typer.Argument(help="Another name for the same speaker.")],
    db: DbOption = None,
    json: JsonOption = False,
    rtl: RtlOption = None,
):
    """Record one more name for a speaker, so searches and new articles find it.

    Example: claims speakers alias Peskov "Дмитрий Песков"
    """
    with open_store(db_location(db)).write() as database:
        record = speakers.alias(database, name, alias)
        shown = _with_count(database, record)
    _show(shown, json, title=f"{alias!r} is now a name of {record['id']}")


@speakers_app.command("merge")
def merge_cmd(
    a: Annotated[str, typer.Argument(help="The speaker to keep (name or ID).")],
    b: Annotated[str, typer.Argument(help="The speaker to merge into it (name or ID).")],
    db: DbOption = None,
    json: JsonOption = False,
    rtl: RtlOption = None,
):
    """Make two registry entries one speaker, its claims included; `split` undoes it.

    Example: claims speakers merge "Maria Zakharova" "M. Zakharova"
    """
    with open_store(db_location(db)).write() as database:
        record = speakers.merge(database, a, b)
        shown = _with_count(database, record)
    _show(shown, json, title=f"merged into {record['id']}")


@speakers_app.command("split")
def split_cmd(
    speaker: Annotated[str, typer.Argument(help="The merged speaker (name or ID).")],
    part: Annotated[str, typer.Argument(help="A name or ID of the speaker merged into it.")],
    db: DbOption = None,
    json: JsonOption = False,
    rtl: RtlOption = None,
):
    """Undo a merge: the speaker merged in gets back its names, roles and claims.

    Example: claims speakers split "Maria Zakharova" "M. Zakharova"
    """
    with open_store(db_location(db)).write() as database:
        restored = speakers.split(database, speaker, part)
        kept = speakers.find(database, speaker)
        shown = [_with_count(database, kept)[0], _with_count(database, restored)[0]]
    _show(shown, json, title=f"split {restored['id']} from {kept['id']}")


def speakers_table(records: list[dict], *, title: str) -> Table:
    table = Table(title=title, show_lines=True, expand=False)
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("names")
    table.add_column("roles")
    table.add_column("claims", justify="right")
    table.add_column("first", no_wrap=True)
    table.add_column("last", no_wrap=True)
    for r in records:
        # Arabic spellings first, then Latin ones: every script the name was seen in.
        spelled = sorted(r["names"], key=lambda n: not is_arabic(n))
        table.add_row(render.text(r["id"]), _lines(spelled), _lines(r["roles"]),
                      render.text(str(r["claims"])), render.text((r.get("first") or "")[:10]),
                      render.text((r.get("last") or "")[:10]))
    return table


def _lines(values: list[str]) -> Text:
    return render.text("\n".join(values))


def _with_count(database, record: dict) -> list[dict]:
    counts = speakers.claim_counts(database)
    return [{**record, "claims": counts.get(record["id"], 0)}]


def _public(record: dict) -> dict:
    # What a merge keeps for undoing it is the registry's business, not the listing's.
    out = {k: v for k, v in record.items() if k != "merged"}
    out["merged_from"] = [m["speaker"]["id"] for m in record.get("merged") or []]
    return out


def _show(records: list[dict], json: bool, *, title: str) -> None:
    if json:
        render.print_json([_public(r) for r in records])
        return
    render.console().print(speakers_table(records, title=title))
