"""Watching sources (feeds, pages, folders) for new articles: only new work, never twice.

A run has two halves. Outside the database lock: fetch the sources a few at a time, parse
them, drop every item already seen (by feed GUID, canonical URL, file identity or the hash of
its normalised text) and extract the claims of what is left; this is the slow part, and it
must not hold other `claims` processes back. Inside the lock (`Store.write`, one atomic
write): check "seen" again, since an overlapping run may have stored the same items while we
fetched, then store the articles, remember what was seen and each source's ETag and
Last-Modified, and look for contradictions with what the desk stored before.

Nothing is lost: an item that could not be read is not marked seen, and a source's validators
are only saved when every item it offered was stored or known, so the next run retries the rest.
A teaser whose page fails for a passing reason (5xx, a timeout, no connection) is such an
item: it is reported as a failure and neither stored nor marked seen, so the next run reads the
whole story rather than this run keeping only its teaser. A page that answers for good (gone,
over the size limit, no article text) keeps the teaser: waiting would lose it with the item. A
source counts as failed when it offered new items and every one of them failed.
"""

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from factcheck import factchecks, urls
from factcheck.articles import AddResult, add_article, article_id, now_iso
from factcheck.contradict import check_added
from factcheck.errors import FactcheckError, FetchError, InputError
from factcheck.extract import extract
from factcheck.feeds import Feed, parse_feed
from factcheck.feeds import looks_like_feed as _looks_like_feed
from factcheck.fetch import (
    DEFAULT_MAX_BYTES,
    DEFAULT_TIMEOUT,
    Fetcher,
    Request,
    Response,
    robots_url,
)
from factcheck.ingest import Article, article_paths, html_to_article, read_article
from factcheck.match import Forms, stored_forms
from factcheck.store import Database, Store

SOURCES_TABLE = "sources"
SEEN_TABLE = "seen"
# A feed entry with only a summary shorter than this is a teaser: its linked page is fetched.
TEASER_CHARS = 400
# Seconds of waiting a run spends on one site's Crawl-delay; its pages past that wait for the
# next run, so a site asking for a minute between pages never holds cron up for long.
CRAWL_DELAY_BUDGET = 30.0
_TRACKING_PARAMS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid")
_FEED_SUFFIXES = (".xml", ".rss", ".atom")

Progress = Callable[[str, int, int], None]


class SourceKind(StrEnum):
    FEED = "feed"
    PAGE = "page"
    FOLDER = "folder"
    FILE = "file"


class SourceStatus(StrEnum):
    OK = "ok"
    UNCHANGED = "unchanged"
    FAILED = "failed"


@dataclass
class SourceReport:
    """What one source gave in this run."""

    source: str
    kind: SourceKind | None = None
    status: SourceStatus = SourceStatus.OK
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # items that could not be read: retried
    items: int = 0
    new: int = 0
    known: int = 0
    pending: int = 0
    claims: int = 0

    def to_dict(self) -> dict:
        return {"source": self.source, "kind": self.kind.value if self.kind else None,
                "status": self.status.value, "error": self.error, "warnings": self.warnings,
                "failures": self.failures,
                "items": self.items, "new": self.new, "known": self.known,
                "pending": self.pending, "claims": self.claims}


@dataclass
class WatchResult:
    """A whole run: per-source reports, what was stored, and the new contradictions."""

    sources: list[SourceReport]
    articles: list[AddResult] = field(default_factory=list)
    contradictions: list[dict] = field(default_factory=list)
    # New claims that repeat or contradict a published fact-check (factcheck.factchecks).
    factchecked: list = field(default_factory=list)

    @property
    def failed(self) -> bool:
        """True when every source failed: the run itself did nothing it was asked to."""
        return bool(self.sources) and all(s.status is SourceStatus.FAILED for s in self.sources)

    @property
    def claims(self) -> list[dict]:
        return [c for r in self.articles for c in r.claims]


