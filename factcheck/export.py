"""Claims leaving and entering the desk: ClaimReview JSON-LD, CSV, and JSON lines for exchange.

- ClaimReview (schema.org) is what search engines and Google Fact Check Tools read; only
  claims with a verdict and the URL of the fact-check article can be published that way.
- CSV is for spreadsheets: UTF-8 with a byte order mark so Excel reads Arabic right, and
  cells that a spreadsheet would run as a formula made inert.
- JSON lines carry one claim a line with its article, speaker and review (with history):
  `load_jsonl` + `import_records` take back exactly that, adding nothing twice.
"""

import csv
import io
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

import orjson

from factcheck import dates, files, jsontext, schema, urls
from factcheck.edit import is_deleted
from factcheck.errors import InputError
from factcheck.review import (
    BEST_RATING,
    SCALE,
    WORST_RATING,
    Status,
    Verdict,
    get_review,
    is_published,
    status_of_record,
)
from factcheck.review import TABLE as REVIEWS
from factcheck.rules import LANGS, rules_for
from factcheck.store import Database

DEFAULT_PUBLISHER = "Fact-check desk"
JSONL_KIND = "factcheck.claim/1"
SPEAKERS = "speakers"

CSV_COLUMNS = ("id", "speaker", "role", "content", "context", "cue", "direct", "negated",
               "modality", "lang", "verdict", "rating_label", "note", "review_url", "reviewer",
               "reviewed", "status", "assignee", "title", "summary", "review_lang", "outlet",
               "published", "url", "article")
# A cell starting with one of these is run as a formula by spreadsheets (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class Format(str, Enum):
    CLAIMREVIEW = "claimreview"
    JSONL = "jsonl"
    CSV = "csv"


@dataclass(frozen=True)
class Publisher:
    """Who publishes the fact-checks: the ClaimReview author."""

    name: str
    url: str | None = None


@dataclass
class Exported:
    """An export: the bytes to write, how many claims are in it, which were left out why, and
    the claims whose reviews are not published yet (left out of ClaimReview)."""

    data: bytes
    count: int
    left_out: dict[str, str] = field(default_factory=dict)
    unpublished: list[str] = field(default_factory=list)


def export(db: Database, *, fmt: Format, verdicts: Iterable[Verdict] = (),
           since: str | None = None, publisher: Publisher | None = None) -> Exported:
    """The selected claims in the given format."""
    chosen = select(db, verdicts=verdicts, since=since)
    if fmt is Format.CLAIMREVIEW:
        return claimreview_export(db, chosen, publisher or Publisher(DEFAULT_PUBLISHER))
    if fmt is Format.CSV:
        return Exported(csv_bytes(chosen), len(chosen))
    lines = [orjson.dumps(exchange_record(db, claim, rev)) + b"\n" for claim, rev in chosen]
    return Exported(b"".join(lines), len(chosen))


def select(db: Database, *, verdicts: Iterable[Verdict] = (),
           since: str | None = None) -> list[tuple[dict, dict | None]]:
    """(claim, review) pairs with one of `verdicts` (any, if none given), and with something
    (publication, adding, review) on or after `since`; oldest first."""
    wanted = {Verdict(v).value for v in verdicts}
    day = parse_day(since) if since else None
    out = []
    for claim in db.claims.all():
        rev = get_review(db, claim["id"])
        if wanted and (rev is None or rev.get("verdict") not in wanted):
            continue
        if day and _last_activity(claim, rev) < day:
            continue
        out.append((claim, rev))
    out.sort(key=lambda pair: (_first_date(pair[0]), pair[0]["id"]))
    return out


def parse_day(value: str) -> str:
    """The ISO day of a `--since`, in any form factcheck.dates reads."""
    return dates.parse_date(value, what="--since").isoformat()


def _last_activity(claim: dict, rev: dict | None) -> str:
    seen = [claim.get("published"), claim.get("added"), rev and rev.get("reviewed")]
    return max((d[:10] for d in seen if d), default="")


def _first_date(claim: dict) -> str:
    return (claim.get("published") or claim.get("added") or "")[:10]


# ClaimReview ---------------------------------------------------------------------------------

