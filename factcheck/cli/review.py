"""Commands for the reviewer's decisions and for publishing: review, history, resolve, export,
import."""

import getpass
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from factcheck import edit as editing
from factcheck import export as exporting
from factcheck import factchecks, urls
from factcheck import review as reviewing
from factcheck.cli import render
from factcheck.cli.app import ClaimIdArgument, DbOption, JsonOption, RtlOption, app
from factcheck.errors import InputError
from factcheck.paths import db_location
from factcheck.review import Status, Triage, Verdict
from factcheck.store import open_store

PUBLISHER_ENV = "CLAIMS_PUBLISHER"
PUBLISHER_URL_ENV = "CLAIMS_PUBLISHER_URL"

ReviewerOption = Annotated[str | None, typer.Option(
    envvar="CLAIMS_REVIEWER", show_envvar=True,
    help="Who decides [default: the account's login name].", show_default=False)]
NoteOption = Annotated[str | None, typer.Option(help="Why: kept in the history.")]


def reviewer_name(explicit: str | None) -> str:
    # The login name as getpass finds it ($LOGNAME, $USER, ..., else the password database), so
    # a cron job with a bare environment is still someone; never a prompt.
    if explicit:
        return explicit
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        raise InputError("who is reviewing? this account has no login name: give --reviewer "
                         "NAME") from None


@app.command("review")
def review_cmd(
    claim_id: ClaimIdArgument,
    verdict: Annotated[Verdict | None, typer.Option(help="The rating.")] = None,
    note: NoteOption = None,
    url: Annotated[str | None, typer.Option(
        help="Where the fact-check is published (needed for ClaimReview).")] = None,
    rating_label: Annotated[str | None, typer.Option(
        help="The desk's own wording of the verdict, e.g. 'مضلل'.")] = None,
    status: Annotated[Status | None, typer.Option(
        help="Where the fact-check stands: new, in-progress, published.")] = None,
    assign: Annotated[str | None, typer.Option(
        "--assign", help="Who is checking it; an empty \"\" unassigns.")] = None,
    title: Annotated[str | None, typer.Option(
        help="The fact-check's headline (ClaimReview headline).")] = None,
    summary: Annotated[str | None, typer.Option(
        help="The claim as the fact-check states it (ClaimReview claimReviewed).")] = None,
    lang: Annotated[str | None, typer.Option(
        help="The fact-check's language, e.g. ar or en [default: the claim's].",
        show_default=False)] = None,
    publish: Annotated[bool | None, typer.Option(
        "--publish/--unpublish",
        help="Publish it (export --format claimreview carries it), or take it back to "
             "in-progress.", show_default=False)] = None,
    undo: Annotated[bool, typer.Option(
        "--undo", help="Take back the last change to this claim's review.")] = False,
    reviewer: ReviewerOption = None,
    db: DbOption = None,
    json: JsonOption = False,
    rtl: RtlOption = None,
):
    """Rate a claim and move its fact-check along; each change (who, when, what) is kept.

    Give an empty --note "" (or --url, --title, --summary, --assign) to clear it. A fact-check
    is published only with a verdict and its --url.

    Example: claims review 3fa2 --verdict false --url https://desk.example/checks/41 --publish
    """
    who = reviewer_name(reviewer)
    if publish is not None and status is not None:
        raise InputError("give --status or --publish/--unpublish, not both")
    if publish is not None:
        status = Status.PUBLISHED if publish else Status.IN_PROGRESS
    changes = (verdict, note, url, rating_label, status, assign, title, summary, lang)
    if undo and any(v is not None for v in changes):
        raise InputError("--undo takes back the last change; give no other change with it")
    if not undo and all(v is None for v in changes):
        raise InputError("give --verdict (" + ", ".join(v.value for v in Verdict) + "), "
                         "another field (--status, --assign, --title, --summary, --lang, "
                         "--note, --url, --publish) or --undo")
    with open_store(db_location(db)).write() as database:
        before = reviewing.history(database, claim_id)
        if undo:
            record = reviewing.undo(database, claim_id, reviewer=who)
        else:
            record = reviewing.review(database, claim_id, verdict=verdict, note=note, url=url,
                                      reviewer=who, rating_label=rating_label, status=status,
                                      assignee=assign, title=title, summary=summary,
                                      lang=lang)
        claim = database.claims.get(record["claim"])
    if json:
        render.print_json(record)
        return
    if len(record["history"]) == len(before):
        render.note(f"claim {record['claim']}: nothing changed")
    render.console().print(review_table([(claim, record)]))


