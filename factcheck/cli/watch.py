"""The watch command: read feeds, pages and folders from cron, store what is new, alert."""

from datetime import date
from typing import Annotated

import typer
from rich.table import Table

from factcheck import dates
from factcheck.cli import render
from factcheck.cli.app import DbOption, JsonlOption, JsonOption, RtlOption, app
from factcheck.cli.contradictions import factchecked_table
from factcheck.errors import InputError
from factcheck.fetch import DEFAULT_TIMEOUT
from factcheck.paths import db_location
from factcheck.store import DEFAULT_LOCK_TIMEOUT, open_store
from factcheck.watch import SourceStatus, WatchResult, read_sources_file, watch

EXIT_QUIET, EXIT_CONTRADICTIONS, EXIT_FAILED = 0, 1, 2
_STAGES = {"fetch": "fetching sources", "pages": "fetching linked pages",
           "extract": "extracting claims"}


@app.command("watch")
def watch_cmd(
    sources: Annotated[list[str] | None, typer.Argument(
        help="Feed URLs or files (RSS/Atom), page URLs, or folders of .txt/.html/.md.",
        show_default=False)] = None,
    sources_file: Annotated[str | None, typer.Option(
        "--sources", help="File listing sources, one a line; # starts a comment.")] = None,
    since: Annotated[str | None, typer.Option(
        help="Skip items dated before this day, YYYY-MM-DD (folder files: by mtime).")] = None,
    timeout: Annotated[float, typer.Option(
        min=0.1, help="Seconds to wait for each server before giving up on it.")
    ] = DEFAULT_TIMEOUT,
    max_items: Annotated[int | None, typer.Option(
        min=1, help="At most this many new items from each source; the rest wait for the "
                    "next run.")] = None,
    lock_timeout: Annotated[float, typer.Option(
        min=0, help="Seconds to wait for another claims process to release the database.")
    ] = DEFAULT_LOCK_TIMEOUT,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="Print nothing when nothing is new (for cron: no mail); "
                              "failures still go to stderr.")] = False,
    db: DbOption = None,
    json: JsonOption = False,
    jsonl: JsonlOption = False,
    rtl: RtlOption = None,
):
    """Store new articles' claims from feeds, pages, folders; exit 1 on new contradictions.

    New claims that repeat or contradict an imported fact-check are reported (and exit 1) too.
    --json prints one object (sources, articles, contradictions, factchecked, summary); --jsonl
    the same as one object a line, each with its "type", the summary last.

    Example: claims watch https://example.com/rss.xml ./inbox --sources feeds.txt --jsonl --quiet
    """
    if json and jsonl:
        raise InputError("give --json or --jsonl, not both")
    wanted = list(sources or [])
    if sources_file:
        wanted += read_sources_file(sources_file)
    if not wanted:
        raise InputError("no sources: give feed URLs, pages or folders, or --sources FILE")
    store = open_store(db_location(db), lock_timeout=lock_timeout)
    with render.ProgressBar(_STAGES) as on_progress:
        result = watch(list(dict.fromkeys(wanted)), store=store, since=_day(since),
                       max_items=max_items, timeout=timeout, on_progress=on_progress)
    code = _exit_code(result)
    _report_problems(result)
    if quiet and not _anything_new(result):
        raise typer.Exit(code)
    if json:
        render.print_json(_document(result, code))
    elif jsonl:
        for record in _records(result, code):
            render.print_jsonl(record)
    else:
        _print_tables(result)
    raise typer.Exit(code)


def _anything_new(result: WatchResult) -> bool:
    # A failure is news too, but stderr carries it (and cron mails it) whatever --quiet says.
    return bool(result.articles or result.contradictions or result.factchecked)


def _day(value: str | None) -> date | None:
    if value is None:
        return None
    return dates.parse_date(value, what="--since")


def _exit_code(result: WatchResult) -> int:
    if result.failed:
        return EXIT_FAILED
    found = result.contradictions or result.factchecked
    return EXIT_CONTRADICTIONS if found else EXIT_QUIET


def _report_problems(result: WatchResult) -> None:
    # On stderr in every mode, so cron mails them even when stdout goes to the alerting.
    for report in result.sources:
        if report.status is SourceStatus.FAILED:
            _one_line_note(f"claims: watch: failed: {report.error}")
        for failure in report.failures:
            _one_line_note(f"claims: watch: failed: {failure}")
        for warning in report.warnings:
            _one_line_note(f"claims: watch: warning: {warning}")


