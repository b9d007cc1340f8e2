"""The candidate index: the stored claims' index keys kept beside the store, and reused."""

import pytest

from factcheck import match
from factcheck.articles import add_article
from factcheck.contradict import check_claims
from factcheck.ingest import Article
from factcheck.match import FORMS_CACHE, Index, stored_forms
from factcheck.store import Store

MORE = ("قال وزير النقل سامر الخطيب إن مشروع الطريق الدائري سيفتتح خلال 12 شهرًا.\n"
        "The transport minister said the ring road would not open before 2027.")


@pytest.fixture
def store(tmp_path, seed_text):
    store = Store(tmp_path / "claims.json")
    with store.write() as db:
        add_article(db, Article(text=seed_text, path="seed.txt"))
    return store


def _cache(store: Store):
    return store.path.with_name(f"{store.path.name}.{FORMS_CACHE}.idx")


def _no_reading(monkeypatch):
    def refuse(claim):
        raise AssertionError(f"read again: {claim['content']['text'][:40]}")
    monkeypatch.setattr(match, "claim_forms", refuse)


def test_an_index_over_kept_forms_is_the_index_read_afresh(store):
    db = store.read()
    claims = db.claims.records()
    kept, fresh = Index(claims, forms=stored_forms(db)), Index(claims)
    assert dict(kept.postings) == dict(fresh.postings)
    asked = claims[-1]
    assert [c.claim["id"] for c in kept.candidates(asked)] == \
        [c.claim["id"] for c in fresh.candidates(asked)]


def test_the_forms_are_kept_and_a_write_extends_them(store, monkeypatch):
    stored_forms(store.read())
    assert _cache(store).exists()
    with store.write() as db:
        add_article(db, Article(text=MORE, path="more.txt"))
    _no_reading(monkeypatch)  # every stored claim, the new ones too, comes from the file
    db = store.read()
    forms = stored_forms(db)
    assert len(forms) == len({match._forms_key(c) for c in db.claims.records()})


def test_an_edited_claim_is_read_again(store):
    stored_forms(store.read())
    with store.write() as db:
        first = db.claims.records()[0]
        db.claims.update(first["id"], {"content": {**first["content"], "text": "نص جديد تماما"}})
    db = store.read()
    forms = stored_forms(db)
    assert forms[match._forms_key(db.claims.get(first["id"]))] == \
        tuple(match.claim_forms(db.claims.get(first["id"])))


def test_a_check_finds_the_same_with_kept_forms(store, monkeypatch):
    new = [{"id": None, "article": None, "speaker": {"name": "مصدر دبلوماسي"},
            "content": {"text": "التحضيرات جارية لزيارة يقوم بها الزعيم الكوري الشمالي كيم "
                                "جونغ أون إلى موسكو في الخريف المقبل"},
            "context": None, "negated": False, "modality": "assertion", "lang": "ar"}]
    db = store.read()
    afresh = check_claims(db, new, forms={})
    stored_forms(db)
    original = match.claim_forms
    monkeypatch.setattr(match, "claim_forms", lambda claim: (
        original(claim) if claim["id"] is None else pytest.fail("stored claim read again")))
    kept = check_claims(store.read(), new)
    assert afresh and [(f.other["id"], f.reasons) for f in kept] == \
        [(f.other["id"], f.reasons) for f in afresh]


def test_a_statement_stored_many_times_is_weighed_in_a_few_copies(tmp_path):
    # One templated sentence from many items of a feed: each new claim meets COPIES copies
    # of it, not every one stored, so a feed costs each item the same however long it is.
    store = Store(tmp_path / "claims.json")
    texts = [f"Energy minister Tomas Halvorsen said on day {n} of the talks that gas exports "
             f"will {'rise' if n % 2 else 'fall'} in March." for n in range(3 * match.COPIES)]
    with store.write() as db:
        claims = [c for t in texts for c in add_article(db, Article(text=t)).claims]
    index = Index(claims)
    found = index.candidates(claims[0])
    per_statement: dict = {}
    for cand in found:
        per_statement[cand.key] = per_statement.get(cand.key, 0) + 1
    assert per_statement
    assert max(per_statement.values()) == match.COPIES
    assert claims[0]["id"] not in {c.claim["id"] for c in found}


def _spoken(cid, speaker, content):
    return {"id": cid, "article": cid, "speaker": {"name": speaker}, "content": {"text": content},
            "context": None, "negated": False, "modality": "assertion", "lang": "en"}


def test_a_speakers_country_meets_the_country_the_other_names():
    stored = _spoken("s1", "Tunisia's foreign ministry",
                     "the minister's meeting with the Maltese envoy in Rome was a chance encounter")
    asked = _spoken("s2", "a Maltese official",
                    "the minister's meeting with the envoy was prearranged weeks ahead in Tunisia")
    index = Index([stored])
    assert [c.claim["id"] for c in index.candidates(asked)] == ["s1"]
    # nobody's country meets the other's: poverty in Egypt, poverty in Jordan
    apart = _spoken("s3", "a spokesman for the union",
                    "the minister's meeting with the envoy was prearranged weeks ahead in Tunisia")
    lone = _spoken("s4", "a diplomat",
                   "the minister's meeting with the envoy in Rome was a chance encounter")
    assert Index([lone]).candidates(apart) == []
    assert "no common country" in Index([lone]).explain(apart, lone)[1]
