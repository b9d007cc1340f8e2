"""Rendering for the terminal (rich) and for pipes (JSON). Article text is never markup.

Everything printed goes through here, so this is where untrusted text (articles, feeds, file
names) is made inert: no control character reaches the terminal (an escape sequence could
retitle the window, move the cursor or hide a line), nor a bidi embedding, override or isolate
(U+202E turns the rest of a line around, so a table would show other words than it holds).
`safe` cleans a string, every console cleans every string it is given again (a table title,
a header, a Text made elsewhere), and JSON carries those characters as \\u escapes. Output
that cannot be written whole (a full disk, a closed pipe) is an OutputError, never a quiet
success.

Right-to-left text is printed in visual order when `set_rtl(True)` was called (see
factcheck.bidi for when): each cell is wrapped in logical order first, then each of its lines
is reordered, so a long Arabic sentence still reads from the top line down.
"""

import contextlib
import io
import os
import re
import stat
import sys
from collections.abc import Iterable

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.containers import Lines, Renderables
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from factcheck import bidi, jsontext
from factcheck.errors import OutputError

# ESC, other C0 controls but tab and newline, DEL and C1, and the bidi embeddings, overrides and
# isolates (U+202A-202E, U+2066-2069): an article must not drive the terminal.
_UNSAFE_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def safe(value) -> str:
    """Untrusted text made inert for a terminal: control and bidi control characters removed."""
    if value is None:
        return ""
    return _UNSAFE_RE.sub("", str(value))


def safe_line(value) -> str:
    """As `safe`, on one line: for error messages, which are one line each."""
    return " ".join(safe(value).splitlines())


def text(value, style: str | None = None) -> Text:
    """A rich Text that is never parsed as markup (and is shown in visual order if enabled)."""
    return BidiText(safe(value), style=style or "")


def marked(value, marks: Iterable[tuple[int, int, str]]) -> Text:
    """As `text`, styled over (start, end, style) spans of `value` as stored: each still covers
    the same characters once the unsafe ones are dropped."""
    value = "" if value is None else str(value)
    cell = text(value)
    kept = [0]  # kept[i]: how many characters before value[i] are shown
    for ch in value:
        kept.append(kept[-1] + (not _UNSAFE_RE.match(ch)))
    for start, end, style in marks:
        start, end = max(0, min(start, len(value))), max(0, min(end, len(value)))
        cell.stylize(style, kept[start], kept[end])
    return cell


_visual_rtl = False


def set_rtl(enabled: bool) -> None:
    """Print right-to-left text in visual order from now on (for terminals without bidi)."""
    global _visual_rtl
    _visual_rtl = enabled


class BidiText(Text):
    """A Text that, when visual order is on, wraps in logical order and then reorders each line.

    Reordering keeps every character but explicit bidi controls (zero width), so the width rich
    measured for the logical text is the width printed and tables stay aligned.
    """

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if not (_visual_rtl and bidi.has_rtl(self.plain)):
            yield from super().__rich_console__(console, options)
            return
        justify = self.justify or options.justify or "default"
        overflow = self.overflow or options.overflow or "fold"
        width = options.max_width
        lines = Lines()
        for paragraph in self.split("\n", allow_blank=True):
            base = bidi.base_level(paragraph.plain)
            for line in paragraph.wrap(console, width, justify="default", overflow=overflow,
                                       no_wrap=self.no_wrap or options.no_wrap):
                line.rstrip()
                shown = visual_line(line, base=base)
                if base and justify in ("default", "left"):
                    shown.pad_left(max(0, width - cell_len(shown.plain)))
                elif justify not in ("default", "left"):
                    Lines([shown]).justify(console, width, justify=justify, overflow=overflow)
                lines.append(shown)
        yield from Text("\n").join(lines).render(console, end=self.end)


def visual_line(line: Text, *, base: int | None = None) -> Text:
    """One line of text in visual order, each character keeping its styles."""
    plain = line.plain
    styles: list[tuple] = [() for _ in plain]
    for span in line.spans:
        for i in range(span.start, min(span.end, len(plain))):
            styles[i] += (span.style,)
    shown = Text(style=line.style, end="")
    chunk, chunk_styles = "", ()
    for i, ch in bidi.layout(plain, base=base).glyphs(plain):
        if styles[i] != chunk_styles and chunk:
            _append_styled(shown, chunk, chunk_styles)
            chunk = ""
        chunk, chunk_styles = chunk + ch, styles[i]
    _append_styled(shown, chunk, chunk_styles)
    return shown


def _append_styled(out: Text, chunk: str, styles: tuple) -> None:
    start = len(out)
    out.append(chunk)
    for style in styles:
        out.stylize(style, start, len(out))


class _SafeConsole(Console):
    """A console that cleans every string it prints, whoever made the renderable."""

    def render(self, renderable: RenderableType, options: ConsoleOptions | None = None):
        for segment in super().render(renderable, options):
            if segment.control or not _UNSAFE_RE.search(segment.text):
                yield segment
            else:
                yield Segment(_UNSAFE_RE.sub("", segment.text), segment.style)


