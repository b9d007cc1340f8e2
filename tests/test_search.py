"""Fuzzy search across spellings and scripts, its filters, and its cached index."""

import pytest
from support_claims import claim, store_article, store_desk

from factcheck import search as search_module
from factcheck.errors import InputError
from factcheck.search import search
from factcheck.store import Store


@pytest.fixture
def desk(db_file):
    """A small desk: Arabic and English claims from two outlets over two months."""
    store_desk(db_file)
    return db_file


def _speakers_of(hits):
    return [h.claim["speaker"]["name"] for h in hits]


def test_latin_surname_finds_the_arabic_spelling(desk):
    hits = search(Store(desk).view(), "Peskov")
    assert _speakers_of(hits) == ["دميتري بيسكوف"]
    assert hits[0].score == 100.0
    assert hits[0].matched == [{"field": "speaker", "span": [7, 13], "text": "بيسكوف"}]


def test_a_surname_finds_the_speaker_in_both_scripts(desk):
    hits = search(Store(desk).view(), "Zakharova")
    assert sorted(_speakers_of(hits)) == ["Maria Zakharova", "ماريا زاخاروفا"]


def test_the_masculine_form_still_finds_her_below_full_marks(desk):
    hits = search(Store(desk).view(), "Zakharov")
    assert sorted(_speakers_of(hits)) == ["Maria Zakharova", "ماريا زاخاروفا"]
    assert all(h.score < 100 for h in hits)


def test_arabic_words_rank_the_claim_that_holds_them_first(desk):
    hits = search(Store(desk).view(), "لا توجد خطط")
    assert _speakers_of(hits)[0] == "دميتري بيسكوف"
    assert {m["text"] for m in hits[0].matched} >= {"توجد", "الخطط"}


def test_context_counts_the_asked_about_matter(desk):
    hits = search(Store(desk).view(), "زيارة كيم الى روسيا")
    assert _speakers_of(hits)[0] == "دميتري بيسكوف"
    assert {m["field"] for m in hits[0].matched} == {"context"}


def test_english_stems_meet(desk):
    hits = search(Store(desk).view(), "strengthening cooperation")
    assert _speakers_of(hits)[0] == "Maria Zakharova"
    assert [m["text"] for m in hits[0].matched] == ["strengthens", "cooperation"]


def test_matched_spans_point_into_the_claim_text(desk):
    for hit in search(Store(desk).view(), "oil output August"):
        for m in hit.matched:
            text = hit.claim["content"]["text"] if m["field"] == "content" else \
                hit.claim["speaker"]["name"]
            assert text[m["span"][0]:m["span"][1]] == m["text"]


def test_nothing_relevant_finds_nothing(desk):
    assert search(Store(desk).view(), "volcano eruption") == []


def test_filters_without_a_query_list_newest_first(desk):
    db = Store(desk).view()
    assert _speakers_of(search(db, speaker="زاخاروفا")) == ["Maria Zakharova", "ماريا زاخاروفا"]
    assert len(search(db, outlet="example")) == 3
    assert _speakers_of(search(db, since="2025-08-01", lang="ar")) == []
    assert _speakers_of(search(db, until="2025-07", negated=True)) == ["دميتري بيسكوف"]
    assert len(search(db, negated=False, limit=2)) == 2


def test_a_filter_narrows_a_query(desk):
    hits = search(Store(desk).view(), "cooperation تعزيز", lang="en")
    assert _speakers_of(hits) == ["Maria Zakharova"]


@pytest.mark.parametrize("bad", ["2025-13-01", "July", "2025-02-30"])
def test_a_bad_date_is_an_input_error(desk, bad):
    with pytest.raises(InputError, match=f"--since '{bad}' is not a date"):
        search(Store(desk).view(), "x", since=bad)


def test_the_index_is_cached_beside_the_database_and_reused(desk, monkeypatch):
    search(Store(desk).view(), "Peskov")
    cache = desk.parent / (desk.name + ".search.idx")
    assert cache.exists()

    def no_rebuild(db):
        raise AssertionError("index rebuilt although claims.json did not change")

    monkeypatch.setattr(search_module, "build_index", no_rebuild)
    assert _speakers_of(search(Store(desk).view(), "Peskov")) == ["دميتري بيسكوف"]


def test_the_index_follows_a_change_to_the_database(desk):
    search(Store(desk).view(), "Peskov")
    store_article(desk, [claim("Peskow", "said", "no summit is planned")], published="2025-09-01")
    assert len(search(Store(desk).view(), "Peskov")) == 2


def test_a_write_rebuilds_a_kept_index_so_the_next_search_does_not_wait(desk, monkeypatch):
    search(Store(desk).view(), "Peskov")
    store_article(desk, [claim("Peskow", "said", "no summit is planned")], published="2025-09-01")

    def no_rebuild(db):
        raise AssertionError("the search after a write rebuilt the index")

    monkeypatch.setattr(search_module, "build_index", no_rebuild)
    assert len(search(Store(desk).view(), "Peskov")) == 2


def test_a_write_makes_no_index_where_none_is_kept(db_file):
    store_article(db_file, [claim("Peskow", "said", "no summit is planned")])
    assert db_file.exists()
    assert not (db_file.parent / (db_file.name + ".search.idx")).exists()


def test_a_damaged_index_is_rebuilt_and_the_database_untouched(desk):
    search(Store(desk).view(), "Peskov")
    before = desk.read_bytes()
    (desk.parent / (desk.name + ".search.idx")).write_bytes(b"\x80garbage")
    assert _speakers_of(search(Store(desk).view(), "Peskov")) == ["دميتري بيسكوف"]
    assert desk.read_bytes() == before


def test_search_on_a_database_changed_in_memory_sees_the_change(desk):
    with Store(desk).write() as db:
        store = db.claims.all()[0]
        db.claims.update(store["id"], {"context": "oil output"})
        assert store["id"] in [h.claim["id"] for h in search(db, "oil output")]


def test_a_capitalised_name_meets_its_arabic_spelling_below_full_marks(desk):
    hits = search(Store(desk).view(), "Kim")
    assert _speakers_of(hits) == ["دميتري بيسكوف"]
    assert hits[0].matched == [{"field": "context", "span": [14, 17], "text": "كيم"}]
    assert hits[0].score < 100


def test_a_short_lowercase_word_stays_in_its_script(desk):
    assert search(Store(desk).view(), "kim") == []


def test_a_long_word_crosses_scripts_without_a_capital(desk):
    hits = search(Store(desk).view(), "novak")
    assert _speakers_of(hits) == ["Alexander Novak"]
    hits = search(Store(desk).view(), "نوفاك")
    assert _speakers_of(hits) == ["Alexander Novak"]


def test_a_write_whose_index_refresh_fails_is_still_written_and_the_index_dropped(desk,
                                                                                  monkeypatch):
    from factcheck import store as store_module

    search(Store(desk).view(), "Peskov")
    cache = desk.parent / (desk.name + ".search.idx")

    def broken(*args):
        raise RuntimeError("a bug in the index")

    kept = store_module._FRESH[search_module.INDEX_NAME]
    monkeypatch.setitem(store_module._FRESH, search_module.INDEX_NAME,
                        kept._replace(build=broken, extend=broken))
    store_article(desk, [claim("Peskow", "said", "no summit is planned")], published="2025-09-01")
    assert not cache.exists()  # the next search rebuilds it, and shows what went wrong there
    monkeypatch.setitem(store_module._FRESH, search_module.INDEX_NAME, kept)
    assert len(search(Store(desk).view(), "Peskov")) == 2