@dataclass
class _Candidate:
    """An item not seen before: its identity keys, and its article once it has text."""

    keys: list[str]
    article: Article | None = None
    link: str | None = None
    claims: list[dict] | None = None
    # Nothing to store, only keys to remember: the text is stored already under other keys,
    # or the item is unusable (reported once, read again only if it changes).
    known: bool = False


@dataclass
class _Harvest:
    """One source's work between fetching and storing."""

    report: SourceReport
    source_id: str
    state: dict = field(default_factory=dict)  # the source's record from the last runs
    candidates: list[_Candidate] = field(default_factory=list)
    validators: dict | None = None
    failed: int = 0  # new items that could not be read in this run


def watch(sources: list[str], *, store: Store, since: date | None = None,
          max_items: int | None = None, timeout: float = DEFAULT_TIMEOUT,
          max_bytes: int = DEFAULT_MAX_BYTES, on_progress: Progress | None = None) -> WatchResult:
    """Read every source, store what is new, and report new contradictions."""
    if not sources:
        raise InputError("no sources to watch")
    progress = on_progress or (lambda stage, done, total: None)
    snapshot = store.read()
    harvests = _harvest_unlocked(sources, snapshot, since=since, max_items=max_items,
                                 timeout=timeout, max_bytes=max_bytes, progress=progress)
    # Unless another process wrote meanwhile, the snapshot is the store: not parsed again.
    with store.write(reuse=snapshot) as db:
        forms = stored_forms(db)  # before the store changes: from the file kept beside it
        result = _store_harvests(db, harvests)
        result.contradictions = _contradictions(db, result.articles, forms)
        result.factchecked = factchecks.matches(db, result.claims)
    return result


def _harvest_unlocked(sources: list[str], snapshot: Database, *, since, max_items, timeout,
                      max_bytes, progress) -> list["_Harvest"]:
    """Fetch and extract what looks new against a snapshot of the store, holding no lock."""
    with Fetcher(timeout=timeout, max_bytes=max_bytes) as fetcher:
        harvests = _harvest_all(sources, snapshot, fetcher, since=since, max_items=max_items,
                                progress=progress)
        _fetch_teasers(harvests, fetcher, progress)
    _extract_claims(harvests, snapshot, progress)
    return harvests


def read_sources_file(path: str) -> list[str]:
    """The sources listed in a file, one a line; blank lines and `#` comments ignored."""
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except FileNotFoundError:
        raise InputError(f"{path}: no such sources file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the sources file ({exc})") from None
    out = []
    for line in lines:
        line = line.strip()
        if line.startswith("#"):
            continue
        line = line.split(" #", 1)[0].split("\t#", 1)[0].strip()
        if line:
            out.append(line)
    return out


