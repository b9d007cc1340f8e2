"""Commands that take articles in: extract, add, list, show.

The extractor and the contradiction check are imported by the commands that use them: `list`
and `show` of a large store cost what their query costs, not the extractor's start-up.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from factcheck.cli import render
from factcheck.cli.app import ClaimIdArgument, DbOption, JsonOption, RtlOption, app
from factcheck.errors import InputError
from factcheck.paths import db_location
from factcheck.store import open_store

if TYPE_CHECKING:
    from rich.text import Text

    from factcheck.ingest import Article

_ADD_STAGES = {"read": "reading articles", "store": "extracting and storing claims"}


def _read(path: str) -> Article:
    from factcheck.ingest import read_article

    stdin = sys.stdin.buffer.read() if path == "-" else None
    return read_article(path, stdin=stdin)


@app.command("extract")
def extract_cmd(
    path: Annotated[str, typer.Argument(help="Article file (.txt, .md, .html), or - for stdin.")],
    json: JsonOption = False,
    rtl: RtlOption = None,
):
    """Print the claims found in one article, without storing them.

    Example: claims extract seeds/000_04a54f23c455cc2f.txt --json
    """
    from factcheck.extract import extract

    article = _read(path)
    claims = [c.to_dict() for c in extract(article.text)]
    if json:
        render.print_json(claims)
        return
    render.console().print(render.claims_table(claims, title=f"{len(claims)} claims in {path}"))


@app.command("add")
def add_cmd(
    paths: Annotated[list[str], typer.Argument(help="Article files or folders, or - for stdin.")],
    url: Annotated[str | None, typer.Option(help="Where the article was published.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Who published it.")] = None,
    published: Annotated[str | None, typer.Option(
        help="Publication date: 2025-07-09, 9/7/2025 (day first), 9 July 2025 or 9 تموز 2025.",
        show_default=False)] = None,
    title: Annotated[str | None, typer.Option(help="The article's headline.")] = None,
    db: DbOption = None,
    json: JsonOption = False,
    rtl: RtlOption = None,
):
    """Extract the claims of articles and store them; an article already stored adds nothing.

    Example: claims add seeds/ --outlet "Example News" --published 2025-07-09
    """
    from factcheck import dates, factchecks, urls
    from factcheck.articles import add_article
    from factcheck.cli.contradictions import contradictions_table, factchecked_table
    from factcheck.contradict import check_added, with_claims
    from factcheck.ingest import article_paths
    from factcheck.match import stored_forms

    urls.checked(url)  # refused here; a link a page gives itself is dropped by add_article
    # A date refused before anything is read: stored as typed, --since would never find it.
    published = dates.published(published, what="--published")
    files = article_paths(paths)
    if not files:
        raise InputError("no article files (.txt, .md, .html) in " + ", ".join(paths))
    with render.ProgressBar(_ADD_STAGES) as step:
        # Read and decode everything before touching the database: a bad file stores nothing.
        articles = []
        for done, path in enumerate(files, 1):
            articles.append(_read(path))
            step("read", done, len(files))
        for article in articles:
            article.url = url or article.url
            article.outlet = outlet or article.outlet
            article.published = published or article.published
            article.title = title or article.title
        with open_store(db_location(db)).write() as database:
            forms = stored_forms(database)  # before the store changes: from the file beside it
            results = []
            for done, article in enumerate(articles, 1):
                results.append(add_article(database, article))
                step("store", done, len(articles))
            clashes = [[with_claims(database, c) for c in records]
                       for records in check_added(database, results, forms=forms)]
            checked = [factchecks.matches(database, r.claims) if r.new else []
                       for r in results]
    if json:
        render.print_json([
            {"article": r.article["id"], "path": r.article.get("path"), "new": r.new,
             "claims": [c["id"] for c in r.claims], "contradictions": found,
             "factchecked": [m.to_dict() for m in matched]}
            for r, found, matched in zip(results, clashes, checked, strict=True)
        ])
        return
    for r in results:
        where = r.article.get("path") or r.article["id"]
        if r.new:
            render.console().print(render.claims_table(
                r.claims, title=f"{where}: {len(r.claims)} claims stored", with_id=True))
        else:
            render.note(f"{where}: already stored as article {r.article['id']}; nothing new")
    for r, found in zip(results, clashes, strict=True):
        if found:
            where = r.article.get("path") or r.article["id"]
            render.console().print(contradictions_table(
                found, title=f"{where}: {len(found)} new contradictions"))
    for r, matched in zip(results, checked, strict=True):
        if matched:
            where = r.article.get("path") or r.article["id"]
            render.console().print(factchecked_table(
                matched, title=f"{where}: {len(matched)} already fact-checked"))


@app.command("list")
def list_cmd(
    speaker: Annotated[str | None, typer.Option(help="Only claims by this speaker.")] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many claims.")] = 50,
    db: DbOption = None,
    json: JsonOption = False,
    rtl: RtlOption = None,
):
    """List stored claims, newest first.

    Example: claims list --speaker زاخاروفا --limit 10
    """
    database = open_store(db_location(db)).read()
    chosen = None
    if speaker:
        from factcheck.speakers import ids_named  # the registry's name tables: only if asked

        chosen = ids_named(database, speaker)
    claims = database.recent_claims(limit, speakers=chosen)
    if json:
        render.print_json(claims)
        return
    render.console().print(render.claims_table(
        claims, title=f"{len(claims)} claims", with_id=True, with_source=True))


@app.command("show")
def show_cmd(
    claim_id: ClaimIdArgument,
    db: DbOption = None,
    json: JsonOption = False,
    rtl: RtlOption = None,
):
    """Show one claim: its sentence with speaker, cue and content marked, and its source.

    Example: claims show 3fa2
    """
    database = open_store(db_location(db)).read()
    claim = database.claims.resolve(claim_id)
    article = database.articles.get(claim["article"]) or {}
    if json:
        render.print_json({**claim, "sentence": _sentence(article, claim)})
        return
    from rich.panel import Panel

    con = render.console()
    con.print(render.claims_table([claim], with_id=True, with_source=True))
    con.print(Panel(_marked_sentence(article, claim), title=_panel_title(claim), expand=False))


def _panel_title(claim: dict) -> str:
    """The sentence's title says when what it marks is the article's words as first extracted,
    not the desk's correction (factcheck.edit keeps the original beside it)."""
    corrected = [name for name, part in (("speaker", claim["speaker"]), ("cue", claim["cue"]),
                                         ("content", claim["content"]))
                 if part.get("original")]
    if claim.get("context_original"):
        corrected.append("context")
    if not corrected:
        return "in the article"
    return f"in the article, as first extracted ({', '.join(corrected)} corrected since)"


def _sentence(article: dict, claim: dict) -> str | None:
    start, end = claim.get("sentence_span") or (0, 0)
    body = article.get("text") or ""
    return body[start:end] if end > start else None


def _marked_sentence(article: dict, claim: dict) -> Text:
    body = article.get("text") or ""
    start, end = claim.get("sentence_span") or (0, len(body))
    styles = [
        ((claim["speaker"].get("mention") or {}).get("span") or claim["speaker"].get("span"),
         "bold cyan"),
        (claim["cue"]["span"], "bold yellow"),
        # a quotation the cue splits is marked piece by piece, not over the cue between them
        *((span, "green") for span in claim["content"].get("parts") or [claim["content"]["span"]]),
    ]
    return render.marked(body[start:end], [(span[0] - start, span[1] - start, style)
                                           for span, style in styles
                                           if span and start <= span[0] and span[1] <= end])
