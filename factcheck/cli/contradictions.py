"""Commands that set claims against each other: compare, check, contradictions."""

import csv
import io
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from factcheck import factchecks
from factcheck.cli import render
from factcheck.cli.app import DbOption, JsonlOption, JsonOption, RtlOption, app
from factcheck.contradict import (
    Finding,
    Status,
    check_claims,
    list_contradictions,
    one_per_statement,
)
from factcheck.denial import read_denials
from factcheck.errors import InputError
from factcheck.extract import extract
from factcheck.ingest import read_article
from factcheck.paths import db_location
from factcheck.relate import Relation, relate
from factcheck.store import open_store


@app.command("compare")
def compare_cmd(
    text_a: Annotated[str | None, typer.Argument(help="First statement.")] = None,
    text_b: Annotated[str | None, typer.Argument(help="Second statement.")] = None,
    file: Annotated[Path | None, typer.Option(
        "--file", help="CSV with columns s1,s2: compare every row.")] = None,
    json: JsonOption = False,
    jsonl: JsonlOption = False,
    rtl: RtlOption = None,
):
    """Say whether two statements agree, contradict or are unrelated, and why.

    --json prints one object for two statements and an array for --file; --jsonl one object
    a line.

    Example: claims compare "الذهب يرتفع" "الذهب ينخفض"
    """
    if json and jsonl:
        raise InputError("give --json or --jsonl, not both")
    if file is not None:
        if text_a is not None or text_b is not None:
            raise InputError("give either TEXT_A TEXT_B or --file, not both")
        pairs = _read_pairs(file)
    elif text_a is None or text_b is None:
        raise InputError("give two statements, or --file PAIRS.csv")
    else:
        pairs = [(text_a, text_b)]
    results = [relate(a, b) for a, b in pairs]
    records = [{"s1": a, "s2": b, **r.to_dict()} for (a, b), r in zip(pairs, results, strict=True)]
    if json:
        render.print_json(records if file is not None else records[0])
        return
    if jsonl:
        for record in records:
            render.print_jsonl(record)
        return
    table = Table(show_lines=True)
    for name in ("A", "B", "relation", "score", "reasons"):
        table.add_column(name)
    for (a, b), r in zip(pairs, results, strict=True):
        table.add_row(render.text(a), render.text(b), _relation_cell(r.relation),
                      render.text(f"{r.score:.2f}"), render.text("\n".join(r.reasons)))
    render.console().print(table)


def _read_pairs(path: Path) -> list[tuple[str, str]]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path} is not UTF-8 text") from None
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or not {"s1", "s2"} <= set(reader.fieldnames):
        raise InputError(f"{path} needs a header with columns s1,s2")
    return [(row["s1"] or "", row["s2"] or "") for row in reader]


def _relation_cell(relation: Relation) -> Text:
    style = {Relation.CONTRADICTS: "bold red", Relation.AGREES: "green"}.get(relation, "dim")
    return render.text(relation.value, style)


@app.command("check")
def check_cmd(
    path: Annotated[str, typer.Argument(help="Article file (.txt, .md, .html), or - for stdin.")],
    db: DbOption = None,
    json: JsonOption = False,
    rtl: RtlOption = None,
):
    """List the stored claims an article contradicts or repeats (exit 1 if any), storing nothing.

    Example: claims check new-article.txt || echo "contradicts the record"
    """
    stdin = sys.stdin.buffer.read() if path == "-" else None
    article = read_article(path, stdin=stdin)
    claims = read_denials([c.to_dict() for c in extract(article.text)])
    database = open_store(db_location(db)).read()
    findings = one_per_statement(database, check_claims(database, claims))
    checked = factchecks.matches(database, claims)
    if json:
        # A finding against a published fact-check carries it; one against a stored claim not.
        render.print_json([{**f.to_dict(), "factcheck": None} for f in findings]
                          + [m.to_dict() for m in checked])
    else:
        show_findings(findings, title=f"{path}: {len(claims)} claims checked")
        if checked:
            render.console().print(factchecked_table(checked, title=f"{path}: {len(checked)} "
                                                                    "already fact-checked"))
    if checked or any(f.relation is Relation.CONTRADICTS for f in findings):
        raise typer.Exit(1)