def claimreview_export(db: Database, chosen: list[tuple[dict, dict | None]],
                       publisher: Publisher) -> Exported:
    """Only published reviews go out: a desk's drafts and work in progress stay in the store."""
    docs, left_out, unpublished = [], {}, []
    for claim, rev in chosen:
        if not rev:
            continue  # not reviewed: nothing to publish
        if not is_published(rev):
            unpublished.append(claim["id"])
        elif not rev.get("verdict"):
            left_out[claim["id"]] = "no verdict (claims review ID --verdict V)"
        elif not urls.is_web_url(rev.get("url")):
            left_out[claim["id"]] = "no fact-check URL (claims review ID --url URL)"
        else:
            docs.append(claim_review(claim, rev, publisher=publisher,
                                     names=speaker_names(db, claim),
                                     appearances=appearances(db, claim)))
    # Pages publish this inside <script type="application/ld+json">: article text must not
    # be able to end that block.
    data = jsontext.dumps(docs, escape=jsontext.FOR_HTML, indent=True) + b"\n"
    return Exported(data, len(docs), left_out, unpublished)


def claim_review(claim: dict, rev: dict, *, publisher: Publisher,
                 names: list[str] | None = None,
                 appearances: list[dict] | None = None) -> dict:
    """One schema.org ClaimReview with the fields Google requires and recommends, and those
    of schema.org the record has (headline, inLanguage, ratingExplanation)."""
    published = date_published(rev)
    doc = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": rev["url"],
        "claimReviewed": claim_reviewed(claim, rev),
        "reviewRating": rating(Verdict(rev["verdict"]), rev.get("rating_label"),
                               explanation=rev.get("note")),
        "author": _organization(publisher.name, publisher.url),
        "datePublished": published,
        "itemReviewed": claim_item(claim, names or [], appearances),
    }
    if rev.get("title"):
        doc["headline"] = rev["title"]
    # the fact-check's own language, else the claim's: a desk writes in the language it checks
    lang = rev.get("lang") or claim.get("lang")
    if lang:
        doc["inLanguage"] = lang
    if rev.get("reviewed") and rev["reviewed"][:10] > published:
        doc["dateModified"] = rev["reviewed"][:10]
    return doc


def date_published(rev: dict) -> str:
    """The day the fact-check was first published; a review from before reviews had a status
    counts from its first verdict."""
    for entry in rev.get("history") or ():
        status = (entry.get("changes") or {}).get("status")
        if status and status[1] == Status.PUBLISHED.value:
            return entry["at"][:10]
    return (rev.get("first_reviewed") or rev["reviewed"])[:10]


def claim_reviewed(claim: dict, rev: dict) -> str:
    """What the fact-check reviews, standing on its own: the reviewer's summary, else the claim
    with the question it answered ("asked about X: there are no such plans"), else the claim."""
    if rev.get("summary"):
        return rev["summary"]
    content, context = claim["content"]["text"], claim.get("context")
    if not context:
        return content
    lang = claim.get("lang")
    template = rules_for(lang).publishing["in_context"] if lang in LANGS \
        else "{context}: {content}"
    return template.format(context=context, content=content)


def rating(verdict: Verdict, label: str | None = None, *,
           explanation: str | None = None) -> dict:
    """A Rating: the desk's wording (or the verdict's), why (the reviewer's note) and, on the
    true-false scale, a value."""
    out = {"@type": "Rating", "alternateName": label or verdict.label, "name": verdict.label}
    if explanation:
        out["ratingExplanation"] = explanation
    if verdict in SCALE:
        out |= {"ratingValue": SCALE[verdict], "bestRating": BEST_RATING,
                "worstRating": WORST_RATING}
    return out


def claim_item(claim: dict, names: list[str],
               appearances: list[dict] | None = None) -> dict:
    """The Claim reviewed: who made it (every name we know them by), when, and where it
    appeared: the first appearance and every one known (the same statement in other outlets)."""
    item = {"@type": "Claim"}
    author = claim_author(claim, names)
    if author:
        item["author"] = author
    if claim.get("published"):
        item["datePublished"] = claim["published"][:10]
    seen = appearances if appearances is not None else [creative_work(claim)]
    # A store written before only web URLs were kept may hold others: never published.
    seen = [a for a in seen if a and urls.is_web_url(a.get("url"))]
    if seen:
        item["appearance"] = seen[0] if len(seen) == 1 else seen
        item["firstAppearance"] = seen[0]
    if claim.get("lang"):
        item["inLanguage"] = claim["lang"]
    return item


def creative_work(source: dict, title: str | None = None) -> dict | None:
    """Where a claim appeared (a claim, or one of a statement's `appearances`) as a
    CreativeWork: its URL, headline, date and outlet; None without a web URL."""
    if not urls.is_web_url(source.get("url")):
        return None
    work = {"@type": "CreativeWork", "url": source["url"]}
    if title or source.get("title"):
        work["headline"] = title or source["title"]
    if source.get("published"):
        work["datePublished"] = source["published"][:10]
    if source.get("outlet"):
        work["publisher"] = _organization(source["outlet"])
    return work


