"""RSS, Atom and JSON feeds: told apart from pages, parsed safely, turned into plain-text items.

A feed is untrusted XML. Before feedparser sees it, defusedxml reads it with entity
declarations and external references forbidden, so an entity-expansion bomb or an external
entity is refused instead of expanded; the DOCTYPE is then removed so no parser downstream can
act on it. A feed that is not well-formed is still read by feedparser's lenient parser when
that recovers items (real feeds often have small faults), with a warning; with no items it fails.

A JSON Feed (1.0 or 1.1, jsonfeed.org) is read as JSON data only (orjson: no code, no
references, nesting bounded): every field is checked for its type and a field of the wrong type
is ignored, not trusted; an item needs an id, a URL or a text to count.

Relative item links, and GUIDs that are permalinks, are resolved by feedparser (XML:Base rules:
an xml:base in the feed first, then the base it is given, which is where the feed was fetched
from). A feed read from a file has no such base: its relative links stay as written, and are
not stored (only http and https URLs are, factcheck.urls).
"""

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from urllib.parse import urljoin
from xml.etree.ElementTree import ParseError

import defusedxml
import defusedxml.ElementTree
import orjson

from factcheck.errors import FetchError

_FEED_ROOT_RE = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.I)
_HTML_ROOT_RE = re.compile(rb"<(?:!doctype\s+html|html)\b", re.I)
_DOCTYPE_RE = re.compile(rb"<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>", re.I | re.S)
_JSON_FEED_TYPE = "application/feed+json"
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
               _JSON_FEED_TYPE)
# A JSON Feed names its version first or early: {"version": "https://jsonfeed.org/version/1.1"
_JSON_FEED_RE = re.compile(rb'^\s*\{.*?"version"\s*:\s*"https?://jsonfeed\.org/version/', re.S)
_SNIFF_BYTES = 2048


@dataclass(slots=True)
class FeedItem:
    """One entry of a feed: its identity, its source fields and its text (plain, maybe empty)."""

    guid: str | None
    link: str | None
    title: str | None
    published: str | None
    text: str
    full: bool = False  # the text is the entry's full content, not only its summary