def canonical_url(url: str) -> str:
    """A URL in one spelling: lower-case host, no fragment, no tracking parameters."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if parts.port and (parts.scheme, parts.port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{parts.port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not k.lower().startswith(_TRACKING_PARAMS)])
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), host, path, query, ""))


def source_id(source: str) -> str:
    return _digest(_source_name(source))


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


# Outside the lock: fetching and reading ------------------------------------------------------

def _harvest_all(sources, snapshot, fetcher, *, since, max_items, progress) -> list[_Harvest]:
    seen = _Seen(snapshot)
    states = snapshot.table(SOURCES_TABLE)
    harvests = [_Harvest(SourceReport(s), sid, states.get(sid) or {})
                for s, sid in ((s, source_id(s)) for s in sources)]
    urls = [h for h in harvests if is_url(h.report.source) and not _known_page(h, seen)]
    requests = [Request(h.report.source, etag=h.state.get("etag"),
                        last_modified=h.state.get("last_modified")) for h in urls]
    done = [0]

    def fetched():
        done[0] += 1
        progress("fetch", done[0], len(requests))

    responses = fetcher.fetch_all(requests, on_done=fetched)
    replies = dict(zip((id(h) for h in urls), responses, strict=True))
    for harvest in harvests:
        if harvest.report.status is SourceStatus.UNCHANGED:
            continue
        try:
            _harvest_one(harvest, replies.get(id(harvest)), seen, since=since)
        except FactcheckError as exc:
            harvest.report.status = SourceStatus.FAILED
            harvest.report.error = str(exc)
            harvest.candidates = []
            continue
        _cap(harvest, max_items)
    return harvests


def _known_page(harvest: _Harvest, seen: "_Seen") -> bool:
    """A page source stored before is not fetched again: its URL identifies the story."""
    if harvest.state.get("kind") != SourceKind.PAGE or \
            not seen.any(_url_keys(harvest.report.source)):
        return False
    report = harvest.report
    report.kind, report.status, report.items, report.known = (
        SourceKind.PAGE, SourceStatus.UNCHANGED, 1, 1)
    return True


def _harvest_one(harvest: _Harvest, reply, seen: "_Seen", *, since: date | None) -> None:
    source = harvest.report.source
    if isinstance(reply, FetchError):
        raise reply
    if isinstance(reply, Response):
        _harvest_response(harvest, reply, seen, since)
        return
    path = Path(source)
    if path.is_dir():
        harvest.report.kind = SourceKind.FOLDER
        _harvest_files(harvest, article_paths([source]), seen, since)
    elif not path.exists():
        raise InputError(f"{source}: no such file, folder or URL")
    elif path.suffix.lower() in _FEED_SUFFIXES or _file_is_feed(path):
        harvest.report.kind = SourceKind.FEED
        feed = parse_feed(_read_bytes(path), name=source)
        _harvest_feed(harvest, feed, seen, since)
    else:
        harvest.report.kind = SourceKind.FILE
        _harvest_files(harvest, [source], seen, since)


def _harvest_response(harvest: _Harvest, reply: Response, seen: "_Seen", since) -> None:
    report = harvest.report
    if reply.not_modified:
        known = harvest.state.get("kind")
        report.kind = SourceKind(known) if known else None
        report.status = SourceStatus.UNCHANGED
        return
    harvest.validators = {"etag": reply.etag, "last_modified": reply.last_modified}
    if _looks_like_feed(reply.body, reply.content_type):
        report.kind = SourceKind.FEED
        feed = parse_feed(reply.body, name=report.source, content_type=reply.content_type,
                          charset=reply.charset, base=reply.final_url)
        _harvest_feed(harvest, feed, seen, since)
        return
    report.kind = SourceKind.PAGE
    article = _page_article(reply)
    report.items = 1
    keys = _url_keys(reply.url, reply.final_url, article.url)
    if seen.any(keys):
        report.known = 1
        return
    if seen.has_text(article.text):
        report.known = 1
        harvest.candidates.append(_Candidate(keys=keys, article=article, known=True))
        return
    if _before(article.published, since):
        return
    harvest.candidates.append(_Candidate(keys=keys, article=article))


def _page_article(reply: Response) -> Article:
    try:
        article = html_to_article(reply.text(), url=reply.final_url)
    except InputError as exc:
        raise FetchError(str(exc)) from None
    article.url = urls.web_url_or_none(article.url) or reply.final_url
    return article


def _harvest_feed(harvest: _Harvest, feed: Feed, seen: "_Seen", since) -> None:
    report = harvest.report
    report.warnings.extend(feed.warnings)
    outlet = feed.title or (urlsplit(feed.link).hostname if feed.link else None)
    for item in feed.items:
        report.items += 1
        keys = []
        if item.guid:
            keys.append(f"guid:{harvest.source_id}:{item.guid}")
        if item.link:
            keys.extend(_url_keys(item.link))
        if seen.any(keys):
            report.known += 1
            continue
        if item.text and seen.has_text(item.text):
            report.known += 1
            harvest.candidates.append(_Candidate(keys=keys, article=Article(text=item.text),
                                                 known=True))
            continue
        if _before(item.published, since):
            continue
        article = Article(text=item.text, title=item.title, published=item.published,
                          outlet=outlet, url=item.link)
        link = item.link if item.link and is_url(item.link) else None
        if link and not item.full and len(item.text) < TEASER_CHARS:
            if seen.any([_robots_key(link)]):  # its site's robots.txt said no before
                report.known += 1
                continue
            harvest.candidates.append(_Candidate(keys=keys, article=article, link=link))
        elif item.text.strip():
            harvest.candidates.append(_Candidate(keys=keys, article=article))
        else:
            report.warnings.append(f"{item.link or item.guid}: an item with no text; skipped")
            harvest.candidates.append(_Candidate(keys=keys, known=True))


def _harvest_files(harvest: _Harvest, paths: list[str], seen: "_Seen", since) -> None:
    report = harvest.report
    for path in paths:
        report.items += 1
        key = _file_key(path)
        if seen.any([key]):
            report.known += 1
            continue
        if since and _mtime_date(path) < since:
            continue
        try:
            article = read_article(path)
        except FactcheckError as exc:
            report.warnings.append(f"{exc}; skipped until the file changes")
            harvest.candidates.append(_Candidate(keys=[key], known=True))
            continue
        known = seen.has_text(article.text)
        report.known += known
        harvest.candidates.append(_Candidate(keys=[key], article=article, known=known))


def _cap(harvest: _Harvest, max_items: int | None) -> None:
    # Items past the cap stay unseen, so the next run picks them up.
    fresh = [c for c in harvest.candidates if not c.known]
    if max_items is None or len(fresh) <= max_items:
        return
    dropped = {id(c) for c in fresh[max_items:]}
    harvest.report.pending += len(dropped)
    harvest.candidates = [c for c in harvest.candidates if id(c) not in dropped]


def _fetch_teasers(harvests: list[_Harvest], fetcher: Fetcher, progress: Progress) -> None:
    """For feed items that carry only a teaser, fetch the linked page for the whole story.

    These pages were not chosen by the user but reached through a feed, so their sites'
    robots.txt is obeyed (fetched once per site per run).
    """
    teasers = [(h, c) for h in harvests for c in h.candidates if c.link]
    if not teasers:
        return
    robots = fetcher.robots(c.link for _, c in teasers)
    wanted, held = [], {}
    for harvest, candidate in teasers:
        site = robots.get(robots_url(candidate.link))
        if site is None:  # a link naming no site (https://?x=1): there is no page to read
            _keep_teaser(harvest, candidate, f"{candidate.link}: not a page address")
        elif site.error:
            held.setdefault((id(harvest), site.url), (harvest, site, []))[2].append(candidate)
        elif not site.allows(candidate.link):
            _disallowed(harvest, candidate)
        else:
            wanted.append((harvest, candidate))
    for harvest, site, candidates in held.values():
        # The site's robots.txt could not be reached (5xx, no answer): its pages wait, one
        # line for them all.
        pages = "1 linked page of the site waits" if len(candidates) == 1 else \
            f"{len(candidates)} linked pages of the site wait"
        _defer(harvest, candidates, f"{site.error}; {pages} for the next run")
    wanted = _within_crawl_delays(wanted, robots)
    done = [0]

    def fetched():
        done[0] += 1
        progress("pages", done[0], len(wanted))

    replies = fetcher.fetch_all([c.link for _, c in wanted], on_done=fetched)
    for (harvest, candidate), reply in zip(wanted, replies, strict=True):
        if isinstance(reply, FetchError) and reply.transient:
            # The server may answer next time: storing the teaser now and marking it seen
            # would mean the story itself is never read.
            _defer(harvest, [candidate], f"{reply}; the item waits for the next run")
            continue
        if isinstance(reply, FetchError):
            # Gone or unusable for good (404, 410, too big): asking again changes nothing, and
            # waiting would lose the teaser with the item when it leaves the feed.
            _keep_teaser(harvest, candidate, str(reply))
            continue
        try:
            page = _page_article(reply)
        except FetchError as exc:  # the page answered but holds no article text
            _keep_teaser(harvest, candidate, str(exc))
            continue
        candidate.keys.extend(k for k in _url_keys(reply.final_url, page.url)
                              if k not in candidate.keys)
        candidate.article.text = page.text
        candidate.article.title = candidate.article.title or page.title
        candidate.article.published = candidate.article.published or page.published
        candidate.article.outlet = page.outlet or candidate.article.outlet
    for harvest in {id(h): h for h, _ in teasers}.values():
        _fail_if_nothing_read(harvest)


def _within_crawl_delays(wanted: list[tuple[_Harvest, _Candidate]],
                         robots: dict) -> list[tuple[_Harvest, _Candidate]]:
    """The pages to fetch now: of a site that asks for a Crawl-delay, as many as fit in
    CRAWL_DELAY_BUDGET seconds of waiting; the others wait, unread and unmarked, for the next
    run (counted as pending, not as a failure: the site only asked us to go slowly)."""
    taken: dict[str, int] = {}
    kept = []
    for harvest, candidate in wanted:
        site = robots[robots_url(candidate.link)]
        delay = site.crawl_delay
        allowed = 1 + int(CRAWL_DELAY_BUDGET // delay) if delay else None
        if allowed is not None and taken.get(site.url, 0) >= allowed:
            harvest.report.pending += 1
            harvest.candidates.remove(candidate)
            continue
        taken[site.url] = taken.get(site.url, 0) + 1
        kept.append((harvest, candidate))
    return kept


def _keep_teaser(harvest: _Harvest, candidate: _Candidate, reason: str) -> None:
    """The linked page will not give the story: the feed's summary is all there is."""
    if candidate.article.text.strip():
        harvest.report.warnings.append(f"{reason}; the feed's summary stored instead")
    else:
        harvest.report.warnings.append(f"{reason}; skipped")
        candidate.article, candidate.known = None, True