def appearances(db: Database, claim: dict) -> list[dict]:
    """Every web page the store knows the claim's statement appeared on, the first first.

    A repeat of a statement (a wire copy, the same words in another outlet) is stored
    `same_as` the claim that first made it, which lists each repeat in its `appearances`
    (factcheck.contradict). First is the earliest published, else the first stored; a repeat
    the desk deleted is no appearance.
    """
    # Here, not at the top: `review`, which imports this module, needs neither the
    # contradiction code nor the extractor.
    from factcheck.contradict import statement_of

    root = db.claims.get(statement_of(db, claim["id"])) or claim
    works: list[tuple[str, int, dict]] = []
    urls_seen: set[str] = set()
    for order, source in enumerate([root, *(root.get("appearances") or ())]):
        if source is not root and source.get("claim") and is_deleted(db, source["claim"]):
            continue
        title = None
        if source is not root and source.get("article"):
            title = (db.articles.get(source["article"]) or {}).get("title")
        work = creative_work(source, title)
        if work is None or work["url"] in urls_seen:
            continue
        urls_seen.add(work["url"])
        works.append((work.get("datePublished") or "9999", order, work))
    return [work for _day, _order, work in sorted(works, key=lambda w: w[:2])]


def claim_author(claim: dict, names: list[str]) -> dict | None:
    speaker = claim.get("speaker") or {}
    name = speaker.get("name")
    if not name:
        return None
    body = speaker.get("kind") == "body"
    author = {"@type": "Organization" if body else "Person", "name": name}
    others = [n for n in names if n != name]
    if others:
        author["alternateName"] = others
    if speaker.get("role") and not body:
        author["jobTitle"] = speaker["role"]
    return author


def speaker_names(db: Database, claim: dict) -> list[str]:
    """Every name the registry has for the claim's speaker."""
    sid = (claim.get("speaker") or {}).get("id")
    record = db.table(SPEAKERS).get(sid) if sid else None
    return list(record.get("names") or []) if record else []


def _organization(name: str, url: str | None = None) -> dict:
    out = {"@type": "Organization", "name": name}
    if url:
        out["url"] = url
    return out


# CSV -----------------------------------------------------------------------------------------

