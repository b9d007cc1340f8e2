"""A real HTTP server on 127.0.0.1 (port 0) that tests fill with routes; no outside network."""

import contextlib
import gzip
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    """What one path answers: a status, headers, a body, and optional behaviours."""

    body: bytes = b""
    status: int = 200
    headers: dict = field(default_factory=dict)
    stall: float = 0.0          # seconds to wait before answering
    gzip: bool = False          # compress when the client accepts gzip
    length: bool = True         # send Content-Length (False: stream until the socket closes)
    etag: str | None = None     # answer 304 when If-None-Match matches
    trickle: float = 0.0        # seconds between 1 KB chunks of the body


class Gauge:
    """How many requests are being answered at once, and the most there ever were."""

    def __init__(self):
        self.now = self.most = 0
        self._lock = threading.Lock()

    def __enter__(self):
        with self._lock:
            self.now += 1
            self.most = max(self.most, self.now)

    def __exit__(self, *exc):
        with self._lock:
            self.now -= 1


class LocalServer:
    """Serves `routes` (path -> Route) and records each request's path and headers.

    `gauge` counts requests in progress on this server (until their answer starts); `shared`,
    if given, counts them together with other servers'. `arrivals` has each request's path
    and time.monotonic().
    """

    def __init__(self, shared: Gauge | None = None):
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict]] = []
        self.arrivals: list[tuple[str, float]] = []
        self.gauge = Gauge()
        self.release = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def do_GET(self):  # noqa: N802  (the name http.server calls)
                server.arrivals.append((self.path, time.monotonic()))
                server.requests.append((self.path, dict(self.headers)))
                route = server.routes.get(self.path)
                # Counted until the answer starts: the client has all of it only later, so a
                # request the client is done with is never counted.
                with server.gauge, shared or contextlib.nullcontext():
                    if route is not None and route.stall:
                        server.release.wait(route.stall)
                self._answer(route)

            def _answer(self, route):
                if route is None:
                    self.send_error(404, "Not Found")
                    return
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                body = route.body
                headers = dict(route.headers)
                if route.gzip and "gzip" in self.headers.get("Accept-Encoding", ""):
                    body = gzip.compress(body)
                    headers["Content-Encoding"] = "gzip"
                if route.etag:
                    headers["ETag"] = route.etag
                self.send_response(route.status)
                for name, value in headers.items():
                    self.send_header(name, value)
                if route.length:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                step = 1024 if route.trickle else 1 << 16
                try:
                    for start in range(0, len(body), step):
                        self.wfile.write(body[start:start + step])
                        if route.trickle:
                            self.wfile.flush()
                            if server.release.wait(route.trickle):
                                return
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a size limit): expected

            def log_message(self, *args):
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,),
                                        daemon=True)

    @property
    def base(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: bytes | str = b"", **kwargs) -> str:
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.routes[path] = Route(body=body, **kwargs)
        return self.url(path)

    def redirect(self, path: str, to: str, status: int = 302) -> str:
        return self.add(path, status=status, headers={"Location": to})

    def __enter__(self) -> "LocalServer":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.release.set()
        self._httpd.shutdown()
        self._httpd.server_close()


def rss(items: list[dict], *, title: str = "Local News", encoding: str = "utf-8",
        full: bool = False) -> bytes:
    """An RSS 2.0 document; each item dict has guid, link, title, date (RFC 822), body.

    The body goes in <description> (a summary), or in <content:encoded> with `full`.
    """
    def item(i: dict) -> str:
        parts = [f"<title>{_esc(i.get('title', ''))}</title>"]
        if i.get("guid"):
            parts.append(f"<guid isPermaLink=\"false\">{_esc(i['guid'])}</guid>")
        if i.get("link"):
            parts.append(f"<link>{_esc(i['link'])}</link>")
        if i.get("date"):
            parts.append(f"<pubDate>{i['date']}</pubDate>")
        tag = "content:encoded" if full else "description"
        parts.append(f"<{tag}>{_esc(i.get('body', ''))}</{tag}>")
        return "<item>" + "".join(parts) + "</item>"

    doc = (f'<?xml version="1.0" encoding="{encoding}"?>\n<rss version="2.0" '
           'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
           f"<title>{_esc(title)}</title><link>http://news.example/</link>"
           + "".join(item(i) for i in items) + "</channel></rss>\n")
    return doc.encode(encoding)


def atom(items: list[dict], *, title: str = "Local Atom") -> bytes:
    """An Atom document; each item dict has id, link, title, updated (ISO), body."""
    entries = "".join(
        f"<entry><id>{_esc(i['id'])}</id><title>{_esc(i.get('title', ''))}</title>"
        f'<link href="{_esc(i.get("link", ""))}"/><updated>{i.get("updated", "")}</updated>'
        f'<content type="html">{_esc(i.get("body", ""))}</content></entry>'
        for i in items)
    doc = ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
           f"<title>{_esc(title)}</title><id>urn:local:atom</id>"
           f"<updated>2026-11-01T00:00:00Z</updated>{entries}</feed>\n")
    return doc.encode("utf-8")


def page(title: str, paragraphs: list[str], *, charset: str = "utf-8", lang: str = "ar",
         date: str = "2026-11-20", boilerplate: bool = True) -> bytes:
    """A news page: the article's paragraphs inside navigation, related links and a footer."""
    body = "".join(f"<p>{_esc(p)}</p>" for p in paragraphs)
    nav = ("<nav><ul><li><a href='/'>الرئيسية</a></li><li><a href='/sport'>رياضة</a></li>"
           "<li><a href='/economy'>اقتصاد</a></li></ul></nav>") if boilerplate else ""
    aside = ("<aside><h3>الأكثر قراءة</h3><ul><li><a href='/x'>عنوان آخر لا علاقة له</a></li>"
             "<li><a href='/y'>خبر جانبي عن الطقس</a></li></ul></aside>") if boilerplate else ""
    footer = ("<footer><p>جميع الحقوق محفوظة لموقع الأخبار المحلية 2026</p></footer>"
              if boilerplate else "")
    html = (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="{charset}">'
            f"<title>{_esc(title)}</title>"
            f'<meta property="og:title" content="{_esc(title)}">'
            f'<meta property="og:site_name" content="Local News">'
            f'<meta name="date" content="{date}"></head><body>{nav}'
            f"<article><h1>{_esc(title)}</h1>{body}</article>{aside}{footer}</body></html>")
    return html.encode(charset)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") \
        .replace('"', "&quot;")
