"""factcheck.feeds: RSS and Atom parsed into items, unsafe XML refused, pages told from feeds."""

import pytest
from localserver import atom, page, rss
from newsroom import BRIDGE, HOSPITAL, WHEAT

from factcheck.errors import FetchError
from factcheck.feeds import html_fragment_text, looks_like_feed, parse_feed

BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
]>
<rss version="2.0"><channel><title>t</title>
<item><guid>bomb-1</guid><title>&d;</title><description>&d;</description></item>
</channel></rss>"""

EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>t</title>
<item><guid>ext-1</guid><title>x</title><description>&secret;</description></item>
</channel></rss>"""


def test_rss_items_carry_identity_source_fields_and_plain_text():
    raw = rss([{"guid": "n-1", "link": "http://news.example/a?utm_source=x", "title": "مستشفى",
                "date": "Mon, 23 Nov 2026 08:30:00 GMT",
                "body": "<p>" + HOSPITAL.replace("\n", "</p><p>") + "</p>"}],
              title="أخبار محلية")
    feed = parse_feed(raw, name="feed.xml")
    assert feed.title == "أخبار محلية" and feed.warnings == []
    [item] = feed.items
    assert (item.guid, item.link, item.title) == ("n-1", "http://news.example/a?utm_source=x",
                                                  "مستشفى")
    assert item.published == "2026-11-23T08:30:00+00:00"
    assert item.text == HOSPITAL


def test_atom_entries_take_their_html_content():
    raw = atom([{"id": "urn:x:1", "link": "http://news.example/bridge", "title": "Bridge",
                 "updated": "2026-11-24T10:00:00Z", "body": f"<div><p>{BRIDGE}</p></div>"}])
    [item] = parse_feed(raw, name="atom.xml").items
    assert (item.guid, item.link, item.text) == ("urn:x:1", "http://news.example/bridge", BRIDGE)
    assert item.published.startswith("2026-11-24T10:00:00")


def test_a_windows_1256_feed_is_decoded_from_its_declaration():
    raw = rss([{"guid": "w-1", "title": "قمح", "body": WHEAT}], encoding="windows-1256")
    assert WHEAT.encode("utf-8") not in raw
    [item] = parse_feed(raw, name="cp.xml").items
    assert item.text == WHEAT and item.title == "قمح"


@pytest.mark.parametrize("raw", [BOMB, EXTERNAL], ids=["entity-expansion", "external-entity"])
def test_entity_declarations_are_refused_not_expanded(raw):
    with pytest.raises(FetchError, match="refused: the XML declares entities"):
        parse_feed(raw, name="evil.xml")


def test_malformed_xml_with_nothing_usable_fails():
    with pytest.raises(FetchError, match=r"bad\.xml: not a usable feed \(malformed XML"):
        parse_feed(b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>x<',
                   name="bad.xml")


def test_malformed_xml_that_still_yields_items_is_read_with_a_warning():
    raw = rss([{"guid": "m-1", "title": "t", "body": WHEAT}]).replace(b"</channel>", b"")
    feed = parse_feed(raw, name="loose.xml")
    assert [i.guid for i in feed.items] == ["m-1"]
    assert feed.warnings and feed.warnings[0].startswith("loose.xml: malformed XML")


def test_an_unknown_declared_encoding_is_malformed_not_a_crash():
    raw = rss([{"guid": "u-1", "title": "t", "body": BRIDGE}]).replace(b"utf-8", b"x-klingon")
    feed = parse_feed(raw, name="odd.xml")
    assert feed.warnings[0].startswith("odd.xml: malformed XML (unknown encoding: x-klingon)")
    assert [i.text for i in feed.items] == [BRIDGE]


def test_feeds_are_told_from_pages():
    assert looks_like_feed(rss([]))
    assert looks_like_feed(atom([]))
    assert looks_like_feed(b"{}", "application/rss+xml")
    assert not looks_like_feed(page("t", ["نص"]))
    assert not looks_like_feed(rss([]), "text/html")
    # An XHTML page that quotes "<rss" in its body is still a page.
    assert not looks_like_feed(b'<?xml version="1.0"?><html><body>&lt;rss<p><rss</p></body>'
                               b"</html>")


def test_html_fragment_text_keeps_paragraphs_and_drops_scripts():
    html = "<p>الفقرة <b>الأولى</b></p><script>alert(1)</script><p>الفقرة&nbsp;الثانية</p>"
    assert html_fragment_text(html) == "الفقرة الأولى\nالفقرة الثانية"


