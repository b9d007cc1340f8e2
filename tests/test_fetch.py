"""factcheck.fetch against a real HTTP server on 127.0.0.1: limits, charsets, conditional GET."""

import socket
import time

import pytest
from localserver import Gauge, LocalServer, page

from factcheck import __version__
from factcheck.errors import FetchError
from factcheck.fetch import Fetcher, Request, robots_url, sniff_charset

pytestmark = pytest.mark.network

ARABIC = "وقال المتحدث باسم البلدية إن الطريق سيفتح غدًا."


@pytest.fixture
def server():
    with LocalServer() as s:
        yield s


@pytest.fixture
def fetcher():
    with Fetcher(timeout=0.5, max_bytes=1024 * 1024) as f:
        yield f


def test_sends_user_agent_and_decompresses_gzip(server, fetcher):
    body = ("<p>" + ARABIC + "</p>") * 50
    url = server.add("/gz", body, gzip=True, headers={"Content-Type": "text/html"})
    reply = fetcher.fetch(url)
    assert reply.body.decode("utf-8") == body
    headers = server.requests[-1][1]
    assert headers["User-Agent"].startswith(f"factcheck/{__version__}")
    assert "gzip" in headers["Accept-Encoding"]


def test_follows_a_redirect_and_reports_where_it_ended(server, fetcher):
    target = server.add("/story", "done", headers={"Content-Type": "text/plain"})
    start = server.redirect("/old", target, status=301)
    reply = fetcher.fetch(start)
    assert (reply.status, reply.final_url, reply.body) == (200, target, b"done")


def test_too_many_redirects_is_a_fetch_error(server):
    for n in range(4):
        server.redirect(f"/r{n}", server.url(f"/r{n + 1}"))
    server.add("/r4", "end")
    with Fetcher(timeout=0.5, max_redirects=2) as fetcher, \
            pytest.raises(FetchError, match="more than 2 redirects"):
        fetcher.fetch(server.url("/r0"))


@pytest.mark.parametrize(("status", "reason"), [(404, "Not Found"),
                                                (500, "Internal Server Error")])
def test_http_errors_are_one_line_fetch_errors(server, fetcher, status, reason):
    url = server.add("/broken", "oops", status=status)
    with pytest.raises(FetchError) as err:
        fetcher.fetch(url)
    assert str(err.value) == f"{url}: HTTP {status} {reason}"


def test_a_stalled_server_times_out(server, fetcher):
    url = server.add("/slow", "late", stall=3.0)
    with pytest.raises(FetchError, match=r"no answer within 0\.5s"):
        fetcher.fetch(url)


def test_a_body_trickling_in_past_the_deadline_is_abandoned(server, fetcher):
    # Every chunk comes within the read timeout, but the whole body would take 20 s.
    url = server.add("/trickle", b"z" * 100 * 1024, trickle=0.2)
    with pytest.raises(FetchError, match=r"body not received within 0\.5s"):
        fetcher.fetch(url)


def test_a_body_past_the_limit_is_abandoned_while_streaming(server, fetcher):
    url = server.add("/huge", b"x" * (20 * 1024 * 1024), length=False)
    with pytest.raises(FetchError, match="more than the 1.0 MB limit"):
        fetcher.fetch(url)


def test_the_limit_counts_decompressed_bytes(server, fetcher):
    # 3 MB of zeros gzip to a few kilobytes: the declared length says nothing of the bomb.
    url = server.add("/bomb.gz", b"\0" * (3 * 1024 * 1024), gzip=True)
    with pytest.raises(FetchError, match="more than the 1.0 MB limit"):
        fetcher.fetch(url)


def test_a_declared_length_past_the_limit_is_refused_before_reading(server, fetcher):
    url = server.add("/declared", b"y" * (2 * 1024 * 1024))
    with pytest.raises(FetchError, match=r"2\.0 MB is over the 1\.0 MB limit"):
        fetcher.fetch(url)


