"""The one module that talks to the network: bounded, polite HTTP GETs of feeds and pages.

Every request has a timeout (per operation, and a deadline for the whole body), a bounded
number of redirects, a size limit enforced while streaming (a page past the limit is abandoned,
never held whole in memory), a User-Agent naming factcheck, gzip, and conditional GET
(ETag / Last-Modified). A few URLs are fetched at once on threads, and never more than two at
once from one site; each failure becomes a FetchError with a one-line message, so one dead
server never stops the others. `Fetcher.robots` reads sites' robots.txt for the callers that
must obey it (pages reached through feed links, not the URLs a user listed), by RFC 9309 as
protego implements it (wildcards, `$`, the longest match deciding); a Crawl-delay it finds
spaces this fetcher's later requests to that site.

The newsroom's own network settings hold as for any HTTP client: HTTP_PROXY, HTTPS_PROXY,
ALL_PROXY and NO_PROXY, and SSL_CERT_FILE / SSL_CERT_DIR for a desk's own certificate
authority; the limits above apply through a proxy all the same.
"""

from __future__ import annotations

import re
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from protego import Protego

from factcheck import __version__
from factcheck.errors import FactcheckError, FetchError, HTTPStatusError, Unreachable
from factcheck.ingest import decode

if TYPE_CHECKING:
    import httpx

USER_AGENT = f"factcheck/{__version__} (+claims watch; fact-checking desk)"
DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_REDIRECTS = 5
DEFAULT_WORKERS = 4
DEFAULT_PER_HOST = 2
_DEFAULT_PORTS = {"http": 80, "https": 443}
# The product token robots.txt groups name us by (RFC 9309 2.2.1).
ROBOTS_TOKEN = "factcheck"

_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING_RE = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
_SNIFF_BYTES = 4096


@dataclass(frozen=True, slots=True)
class Request:
    """A URL to get, with the validators from the last time it was fetched."""

    url: str
    etag: str | None = None
    last_modified: str | None = None


@dataclass(slots=True)
class Response:
    """What came back: the body (decompressed), where it finally came from, and its headers."""

    url: str
    final_url: str
    status: int
    body: bytes = b""
    content_type: str = ""
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    def text(self) -> str:
        """The body as text, in the charset the headers or the page itself declare."""
        try:
            return decode(self.body, name=self.url, charset=self.declared_charset())
        except FactcheckError as exc:
            raise FetchError(str(exc)) from None

    def declared_charset(self) -> str | None:
        return self.charset or sniff_charset(self.body)


@dataclass(frozen=True, slots=True)
class Robots:
    """One site's robots.txt as it applies to factcheck, or why the site's pages must wait."""

    url: str
    rules: Protego | None = None  # None: nothing to obey (no robots.txt, or no answer)
    error: str | None = None  # the site answered 5xx: none of its pages are read this run

    def allows(self, url: str) -> bool:
        if self.error is not None:
            return False
        return self.rules is None or self.rules.can_fetch(url, ROBOTS_TOKEN)

    @property
    def crawl_delay(self) -> float | None:
        """Seconds the site asks between two requests (its Crawl-delay), if it asks."""
        if self.rules is None:
            return None
        delay = self.rules.crawl_delay(ROBOTS_TOKEN)
        return float(delay) if delay and delay > 0 else None


