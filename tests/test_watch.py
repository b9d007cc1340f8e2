"""factcheck.watch: only new work, never twice, nothing lost; sources served from 127.0.0.1."""

from datetime import date

import filelock
import httpx
import pytest
from localserver import LocalServer, page, rss
from newsroom import BRIDGE, HOSPITAL, PORT, POWER_CUT, SCHOOLS, VACCINE, WHEAT

import factcheck.watch as watch_module
from factcheck.errors import InputError, LockTimeout
from factcheck.extract import extract
from factcheck.store import Store
from factcheck.watch import (
    SourceKind,
    SourceStatus,
    canonical_url,
    read_sources_file,
    watch,
)


@pytest.fixture
def server():
    with LocalServer() as s:
        yield s


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "claims.json", lock_timeout=5)


def run(store, *sources, **kwargs):
    kwargs.setdefault("timeout", 0.5)
    return watch(list(sources), store=store, **kwargs)


def item(guid, body, *, link=None, title="خبر", date=None):
    return {"guid": guid, "link": link, "title": title, "body": body, "date": date}


def stored_texts(store):
    return sorted(a["text"] for a in store.read().articles.all())


def test_canonical_url_drops_tracking_fragment_and_host_case():
    assert canonical_url("HTTP://News.Example:80/a/b/?utm_source=x&id=7#top") == \
        "http://news.example/a/b?id=7"
    assert canonical_url("https://news.example") == "https://news.example/"
    assert canonical_url("http://127.0.0.1:8080/x") == "http://127.0.0.1:8080/x"


def test_sources_file_skips_blank_lines_and_comments(tmp_path):
    listing = tmp_path / "sources.txt"
    listing.write_text("# desk feeds\nhttps://a.example/rss.xml  # main\n\n  ./inbox\n"
                       "https://b.example/page#section\n", encoding="utf-8")
    assert read_sources_file(str(listing)) == [
        "https://a.example/rss.xml", "./inbox", "https://b.example/page#section"]
    with pytest.raises(InputError, match="no such sources file"):
        read_sources_file(str(tmp_path / "missing.txt"))


def test_a_folder_and_a_feed_file_are_stored_with_their_claims(tmp_path, store):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(HOSPITAL, encoding="utf-8")
    (inbox / "b.md").write_text(BRIDGE, encoding="utf-8")
    (inbox / "ignored.pdf").write_bytes(b"%PDF-1.4")
    feed = tmp_path / "local.xml"
    feed.write_bytes(rss([item("f-1", WHEAT, link="http://news.example/wheat")], full=True))
    result = run(store, str(inbox), str(feed))
    assert [(r.kind, r.status, r.items, r.new) for r in result.sources] == [
        (SourceKind.FOLDER, SourceStatus.OK, 2, 2), (SourceKind.FEED, SourceStatus.OK, 1, 1)]
    db = store.read()
    assert stored_texts(store) == sorted([HOSPITAL, BRIDGE, WHEAT])
    expected = sum(len(extract(t)) for t in (HOSPITAL, BRIDGE, WHEAT))
    assert expected > 0 and len(db.claims) == expected == len(result.claims)
    wheat = db.articles.find(url="http://news.example/wheat")[0]
    assert wheat["outlet"] == "Local News" and wheat["title"] == "خبر"


def test_a_run_over_a_folder_and_a_feed_file_opens_no_http_client(tmp_path, store, monkeypatch):
    def no_client(*args, **kwargs):
        raise AssertionError("an HTTP client was made for local sources")
    monkeypatch.setattr(httpx, "Client", no_client)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(HOSPITAL, encoding="utf-8")
    feed = tmp_path / "local.xml"
    feed.write_bytes(rss([item("f-1", WHEAT, link="http://news.example/wheat")], full=True))
    result = run(store, str(inbox), str(feed))
    assert [r.new for r in result.sources] == [1, 1]


@pytest.mark.network
def test_a_second_run_stores_nothing_and_uses_conditional_get(server, store):
    url = server.add("/rss", rss([item("g-1", HOSPITAL), item("g-2", POWER_CUT)]),
                     etag='"feed-v1"', headers={"Content-Type": "application/rss+xml"})
    first = run(store, url)
    assert (first.sources[0].new, first.sources[0].status) == (2, SourceStatus.OK)
    before = store.read()
    second = run(store, url)
    assert (second.sources[0].new, second.sources[0].status, second.sources[0].kind) == \
        (0, SourceStatus.UNCHANGED, SourceKind.FEED)
    assert server.requests[-1][1].get("If-None-Match") == '"feed-v1"'
    assert second.articles == [] and second.claims == []
    after = store.read()
    assert len(after.articles) == 2 and len(after.claims) > 0
    # Only the source's "checked" time may change; no article, claim or seen key was touched.
    for table in ("articles", "claims", "seen"):
        assert after.table(table).all() == before.table(table).all()


