"""The search command: stored claims ranked by fuzzy relevance, matched words highlighted."""

from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from factcheck import factchecks
from factcheck.cli import render
from factcheck.cli.app import DbOption, JsonOption, RtlOption, app
from factcheck.paths import db_location
from factcheck.search import Hit, Lang, search
from factcheck.store import open_store

HIGHLIGHT = "bold black on yellow"


@app.command("search")
def search_cmd(
    query: Annotated[str, typer.Argument(
        help="Words to look for in content, context and speaker names, any script.")] = "",
    speaker: Annotated[str | None, typer.Option(
        help="Only claims by this speaker, in any spelling or script.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Only claims from outlets with this in "
                                                    "their name.")] = None,
    since: Annotated[str | None, typer.Option(help="Only claims published on or after this "
                                                   "date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Only claims published on or before this "
                                                   "date, YYYY-MM-DD.")] = None,
    lang: Annotated[Lang | None, typer.Option(help="Only claims in this language.")] = None,
    negated: Annotated[bool | None, typer.Option(
        "--negated/--not-negated", help="Only negated claims, or only claims not negated.",
        show_default=False)] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many claims.")] = 20,
    checked: Annotated[bool, typer.Option(
        "--checked", help="Search the published fact-checks `claims import` kept instead "
                          "(--speaker is the claimant, --outlet the publisher).")] = False,
    db: DbOption = None,
    json: JsonOption = False,
    rtl: RtlOption = None,
):
    """Find stored claims by fuzzy relevance; exit 0 when found, 1 when nothing is (as grep).

    Example: claims search "لا توجد خطط" --speaker Peskov --since 2025-01-01
    """
    store = open_store(db_location(db))
    where = factchecks.checked_view(store.read()) if checked else store.view()
    hits = [] if where is None else search(
        where, query, speaker=speaker, outlet=outlet, since=since, until=until,
        lang=lang.value if lang else None, negated=negated, limit=limit)
    if checked:
        _show_checked(hits, query=query, json=json)
    elif json:
        render.print_json([hit.to_dict() for hit in hits])
    elif hits:
        render.console().print(hits_table(hits, title=f"{len(hits)} claims for {query!r}"
                                          if query else f"{len(hits)} claims"))
    else:
        render.note("no claims found")
    if not hits:
        raise typer.Exit(1)


def _show_checked(hits: list[Hit], *, query: str, json: bool) -> None:
    """Fact-checks found: the claim reviewed, who made it, the verdict, publisher and URL."""
    kept = factchecks.by_id_of(hits)
    if json:
        render.print_json([{**kept[h.claim["id"]], "score": round(h.score, 1)} for h in hits])
        return
    if not hits:
        render.note("no fact-checks found")
        return
    table = Table(title=f"{len(hits)} fact-checks for {query!r}" if query
                  else f"{len(hits)} fact-checks", show_lines=True)
    for name in ("score", "id", "claimant", "claim reviewed", "verdict", "fact-check"):
        table.add_column(name, overflow="fold")
    for hit in hits:
        fc = kept[hit.claim["id"]]
        source = " · ".join(p for p in (fc.get("publisher"), fc.get("date")) if p)
        where = render.text(source + (("\n" if source else "") + fc["url"] if fc.get("url")
                                      else ""))
        table.add_row(text_score(hit.score), render.id_cell(fc), _speaker_cell(hit),
                      _content_cell(hit), render.text(fc.get("rating") or "", "bold"), where)
    render.console().print(table)


def hits_table(hits: list[Hit], *, title: str) -> Table:
    table = Table(title=title, show_lines=True, expand=False)
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("speaker")
    table.add_column("content", ratio=3)
    table.add_column("source")
    for hit in hits:
        claim = hit.claim
        table.add_row(text_score(hit.score), render.text(claim["id"][:8]),
                      _speaker_cell(hit), _content_cell(hit), render.source_cell(claim))
    return table


def text_score(score: float) -> Text:
    return render.text(f"{score:.0f}")


def _marked(value: str, hit: Hit, field: str) -> Text:
    return render.marked(value, [(*match["span"], HIGHLIGHT) for match in hit.matched
                                 if match["field"] == field])


def _speaker_cell(hit: Hit) -> Text:
    speaker = hit.claim.get("speaker") or {}
    if not speaker.get("name"):
        return render.text("(unattributed)", "italic dim")
    cell = _marked(speaker["name"], hit, "speaker")
    if speaker.get("role"):
        cell.append("\n")
        cell.append(render.safe(speaker["role"]), style="dim")
    return cell


def _content_cell(hit: Hit) -> Text:
    claim = hit.claim
    cell = _marked(claim["content"]["text"], hit, "content")
    if claim.get("context"):
        cell.append("\nasked about: ", style="dim")
        cell.append_text(_marked(claim["context"], hit, "context"))
    return cell