def factchecked_table(found: list[factchecks.Match], *, title: str) -> Table:
    """New claims that repeat or contradict a published fact-check, with its verdict and URL."""
    table = Table(title=title, show_lines=True)
    for name in ("new claim", "fact-checked claim", "relation", "verdict", "fact-check"):
        table.add_column(name, overflow="fold")  # the whole URL: it is what the desk opens
    for m in found:
        fc = m.factcheck
        where = render.text(" · ".join(p for p in (fc.get("publisher"), fc.get("date")) if p))
        if fc.get("url"):
            where.append("\n" + render.safe(fc["url"]))
        table.add_row(_claim_cell(m.finding.claim), factcheck_cell(fc),
                      _relation_cell(m.finding.relation),
                      render.text(fc.get("rating") or "(no rating)", "bold"), where)
    return table


def factcheck_cell(fc: dict) -> Text:
    cell = render.id_cell(fc)
    cell.append("\n")
    cell.append(render.safe(fc.get("claimant") or "(claimant unknown)"), style="bold")
    cell.append("\n" + render.safe(fc["claim"]))
    return cell


def show_findings(findings: list[Finding], *, title: str) -> None:
    """A table of findings: the new claim, the other, the relation and why."""
    if not findings:
        render.note(f"{title}: nothing contradicts or repeats a stored claim")
        return
    table = Table(title=title, show_lines=True)
    for name in ("new claim", "id", "set against", "relation", "reasons"):
        table.add_column(name)
    for f in findings:
        table.add_row(_claim_cell(f.claim), render.id_cell(f.other), _claim_cell(f.other),
                      _relation_cell(f.relation),
                      render.text("\n".join(f.reasons) or "same statement"))
    render.console().print(table)


def _claim_cell(claim: dict) -> Text:
    cell = render.speaker_cell(claim)
    cell.append("\n")
    cell.append_text(render.content_cell(claim))
    source = " · ".join(p for p in (claim.get("outlet"), render.published_day(claim)) if p)
    where = source or claim.get("url") or claim.get("path")
    if where:
        cell.append("\n" + render.safe(where), style="dim")
    return cell


@app.command("contradictions")
def contradictions_cmd(
    status: Annotated[Status | None, typer.Option(help="Only contradictions in this status.")]
    = None,
    speaker: Annotated[str | None, typer.Option(help="Only those involving this speaker.")]
    = None,
    db: DbOption = None,
    json: JsonOption = False,
    rtl: RtlOption = None,
):
    """List stored contradictions for review, newest first.

    Example: claims contradictions --status open --speaker بيسكوف
    """
    database = open_store(db_location(db)).read()
    records = list_contradictions(database, status=status, speaker=speaker)
    if json:
        render.print_json(records)
        return
    render.console().print(contradictions_table(records, title=f"{len(records)} contradictions"))


def contradictions_table(records: list[dict], *, title: str) -> Table:
    """Stored contradictions (with their claims, contradict.with_claims) as a table."""
    table = Table(title=title, show_lines=True)
    for name in ("id", "status", "A", "B", "reasons", "score"):
        table.add_column(name)
    for rec in records:
        a, b = (c or {"content": {"text": "(claim no longer stored)"}} for c in rec["claims"])
        table.add_row(render.text(rec["id"][:8]), render.text(rec["status"]),
                      _brief_cell(a, rec["a"]), _brief_cell(b, rec["b"]),
                      render.text("\n".join(rec["reasons"])), render.text(f"{rec['score']:.2f}"))
    return table


def _brief_cell(brief: dict, claim_id: str) -> Text:
    content = brief["content"] if isinstance(brief["content"], str) else brief["content"]["text"]
    # The claim's own ID first: what `claims show`, `review` and `edit` take.
    cell = render.id_cell({"id": claim_id})
    cell.append("\n")
    cell.append(render.safe(brief.get("speaker") or "(unattributed)"), style="bold")
    cell.append("\n" + render.safe(content))
    if brief.get("context"):
        cell.append("\nasked about: " + render.safe(brief["context"]), style="dim")
    source = " · ".join(p for p in (brief.get("outlet"), render.published_day(brief)) if p)
    if source:
        cell.append("\n" + render.safe(source), style="dim")
    return cell