@pytest.mark.network
def test_seen_items_are_recognised_by_guid_url_and_text(server, store):
    # Full content in every feed: the stories are read from the feeds, no page is fetched.
    server.add("/one", rss([item("s-1", HOSPITAL, link="http://news.example/h?utm_medium=rss",
                                 title="عنوان أول")], full=True))
    run(store, server.url("/one"))
    # Same GUID, edited headline and text: the feed says it is the same item.
    server.add("/one", rss([item("s-1", HOSPITAL + " (محدث)", link="http://news.example/h",
                                 title="عنوان معدل")], full=True))
    # Another feed, another GUID, same canonical URL.
    server.add("/two", rss([item("t-9", HOSPITAL + "\nسطر آخر",
                                 link="http://NEWS.example/h#comments")], full=True))
    # Another feed, another GUID and URL, the same story (spacing aside).
    server.add("/three", rss([item("x-5", HOSPITAL.replace(" ", "  "),
                                   link="http://mirror.example/story")], full=True))
    result = run(store, server.url("/one"), server.url("/two"), server.url("/three"))
    assert [(r.new, r.known) for r in result.sources] == [(0, 1), (0, 1), (0, 1)]
    assert stored_texts(store) == [HOSPITAL]
    # The mirror's URL is now remembered, so its item is skipped without reading its text.
    assert any(r["key"] == "url:http://mirror.example/story"
               for r in store.read().table("seen").all())


@pytest.mark.network
def test_a_page_with_boilerplate_and_a_windows_1256_page(server, store):
    boiler = server.add("/news/port", page("الموانئ", PORT.split("\n")),
                        headers={"Content-Type": "text/html; charset=utf-8"})
    cp = server.add("/news/schools", page("المدارس", SCHOOLS.split("\n"),
                                          charset="windows-1256"),
                    headers={"Content-Type": "text/html"})
    result = run(store, boiler, cp)
    assert [(r.kind, r.new) for r in result.sources] == [(SourceKind.PAGE, 1),
                                                         (SourceKind.PAGE, 1)]
    texts = "\n".join(stored_texts(store))
    for paragraph in (PORT + "\n" + SCHOOLS).split("\n"):
        assert paragraph in texts
    for boilerplate in ("جميع الحقوق محفوظة", "الأكثر قراءة", "رياضة"):
        assert boilerplate not in texts
    port = store.read().articles.find(url=boiler)[0]
    assert (port["title"], port["published"], port["outlet"]) == ("الموانئ", "2026-11-20",
                                                                  "Local News")
    # A page stored before is not fetched again.
    asked = len(server.requests)
    again = run(store, boiler, cp)
    assert [(r.status, r.new, r.known) for r in again.sources] == [
        (SourceStatus.UNCHANGED, 0, 1), (SourceStatus.UNCHANGED, 0, 1)]
    assert len(server.requests) == asked


@pytest.mark.network
def test_a_teaser_item_brings_its_linked_page(server, store):
    link = server.add("/story/7", page("Vaccines", [VACCINE], lang="en"))
    server.add("/rss", rss([item("tz-1", "Vaccines for schools.", link=link)]))
    result = run(store, server.url("/rss"))
    assert result.sources[0].new == 1
    [article] = store.read().articles.all()
    assert VACCINE in article["text"] and article["url"] == link


@pytest.mark.network
def test_relative_teaser_links_resolve_against_the_feed_url_after_redirects(server, store):
    server.add("/news/123", page("Vaccines", [VACCINE], lang="en"))
    server.add("/feeds/story.html", page("Bridge", [BRIDGE], lang="en"))
    server.add("/feeds/rss.xml", rss([item("rel-1", "Vaccines.", link="/news/123"),
                                      item("rel-2", "Bridge.", link="story.html")]))
    result = run(store, server.redirect("/rss", server.url("/feeds/rss.xml")))
    assert (result.sources[0].new, result.sources[0].warnings) == (2, [])
    urls = {a["url"]: a["text"] for a in store.read().articles.all()}
    assert VACCINE in urls[server.url("/news/123")]
    assert BRIDGE in urls[server.url("/feeds/story.html")]