def test_charset_from_the_header(server, fetcher):
    url = server.add("/cp", ARABIC.encode("cp1256"),
                     headers={"Content-Type": "text/plain; charset=windows-1256"})
    reply = fetcher.fetch(url)
    assert reply.charset == "windows-1256"
    assert reply.text() == ARABIC


def test_charset_from_the_page_when_the_header_has_none(server, fetcher):
    html = page("عنوان", [ARABIC], charset="windows-1256")
    url = server.add("/meta", html, headers={"Content-Type": "text/html"})
    reply = fetcher.fetch(url)
    assert reply.charset is None and reply.declared_charset() == "windows-1256"
    assert ARABIC in reply.text()


def test_sniff_charset_reads_xml_declarations_and_meta_tags():
    assert sniff_charset(b'<?xml version="1.0" encoding="Windows-1256"?><rss/>') == \
        "windows-1256"
    assert sniff_charset(b'<meta http-equiv="Content-Type" content="text/html; '
                         b'charset=ISO-8859-6">') == "iso-8859-6"
    assert sniff_charset(b"<html><p>no declaration</p></html>") is None


def test_conditional_get_sends_validators_and_reads_304(server, fetcher):
    url = server.add("/feed", "<rss/>", etag='"v1"')
    first = fetcher.fetch(url)
    assert first.etag == '"v1"' and not first.not_modified
    again = fetcher.fetch(Request(url, etag=first.etag))
    assert again.not_modified and again.body == b""
    assert server.requests[-1][1]["If-None-Match"] == '"v1"'


def test_fetch_all_keeps_order_and_isolates_failures(server, fetcher):
    good = server.add("/a", "A")
    missing = server.url("/nowhere")
    slow = server.add("/s", "S", stall=3.0)
    results = fetcher.fetch_all([good, missing, slow, server.add("/b", "B")])
    assert [r.body if not isinstance(r, FetchError) else "error" for r in results] == \
        [b"A", "error", "error", b"B"]


def test_refused_connection_and_non_http_urls(fetcher):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(FetchError, match="cannot connect"):
        fetcher.fetch(f"http://127.0.0.1:{port}/")
    with pytest.raises(FetchError, match="only http:// and https://"):
        fetcher.fetch("file:///etc/passwd")


def test_at_most_two_at_once_to_one_server_and_the_others_are_not_held_back(fetcher):
    with LocalServer() as busy, LocalServer() as quiet:
        slow = [busy.add(f"/s{n}", "S", stall=0.15) for n in range(4)]
        fast = [quiet.add(f"/f{n}", "F") for n in range(2)]
        # The client (its TLS context, the proxy settings) is made by the first request: made
        # before the clock starts, so that a loaded machine does not count it.
        fetcher.fetch(quiet.add("/warm", "W"))
        started = time.monotonic()
        results = fetcher.fetch_all(slow + fast)
        assert [r.body for r in results] == [b"S"] * 4 + [b"F"] * 2
        assert busy.gauge.most == 2
        # Four workers: the two left free by the busy server's limit take the quiet server's
        # URLs at once, rather than waiting behind the busy server's (0.15 s each).
        assert all(at - started < 0.1 for path, at in quiet.arrivals if path != "/warm")


def test_at_most_four_at_once_in_all(fetcher):
    total = Gauge()
    with LocalServer(total) as a, LocalServer(total) as b, LocalServer(total) as c:
        urls = [s.add(f"/{n}", "x", stall=0.1) for s in (a, b, c) for n in range(2)]
        assert all(r.body == b"x" for r in fetcher.fetch_all(urls))
    assert (total.most, a.gauge.most, b.gauge.most, c.gauge.most) == (4, 2, 2, 2)


def test_robots_txt_is_read_once_per_site_with_the_fetcher_user_agent(server, fetcher):
    server.add("/robots.txt", "User-agent: *\nDisallow: /private/\n\n"
                              "User-agent: factcheck\nDisallow: /drafts/\n")
    urls = [server.url(p) for p in ("/news/1", "/private/2", "/drafts/3", "/news/4")]
    assert robots_url(urls[0]) == server.url("/robots.txt")
    [(url, robots)] = fetcher.robots(urls).items()
    assert url == server.url("/robots.txt") and robots.error is None
    # Our own group applies, not the one for every other robot.
    assert [robots.allows(u) for u in urls] == [True, True, False, True]
    assert [p for p, _ in server.requests] == ["/robots.txt"]
    assert server.requests[0][1]["User-Agent"].startswith(f"factcheck/{__version__}")


