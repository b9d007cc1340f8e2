"""Untrusted input treated as data: files beside the store, article text, feeds and a
terminal or disk that fails. Each case is one an attacker or a careless user tried."""

import builtins
import json
import pickle
from html.parser import HTMLParser

import pytest
from localserver import rss
from newsroom import ALL
from support_claims import claim, store_article, store_desk

from factcheck import cachefile
from factcheck.match import FORMS_CACHE, stored_forms
from factcheck.search import INDEX_NAME
from factcheck.store import Store


class _Payload:
    """What a pickle can make its reader do: here, create a marker file."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return builtins.open, (self.marker, "w")


def _caches(db_file):
    return [db_file.with_name(f"{db_file.name}.{name}.idx") for name in (INDEX_NAME, FORMS_CACHE)]


def test_a_pickle_put_in_place_of_a_cache_never_runs_and_the_cache_is_made_again(db_file, run):
    store_desk(db_file)
    assert run("search", "Peskov", "--json").exit_code == 0
    stored_forms(Store(db_file).read())
    marker = db_file.with_name("payload-ran")
    for cache in _caches(db_file):  # another user of the shared folder replaces them
        assert cache.exists()
        cache.write_bytes(pickle.dumps(_Payload(marker)) * 2)

    result = run("search", "Peskov", "--json")
    forms = stored_forms(Store(db_file).read())

    assert not marker.exists()
    assert result.exit_code == 0 and "بيسكوف" in result.stdout
    assert len(forms) == 5
    for cache in _caches(db_file):
        assert cache.read_bytes().startswith(cachefile.MAGIC)


def test_a_cache_from_another_store_is_not_taken_for_this_one(tmp_path, db_file, run):
    other = tmp_path / "other" / "claims.json"
    other.parent.mkdir()
    store_article(other, [claim("Omar Haddad", "said", "the bridge will reopen in spring")])
    run("search", "bridge", "--db", str(other))
    store_desk(db_file)
    other.with_name(f"{other.name}.{INDEX_NAME}.idx").replace(_caches(db_file)[0])

    nothing = run("search", "bridge", "--json")
    assert (nothing.exit_code, nothing.stdout) == (1, "[]\n")
    assert "Zakharova" in run("search", "Zakharova").stdout


# ClaimReview in a script block ---------------------------------------------------------------

class _Scripts(HTMLParser):
    """The script elements of a page, as a browser's parser splits them."""

    def __init__(self):
        super().__init__()
        self.scripts: list[str] = []
        self._inside = False

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._inside = True
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._inside = False

    def handle_data(self, data):
        if self._inside:
            self.scripts[-1] += data


HOSTILE_QUOTE = ('The minister Omar Haddad said on Monday that "the grain deal </script><script>'
                 'alert(1)</script> was never signed <!-- and will not be & cannot be".\n')


def test_claimreview_embedded_in_a_page_stays_one_script_block_of_the_same_json(
        run, tmp_path, monkeypatch):
    monkeypatch.setenv("USER", "amal")
    article = tmp_path / "grain.txt"
    article.write_text(HOSTILE_QUOTE + "\u2028", encoding="utf-8")
    run("add", str(article), "--url", "https://news.example/grain",
        "--title", "Grain </SCRIPT ><!-- deal")
    [stored] = json.loads(run("list", "--json").stdout)
    run("review", stored["id"], "--verdict", "false", "--url", "https://desk.example/c/1")
    exported = run("export", "--format", "claimreview", "--publisher", "Desk").stdout

    page = ('<html><head><script type="application/ld+json">' + exported +
            '</script></head><body><p>after</p></body></html>')
    parser = _Scripts()
    parser.feed(page)

    assert len(parser.scripts) == 1
    assert json.loads(parser.scripts[0]) == json.loads(exported)
    [doc] = json.loads(exported)
    assert "</script>" in doc["claimReviewed"] and "<!--" in doc["claimReviewed"]
    assert doc["itemReviewed"]["appearance"]["headline"] == "Grain </SCRIPT ><!-- deal"
    assert not set("<>&\u2028\u2029") & set(exported)


# Only web URLs stored ------------------------------------------------------------------------

NOT_WEB = ["javascript:alert(document.cookie)", "data:text/html,<b>hi</b>", "file:///etc/passwd",
           "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "http://"]


def test_feed_links_that_are_not_web_urls_are_never_stored_nor_exported(tmp_path, run, db_file,
                                                                          monkeypatch):
    feed = tmp_path / "feed.xml"
    feed.write_bytes(rss([{"guid": f"g-{n}", "title": "خبر", "body": body, "link": link}
                          for n, (body, link) in enumerate(zip(ALL[:3], NOT_WEB, strict=False))],
                         full=True))
    assert run("watch", str(feed), "--jsonl").exit_code == 0
    db = Store(db_file).read()
    assert len(db.articles) == 3
    assert [a["url"] for a in db.articles.all()] == [None, None, None]
    assert db.claims.all() and {c["url"] for c in db.claims.all()} == {None}

    monkeypatch.setenv("USER", "amal")
    some = db.claims.ids()[0]
    run("review", some, "--verdict", "false", "--url", "https://desk.example/c/2")
    [doc] = json.loads(run("export", "--publisher", "Desk").stdout)
    assert "appearance" not in doc["itemReviewed"]


@pytest.mark.parametrize("url", NOT_WEB)
def test_a_url_given_on_the_command_line_must_be_a_web_url(run, tmp_path, url):
    article = tmp_path / "a.txt"
    article.write_text(ALL[0], encoding="utf-8")
    result = run("add", str(article), "--url", url)
    assert result.exit_code == 2
    assert result.stderr == (f"claims: error: --url must be an http:// or https:// URL, "
                             f"not {url!r}\n")


def test_a_review_url_must_be_a_web_url(run, tmp_path, monkeypatch):
    monkeypatch.setenv("USER", "amal")
    article = tmp_path / "a.txt"
    article.write_text(ALL[0], encoding="utf-8")
    run("add", str(article))
    stored = json.loads(run("list", "--json").stdout)[0]
    result = run("review", stored["id"], "--verdict", "false", "--url", NOT_WEB[0])
    assert (result.exit_code, result.stderr.count("\n")) == (2, 1)
    assert "--url must be an http:// or https:// URL" in result.stderr


def test_import_refuses_a_record_whose_url_is_not_a_web_url(run, tmp_path, db_file):
    article = tmp_path / "a.txt"
    article.write_text(ALL[0], encoding="utf-8")
    run("add", str(article), "--url", "https://news.example/a")
    exported = run("export", "--format", "jsonl").stdout
    hostile = tmp_path / "other-desk.jsonl"
    hostile.write_text(exported.replace("https://news.example/a", NOT_WEB[1]), encoding="utf-8")
    db_file.unlink()
    result = run("import", str(hostile))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"claims: error: {hostile}:1: claim url must be an http")
    assert not db_file.exists() or not Store(db_file).read().claims.ids()