def review_table(pairs: list[tuple[dict, dict]], *, title: str | None = None) -> Table:
    table = Table(title=title, show_lines=True)
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("speaker")
    table.add_column("content", ratio=3)
    table.add_column("verdict", no_wrap=True)
    table.add_column("status")
    table.add_column("fact-check", ratio=2)
    table.add_column("reviewed")
    for claim, rec in pairs:
        table.add_row(render.text(claim["id"][:8]), render.speaker_cell(claim),
                      render.text(claim["content"]["text"]), verdict_cell(rec),
                      status_cell(rec), _note_cell(rec), _reviewed_cell(rec))
    return table


def status_cell(rec: dict) -> Text:
    """The review's status, and who it is assigned to."""
    current = reviewing.status_of_record(rec)
    style = {Status.PUBLISHED: "bold green", Status.IN_PROGRESS: "yellow"}.get(current, "dim")
    cell = render.text(current.value, style)
    if rec.get("assignee"):
        cell.append("\n→ " + render.safe(rec["assignee"]))
    return cell


def verdict_cell(rec: dict) -> Text:
    if not rec.get("verdict"):
        return render.text("(none)", "dim")
    style = {"true": "green", "mostly-true": "green", "false": "bold red",
             "mostly-false": "red"}.get(rec["verdict"], "yellow")
    cell = render.text(rec["verdict"], style)
    if rec.get("rating_label"):
        cell.append("\n" + render.safe(rec["rating_label"]))
    return cell


def _reviewed_cell(rec: dict) -> Text:
    at = rec.get("reviewed") or ""
    return render.text(f"{rec.get('reviewer') or ''}\n{at[:10]} {at[11:16]}".strip())


def _note_cell(rec: dict) -> Text:
    """The fact-check as it goes out: headline, summary, language, the note and the URL."""
    cell = render.text("")
    lines = [(rec.get("title"), "bold"), (rec.get("summary"), ""),
             (rec.get("lang") and f"[{rec['lang']}]", "dim"), (rec.get("note"), ""),
             (rec.get("url"), "dim")]
    for value, style in lines:
        if value:
            cell.append(("\n" if cell.plain else "") + render.safe(value), style=style)
    return cell


@app.command("queue")
def queue_cmd(
    status: Annotated[Status | None, typer.Option(
        help="Only fact-checks with this status: new, in-progress, published.")] = None,
    assignee: Annotated[str | None, typer.Option(
        help="Only those assigned to this name; an empty \"\" for those assigned to nobody.")]
    = None,
    db: DbOption = None,
    json: JsonOption = False,
    rtl: RtlOption = None,
):
    """List the desk's fact-checks with status, assignee, verdict and headline, latest first.

    Example: claims queue --status in-progress --assignee salim
    """
    database = open_store(db_location(db)).read()
    records = reviewing.queue(database, status=status, assignee=assignee)
    pairs = [(database.claims.get(r["claim"]), r) for r in records]
    if json:
        render.print_json([{**r, "content": c["content"]["text"],
                            "speaker": (c.get("speaker") or {}).get("name")} for c, r in pairs])
        return
    plural = "s" if len(pairs) != 1 else ""
    render.console().print(review_table(pairs, title=f"{len(pairs)} fact-check{plural}"))


@app.command("history")
def history_cmd(
    claim_id: ClaimIdArgument,
    db: DbOption = None,
    json: JsonOption = False,
    rtl: RtlOption = None,
):
    """Show every change made to a claim, its corrections and its review: when, who, what.

    Each change says what it was made to (`of`): the claim (a correction with `claims edit`,
    or its deletion; a deleted claim by its full ID) or its review.

    Example: claims history 3fa2
    """
    database = open_store(db_location(db)).read()
    full, entries = editing.claim_history(database, claim_id)
    if json:
        render.print_json(entries)
        return
    if not entries:
        render.note(f"claim {full} has not been reviewed or corrected")
        return
    render.console().print(changes_table(entries,
                                         title=f"claim {full}: {len(entries)} changes"))