def test_a_feed_file_stores_no_relative_link_and_fetches_nothing(tmp_path, store):
    feed = tmp_path / "feed.xml"
    feed.write_bytes(rss([item("file-1", "Vaccines for schools.", link="/news/123"),
                          item("file-2", "", link="//news.example/a")]))
    report = run(store, str(feed)).sources[0]
    # Nothing to resolve against: the teaser is stored as it is, no page is asked for, and
    # its link, no web URL, is not kept (factcheck.urls).
    assert (report.new, report.pending, report.warnings) == (
        1, 0, ["//news.example/a: an item with no text; skipped"])
    [article] = store.read().articles.all()
    assert (article["url"], article["text"]) == (None, "Vaccines for schools.")


@pytest.mark.network
def test_a_teaser_whose_page_fails_waits_for_the_next_run(server, store):
    link = server.add("/story/late", "down for maintenance", status=500)
    server.add("/rss", rss([item("late-1", "Bridge closes.", link=link),
                            item("full-1", WHEAT)]), etag='"v1"')
    first = run(store, server.url("/rss")).sources[0]
    # Reported, not stored with its teaser, not marked seen; the other item is stored.
    assert (first.status, first.new, first.pending, first.warnings) == (
        SourceStatus.OK, 1, 1, [])
    assert first.failures == [f"{link}: HTTP 500 Internal Server Error; the item waits for "
                              "the next run"]
    assert stored_texts(store) == [WHEAT]
    assert not any("late" in r["key"] for r in store.read().table("seen").all())
    server.add("/story/late", page("Bridge", [BRIDGE], lang="en"))
    second = run(store, server.url("/rss")).sources[0]
    # The validators were not saved while an item was pending, so the feed is read again.
    assert (second.status, second.new, second.known, second.failures) == (
        SourceStatus.OK, 1, 1, [])
    [bridge] = store.read().articles.find(url=link)
    assert BRIDGE in bridge["text"] and "Bridge closes." not in bridge["text"]


@pytest.mark.network
def test_a_source_whose_every_new_item_fails_has_failed(server, store):
    server.add("/slow", page("Bridge", [BRIDGE], lang="en"), stall=3.0)
    busy = server.add("/busy", "overloaded", status=503)
    server.add("/rss", rss([item("f-1", "", link=server.url("/slow")),
                            item("f-2", "Port.", link=busy)]))
    result = run(store, server.url("/rss"), timeout=0.1)
    report = result.sources[0]
    assert (report.status, report.new, report.pending) == (SourceStatus.FAILED, 0, 2)
    assert report.error == (f"{server.url('/rss')}: no new item could be read (2 failed); "
                            "they wait for the next run")
    assert [f.split(": ", 1)[1] for f in report.failures] == [
        "no answer within 0.1s; the item waits for the next run",
        "HTTP 503 Service Unavailable; the item waits for the next run"]
    assert result.failed and store.read().articles.all() == []


@pytest.mark.network
def test_a_page_gone_or_too_big_keeps_the_teaser_rather_than_waiting_for_ever(server, store):
    # 404 and a page over the limit are the site's standing answers: waiting would lose the
    # teaser when the item leaves the feed, and fail the source on every cron run meanwhile.
    gone = server.add("/gone", "no such page", status=404)
    big = server.add("/big", page("Port", [PORT] * 50))
    server.add("/rss", rss([item("g-1", "Bridge closes.", link=gone),
                            item("g-2", "Port reopens.", link=big)]))
    report = run(store, server.url("/rss"), max_bytes=4096).sources[0]
    assert (report.status, report.new, report.pending, report.failures) == (
        SourceStatus.OK, 2, 0, [])
    assert report.warnings == [
        f"{gone}: HTTP 404 Not Found; the feed's summary stored instead",
        f"{big}: {len(page('Port', [PORT] * 50))} bytes is over the 4096 bytes limit; "
        "the feed's summary stored instead"]
    assert sorted(a["text"] for a in store.read().articles.all()) == [
        "Bridge closes.", "Port reopens."]
    assert run(store, server.url("/rss")).sources[0].new == 0


@pytest.mark.network
def test_a_link_naming_no_site_does_not_stop_the_run(server, store):
    server.add("/rss", rss([item("h-1", "Bridge closes.", link="https://?x=1")]))
    report = run(store, server.url("/rss")).sources[0]
    assert (report.status, report.new) == (SourceStatus.OK, 1)
    assert report.warnings == ["https://?x=1: not a page address; the feed's summary stored "
                               "instead"]


