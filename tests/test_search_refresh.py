"""The kept search index after a write: extended where claims were only added, built whole
otherwise, and equal to a full build either way."""

import dataclasses
from array import array

import pytest
from support_claims import claim, store_article, store_desk

from factcheck import search as search_module
from factcheck import speakers
from factcheck import store as store_module
from factcheck.search import Column, Postings, SearchIndex, build_index, load_index, search
from factcheck.store import Store


def _plain(value):
    """`value` with every part compared by ==, order included: dicts as lists of items."""
    if isinstance(value, Column):
        return "column", _plain(value.values), _plain(value.codes)
    if isinstance(value, Postings):
        return "postings", value.terms, _plain(value.data), _plain(value.starts)
    if isinstance(value, array):
        return value.typecode, value.tolist()
    if isinstance(value, dict):
        return [(key, _plain(item)) for key, item in value.items()]
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def assert_same_index(got: SearchIndex, want: SearchIndex) -> None:
    for f in dataclasses.fields(SearchIndex):
        assert _plain(getattr(got, f.name)) == _plain(getattr(want, f.name)), f.name


def kept_index(db_file) -> SearchIndex:
    """The index kept beside the database, which must be the one made for the file as it is."""
    signature = store_module._signature(db_file, search_module.INDEX_NAME,
                                        search_module.INDEX_VERSION)
    index = store_module._read_cache(db_file.parent / (db_file.name + ".search.idx"), signature,
                                     search_module.INDEX_CODEC)
    assert index is not None, "the write left no index made for the file it wrote"
    return index


def assert_kept_index_is_the_full_build(db_file) -> None:
    assert_same_index(kept_index(db_file), build_index(Store(db_file).read()))


@pytest.fixture
def builds(monkeypatch) -> list:
    """Each full build a write's refresh runs (the index is extended otherwise)."""
    ran = []
    kept = store_module._FRESH[search_module.INDEX_NAME]

    def counted(db):
        ran.append(db.path)
        return kept.build(db)

    monkeypatch.setitem(store_module._FRESH, search_module.INDEX_NAME,
                        kept._replace(build=counted))
    return ran


@pytest.fixture
def desk(db_file):
    """Two articles, Arabic and English, whose index the desk keeps (it has searched)."""
    store_desk(db_file)
    search(Store(db_file).view(), "Peskov")
    return db_file


def test_claims_added_in_several_writes_extend_the_index_to_the_full_build(desk, builds):
    # New speakers and outlets, old ones again, and new terms sorting before, between and after
    # the old ones (aardvark, zebra), some of them sharing a skeleton with an old term in the
    # other script (Kim / كيم, Novak / نوفاك), so that every part of the index moves.
    store_article(desk, [
        claim("Aaron Abbott", "said", "an aardvark escaped from the zoo in Moscow",
              context="the missing zebra"),
        claim("Maria Zakharova", "said", "Kim will not visit Novak's plant", negated=True),
    ], outlet="Example News", published="2025-08-02")
    assert_kept_index_is_the_full_build(desk)
    store_article(desk, [
        claim("ماريا زاخاروفا", "قالت", "نوفاك زار مصنع النفط في موسكو"),
        claim("خالد الأحمد", "أكد", "أسعار الوقود لن ترتفع هذا العام",
              context="أسعار الوقود"),
    ], outlet="صحيفة اليوم", published="2025-09-15")
    assert_kept_index_is_the_full_build(desk)
    store_article(desk, [claim("Zoe Zimmer", "said", "zebras outnumber aardvarks")],
                  outlet="Daily Wire", published="2025-07-09")
    assert_kept_index_is_the_full_build(desk)
    assert builds == []  # extended each time, never built whole
    assert sorted(h.claim["speaker"]["name"] for h in search(Store(desk).view(), "aardvark")) \
        == ["Aaron Abbott", "Zoe Zimmer"]


def test_a_write_that_adds_no_claim_keeps_the_index_it_had(desk, builds):
    with Store(desk).write() as db:
        claim_id = db.claims.ids()[0]
        db.table("reviews").insert({"id": claim_id, "claim": claim_id, "verdict": "false",
                                    "history": []})
    assert_kept_index_is_the_full_build(desk)
    assert builds == []


def test_an_edited_claim_falls_back_to_the_full_build(desk, builds):
    with Store(desk).write() as db:
        first = db.claims.ids()[0]
        db.claims.update(first, {"context": "oil output"})
        store_claims_after(db)
    assert_kept_index_is_the_full_build(desk)
    assert builds == [desk]
    assert first in [h.claim["id"] for h in search(Store(desk).view(), "oil output")]


def test_a_removed_claim_falls_back_to_the_full_build(desk, builds):
    with Store(desk).write() as db:
        db.claims.remove(db.claims.ids()[-1])
        store_claims_after(db)
    assert_kept_index_is_the_full_build(desk)
    assert builds == [desk]


def test_claims_in_a_new_order_fall_back_to_the_full_build(desk, builds):
    with Store(desk).write() as db:
        first = db.claims.records()[0]
        db.claims.remove(first["id"])
        db.claims.insert(first)  # the same claims, the first now last
    assert_kept_index_is_the_full_build(desk)
    assert builds == [desk]


def test_a_merge_of_speakers_rewrites_claims_and_falls_back_to_the_full_build(desk, builds):
    with Store(desk).write() as db:
        speakers.merge(db, "Alexander Novak", "ماريا زاخاروفا")
    assert_kept_index_is_the_full_build(desk)
    assert builds == [desk]


def test_an_alias_changes_only_the_registry_which_the_index_takes_whole(desk, builds):
    with Store(desk).write() as db:
        speakers.alias(db, "Alexander Novak", "Sasha Nowak")
    assert_kept_index_is_the_full_build(desk)
    assert builds == []
    assert [h.claim["speaker"]["name"] for h in search(Store(desk).view(), "Nowak")] == \
        ["Alexander Novak"]


def test_a_search_extends_an_index_another_write_left_stale(desk, monkeypatch):
    with monkeypatch.context() as m:  # a process that does not keep the index fresh
        m.setattr(store_module, "_FRESH", {})
        store_article(desk, [claim("Aaron Abbott", "said", "an aardvark escaped")],
                      published="2025-09-01")
    full = build_index(Store(desk).read())

    def no_build(db):
        raise AssertionError("the stale index was built whole, not extended")

    monkeypatch.setattr(search_module, "build_index", no_build)
    assert_same_index(load_index(Store(desk).view()), full)
    assert_same_index(kept_index(desk), full)


def store_claims_after(db) -> None:
    """Claims added in the same write as the change before them."""
    from factcheck.articles import add_article
    from factcheck.ingest import Article

    add_article(db, Article(text="Aaron Abbott said an aardvark escaped.",
                            published="2025-09-01"),
                claims=[claim("Aaron Abbott", "said", "an aardvark escaped")])
