"""Turning bytes from a file, stdin or the network into article text."""

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.errors import InputError

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
_HTML_RE = re.compile(rb"<\s*(?:!doctype\s+html|html|body|article|p|div)\b", re.I)
_TEXT_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
# Terminal escape sequences (colour, cursor, titles) in copy pasted from a terminal or a log:
# CSI (ESC [ ... or U+009B), OSC (ESC ] ... BEL or ESC \\), and the other two-character ones.
_ESCAPE_RE = re.compile(
    "(?:\x1b\\[|\x9b)[0-?]*[ -/]*[@-~]"
    "|\x1b\\][^\x07\x1b]*(?:\x07|\x1b\\\\)?"
    "|\x1b[ -/]*[0-~]"
)
_WINDOWS_ARABIC = "cp1256"


@dataclass(slots=True)
class Article:
    """Decoded article text and what its container said about it."""

    text: str
    path: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    meta: dict = field(default_factory=dict)


def decode(raw: bytes, *, name: str = "input", charset: str | None = None) -> str:
    """Text from bytes in UTF-8 (with or without BOM), UTF-16 or Windows-1256, or lines of
    UTF-8 and Windows-1256 mixed; terminal escape sequences are left out.

    `charset` is what a container (an HTTP header, a meta tag) declared; it is tried first.
    """
    if not raw.strip():
        raise InputError(f"{name} is empty")
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            return _strict(raw, codec, name)
    order = _utf16_order(raw)
    if order:
        return _strict(raw, f"utf-16-{order}", name)
    if b"\x00" in raw:
        raise InputError(f"{name} looks binary, not text")
    candidates = [c for c in (charset, "utf-8", _WINDOWS_ARABIC) if c]
    for codec in candidates:
        try:
            text = _by_lines(raw) if _is_windows_arabic(codec) else raw.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        text = without_escapes(text)
        if _plausible(text):
            return text
    raise InputError(f"{name} is not text in UTF-8, UTF-16 or Windows-1256")


def without_escapes(text: str) -> str:
    """`text` without terminal escape sequences: the words stay, the colours go."""
    return _ESCAPE_RE.sub("", text) if "\x1b" in text or "\x9b" in text else text


def _is_windows_arabic(codec: str) -> bool:
    return codecs.lookup(codec).name == _WINDOWS_ARABIC


def _by_lines(raw: bytes) -> str:
    """Windows-1256 text, except the lines that are UTF-8: a file pasted together from two
    sources is not read wholly as Windows-1256 (mojibake). A line of Windows-1256 Arabic is
    almost never valid UTF-8 (two letters in a row are not a UTF-8 sequence), so a line that
    is valid UTF-8 and not plain ASCII is UTF-8."""
    out = []
    for line in raw.splitlines(keepends=True):
        try:
            out.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(line.decode(_WINDOWS_ARABIC))
    return "".join(out)


def _strict(raw: bytes, codec: str, name: str) -> str:
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError:
        raise InputError(f"{name} is not valid {codec.upper()} text") from None
    text = without_escapes(text)
    if not text.strip():
        raise InputError(f"{name} is empty")
    return text


def _utf16_order(raw: bytes) -> str | None:
    """'le' or 'be' when the bytes look like UTF-16 without a BOM.

    In UTF-16 one byte of each pair is the high byte, and for Latin or Arabic text it is
    almost always 0x00 or 0x06.
    """
    sample = raw[:4000]
    if len(sample) < 4 or len(sample) % 2:
        return None
    for order, high, low in (("le", sample[1::2], sample[0::2]),
                             ("be", sample[0::2], sample[1::2])):
        if (high.count(0) + high.count(6)) > 0.85 * len(high) and low.count(0) < len(low) / 2:
            return order
    return None


def _plausible(text: str) -> bool:
    # Windows-1256 maps every byte to something, so a binary file "decodes"; control
    # characters give it away.
    return len(_TEXT_CONTROL_RE.findall(text)) <= max(2, len(text) // 200)


def looks_like_html(raw: bytes) -> bool:
    return bool(_HTML_RE.search(raw[:4096]))


def html_to_article(html: str, *, url: str | None = None) -> Article:
    """The main text of a web page and its metadata, boilerplate left out."""
    import trafilatura  # heavy: loaded only when a page needs it

    doc = trafilatura.bare_extraction(
        html, url=url, include_comments=False, include_tables=False, with_metadata=True
    )
    if doc is None:
        raise InputError(f"{url or 'page'}: no article text found in the HTML")
    meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = (meta.get("text") or "").strip()
    if not text:
        raise InputError(f"{url or 'page'}: no article text found in the HTML")
    return Article(
        text=text,
        title=meta.get("title"),
        published=meta.get("date"),
        outlet=meta.get("sitename") or meta.get("hostname"),
        url=meta.get("url") or url,
        meta={k: meta.get(k) for k in ("author", "hostname", "description") if meta.get(k)},
    )


def read_article(path: str, *, stdin: bytes | None = None) -> Article:
    """One article from a file path, or from `stdin` bytes when path is '-'."""
    if path == "-":
        raw = stdin if stdin is not None else b""
        name = "standard input"
    else:
        try:
            raw = Path(path).read_bytes()
        except FileNotFoundError:
            raise InputError(f"{path}: no such file") from None
        except IsADirectoryError:
            raise InputError(f"{path} is a folder; give a file") from None
        except OSError as exc:
            raise InputError(f"{path}: {exc.strerror}") from None
        name = path
    text = decode(raw, name=name)
    if path.lower().endswith((".html", ".htm")) or looks_like_html(raw):
        article = html_to_article(text)
    else:
        article = Article(text=text)
    article.path = None if path == "-" else str(path)
    return article


def article_paths(paths: list[str]) -> list[str]:
    """Files named, and the article files (.txt, .md, .html) inside folders named, sorted."""
    out: list[str] = []
    for p in paths:
        path = Path(p)
        if p != "-" and path.is_dir():
            out.extend(
                str(f) for f in sorted(path.rglob("*"))
                if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES
            )
        else:
            out.append(p)
    return out