@pytest.mark.network
def test_a_linked_page_without_article_text_is_not_asked_for_again(server, store):
    bare = "<!DOCTYPE html><html><body><script>render()</script></body></html>"  # JS only
    a, b = (server.add(f"/story/{n}", bare, headers={"Content-Type": "text/html"})
            for n in "ab")
    server.add("/rss", rss([item("e-1", "Bridge closes.", link=a), item("e-2", "", link=b)]))
    first = run(store, server.url("/rss")).sources[0]
    # The page answered: asking again would bring the same page, so the feed's summary is
    # what there is, and an item with none is reported once.
    assert (first.status, first.new, first.pending, first.failures) == (
        SourceStatus.OK, 1, 0, [])
    assert first.warnings == [
        f"{a}: no article text found in the HTML; the feed's summary stored instead",
        f"{b}: no article text found in the HTML; skipped"]
    assert stored_texts(store) == ["Bridge closes."]
    asked = len(server.requests)
    second = run(store, server.url("/rss")).sources[0]
    assert (second.new, second.known, second.warnings) == (0, 2, [])
    assert len(server.requests) == asked + 1  # the feed only


@pytest.mark.network
def test_robots_txt_is_obeyed_for_feed_links_not_for_the_sources_listed(server, store):
    server.add("/robots.txt", "User-agent: *\nDisallow: /private/\n")
    server.add("/news/1", page("Vaccines", [VACCINE], lang="en"))
    server.add("/private/2", page("Bridge", [BRIDGE], lang="en"))
    listed = server.add("/private/listed", page("Port", PORT.split("\n")))
    feed = server.add("/private/rss", rss([item("r-1", "Vaccines.", link=server.url("/news/1")),
                                           item("r-2", "Bridge.",
                                                link=server.url("/private/2"))]))
    first = run(store, feed, listed)
    asked = [p for p, _ in server.requests]
    assert sorted(asked) == ["/news/1", "/private/listed", "/private/rss", "/robots.txt"]
    assert (first.sources[0].new, first.sources[0].pending, first.sources[0].warnings) == (
        1, 0, [f"{server.url('/private/2')}: disallowed by its site's robots.txt; skipped "
               "(list the page itself to read it)"])
    assert first.sources[1].new == 1  # the page the desk listed itself
    # Reported once: the next run knows the item and asks nothing of the site but the feed.
    second = run(store, feed).sources[0]
    assert (second.new, second.known, second.warnings) == (0, 2, [])
    assert [p for p, _ in server.requests[len(asked):]] == ["/private/rss"]
    # Listing the page itself, or a feed that carries it whole, still brings the story.
    third = run(store, server.url("/private/2")).sources[0]
    assert third.new == 1 and BRIDGE in "\n".join(stored_texts(store))


@pytest.mark.network
def test_a_robots_txt_that_fails_holds_its_sites_pages_for_the_next_run(server, store):
    server.add("/robots.txt", "overloaded", status=503)
    server.add("/news/1", page("Vaccines", [VACCINE], lang="en"))
    server.add("/news/2", page("Bridge", [BRIDGE], lang="en"))
    server.add("/rss", rss([item("h-1", "Vaccines.", link=server.url("/news/1")),
                            item("h-2", "Bridge.", link=server.url("/news/2"))]))
    first = run(store, server.url("/rss")).sources[0]
    assert (first.status, first.new, first.pending) == (SourceStatus.FAILED, 0, 2)
    assert first.failures == [f"{server.url('/robots.txt')}: HTTP 503 Service Unavailable; "
                              "2 linked pages of the site wait for the next run"]
    assert "/news/1" not in [p for p, _ in server.requests] and stored_texts(store) == []
    server.add("/robots.txt", "User-agent: *\nDisallow:\n")
    second = run(store, server.url("/rss")).sources[0]
    assert (second.status, second.new, second.failures) == (SourceStatus.OK, 2, [])
    assert [p for p, _ in server.requests].count("/robots.txt") == 2  # once a run


@pytest.mark.network
def test_a_crawl_delay_leaves_what_does_not_fit_the_runs_budget_for_the_next(server, store,
                                                                             monkeypatch):
    monkeypatch.setattr(watch_module, "CRAWL_DELAY_BUDGET", 0.5)
    server.add("/robots.txt", "User-agent: *\nCrawl-delay: 0.3\n")
    stories = [VACCINE, BRIDGE, PORT]
    for n, story in enumerate(stories):
        server.add(f"/news/{n}", page(f"story {n}", story.split("\n"), lang="en"))
    server.add("/rss", rss([item(f"d-{n}", "Teaser.", link=server.url(f"/news/{n}"))
                            for n in range(3)]))
    first = run(store, server.url("/rss")).sources[0]
    # 0.5 s of waiting holds one delay of 0.3 s: two pages now, one for the next run, and no
    # failure reported for a site that only asked us to go slowly
    assert (first.status, first.new, first.pending, first.failures) == (
        SourceStatus.OK, 2, 1, [])
    second = run(store, server.url("/rss")).sources[0]
    assert (second.new, second.known, second.pending) == (1, 2, 0)
    assert len(stored_texts(store)) == 3