def changes_table(entries: list[dict], *, title: str) -> Table:
    """History entries (a review's, a claim's corrections): when, who, and what changed; and
    what each was made to, where the entries say (`of`)."""
    table = Table(title=title, show_lines=True)
    marked = any("of" in e for e in entries)
    for name in ("when", "who", *(("of",) if marked else ()), "action", "what changed"):
        table.add_column(name)
    for entry in entries:
        of = (render.text(entry.get("of") or ""),) if marked else ()
        table.add_row(render.text(entry["at"]), render.text(entry["by"]), *of,
                      render.text(entry.get("action") or "review"), _changes_cell(entry))
    return table


def _changes_cell(entry: dict) -> Text:
    lines = [f"{field}: {_shown(old)} → {_shown(new)}"
             for field, (old, new) in entry["changes"].items()]
    if entry.get("note"):
        lines.append(f"note: {entry['note']}")
    return render.text("\n".join(lines))


def _shown(value) -> str:
    return "—" if value is None else str(value)


@app.command("resolve")
def resolve_cmd(
    contradiction_id: Annotated[str, typer.Argument(
        help="Contradiction ID, or a unique prefix of it.")],
    confirm: Annotated[bool, typer.Option("--confirm", help="They do contradict.")] = False,
    dismiss: Annotated[bool, typer.Option(
        "--dismiss", help="They do not; the pair is not flagged again.")] = False,
    reopen: Annotated[bool, typer.Option(
        "--reopen", help="Undo a confirm or dismiss: back to the queue.")] = False,
    note: NoteOption = None,
    reviewer: ReviewerOption = None,
    db: DbOption = None,
    json: JsonOption = False,
    rtl: RtlOption = None,
):
    """Confirm or dismiss a flagged contradiction, or reopen it; kept in its history.

    Example: claims resolve 9c1e --dismiss --note "different visits"
    """
    chosen = [t for t, flag in ((Triage.CONFIRM, confirm), (Triage.DISMISS, dismiss),
                                (Triage.REOPEN, reopen)) if flag]
    if len(chosen) != 1:
        raise InputError("give exactly one of --confirm, --dismiss, --reopen")
    # Here, not at the top: `review` of a verdict needs neither the contradiction code nor the
    # extractor these bring.
    from factcheck.cli.contradictions import contradictions_table
    from factcheck.contradict import with_claims

    who = reviewer_name(reviewer)
    with open_store(db_location(db)).write() as database:
        record = reviewing.resolve(database, contradiction_id, status=chosen[0], note=note,
                                   reviewer=who)
        shown = with_claims(database, record)
    if json:
        render.print_json(shown)
        return
    last = record["history"][-1]
    render.console().print(contradictions_table(
        [shown], title=f"{last['from']} → {last['to']} by {last['by']}"))


