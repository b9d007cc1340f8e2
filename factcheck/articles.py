"""Articles and their claims in the store: identity by normalised text, one add per article."""

import hashlib
from dataclasses import dataclass, field

from factcheck import dates, speakers, urls
from factcheck.dates import now_iso
from factcheck.denial import read_denials
from factcheck.extract import extract
from factcheck.ingest import Article
from factcheck.normalize import detect_lang, fold
from factcheck.store import Database

SOURCE_FIELDS = ("url", "outlet", "published", "title", "path", "added")


def text_hash(text: str) -> str:
    """Hash of the normalised text: the same story with other spacing or diacritics matches."""
    return hashlib.sha256(" ".join(fold(text).split()).encode("utf-8")).hexdigest()


def article_id(text: str) -> str:
    return text_hash(text)[:16]


def claim_id(article: str, claim: dict) -> str:
    key = f"{article}:{claim['cue']['span']}:{claim['content']['span']}"
    return hashlib.blake2b(key.encode(), digest_size=6).hexdigest()


def _distinct_ids(claims: list[dict]) -> list[dict]:
    """Claims with one ID each: a relay gives the outlet a claim of the same cue and content
    as the speaker it quotes (نقلت وكالة X عن Y), told apart by who says it. A claim that is
    alone at its cue and content keeps the ID claim_id gives it."""
    seen: set[str] = set()
    for claim in claims:
        if claim["id"] in seen:
            speaker = (claim.get("speaker") or {}).get("span")
            key = f"{claim['article']}:{claim['id']}:{speaker}"
            claim["id"] = hashlib.blake2b(key.encode(), digest_size=6).hexdigest()
        seen.add(claim["id"])
    return claims


@dataclass
class AddResult:
    """What adding one article did: stored it, or found it was there already."""

    article: dict
    new: bool
    claims: list[dict] = field(default_factory=list)


def add_article(db: Database, article: Article, *, claims: list[dict] | None = None) -> AddResult:
    """Store `article` and its claims unless the same text is stored already."""
    digest = text_hash(article.text)
    aid = digest[:16]  # article_id(), without hashing the text twice
    existing = db.articles.get(aid)
    if existing is not None:
        return AddResult(existing, new=False, claims=db.claims_of_article(aid))
    if claims is None:
        claims = [c.to_dict() for c in extract(article.text)]
    claims = read_denials(claims)
    record = {
        "id": aid,
        "hash": digest,
        "text": article.text,
        # Where every stored URL comes in (feeds, pages, the command line): a link a feed or
        # page gave that is not a web address is dropped, the article kept.
        "url": urls.web_url_or_none(article.url),
        "outlet": article.outlet,
        # a page or feed may give a date nobody can read: unknown, not the day of adding
        "published": dates.published(article.published, strict=False),
        "title": article.title,
        "path": article.path,
        "added": now_iso(),
        "lang": claims[0]["lang"] if claims else detect_lang(article.text),
    }
    if not db.articles.insert_new(record):
        # Another writer stored the same text while this one read it (it committed first).
        return AddResult(db.articles.get(aid), new=False, claims=db.claims_of_article(aid))
    stored = _distinct_ids([stored_claim(db, record, c) for c in claims])
    db.claims.insert_many(stored)
    return AddResult(record, new=True, claims=stored)


def stored_claim(db: Database, article: dict, claim: dict) -> dict:
    """An extracted claim as stored: with its ID, its article, its source and its speaker."""
    out = dict(claim)
    out["id"] = claim_id(article["id"], claim)
    out["article"] = article["id"]
    for key in SOURCE_FIELDS:
        out[key] = article.get(key)
    out["speaker"] = dict(claim["speaker"])
    if claim["speaker"]["name"]:
        out["speaker"]["id"] = speakers.register(
            db, claim["speaker"]["name"], role=claim["speaker"]["role"],
            seen=dates.day_of(article.get("published") or article["added"]),
            kind=claim["speaker"].get("kind") or "person", article=article["id"],
        )
    return out
