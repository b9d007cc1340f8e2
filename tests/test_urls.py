"""Which URLs the desk keeps."""

import pytest

from factcheck import urls
from factcheck.errors import InputError


@pytest.mark.parametrize("url", ["https://news.example/a?id=1#top", "HTTP://News.Example",
                                 "http://[::1]:8080/x", "https://مثال.example/خبر"])
def test_web_urls_are_kept(url):
    assert urls.is_web_url(url) and urls.web_url_or_none(url) == url


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:,x", "file:///etc/passwd",
                                 "vbscript:x", "//news.example/a", "news.example/a", "http://",
                                 " https://news.example", "https://news.example/\x1b[2J",
                                 "https://[::1/x", None, 42])
def test_other_urls_are_not(url):
    assert not urls.is_web_url(url) and urls.web_url_or_none(url) is None


def test_checked_refuses_with_the_option_named_and_leaves_empty_alone():
    assert urls.checked(None) is None and urls.checked("") == ""
    with pytest.raises(InputError, match=r"^--url must be an http:// or https:// URL, not "):
        urls.checked("data:,x")