@app.command("export")
def export_cmd(
    format: Annotated[exporting.Format, typer.Option(
        "--format", help="claimreview (JSON-LD for publishing), jsonl (for `claims import`) "
                         "or csv (spreadsheets).")] = exporting.Format.CLAIMREVIEW,
    verdict: Annotated[list[Verdict] | None, typer.Option(
        help="Only claims with this verdict (repeat for several).")] = None,
    since: Annotated[str | None, typer.Option(
        help="Only claims published, added or reviewed on or after this day, YYYY-MM-DD.")]
    = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write to this file (whole or not at all) instead of stdout.")]
    = None,
    publisher: Annotated[str | None, typer.Option(
        envvar=PUBLISHER_ENV, show_envvar=True,
        help=f"ClaimReview author [default: '{exporting.DEFAULT_PUBLISHER}'].",
        show_default=False)] = None,
    publisher_url: Annotated[str | None, typer.Option(
        envvar=PUBLISHER_URL_ENV, show_envvar=True, help="The publisher's home page.")] = None,
    db: DbOption = None,
    rtl: RtlOption = None,
):
    """Export claims as ClaimReview JSON-LD, JSON lines or CSV.

    Example: claims export --format claimreview --verdict false --since 2025-07-01 -o reviews.json
    """
    urls.checked(publisher_url, what="--publisher-url")  # published as the author's url
    database = open_store(db_location(db)).read()
    desk = exporting.Publisher(publisher or exporting.DEFAULT_PUBLISHER, publisher_url or None)
    result = exporting.export(database, fmt=format, verdicts=verdict or [], since=since,
                              publisher=desk)
    if output is None:
        render.write_bytes(result.data, durable=True)
    else:
        exporting.write_atomic(output, result.data)
    for claim_id, why in result.left_out.items():
        render.note(f"left out claim {claim_id}: {why}")
    if format is exporting.Format.CLAIMREVIEW and result.unpublished:
        count = len(result.unpublished)
        render.note(f"{count} review{'s' if count != 1 else ''} not published: left out "
                    f"(claims review ID --publish)")
    if format is exporting.Format.CLAIMREVIEW and desk.name == exporting.DEFAULT_PUBLISHER:
        render.note(f"author is '{desk.name}': set --publisher or ${PUBLISHER_ENV}")
    if output is not None:
        render.note(f"wrote {result.count} claims to {output}")


@app.command("import")
def import_cmd(
    file: Annotated[str, typer.Argument(
        help="A file written by `claims export --format jsonl`; ClaimReview JSON-LD, a page "
             "or a folder of pages carrying it, or Fact Check Tools JSON; or - for stdin.")],
    db: DbOption = None,
    json: JsonOption = False,
    rtl: RtlOption = None,
):
    """Take in another desk's JSON lines export, or published fact-checks (ClaimReview).

    What is stored already is not added again; review histories are merged. Fact-checks
    (ClaimReview JSON-LD, pages carrying it, Fact Check Tools JSON) are kept as records of
    their own, which check, add and watch set new claims against.

    Example: claims import other-desk.jsonl
    """
    if file != "-" and Path(file).is_dir():
        _import_factchecks(factchecks.read_path(Path(file)), file, db=db, json=json)
        return
    data = sys.stdin.buffer.read() if file == "-" else _read_bytes(file)
    if factchecks.looks_like(data):
        _import_factchecks(factchecks.parse(data, name=file), file, db=db, json=json)
        return
    records = exporting.load_jsonl(data, name=file)
    with open_store(db_location(db)).write() as database:
        result = exporting.import_records(database, records)
    if json:
        render.print_json({"records": len(records), "added": result.added,
                           "updated": result.updated})
        return
    source = "stdin" if file == "-" else Path(file).name
    table = Table(title=f"{source}: {len(records)} claims read")
    for name in ("records", "added", "updated"):
        table.add_column(name if name != "records" else "")
    for name in ("claims", "articles", "speakers", "reviews"):
        table.add_row(render.text(name), render.text(str(result.added.get(name, 0))),
                      render.text(str(result.updated.get(name, 0))))
    render.console().print(table)


def _import_factchecks(records: list[dict], file: str, *, db: str | None, json: bool) -> None:
    """Keep published fact-checks (ClaimReview, Fact Check Tools) as records of their own."""
    with open_store(db_location(db)).write() as database:
        added, updated = factchecks.store(database, records)
    if json:
        render.print_json({"records": len(records), "added": {factchecks.TABLE: added},
                           "updated": {factchecks.TABLE: updated}})
        return
    source = "stdin" if file == "-" else Path(file).name
    table = Table(title=f"{source}: {len(records)} fact-checks read, {added} new, "
                        f"{updated} updated")
    for name in ("id", "claim reviewed", "verdict", "publisher", "language", "url"):
        table.add_column(name, overflow="fold")
    for fc in records:
        table.add_row(render.id_cell(fc), render.text(fc["claim"]),
                      render.text(fc.get("rating") or ""), render.text(fc.get("publisher") or ""),
                      render.text(fc.get("lang") or ""), render.text(fc.get("url") or ""))
    render.console().print(table)


def _read_bytes(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None