def _defer(harvest: _Harvest, candidates: list[_Candidate], reason: str) -> None:
    """Leave items unread for this run: reported, not stored, not marked seen."""
    harvest.report.failures.append(reason)
    harvest.report.pending += len(candidates)
    harvest.failed += len(candidates)
    for candidate in candidates:
        harvest.candidates.remove(candidate)


def _disallowed(harvest: _Harvest, candidate: _Candidate) -> None:
    # Marked seen, so reported once: robots.txt is the site's standing answer, not a passing
    # fault, and retrying would mail the same warning from cron every run for as long as the
    # item stays in the feed; if the site opens up, its new items are read. It is remembered
    # by its GUID and a robots: key, not its URL, so the same story is still stored from a
    # feed that carries it whole, or when the desk lists the page itself (a user's own
    # choice of URL is not subject to robots.txt).
    harvest.report.warnings.append(f"{candidate.link}: disallowed by its site's robots.txt; "
                                   "skipped (list the page itself to read it)")
    candidate.keys = [k for k in candidate.keys if not k.startswith("url:")]
    candidate.keys.append(_robots_key(candidate.link))
    candidate.article, candidate.known = None, True


def _fail_if_nothing_read(harvest: _Harvest) -> None:
    # One failing item among others is the item's problem; a source none of whose new items
    # could be read gave nothing this run, like a source that did not answer (and, when every
    # source is like that, the run exits 2).
    report = harvest.report
    if harvest.failed and not harvest.candidates and report.status is SourceStatus.OK:
        report.status = SourceStatus.FAILED
        report.error = (f"{report.source}: no new item could be read ({harvest.failed} "
                        "failed); they wait for the next run")