def robots_url(url: str) -> str | None:
    """Where the robots.txt that governs `url` lives; None for a URL that is not http(s)."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in _DEFAULT_PORTS or not parts.netloc:
        return None
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}/robots.txt"


def host_key(url: str) -> str:
    """The server a URL is on, as the per-host limit counts it: host and port."""
    try:
        parts = urlsplit(url)
        port = parts.port or _DEFAULT_PORTS.get(parts.scheme.lower())
    except ValueError:
        return ""
    return f"{(parts.hostname or '').lower()}:{port}"


def sniff_charset(body: bytes) -> str | None:
    """The charset a page or XML document declares about itself in its first bytes."""
    head = body[:_SNIFF_BYTES]
    found = _XML_ENCODING_RE.search(head) or _META_CHARSET_RE.search(head)
    return found.group(1).decode("ascii").lower() if found else None


class Fetcher:
    """An HTTP client with limits; use it as a context manager, from one thread or several."""

    def __init__(self, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES,
                 max_redirects: int = DEFAULT_MAX_REDIRECTS, workers: int = DEFAULT_WORKERS,
                 per_host: int = DEFAULT_PER_HOST):
        if workers < 1 or per_host < 1:
            raise ValueError("a fetcher needs at least one worker and one request per host")
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.workers = workers
        self.per_host = per_host
        self._host_slots: dict[str, threading.BoundedSemaphore] = {}
        self._slots_lock = threading.Lock()
        self.max_redirects = max_redirects
        # Crawl-delay by host: the earliest time the next request to it may start.
        self._spacing: dict[str, float] = {}
        self._next_start: dict[str, float] = {}
        self._client: httpx.Client | None = None
        self._client_lock = threading.Lock()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()

    def _http(self) -> httpx.Client:
        # Made on the first request: its TLS context costs ~60 ms, which a run over folders
        # and feed files never needs; so does importing httpx (~30 ms).
        import httpx

        with self._client_lock:
            if self._client is None:
                self._client = httpx.Client(
                    timeout=httpx.Timeout(self.timeout),
                    follow_redirects=True,
                    max_redirects=self.max_redirects,
                    headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
                    trust_env=True,  # the desk's proxy and CA settings (see above)
                )
            return self._client

    def fetch(self, request: Request | str) -> Response:
        """GET one URL within the limits; raises FetchError with a one-line reason."""
        if isinstance(request, str):
            request = Request(request)
        url = request.url
        if not url.lower().startswith(("http://", "https://")):
            raise FetchError(f"{url}: only http:// and https:// URLs can be fetched")
        with self._slot(url):
            self._wait_turn(host_key(url))
            return self._get(request)

    def space(self, url: str, seconds: float) -> None:
        """Start requests to the site of `url` at least `seconds` apart from now on."""
        with self._slots_lock:
            self._spacing[host_key(url)] = seconds

    def _wait_turn(self, key: str) -> None:
        with self._slots_lock:
            spacing = self._spacing.get(key)
            if not spacing:
                return
            now = time.monotonic()
            start = max(now, self._next_start.get(key, now))
            self._next_start[key] = start + spacing
        time.sleep(start - now)

    def _slot(self, url: str) -> threading.BoundedSemaphore:
        # The guarantee for any caller; fetch_all schedules so that its workers never wait here.
        key = host_key(url)
        with self._slots_lock:
            if key not in self._host_slots:
                self._host_slots[key] = threading.BoundedSemaphore(self.per_host)
            return self._host_slots[key]

    def _get(self, request: Request) -> Response:
        import httpx

        url = request.url
        try:
            with self._http().stream("GET", url, headers=_conditional(request)) as reply:
                return self._read(url, reply)
        except httpx.TimeoutException:
            raise Unreachable(f"{url}: no answer within {self.timeout:g}s") from None
        except httpx.TooManyRedirects:
            raise FetchError(f"{url}: more than {self.max_redirects} redirects") from None
        except httpx.ConnectError as exc:
            raise Unreachable(f"{url}: cannot connect ({_reason(exc)})") from None
        except httpx.DecodingError:
            raise FetchError(f"{url}: the compressed body is damaged") from None
        except httpx.TransportError as exc:  # the connection broke: network trouble
            raise Unreachable(f"{url}: {_reason(exc)}") from None
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            raise FetchError(f"{url}: {_reason(exc)}") from None

    def fetch_all(self, requests: Iterable[Request | str], *,
                  on_done: Callable[[], None] | None = None) -> list[Response | FetchError]:
        """Fetch several URLs a few at a time; each result is a Response or its FetchError.

        At most `workers` at once, and `per_host` at once from one server: a worker takes the
        earliest URL whose server has a free slot, so a site with many URLs does not hold the
        others back.
        """
        def one(request):
            try:
                return self.fetch(request)
            except FetchError as exc:
                return exc
            finally:
                if on_done:
                    on_done()

        requests = [r if isinstance(r, Request) else Request(r) for r in requests]
        if len(requests) <= 1:
            return [one(r) for r in requests]
        results: list[Response | FetchError | None] = [None] * len(requests)
        waiting: dict[str, deque[int]] = {}
        for n, request in enumerate(requests):
            waiting.setdefault(host_key(request.url), deque()).append(n)
        busy: Counter[str] = Counter()
        turn = threading.Condition()

        def take() -> tuple[int, str] | None:
            with turn:
                while waiting:
                    free = [(queue[0], key) for key, queue in waiting.items()
                            if busy[key] < self.per_host]
                    if free:
                        n, key = min(free)
                        waiting[key].popleft()
                        if not waiting[key]:
                            del waiting[key]
                        busy[key] += 1
                        return n, key
                    turn.wait()
                return None

        def work() -> None:
            while (job := take()) is not None:
                n, key = job
                try:
                    results[n] = one(requests[n])
                finally:
                    with turn:
                        busy[key] -= 1
                        turn.notify_all()

        workers = min(self.workers, len(requests))
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="fetch") as pool:
            for running in [pool.submit(work) for _ in range(workers)]:
                running.result()
        return results

    def robots(self, urls: Iterable[str]) -> dict[str, Robots]:
        """The robots.txt of every site among `urls`, each fetched once, by robots_url.

        Within the same limits as any fetch. As RFC 9309 (2.3.1.3-4) has it, a robots.txt that
        is missing (4xx) allows everything, and one that cannot be reached (5xx, no answer)
        disallows everything for now: the site's pages wait for a later run. One that cannot
        be used otherwise (over the size limit, too many redirects) counts as missing. A
        Crawl-delay spaces this fetcher's requests to the site from now on.
        """
        wanted = list(dict.fromkeys(u for u in map(robots_url, urls) if u))
        found = {url: _robots(url, reply)
                 for url, reply in zip(wanted, self.fetch_all(wanted), strict=True)}
        for url, site in found.items():
            if site.crawl_delay:
                self.space(url, site.crawl_delay)
        return found

    def _read(self, url: str, reply: httpx.Response) -> Response:
        if reply.status_code == 304:
            return _response(url, reply, b"")
        if reply.status_code >= 400:
            raise HTTPStatusError(
                f"{url}: HTTP {reply.status_code} {reply.reason_phrase}".rstrip(),
                status=reply.status_code)
        declared = reply.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(f"{url}: {_size(int(declared))} is over the "
                             f"{_size(self.max_bytes)} limit")
        deadline = time.monotonic() + self.timeout
        chunks, size = [], 0
        for chunk in reply.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(f"{url}: more than the {_size(self.max_bytes)} limit")
            if time.monotonic() > deadline:
                raise Unreachable(f"{url}: body not received within {self.timeout:g}s")
            chunks.append(chunk)
        return _response(url, reply, b"".join(chunks))


def _robots(url: str, reply: Response | FetchError) -> Robots:
    if isinstance(reply, HTTPStatusError):  # 4xx: none to obey; 5xx: unreachable
        return Robots(url, error=str(reply)) if reply.status >= 500 else Robots(url)
    if isinstance(reply, Unreachable):
        return Robots(url, error=str(reply))
    if isinstance(reply, FetchError):
        return Robots(url)
    return Robots(url, Protego.parse(reply.body.decode("utf-8-sig", errors="replace")))


def _conditional(request: Request) -> dict[str, str]:
    headers = {}
    if request.etag:
        headers["If-None-Match"] = request.etag
    if request.last_modified:
        headers["If-Modified-Since"] = request.last_modified
    return headers


def _response(url: str, reply: httpx.Response, body: bytes) -> Response:
    content_type = reply.headers.get("content-type", "")
    return Response(
        url=url,
        final_url=str(reply.url),
        status=reply.status_code,
        body=body,
        content_type=content_type.split(";")[0].strip().lower(),
        charset=_header_charset(content_type),
        etag=reply.headers.get("etag"),
        last_modified=reply.headers.get("last-modified"),
    )


def _header_charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'").lower()
    return None


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"
