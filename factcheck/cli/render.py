"""Rendering for the terminal (rich) and for pipes (JSON). Article text is never markup."""

import re
import sys

import orjson
from rich.console import Console
from rich.table import Table
from rich.text import Text

# ESC, other C0 controls but tab and newline, DEL and C1: an article must not drive the terminal.
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def safe(value) -> str:
    """Untrusted text made inert for a terminal: control characters removed."""
    if value is None:
        return ""
    return _CONTROL_RE.sub("", str(value))


def text(value, style: str | None = None) -> Text:
    """A rich Text that is never parsed as markup."""
    return Text(safe(value), style=style or "")


def console(*, stderr: bool = False) -> Console:
    return Console(stderr=stderr, highlight=False, markup=False, emoji=False, soft_wrap=False)


def print_json(value) -> None:
    sys.stdout.write(orjson.dumps(value, option=orjson.OPT_INDENT_2).decode() + "\n")


def print_jsonl(value) -> None:
    sys.stdout.write(orjson.dumps(value).decode() + "\n")


def note(message: str) -> None:
    """A diagnostic line on stderr, so stdout stays clean for pipes."""
    console(stderr=True).print(text(message))


def speaker_cell(claim: dict) -> Text:
    speaker = claim.get("speaker") or {}
    name = speaker.get("name")
    cell = text(name) if name else text("(unattributed)", "italic dim")
    if speaker.get("role"):
        cell.append("\n")
        cell.append(safe(speaker["role"]), style="dim")
    return cell


def flags_cell(claim: dict) -> Text:
    flags = [claim.get("modality") or "assertion"]
    if claim.get("direct"):
        flags.append("direct")
    if claim.get("negated"):
        flags.append("negated")
    return text(" ".join(flags))


def claims_table(claims: list[dict], *, title: str | None = None, with_id: bool = False,
                 with_source: bool = False) -> Table:
    table = Table(title=title, show_lines=True, expand=False)
    if with_id:
        table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("speaker")
    table.add_column("cue", no_wrap=True)
    table.add_column("content", ratio=3)
    table.add_column("flags", no_wrap=True)
    if with_source:
        table.add_column("source")
    for claim in claims:
        row = []
        if with_id:
            row.append(text(claim["id"][:8]))
        row += [speaker_cell(claim), text(claim["cue"]["text"]), content_cell(claim),
                flags_cell(claim)]
        if with_source:
            row.append(source_cell(claim))
        table.add_row(*row)
    return table


def content_cell(claim: dict) -> Text:
    cell = text(claim["content"]["text"])
    if claim.get("context"):
        cell.append("\nasked about: ", style="dim")
        cell.append(safe(claim["context"]), style="dim")
    return cell


def source_cell(claim: dict) -> Text:
    parts = [claim.get("outlet"), (claim.get("published") or claim.get("added") or "")[:10]]
    cell = text(" · ".join(p for p in parts if p))
    where = claim.get("url") or claim.get("path")
    if where:
        cell.append("\n" + safe(where), style="dim")
    return cell