def _extract_claims(harvests: list[_Harvest], snapshot: Database, progress: Progress) -> None:
    # The extraction happens before the lock; add_article then only stores.
    todo = [c for h in harvests for c in h.candidates
            if not c.known and article_id(c.article.text) not in snapshot.articles]
    for n, candidate in enumerate(todo, 1):
        candidate.claims = [claim.to_dict() for claim in extract(candidate.article.text)]
        progress("extract", n, len(todo))


# Inside the lock: storing ----------------------------------------------------------------------

def _store_harvests(db: Database, harvests: list[_Harvest]) -> WatchResult:
    result = WatchResult(sources=[h.report for h in harvests])
    seen = _Seen(db)
    for harvest in harvests:
        report = harvest.report
        for candidate in harvest.candidates:
            if seen.any(candidate.keys):
                # An overlapping run stored it while we were fetching.
                report.known += not candidate.known
                continue
            if candidate.known:
                text = candidate.article.text if candidate.article else None
                seen.mark(candidate.keys, source=harvest.source_id,
                          article=article_id(text) if text else None)
                continue
            added = add_article(db, candidate.article, claims=candidate.claims)
            seen.mark(candidate.keys, source=harvest.source_id, article=added.article["id"])
            if added.new:
                report.new += 1
                report.claims += len(added.claims)
                result.articles.append(added)
            else:
                report.known += 1  # the same text came from another source in this run
        _save_source(db, harvest)
    seen.save()
    return result


