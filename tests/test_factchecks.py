"""factcheck.factchecks: published fact-checks read from ClaimReview, pages and Fact Check
Tools JSON, kept on every backend, and new claims set against them in either language."""

import json

from support_claims import claim

from factcheck import factchecks
from factcheck.store import open_store

REVIEW = {
    "@context": "https://schema.org", "@type": "ClaimReview",
    "url": "https://checks.example.org/2025/dam",
    "claimReviewed": "وزير الري قال إن السد سيكتمل قبل نهاية العام",
    "datePublished": "2025-05-04", "inLanguage": "ar",
    "author": {"@type": "Organization", "name": "مرصد التحقق"},
    "reviewRating": {"@type": "Rating", "alternateName": "مضلل"},
}


def test_a_page_gives_its_ld_json_claim_review_and_nothing_it_could_run():
    page = ("<html><head><script>alert('never run')</script>"
            '<script type="application/ld+json">' + json.dumps({"@graph": [REVIEW]})
            + "</script></head><body><p>claimReviewed: not this</p></body></html>")
    [found] = factchecks.parse(page.encode())
    assert (found["claim"], found["rating"], found["publisher"], found["url"], found["date"],
            found["lang"]) == (REVIEW["claimReviewed"], "مضلل", "مرصد التحقق",
                               "https://checks.example.org/2025/dam", "2025-05-04", "ar")


def test_the_fact_check_tools_format_gives_one_record_per_review():
    tools = {"claims": [{"text": "The bridge was built in 1990", "claimant": "A mayor",
                         "claimDate": "2025-01-02T00:00:00Z", "claimReview": [
                             {"publisher": {"name": "Desk A", "site": "desk-a.example"},
                              "url": "https://desk-a.example/bridge", "title": "Bridge",
                              "reviewDate": "2025-01-05", "textualRating": "False",
                              "languageCode": "en"},
                             {"publisher": {"name": "Desk B"}, "url": "javascript:alert(1)",
                              "textualRating": "Wrong", "languageCode": "en-GB"}]}]}
    found = factchecks.parse(json.dumps(tools).encode())
    assert [(f["publisher"], f["rating"], f["url"], f["lang"], f["claimant"]) for f in found] == [
        ("Desk A", "False", "https://desk-a.example/bridge", "en", "A mayor"),
        ("Desk B", "Wrong", None, "en", "A mayor")]


def test_jsonl_of_this_tool_is_not_taken_for_a_fact_check_document():
    assert not factchecks.looks_like(b'{"kind": "x"}\n{"kind": "y"}\n')
    assert factchecks.looks_like(json.dumps([REVIEW]).encode())


def test_kept_on_every_backend_and_a_repeat_in_the_other_language_is_found(store_spec):
    store = open_store(store_spec)
    with store.write() as db:
        assert factchecks.store(db, factchecks.parse(json.dumps(REVIEW).encode())) == (1, 0)
        assert factchecks.store(db, factchecks.parse(json.dumps(REVIEW).encode())) == (0, 0)
    db = store.read()
    arabic = claim("وزير الري", "قال", "السد سيكتمل قبل نهاية العام")
    found = factchecks.matches(db, [arabic])
    assert [(m.finding.relation.value, m.factcheck["url"]) for m in found] == [
        ("agrees", "https://checks.example.org/2025/dam")]