def test_max_items_leaves_the_rest_for_the_next_run(tmp_path, store):
    feed = tmp_path / "feed.xml"
    feed.write_bytes(rss([item(f"m-{n}", text) for n, text in
                          enumerate([HOSPITAL, POWER_CUT, WHEAT])]))
    counts = []
    for _ in range(4):
        r = run(store, str(feed), max_items=2).sources[0]
        counts.append((r.new, r.known, r.pending))
    assert counts == [(2, 0, 1), (1, 2, 0), (0, 3, 0), (0, 3, 0)]
    assert stored_texts(store) == sorted([HOSPITAL, POWER_CUT, WHEAT])


def test_since_skips_dated_items_before_the_day(tmp_path, store):
    feed = tmp_path / "feed.xml"
    feed.write_bytes(rss([item("old", HOSPITAL, date="Mon, 02 Nov 2026 08:00:00 GMT"),
                          item("new", POWER_CUT, date="Fri, 27 Nov 2026 08:00:00 GMT"),
                          item("undated", WHEAT)]))
    result = run(store, str(feed), since=date(2026, 11, 20))
    assert result.sources[0].new == 2
    assert stored_texts(store) == sorted([POWER_CUT, WHEAT])


def test_items_stored_by_an_overlapping_run_are_not_stored_again(tmp_path, store, monkeypatch):
    feed = tmp_path / "feed.xml"
    feed.write_bytes(rss([item("o-1", HOSPITAL), item("o-2", WHEAT)]))
    real_extract = watch_module._extract_claims
    overlapping = []

    def extract_then_let_another_run_finish(harvests, snapshot, progress):
        real_extract(harvests, snapshot, progress)
        if not overlapping:  # the other run stores both items while this one works
            overlapping.append(None)
            overlapping[0] = run(store, str(feed))

    monkeypatch.setattr(watch_module, "_extract_claims", extract_then_let_another_run_finish)
    late = run(store, str(feed))
    assert overlapping[0].sources[0].new == 2
    assert (late.sources[0].new, late.sources[0].known) == (0, 2)
    db = store.read()
    assert len(db.articles) == 2
    assert len(db.claims) == len(extract(HOSPITAL)) + len(extract(WHEAT))


def test_a_held_lock_makes_the_run_give_up_with_nothing_written(tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_bytes(rss([item("l-1", HOSPITAL)]))
    store = Store(tmp_path / "claims.json", lock_timeout=0.2)
    with filelock.FileLock(str(store.path) + ".lock"), \
            pytest.raises(LockTimeout, match="locked by another claims process"):
        run(store, str(feed))
    assert not store.path.exists()


def test_a_missing_path_fails_alone(tmp_path, store):
    (tmp_path / "a.txt").write_text(WHEAT, encoding="utf-8")
    result = run(store, str(tmp_path / "nope"), str(tmp_path / "a.txt"))
    assert [r.status for r in result.sources] == [SourceStatus.FAILED, SourceStatus.OK]
    assert result.sources[0].error == f"{tmp_path / 'nope'}: no such file, folder or URL"
    assert not result.failed and stored_texts(store) == [WHEAT]


def test_an_unreadable_file_is_reported_once_and_read_again_when_it_changes(tmp_path, store):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "good.txt").write_text(PORT, encoding="utf-8")
    broken = inbox / "broken.txt"
    broken.write_bytes(b"   \n")
    first = run(store, str(inbox)).sources[0]
    assert (first.new, first.warnings) == (1, [f"{broken} is empty; skipped until the file "
                                               "changes"])
    second = run(store, str(inbox)).sources[0]
    assert (second.new, second.known, second.warnings) == (0, 2, [])
    broken.write_text(SCHOOLS, encoding="utf-8")
    third = run(store, str(inbox)).sources[0]
    assert (third.new, third.warnings) == (1, [])
    assert stored_texts(store) == sorted([PORT, SCHOOLS])


def test_a_feed_item_without_text_is_reported_once(tmp_path, store):
    feed = tmp_path / "feed.xml"
    feed.write_bytes(rss([item("empty-1", ""), item("full-1", WHEAT)]))
    first = run(store, str(feed)).sources[0]
    assert (first.new, first.warnings) == (1, ["empty-1: an item with no text; skipped"])
    second = run(store, str(feed)).sources[0]
    assert (second.new, second.known, second.warnings) == (0, 2, [])