def _save_source(db: Database, harvest: _Harvest) -> None:
    table = db.table(SOURCES_TABLE)
    report = harvest.report
    # Read again under the lock, so what an overlapping run saved meanwhile is kept.
    record = table.get(harvest.source_id) or {"id": harvest.source_id,
                                              "source": _source_name(report.source)}
    record["checked"] = now_iso()
    record["kind"] = report.kind.value if report.kind else record.get("kind")
    record["error"] = report.error
    if report.status is not SourceStatus.FAILED:
        record["ok"] = record["checked"]
    if harvest.validators and report.pending == 0:
        record.update(harvest.validators)
    table.upsert(record)


def _contradictions(db: Database, added: list[AddResult], forms: Forms) -> list[dict]:
    """New contradictions of the claims just stored, with every claim stored before or now."""
    # One pass for the whole run, as claims add makes: the new claims are in the store already
    # and are compared with each other too.
    return [{"contradiction": rec, "a": db.claims.get(rec["a"]), "b": db.claims.get(rec["b"])}
            for records in check_added(db, added, forms=forms) for rec in records]


# Identity -------------------------------------------------------------------------------------

class _Seen:
    """The identity keys and texts the database already knows, and those marked in this run."""

    def __init__(self, db: Database):
        self._db = db
        self._table = db.table(SEEN_TABLE)
        self._marked: dict[str, dict] = {}

    def any(self, keys: list[str]) -> bool:
        return any((d := _digest(k)) in self._marked or d in self._table for k in keys)

    def has_text(self, text: str) -> bool:
        return article_id(text) in self._db.articles

    def mark(self, keys: list[str], *, source: str, article: str | None) -> None:
        at = now_iso()
        for key in keys:
            self._marked[_digest(key)] = {"id": _digest(key), "key": key, "source": source,
                                          "article": article, "at": at}

    def save(self) -> None:
        # One insert for the run: each single insert costs as much as the whole table.
        self._table.insert_many([r for r in self._marked.values() if r["id"] not in self._table])


def _url_keys(*urls: str | None) -> list[str]:
    keys: list[str] = []
    for url in urls:
        if url and is_url(url):
            key = "url:" + canonical_url(url)
            if key not in keys:
                keys.append(key)
    return keys


def _robots_key(url: str) -> str:
    return "robots:" + canonical_url(url)


def _file_key(path: str) -> str:
    # Path, size and modification time: a file rewritten in place is read again, and then
    # recognised by its text if only its bytes changed.
    stat = os.stat(path)
    return f"file:{Path(path).resolve()}:{stat.st_size}:{stat.st_mtime_ns}"


def _source_name(source: str) -> str:
    return source if is_url(source) else str(Path(source).resolve())


def _digest(key: str) -> str:
    return hashlib.blake2b(key.encode("utf-8"), digest_size=10).hexdigest()


def _before(published: str | None, since: date | None) -> bool:
    """True when the item is dated and older than `since`; undated items are kept."""
    if since is None or not published:
        return False
    return published[:10] < since.isoformat()


def _mtime_date(path: str) -> date:
    return datetime.fromtimestamp(os.stat(path).st_mtime, UTC).date()


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror}") from None


def _file_is_feed(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return _looks_like_feed(fh.read(2048))
    except OSError:
        return False
