"""Fact-checks published elsewhere (other desks' ClaimReview, Google Fact Check Tools data) as
records of their own, and the new claims that repeat or contradict one of them.

Read from ClaimReview JSON-LD (a document, an array, an `@graph`, a DataFeed), from web pages
carrying it in `<script type="application/ld+json">` blocks (found by the standard library's
HTML tokenizer: the page is never run, and nothing but those blocks is read), and from the
Fact Check Tools API and export format (`claims[].claimReview[]`). Each fact-check keeps the
claim reviewed, who made it, the publisher, rating, URL, date and language.

A new claim is set against them by the same relate/match machinery as against stored claims
(factcheck.contradict.check_claims), so Arabic meets English as it does there: each
fact-check is read as a claim whose content is the claim reviewed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

import orjson

from factcheck import urls
from factcheck.errors import InputError
from factcheck.normalize import detect_lang
from factcheck.statement import read_statement
from factcheck.store import Database

if TYPE_CHECKING:
    # The matcher is loaded by the commands that match: `search --checked` reads only.
    from factcheck.contradict import Finding

TABLE = "factchecks"
PAGE_SUFFIXES = (".html", ".htm", ".json", ".jsonld")
LD_JSON = "application/ld+json"


@dataclass(frozen=True)
class Match:
    """A new claim that repeats or contradicts a published fact-check."""

    finding: Finding
    factcheck: dict

    def to_dict(self) -> dict:
        brief = self.finding.to_dict()
        return {"relation": brief["relation"], "score": brief["score"],
                "reasons": brief["reasons"], "claim": brief["claim"],
                "factcheck": self.factcheck}


def read_path(path: Path) -> list[dict]:
    """The fact-checks of a file, or of every page and JSON file in a folder (sorted)."""
    if path.is_dir():
        found = sorted(p for p in path.rglob("*") if p.suffix.lower() in PAGE_SUFFIXES
                       and p.is_file())
        return [fc for page in found for fc in parse(_read(page), name=str(page))]
    return parse(_read(path), name=str(path))


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None


def looks_like(data: bytes) -> bool:
    """Whether `data` is a page or a JSON document (not the JSON lines of `claims export`)."""
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head == b"<":
        return True
    if head not in (b"{", b"["):
        return False
    try:
        doc = orjson.loads(data.lstrip(b"\xef\xbb\xbf"))
    except orjson.JSONDecodeError:
        return False  # several documents, one a line: an export of this tool's
    # One line of this tool's export is a JSON document too: a claim with its kind.
    return not (isinstance(doc, dict) and isinstance(doc.get("kind"), str) and "claim" in doc)


def parse(data: bytes, *, name: str = "input") -> list[dict]:
    """The fact-checks in a ClaimReview or Fact Check Tools JSON document, or in a page."""
    text = _decoded(data, name)
    head = text.lstrip()[:1]
    if head == "<":
        documents = [_json(block, name) for block in ld_json_blocks(text)]
    else:
        documents = [_json(text, name)]
    found = [fc for doc in documents for fc in from_document(doc)]
    unique = {fc["id"]: fc for fc in found}
    return list(unique.values())


def _decoded(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{name} is not UTF-8 text") from None


def _json(text: str, name: str):
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise InputError(f"{name}: not valid JSON ({exc})") from None


class _LdJsonBlocks(HTMLParser):
    """Collects the text of <script type="application/ld+json"> blocks, and nothing else."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._inside = False

    def handle_starttag(self, tag, attrs):
        kind = dict(attrs).get("type") or ""
        self._inside = tag == "script" and kind.split(";")[0].strip().lower() == LD_JSON
        if self._inside:
            self.blocks.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._inside = False

    def handle_data(self, data):
        if self._inside:
            self.blocks[-1] += data


def ld_json_blocks(page: str) -> list[str]:
    parser = _LdJsonBlocks()
    parser.feed(page)
    parser.close()
    return [b for b in parser.blocks if b.strip()]


def from_document(doc) -> Iterator[dict]:
    """Every fact-check in one JSON document, whichever of the known shapes it has."""
    if isinstance(doc, list):
        for item in doc:
            yield from from_document(item)
        return
    if not isinstance(doc, dict):
        return
    if isinstance(doc.get("claims"), list):  # Fact Check Tools: claims[].claimReview[]
        for claim in doc["claims"]:
            if isinstance(claim, dict):
                yield from _from_tools_claim(claim)
        return
    for key in ("@graph", "dataFeedElement", "item", "itemListElement"):
        if isinstance(doc.get(key), list | dict):
            yield from from_document(doc[key])
    if _is_claim_review(doc):
        record = _from_claim_review(doc)
        if record:
            yield record


def _is_claim_review(doc: dict) -> bool:
    kind = doc.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k.rsplit("/", 1)[-1] == "ClaimReview" for k in kinds)