def _one_line_note(message: str) -> None:
    # One line however narrow the terminal, so cron mail and log greps see whole messages.
    render.console(stderr=True).print(render.text(message), soft_wrap=True)


def _records(result: WatchResult, code: int) -> list[dict]:
    """What a run found, one record each, with its "type"; the summary last."""
    return [*({"type": "source", **r} for r in _sources(result)),
            *({"type": "article", **a} for a in _articles(result)),
            *({"type": "contradiction", **c} for c in _contradictions(result)),
            *({"type": "factchecked", **m.to_dict()} for m in result.factchecked),
            {"type": "summary", **_totals(result), "exit": code}]


def _document(result: WatchResult, code: int) -> dict:
    return {"sources": _sources(result), "articles": _articles(result),
            "contradictions": _contradictions(result),
            "factchecked": [m.to_dict() for m in result.factchecked],
            "summary": {**_totals(result), "exit": code}}


def _sources(result: WatchResult) -> list[dict]:
    return [report.to_dict() for report in result.sources]


def _articles(result: WatchResult) -> list[dict]:
    return [{"id": added.article["id"], "url": added.article.get("url"),
             "path": added.article.get("path"), "title": added.article.get("title"),
             "outlet": added.article.get("outlet"), "published": added.article.get("published"),
             "claims": [c["id"] for c in added.claims]} for added in result.articles]


def _contradictions(result: WatchResult) -> list[dict]:
    out = []
    for found in result.contradictions:
        record = found["contradiction"]
        out.append({"id": record["id"], "relation": record.get("relation"),
                    "score": record.get("score"), "reasons": record.get("reasons"),
                    "status": record.get("status"), "a": _claim_summary(found["a"]),
                    "b": _claim_summary(found["b"])})
    return out


def _claim_summary(claim: dict | None) -> dict | None:
    if claim is None:
        return None
    keys = ("id", "article", "url", "path", "outlet", "published", "title", "negated",
            "modality", "context", "lang")
    return {"speaker": claim["speaker"].get("name"), "cue": claim["cue"]["text"],
            "content": claim["content"]["text"], **{k: claim.get(k) for k in keys}}


def _totals(result: WatchResult) -> dict:
    return {
        "sources": len(result.sources),
        "failed": sum(r.status is SourceStatus.FAILED for r in result.sources),
        "items": sum(r.items for r in result.sources),
        "new": sum(r.new for r in result.sources),
        "known": sum(r.known for r in result.sources),
        "pending": sum(r.pending for r in result.sources),
        "claims": sum(r.claims for r in result.sources),
        "contradictions": len(result.contradictions),
    }


def _print_tables(result: WatchResult) -> None:
    con = render.console()
    table = Table(title="sources", show_lines=False)
    table.add_column("source", overflow="fold")
    for column in ("kind", "status"):
        table.add_column(column, no_wrap=True)
    for column in ("items", "new", "known", "claims"):
        table.add_column(column, justify="right", no_wrap=True)
    for r in result.sources:
        status = render.text(r.status.value, "red" if r.status is SourceStatus.FAILED else None)
        table.add_row(render.text(r.source), render.text(r.kind.value if r.kind else "-"),
                      status, str(r.items), str(r.new), str(r.known), str(r.claims))
    con.print(table)
    for found in result.contradictions:
        con.print(_contradiction_table(found))
    if result.factchecked:
        con.print(factchecked_table(result.factchecked,
                                    title=f"{len(result.factchecked)} already fact-checked"))
    totals = _totals(result)
    con.print(render.text(
        f"{totals['sources']} sources read ({totals['failed']} failed), {totals['new']} new "
        f"items, {totals['claims']} claims stored, {totals['contradictions']} new "
        f"contradictions" + (f", {totals['pending']} items left for the next run"
                             if totals["pending"] else "")))


def _contradiction_table(found: dict) -> Table:
    record = found["contradiction"]
    score = record.get("score")
    title = f"contradiction {record['id'][:8]}" + (f" (score {score:.2f})" if score else "")
    table = Table(title=title, show_lines=True)
    table.add_column("", no_wrap=True)
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("speaker")
    table.add_column("content", ratio=3)
    table.add_column("source")
    for side in ("a", "b"):
        claim = found[side]
        if claim is None:
            continue
        table.add_row(side, render.text(claim["id"][:8]), render.speaker_cell(claim),
                      render.content_cell(claim), render.source_cell(claim))
    reasons = record.get("reasons") or []
    if reasons:
        table.caption = render.safe("; ".join(str(r) for r in reasons))
    return table