class _CheckedOutput:
    """Standard output whose failures are OutputError: rich writes and flushes through it."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, data: str) -> int:
        with _output_errors():
            return self._stream.write(data)

    def flush(self) -> None:
        with _output_errors():
            self._stream.flush()

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


@contextlib.contextmanager
def _output_errors():
    try:
        yield
    except OSError as exc:
        raise OutputError(f"cannot write the output: {exc.strerror or exc}") from None


def console(*, stderr: bool = False) -> Console:
    out = None if stderr else _CheckedOutput(sys.stdout)
    return _SafeConsole(file=out, stderr=stderr, highlight=False, markup=False, emoji=False,
                        soft_wrap=False)


def print_json(value) -> None:
    write_bytes(jsontext.dumps(value, escape=jsontext.FOR_TERMINAL, indent=True) + b"\n")


def print_jsonl(value) -> None:
    write_bytes(jsontext.dumps(value, escape=jsontext.FOR_TERMINAL) + b"\n")


def write_bytes(data: bytes, *, durable: bool = False) -> None:
    """Write `data` to standard output and flush it; OutputError if any of it is refused.

    `durable`: when standard output is a file, also wait for the disk (fsync), which is where
    some file systems first say they are full: an export must not look whole when it is not.
    """
    with _output_errors():
        sys.stdout.flush()  # whatever text was printed before goes first
        out = getattr(sys.stdout, "buffer", None)
        if out is None:  # a text-only stream standing in for stdout
            out = sys.stdout
            data = data.decode()
        out.write(data)
        out.flush()
        if durable and _is_file(out):
            os.fsync(out.fileno())


def finish() -> None:
    """Flush standard output at the end of a command: OutputError if it is refused."""
    with _output_errors():
        sys.stdout.flush()


def abandon_output() -> None:
    """Send the rest of standard output nowhere, once writing it has failed: Python's own
    flush at exit would fail again and turn the exit code into 120."""
    with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _is_file(out) -> bool:
    try:
        return stat.S_ISREG(os.fstat(out.fileno()).st_mode)
    except (OSError, ValueError, io.UnsupportedOperation):
        return False


class ProgressBar:
    """A transient progress bar on stderr while a long step runs, only when stderr is a
    terminal: cron mail, logs and pipes get nothing. Yields `step(stage, done, total)`."""

    def __init__(self, stages: dict[str, str]):
        self._stages = stages
        err = console(stderr=True)
        self._bar = Progress(TextColumn("{task.description}"), BarColumn(),
                             MofNCompleteColumn(), console=err,
                             transient=True) if err.is_terminal else None
        self._tasks: dict[str, TaskID] = {}

    def __enter__(self):
        if self._bar is not None:
            self._bar.start()
        return self.step

    def __exit__(self, *exc):
        if self._bar is not None:
            self._bar.stop()

    def step(self, stage: str, done: int, total: int) -> None:
        if self._bar is None:
            return
        if stage not in self._tasks:
            self._tasks[stage] = self._bar.add_task(self._stages.get(stage, stage), total=total)
        self._bar.update(self._tasks[stage], completed=done, total=total)


def note(message: str) -> None:
    """A diagnostic line on stderr, so stdout stays clean for pipes."""
    # Inside Renderables, so that rich renders our Text itself instead of merging it into a
    # plain Text (which would skip the visual order).
    # soft_wrap: one message, one line, also when stderr is a pipe or a cron mail
    console(stderr=True).print(Renderables([text(message)]), soft_wrap=True)


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
    return text("\n".join(flags))


def claims_table(claims: list[dict], *, title: str | None = None, with_id: bool = False,
                 with_source: bool = False) -> Table:
    # The content is what is read: it gets most of the width, flags wrap one per line.
    table = Table(title=title, show_lines=True, expand=True)
    if with_id:
        table.add_column("id", style="cyan", no_wrap=True, width=8)
    table.add_column("speaker", ratio=2)
    table.add_column("cue", ratio=1)
    table.add_column("content", ratio=4)
    table.add_column("flags", width=11)
    if with_source:
        table.add_column("source", ratio=2)
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


ID_WIDTH = 8  # as git shows hashes: enough to be unique, and every command takes a prefix


def id_cell(claim: dict) -> Text:
    """A claim's short ID, or a dash for a claim not stored (one `check` read)."""
    claim_id = claim.get("id")
    return text(claim_id[:ID_WIDTH], "cyan") if claim_id else text("-", "dim")


def content_cell(claim: dict) -> Text:
    cell = text(claim["content"]["text"])
    if claim.get("context"):
        cell.append("\nasked about: ", style="dim")
        cell.append(safe(claim["context"]), style="dim")
    return cell


UNKNOWN_DATE = "date unknown"


def published_day(claim: dict) -> str:
    """When a claim was published, as a day, or that nobody knows: never the day it was added."""
    return (claim.get("published") or "")[:10] or UNKNOWN_DATE


def source_cell(claim: dict) -> Text:
    parts = [claim.get("outlet"), published_day(claim)]
    cell = text(" · ".join(p for p in parts if p))
    where = claim.get("url") or claim.get("path")
    if where:
        cell.append("\n" + safe(where), style="dim")
    return cell