def _from_claim_review(doc: dict) -> dict | None:
    item = _dict(doc.get("itemReviewed"))
    rating = _dict(doc.get("reviewRating"))
    author = _first_dict(doc.get("author"))
    claimant = _first_dict(item.get("author"))
    appearance = _first_dict(item.get("appearance")) or _first_dict(item.get("firstAppearance"))
    return _record(
        claim=_text(doc.get("claimReviewed")) or _text(item.get("name")),
        claimant=_text(claimant.get("name")), claim_date=_text(item.get("datePublished")),
        publisher=_text(author.get("name")), publisher_site=_text(author.get("url")),
        rating=_text(rating.get("alternateName")) or _text(rating.get("name"))
        or _text(rating.get("ratingValue")),
        url=_text(doc.get("url")), date=_text(doc.get("datePublished")),
        lang=_text(doc.get("inLanguage")) or _text(item.get("inLanguage")),
        title=_text(doc.get("headline")) or _text(doc.get("name")),
        appearance=_text(appearance.get("url")))


def _from_tools_claim(claim: dict) -> Iterator[dict]:
    for review in claim.get("claimReview") or []:
        if not isinstance(review, dict):
            continue
        publisher = _dict(review.get("publisher"))
        record = _record(
            claim=_text(claim.get("text")), claimant=_text(claim.get("claimant")),
            claim_date=_text(claim.get("claimDate")), publisher=_text(publisher.get("name")),
            publisher_site=_text(publisher.get("site")), rating=_text(review.get("textualRating")),
            url=_text(review.get("url")), date=_text(review.get("reviewDate")),
            lang=_text(review.get("languageCode")), title=_text(review.get("title")),
            appearance=None)
        if record:
            yield record


def _record(*, claim: str | None, url: str | None, lang: str | None, **fields) -> dict | None:
    if not claim:
        return None  # a review of nothing a claim can be set against
    web = urls.web_url_or_none(url)
    fields["publisher_site"] = urls.web_url_or_none(fields.get("publisher_site"))
    fields["appearance"] = urls.web_url_or_none(fields.get("appearance"))
    key = f"{web or ''}\0{claim}"
    return {"id": hashlib.blake2b(key.encode(), digest_size=6).hexdigest(),
            "claim": claim, "url": web, "lang": (lang or detect_lang(claim)).split("-")[0],
            **fields}


def _text(value) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float | str):
        text = " ".join(str(value).split())
        return text or None
    return None


def _dict(value) -> dict:
    return value if isinstance(value, dict) else {}


def _first_dict(value) -> dict:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, dict)), None)
    return _dict(value)


# Stored fact-checks ---------------------------------------------------------------------------

def store(db: Database, records: Iterable[dict]) -> tuple[int, int]:
    """Keep the fact-checks: (added, updated); one seen before is updated in place."""
    table = db.table(TABLE)
    added = updated = 0
    for record in records:
        before = table.get(record["id"])
        if before == record:
            continue
        table.upsert(record)
        added, updated = (added + 1, updated) if before is None else (added, updated + 1)
    return added, updated


def all_factchecks(db: Database) -> list[dict]:
    return db.table(TABLE).all()


def by_id_of(hits) -> dict[str, dict]:
    """The fact-checks that search hits over checked_view stand for, by ID."""
    return {h.claim["id"]: h.claim["factcheck"] for h in hits}


def as_claim(record: dict) -> dict:
    """A fact-check read as a stored claim: its content is the claim reviewed."""
    text = record["claim"]
    return {
        "id": record["id"], "article": None,
        "speaker": {"name": record.get("claimant"), "role": None, "kind": "person",
                    "span": None, "mention": None},
        "cue": {"text": "", "span": [0, 0]}, "content": {"text": text, "span": [0, len(text)]},
        "direct": False, "negated": bool(read_statement(text).negators),
        "modality": "assertion", "context": None, "context_span": None, "listener": None,
        "sentence_span": [0, len(text)], "lang": record.get("lang"),
        "outlet": record.get("publisher"), "url": record.get("url"),
        "published": record.get("claim_date") or record.get("date"), "path": None,
        "factcheck": record,
    }


def checked_view(db: Database) -> Database | None:
    """The fact-checks as a database of claims (for matching and search), or None if none."""
    records = all_factchecks(db)
    if not records:
        return None
    return Database.of({"claims": [as_claim(r) for r in records]})


def matches(db: Database, claims: list[dict]) -> list[Match]:
    """The new claims that repeat or contradict a fact-check `db` holds, with the fact-check."""
    from factcheck.contradict import check_claims
    from factcheck.relate import Relation

    view = checked_view(db)
    if view is None or not claims:
        return []
    by_id = {r["id"]: r for r in all_factchecks(db)}
    found = [f for f in check_claims(view, claims)
             if f.relation in (Relation.AGREES, Relation.CONTRADICTS)
             and f.other.get("id") in by_id]
    return [Match(f, by_id[f.other["id"]]) for f in found]