RELATIVE = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>t</title><link>/</link>
<item><guid>/news/123</guid><description>a</description></item>
<item><guid isPermaLink="false">tag:7</guid><link>story.html</link>
<description>b</description></item>
</channel></rss>"""


def test_relative_links_and_permalink_guids_resolve_against_the_feed_url():
    feed = parse_feed(RELATIVE, name="rss", base="http://news.example/feeds/rss.xml")
    assert [(i.guid, i.link) for i in feed.items] == [
        ("http://news.example/news/123", "http://news.example/news/123"),
        ("tag:7", "http://news.example/feeds/story.html")]  # a GUID that is no link stays
    assert feed.link == "http://news.example/"


def test_xml_base_in_the_feed_comes_before_the_feed_url():
    raw = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="/world/"><title>t</title><id>urn:t</id>
<entry><id>urn:1</id><title>a</title><link href="kyiv.html"/></entry>
<entry xml:base="http://cdn.example/sport/"><id>urn:2</id><title>b</title>
<link href="cup.html"/></entry></feed>"""
    feed = parse_feed(raw, name="atom", base="http://news.example/feeds/atom.xml")
    assert [i.link for i in feed.items] == ["http://news.example/world/kyiv.html",
                                            "http://cdn.example/sport/cup.html"]


def test_without_a_base_relative_links_stay_as_written():
    feed = parse_feed(RELATIVE, name="feed.xml")
    assert [(i.guid, i.link) for i in feed.items] == [("/news/123", "/news/123"),
                                                      ("tag:7", "story.html")]


def json_feed(items: list, *, version: str = "https://jsonfeed.org/version/1.1", **extra) -> bytes:
    import orjson

    return orjson.dumps({"version": version, "title": "نشرة المساء",
                         "home_page_url": "https://news.example/", **extra, "items": items})


def test_a_json_feed_gives_items_like_rss():
    raw = json_feed([
        {"id": "jf-1", "url": "https://news.example/2026/bridge", "title": "جسر <b>الميناء</b>",
         "date_published": "2026-11-23T10:30:00+02:00", "content_html": f"<p>{HOSPITAL}</p>"},
        {"id": "jf-2", "url": "/2026/wheat", "content_text": WHEAT,
         "date_modified": "2026-11-24T08:00:00Z"},
        {"id": "jf-3", "external_url": "https://elsewhere.example/x", "summary": "موجز فقط"},
    ])
    assert looks_like_feed(raw) and looks_like_feed(raw, "application/feed+json")
    feed = parse_feed(raw, name="f", content_type="application/feed+json",
                      base="https://news.example/feed.json")
    assert (feed.title, feed.link) == ("نشرة المساء", "https://news.example/")
    first, second, third = feed.items
    assert (first.guid, first.link, first.title) == ("jf-1", "https://news.example/2026/bridge",
                                                     "جسر الميناء")
    assert first.published == "2026-11-23T08:30:00+00:00"
    assert first.text == HOSPITAL and first.full
    assert (second.link, second.text, second.published) == (
        "https://news.example/2026/wheat", WHEAT, "2026-11-24T08:00:00+00:00")
    assert (third.link, third.text, third.full) == ("https://elsewhere.example/x", "موجز فقط",
                                                    False)


def test_a_json_feed_1_0_with_a_number_for_an_id_is_read():
    raw = json_feed([{"id": 17, "content_text": BRIDGE}],
                    version="https://jsonfeed.org/version/1")
    [item] = parse_feed(raw, name="f").items
    assert (item.guid, item.text, item.link) == ("17", BRIDGE, None)


def test_json_feed_fields_of_the_wrong_type_are_ignored_not_trusted():
    raw = json_feed([
        {"id": ["x"], "url": {"href": "https://a.example"}, "title": 5, "content_html": None,
         "content_text": WHEAT, "date_published": "yesterday"},
        "not an item", {"id": True}, {},
    ], title={"nested": "no"})
    feed = parse_feed(raw, name="f")
    assert feed.title is None
    [item] = feed.items
    assert (item.guid, item.link, item.title, item.published, item.text) == (
        None, None, None, None, WHEAT)


@pytest.mark.parametrize("raw, reason", [
    (b'{"version": "https://jsonfeed.org/version/1.1", "items": {"a": 1}}', "is not a list"),
    (b'{"version": "https://jsonfeed.org/version/1.1", "items": [' + b"[" * 5000, "not JSON"),
    (b'{"title": "x", "items": []}', "no JSON Feed version"),
])
def test_a_broken_json_feed_fails_with_its_reason(raw, reason):
    with pytest.raises(FetchError, match=reason):
        parse_feed(raw, name="f.json", content_type="application/feed+json")