def test_a_missing_robots_txt_allows_and_an_unreachable_one_holds_the_site(fetcher):
    # RFC 9309 2.3.1.3-4: 4xx is "unavailable", anything may be read; 5xx or no answer is
    # "unreachable", nothing may be read for now.
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{sock.getsockname()[1]}/news/1"
    with LocalServer() as missing, LocalServer() as down:
        down.add("/robots.txt", "busy", status=503)
        pages = [missing.url("/news/1"), dead, down.url("/news/1")]
        answers = fetcher.robots(pages)
    assert [answers[robots_url(u)].allows(u) for u in pages] == [True, False, False]
    assert answers[robots_url(dead)].error.startswith(f"{robots_url(dead)}: cannot connect")
    assert answers[robots_url(pages[2])].error == \
        f"{down.url('/robots.txt')}: HTTP 503 Service Unavailable"


def test_robots_txt_follows_rfc_9309_wildcards_end_anchors_and_the_longest_match(server,
                                                                                fetcher):
    # urllib.robotparser took the first rule that matched and read * and $ as letters.
    server.add("/robots.txt", "User-agent: *\nDisallow: /news/\nAllow: /news/public/\n"
                              "Disallow: /*.pdf$\nDisallow: /*/print/\n")
    [site] = fetcher.robots([server.url("/")]).values()
    verdicts = {path: site.allows(server.url(path)) for path in (
        "/news/x", "/news/public/x", "/files/report.pdf", "/files/report.pdf?page=2",
        "/files/report.pdfx", "/2026/print/story", "/2026/story")}
    assert verdicts == {"/news/x": False, "/news/public/x": True, "/files/report.pdf": False,
                        "/files/report.pdf?page=2": True, "/files/report.pdfx": True,
                        "/2026/print/story": False, "/2026/story": True}
    assert site.crawl_delay is None


@pytest.mark.network
def test_a_crawl_delay_spaces_the_requests_to_its_site(server):
    server.add("/robots.txt", "User-agent: factcheck\nCrawl-delay: 0.4\nDisallow:\n")
    pages = [server.add(f"/news/{n}", "x") for n in range(3)]
    with LocalServer() as other, Fetcher() as fetcher:
        [site] = fetcher.robots(pages).values()
        assert site.crawl_delay == 0.4
        elsewhere = [other.add(f"/n/{n}", "y") for n in range(3)]
        fetcher.fetch_all(pages + elsewhere)
        unhurried = [t for _, t in other.arrivals]
    starts = [t for path, t in server.arrivals if path.startswith("/news/")]
    assert len(starts) == 3
    assert all(b - a >= 0.38 for a, b in zip(starts, starts[1:], strict=False)), starts
    assert max(unhurried) - min(unhurried) < 0.6  # not spaced: that would be 0.8 s or more


@pytest.mark.network
def test_the_desks_proxy_settings_are_honoured(monkeypatch):
    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy", "HTTPS_PROXY", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    story = "http://wire.example.invalid/2026/11/29/story"  # resolvable only by the proxy
    with LocalServer() as proxy:
        proxy.add(story, "from the proxy")
        monkeypatch.setenv("HTTP_PROXY", proxy.base)
        with Fetcher(timeout=5) as fetcher:
            assert fetcher.fetch(story).body == b"from the proxy"
        assert [path for path, _ in proxy.requests] == [story]
        assert proxy.requests[0][1]["User-Agent"].startswith("factcheck/")
        with LocalServer() as direct:
            monkeypatch.setenv("NO_PROXY", "127.0.0.1")
            page_url = direct.add("/p", "direct")
            with Fetcher(timeout=5) as fetcher:
                assert fetcher.fetch(page_url).body == b"direct"
        assert len(proxy.requests) == 1