def csv_bytes(chosen: list[tuple[dict, dict | None]]) -> bytes:
    """UTF-8 with BOM, CRLF rows, one claim a row."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for claim, rev in chosen:
        writer.writerow([_cell(v) for v in csv_row(claim, rev or {})])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def csv_row(claim: dict, rev: dict) -> list:
    speaker = claim.get("speaker") or {}
    return [claim["id"], speaker.get("name"), speaker.get("role"), claim["content"]["text"],
            claim.get("context"), (claim.get("cue") or {}).get("text"), claim.get("direct"),
            claim.get("negated"), claim.get("modality"), claim.get("lang"), rev.get("verdict"),
            rev.get("rating_label"), rev.get("note"), rev.get("url"), rev.get("reviewer"),
            rev.get("reviewed"), status_of_record(rev).value if rev else None, rev.get("assignee"),
            rev.get("title"), rev.get("summary"), rev.get("lang"), claim.get("outlet"),
            claim.get("published"), claim.get("url"), claim.get("article")]


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


# JSON lines: exchange between desks ----------------------------------------------------------

def exchange_record(db: Database, claim: dict, rev: dict | None) -> dict:
    sid = (claim.get("speaker") or {}).get("id")
    return {"kind": JSONL_KIND, "claim": claim,
            "article": db.articles.get(claim.get("article") or ""),
            "speaker": db.table(SPEAKERS).get(sid) if sid else None,
            "review": rev}


@dataclass
class Imported:
    """What an import added or changed, per kind of record."""

    added: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)

    def count(self, table: str, *, new: bool) -> None:
        counts = self.added if new else self.updated
        counts[table] = counts.get(table, 0) + 1


def load_jsonl(data: bytes, *, name: str = "input") -> list[dict]:
    """Parse and check every line first, so that a bad file stores nothing."""
    records = []
    for number, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = orjson.loads(line)
        except orjson.JSONDecodeError:
            raise InputError(f"{name}:{number}: not JSON") from None
        problem = _problem(record)
        if problem:
            raise InputError(f"{name}:{number}: {problem}")
        try:
            _dates_in_one_form(record)
        except dates.NotADate as exc:
            raise InputError(f"{name}:{number}: {exc}") from None
        records.append(record)
    return records


def _dates_in_one_form(record: dict) -> None:
    """An exchange file from an older desk may carry dates as they were typed (14/11/2022),
    which every --since misses: they are stored ISO, and one nobody can read is refused."""
    for part in ("claim", "article"):
        value = record.get(part)
        if value and value.get("published"):
            value["published"] = dates.published(value["published"], what=f"{part} `published`")
    speaker = record.get("speaker")
    for key in ("first", "last"):
        if speaker and speaker.get(key):
            speaker[key] = dates.day_of(dates.published(speaker[key],
                                                        what=f"speaker `{key}`"))


def _problem(record) -> str | None:
    """What is wrong with one line of an exchange file, if anything: each record it carries
    must have the shape of its kind (factcheck.schema), and they must belong together."""
    if not isinstance(record, dict) or record.get("kind") != JSONL_KIND:
        return f"not a claim exported by `claims export --format jsonl` (kind {JSONL_KIND})"
    for part, table in (("claim", "claims"), ("article", "articles"), ("speaker", SPEAKERS),
                        ("review", REVIEWS)):
        value = record.get(part)
        if value is None and part != "claim":
            continue
        problem = schema.record_problem(table, None, value)
        if problem:
            return f"{part} {problem}"
    return (_url_problem(record)
            or _article_problem(record.get("article"), record["claim"])
            or _speaker_problem(record.get("speaker"), record["claim"])
            or _review_problem(record.get("review"), record["claim"]))


def _url_problem(record: dict) -> str | None:
    for part in ("claim", "article", "review"):
        url = (record.get(part) or {}).get("url")
        if url is not None and not urls.is_web_url(url):
            return f"{part} url must be an http:// or https:// URL, not {url!r}"
    return None


def _article_problem(article: dict | None, claim: dict) -> str | None:
    if article is None:
        return None
    from factcheck.articles import article_id  # here: see appearances

    if article["id"] != article_id(article["text"]) or claim.get("article") != article["id"]:
        return "article ID does not match its text or its claim"
    return None


def _speaker_problem(speaker: dict | None, claim: dict) -> str | None:
    if speaker is not None and claim["speaker"].get("id") != speaker["id"]:
        return "speaker must be the claim's speaker"
    return None


def _review_problem(rev: dict | None, claim: dict) -> str | None:
    if rev is not None and rev["id"] != claim["id"]:
        return "review must belong to its claim"
    return None


def import_records(db: Database, records: list[dict]) -> Imported:
    """Add what is not stored yet; merge speakers' names and reviews' histories."""
    result = Imported()
    for record in records:
        if record.get("article") and record["article"]["id"] not in db.articles:
            db.articles.insert(record["article"])
            result.count("articles", new=True)
        if record.get("speaker"):
            _merge_speaker(db, record["speaker"], result)
        # A claim the desk deleted stays deleted, whoever exports it again.
        if record["claim"]["id"] not in db.claims and not is_deleted(db, record["claim"]["id"]):
            db.claims.insert(record["claim"])
            result.count("claims", new=True)
        if record.get("review"):
            _merge_review(db, record["review"], result)
    return result


def _merge_speaker(db: Database, incoming: dict, result: Imported) -> None:
    table = db.table(SPEAKERS)
    mine = table.get(incoming["id"])
    if mine is None:
        table.insert(incoming)
        result.count(SPEAKERS, new=True)
        return
    merged = dict(mine)
    for key in ("names", "roles"):
        merged[key] = mine.get(key, []) + [n for n in incoming.get(key) or []
                                            if n not in mine.get(key, [])]
    for key, pick in (("first", min), ("last", max)):
        # days, whether a desk stored them as days or (before) as timestamps
        merged[key] = pick(filter(None, map(dates.day_of, [mine.get(key), incoming.get(key)])),
                           default=None)
    if merged != mine:
        table.upsert(merged)
        result.count(SPEAKERS, new=False)


def _merge_review(db: Database, incoming: dict, result: Imported) -> None:
    table = db.table(REVIEWS)
    mine = table.get(incoming["id"])
    if mine is None:
        table.insert(incoming)
        result.count(REVIEWS, new=True)
        return
    news = [e for e in incoming["history"] if e not in mine["history"]]
    if not news:
        return
    merged = dict(incoming) if (incoming.get("reviewed") or "") > (mine.get("reviewed") or "") \
        else dict(mine)
    merged["history"] = sorted(mine["history"] + news, key=lambda e: e.get("at") or "")
    merged["first_reviewed"] = min(filter(None, [mine.get("first_reviewed"),
                                                 incoming.get("first_reviewed")]), default=None)
    table.upsert(merged)
    result.count(REVIEWS, new=False)


# Writing -------------------------------------------------------------------------------------

def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write an export whole or not at all."""
    try:
        files.write_atomic(path, data)
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror}") from None