@dataclass(slots=True)
class Feed:
    title: str | None
    link: str | None
    items: list[FeedItem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def looks_like_feed(raw: bytes, content_type: str = "") -> bool:
    """Whether a document is a feed rather than a page, by its media type or its root element."""
    if content_type in _FEED_TYPES:
        return True
    if "html" in content_type:
        return False
    head = raw[:_SNIFF_BYTES]
    if _is_json_feed(head, content_type):
        return True
    feed_at = _FEED_ROOT_RE.search(head)
    html_at = _HTML_ROOT_RE.search(head)
    return bool(feed_at) and (html_at is None or feed_at.start() < html_at.start())


def parse_feed(raw: bytes, *, name: str, content_type: str = "",
               charset: str | None = None, base: str | None = None) -> Feed:
    """The items of an RSS or Atom document; raises FetchError for unsafe or unusable XML.

    `base` is the URL the feed came from (after redirects): relative links resolve against it.
    """
    if _is_json_feed(raw[:_SNIFF_BYTES], content_type):
        return parse_json_feed(raw, name=name, base=base)
    warning = _check_xml(raw, name)
    headers = {}
    if content_type:
        headers["content-type"] = content_type + (f"; charset={charset}" if charset else "")
    if base:
        # feedparser's way of being told the document's own URL when it is given bytes.
        headers["content-location"] = base
    import feedparser  # here, not at the top: a run over folders of files never needs it

    parsed = feedparser.parse(_DOCTYPE_RE.sub(b"", raw, count=1), response_headers=headers,
                              sanitize_html=True, resolve_relative_uris=False)
    items = [item for item in map(_item, parsed.entries) if item.guid or item.link or item.text]
    if not items and (warning or not parsed.get("version")):
        raise FetchError(f"{name}: not a usable feed ({warning or 'no RSS or Atom items'})")
    feed = Feed(title=parsed.feed.get("title") or None, link=parsed.feed.get("link") or None,
                items=items)
    if warning:
        feed.warnings.append(f"{name}: {warning}; items read leniently")
    return feed


def _is_json_feed(head: bytes, content_type: str) -> bool:
    bare = head.removeprefix(b"\xef\xbb\xbf")
    return content_type == _JSON_FEED_TYPE or bool(_JSON_FEED_RE.match(bare))


def parse_json_feed(raw: bytes, *, name: str, base: str | None = None) -> Feed:
    """The items of a JSON Feed 1.0 or 1.1; raises FetchError when it is not one."""
    try:
        data = orjson.loads(raw.removeprefix(b"\xef\xbb\xbf"))
    except orjson.JSONDecodeError as exc:
        raise FetchError(f"{name}: not a usable feed (not JSON: {exc})") from None
    if not isinstance(data, dict) or not _text(data.get("version")).startswith(
            ("https://jsonfeed.org/version/", "http://jsonfeed.org/version/")):
        raise FetchError(f"{name}: not a usable feed (no JSON Feed version)")
    entries = data.get("items")
    if not isinstance(entries, list):
        raise FetchError(f"{name}: not a usable feed (its `items` is not a list)")
    items = [item for item in (_json_item(e, base) for e in entries if isinstance(e, dict))
             if item.guid or item.link or item.text]
    return Feed(title=_plain(_text(data.get("title"))) or None,
                link=_url(data.get("home_page_url"), base), items=items)


def _json_item(entry: dict, base: str | None) -> FeedItem:
    content = _text(entry.get("content_html")) or _text(entry.get("content_text"))
    guid = entry.get("id")
    # 1.0 allowed a number as the id; 1.1 asks for a string
    guid = str(guid) if isinstance(guid, int | float) and not isinstance(guid, bool) else guid
    return FeedItem(
        guid=_text(guid).strip() or None,
        link=_url(entry.get("url"), base) or _url(entry.get("external_url"), base),
        title=_plain(_text(entry.get("title"))) or None,
        published=_iso_when(entry.get("date_published") or entry.get("date_modified")),
        text=html_fragment_text(content or _text(entry.get("summary"))),
        full=bool(content),
    )


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def _url(value, base: str | None) -> str | None:
    value = _text(value).strip()
    if not value:
        return None
    return urljoin(base, value) if base else value


def _iso_when(value) -> str | None:
    # RFC 3339, as JSON Feed has it; anything else is no date rather than a wrong one
    try:
        when = datetime.fromisoformat(_text(value).strip())
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).replace(microsecond=0).isoformat()


def _check_xml(raw: bytes, name: str) -> str | None:
    """None when the XML is well-formed and safe; a reason when it is only malformed."""
    try:
        defusedxml.ElementTree.fromstring(raw)
    except defusedxml.DefusedXmlException as exc:
        raise FetchError(
            f"{name}: refused: the XML declares entities or external references "
            f"({type(exc).__name__}), a known attack on XML parsers") from None
    except (ParseError, LookupError, ValueError) as exc:  # LookupError: unknown encoding
        return f"malformed XML ({exc})"
    return None


def _item(entry) -> FeedItem:
    return FeedItem(
        guid=(entry.get("id") or "").strip() or None,
        link=(entry.get("link") or "").strip() or None,
        title=_plain(entry.get("title") or "") or None,
        published=_when(entry.get("published_parsed") or entry.get("updated_parsed")),
        text=html_fragment_text(_entry_body(entry)),
        full=bool(entry.get("content")),
    )


def _entry_body(entry) -> str:
    # The full content when the feed carries it, else the summary (often only a teaser).
    bodies = [c.get("value", "") for c in entry.get("content") or []]
    bodies.append(entry.get("summary") or "")
    return max(bodies, key=len)


def _when(parsed) -> str | None:
    if not parsed:
        return None
    return datetime(*parsed[:6], tzinfo=UTC).isoformat()


def _plain(value: str) -> str:
    return " ".join(html_fragment_text(value).split())


class _TextCollector(HTMLParser):
    _BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr",
               "section", "article", "ul", "ol", "table"}
    _SKIP = {"script", "style"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)


def html_fragment_text(html: str) -> str:
    """Plain text of an HTML fragment (a feed entry's body): paragraphs kept, tags dropped."""
    if "<" not in html and "&" not in html:
        return html.strip()
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    lines = (" ".join(line.split()) for line in "".join(collector.parts).split("\n"))
    return "\n".join(line for line in lines if line)
