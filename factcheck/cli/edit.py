"""Commands that correct a stored claim by hand: edit (and undo), delete."""

from typing import Annotated

import typer
from rich.table import Table

from factcheck import edit as editing
from factcheck.cli import render
from factcheck.cli.app import ClaimIdArgument, DbOption, JsonOption, RtlOption, app
from factcheck.cli.review import ReviewerOption, changes_table, reviewer_name
from factcheck.errors import InputError
from factcheck.paths import db_location
from factcheck.store import open_store


@app.command("edit")
def edit_cmd(
    claim_id: ClaimIdArgument,
    speaker: Annotated[str | None, typer.Option(
        help="Who said it; an empty \"\" makes the claim unattributed.")] = None,
    role: Annotated[str | None, typer.Option(help="The speaker's role or title.")] = None,
    cue: Annotated[str | None, typer.Option(help="The word that reports it (said, قال).")]
    = None,
    content: Annotated[str | None, typer.Option(help="What was said, cut where it should be.")]
    = None,
    context: Annotated[str | None, typer.Option(
        help="What it answered (\"asked about\"); an empty \"\" clears it.")] = None,
    negated: Annotated[bool | None, typer.Option(
        "--negated/--not-negated", help="Whether the claim denies what it says.",
        show_default=False)] = None,
    direct: Annotated[bool | None, typer.Option(
        "--direct/--indirect", help="A quotation, or reported speech.", show_default=False)]
    = None,
    undo: Annotated[bool, typer.Option(
        "--undo", help="Take back the last correction of this claim.")] = False,
    reviewer: ReviewerOption = None,
    db: DbOption = None,
    json: JsonOption = False,
    rtl: RtlOption = None,
):
    """Correct a stored claim; each correction (who, when, what) is kept in its history.

    Search, check, matching and every export read the corrected fields from then on.

    Example: claims edit 3fa2 --speaker "دميتري بيسكوف" --context "زيارة كيم جونغ أون لروسيا"
    """
    wanted = {"speaker": speaker, "role": role, "cue": cue, "content": content,
              "context": context, "negated": negated, "direct": direct}
    given = {k: v for k, v in wanted.items() if v is not None}
    if undo and given:
        raise InputError("--undo takes back the last correction; give no other change with it")
    if not undo and not given:
        raise InputError("give a field to correct (--speaker, --role, --cue, --content, "
                         "--context, --negated, --direct) or --undo")
    who = reviewer_name(reviewer)
    with open_store(db_location(db)).write() as database:
        before = editing.history(database, claim_id)
        if undo:
            record = editing.undo(database, claim_id, editor=who)
        else:
            record = editing.edit(database, claim_id, given, editor=who)
        claim = database.claims.get(record["claim"])
    if json:
        render.print_json({"claim": claim, "history": record["history"]})
        return
    if len(record["history"]) == len(before):
        render.note(f"claim {record['claim']}: nothing changed")
    render.console().print(render.claims_table([claim], with_id=True, with_source=True))
    if record["history"]:
        render.console().print(changes_table(record["history"][-1:],
                                             title=f"claim {claim['id']}: last correction"))


@app.command("delete")
def delete_cmd(
    claim_id: ClaimIdArgument,
    note: Annotated[str | None, typer.Option(help="Why: kept with the tombstone.")] = None,
    reviewer: ReviewerOption = None,
    db: DbOption = None,
    json: JsonOption = False,
    rtl: RtlOption = None,
):
    """Delete a stored claim: lists, search, check and exports leave it out; a tombstone stays.

    Example: claims delete 3fa2 --note "not a claim: a headline"
    """
    who = reviewer_name(reviewer)
    with open_store(db_location(db)).write() as database:
        tombstone = editing.delete(database, claim_id, editor=who, note=note)
    if json:
        render.print_json(tombstone)
        return
    table = Table(title=f"claim {tombstone['id']} deleted", show_lines=True)
    for name in ("id", "speaker", "content", "by", "when", "note"):
        table.add_column(name)
    claim = tombstone["claim"]
    table.add_row(render.id_cell(claim), render.speaker_cell(claim), render.content_cell(claim),
                  render.text(tombstone["by"]), render.text(tombstone["at"]),
                  render.text(tombstone["note"] or ""))
    render.console().print(table)
