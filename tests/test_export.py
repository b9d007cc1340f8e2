"""ClaimReview, CSV and JSON-lines export, and import of JSON lines (factcheck.export)."""

import csv
import io
import json

import pytest
from tests_support import SEED

from factcheck.articles import add_article
from factcheck.errors import InputError
from factcheck.export import (
    DEFAULT_PUBLISHER,
    Format,
    Publisher,
    export,
    import_records,
    load_jsonl,
    write_atomic,
)
from factcheck.ingest import Article
from factcheck.review import review
from factcheck.store import Store

PESKOV = "في الوقت الراهن، وفي المستقبل القريب، لا توجد مثل هذه الخطط"
ASKED = "إمكانية زيارة كيم جونغ أون لروسيا أو زيارة فلاديمير بوتين لكوريا الشمالية"
HEADLINE = "الكرملين نفى خطط الزيارة قبل يومين من إعلانها"
SEED_URL = "https://news.example/2025/07/lavrov-pyongyang"
DESK = Publisher("Desk Example", "https://desk.example")

# What Google asks of a ClaimReview (developers.google.com/search/docs/appearance/structured-data/
# factcheck): required, then recommended.
REQUIRED = {"claimReviewed", "reviewRating", "url"}
RECOMMENDED = {"author", "datePublished", "itemReviewed"}


def seed_article() -> Article:
    return Article(text=SEED.read_text(encoding="utf-8"), url=SEED_URL, outlet="Example News",
                   published="2025-07-09", title="لافروف في بيونغ يانغ")


def peskov(db) -> dict:
    return next(c for c in db.claims.all() if c["content"]["text"] == PESKOV)


@pytest.fixture
def seed_store(tmp_path):
    """The seed stored through the real extractor, Peskov's claim reviewed."""
    s = Store(tmp_path / "claims.json")
    with s.write() as db:
        add_article(db, seed_article())
        claim = peskov(db)
        sid = claim["speaker"]["id"]
        names = db.table("speakers").get(sid)
        db.table("speakers").update(sid, {"names": [*names["names"], "Dmitry Peskov"]})
        review(db, claim["id"], verdict="false", reviewer="amal", rating_label="زائف",
               note="أُعلن عن الزيارة بعد يومين", url="https://desk.example/checks/41",
               title=HEADLINE, now="2025-07-12T08:30:00+00:00")
        review(db, claim["id"], status="published", reviewer="salim",
               now="2025-07-12T10:00:00+00:00")
        s.peskov = claim["id"]
    return s


def test_claimreview_of_the_reviewed_seed_claim_has_every_required_and_recommended_field(
        seed_store):
    out = export(seed_store.read(), fmt=Format.CLAIMREVIEW, publisher=DESK)
    docs = json.loads(out.data.decode("utf-8"))
    assert out.count == len(docs) == 1
    doc = docs[0]
    assert doc["@context"] == "https://schema.org" and doc["@type"] == "ClaimReview"
    assert doc.keys() >= REQUIRED | RECOMMENDED
    # and every other field the record has: the title, the language (dateModified: none yet)
    assert set(doc) == REQUIRED | RECOMMENDED | {"@context", "@type", "headline", "inLanguage"}
    assert set(doc["itemReviewed"]) == {"@type", "author", "datePublished", "appearance",
                                        "firstAppearance", "inLanguage"}
    # the question Peskov answered goes out with his answer: "such plans" are those visits
    assert doc["claimReviewed"] == f"ردًّا على سؤال عن {ASKED}: {PESKOV}"
    assert doc["headline"] == HEADLINE
    assert doc["url"] == "https://desk.example/checks/41"
    assert doc["datePublished"] == "2025-07-12"
    assert doc["author"] == {"@type": "Organization", "name": "Desk Example",
                             "url": "https://desk.example"}
    assert doc["reviewRating"] == {"@type": "Rating", "alternateName": "زائف", "name": "False",
                                   "ratingValue": 1, "bestRating": 5, "worstRating": 1,
                                   "ratingExplanation": "أُعلن عن الزيارة بعد يومين"}
    assert doc["inLanguage"] == "ar"
    item = doc["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {"@type": "Person", "name": "دميتري بيسكوف",
                              "alternateName": ["Dmitry Peskov"],
                              "jobTitle": "المتحدث باسم الكرملين"}
    assert item["datePublished"] == "2025-07-09"
    assert item["appearance"]["@type"] == "CreativeWork"
    assert item["appearance"]["url"] == SEED_URL
    assert item["appearance"]["publisher"] == {"@type": "Organization", "name": "Example News"}
    assert item["appearance"]["headline"] == "لافروف في بيونغ يانغ"
    assert item["firstAppearance"] == item["appearance"]
    assert_jsonld_shape(docs)


def assert_jsonld_shape(node, *, top=True):
    """JSON-LD as schema.org reads it: every object typed, every key a term or a keyword."""
    if isinstance(node, list):
        for n in node:
            assert_jsonld_shape(n, top=top)
        return
    assert isinstance(node, dict) and isinstance(node.get("@type"), str)
    assert ("@context" in node) == top
    for key, value in node.items():
        assert key.startswith("@") or key.isidentifier(), key
        if isinstance(value, dict) or (isinstance(value, list) and value
                                       and isinstance(value[0], dict)):
            assert_jsonld_shape(value, top=False)


# schema.org's own context is fetched over the network; offline, a processor gets this minimal one
# (every term in the schema.org vocabulary, URLs as IRIs), which is enough to check that the
# document is JSON-LD and that no term falls out of it.
SCHEMA_CONTEXT = {"@context": {"@vocab": "https://schema.org/", "url": {"@type": "@id"}}}


def local_schema_org(url, options=None):
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), url
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
            "document": SCHEMA_CONTEXT}


def test_claimreview_is_json_ld_that_a_processor_expands_without_losing_a_term(seed_store):
    from pyld import jsonld

    docs = json.loads(export(seed_store.read(), fmt=Format.CLAIMREVIEW, publisher=DESK).data)
    expanded = jsonld.expand(docs, {"documentLoader": local_schema_org})
    assert len(expanded) == 1
    review_node = expanded[0]
    assert review_node["@type"] == ["https://schema.org/ClaimReview"]

    def terms(node) -> set[str]:
        out = set()
        for key, value in node.items():
            if not key.startswith("@"):
                out.add(key)
            for v in value if isinstance(value, list) else [value]:
                if isinstance(v, dict):
                    out |= terms(v)
        return out

    def expanded_terms(node) -> set[str]:
        out = set()
        for key, values in node.items():
            if key.startswith("https://schema.org/"):
                out.add(key.removeprefix("https://schema.org/"))
                for v in values:
                    if isinstance(v, dict) and "@value" not in v:
                        out |= expanded_terms(v)
        return out

    assert expanded_terms(review_node) == terms(docs[0])
    item = review_node["https://schema.org/itemReviewed"][0]
    assert item["@type"] == ["https://schema.org/Claim"]
    assert item["https://schema.org/appearance"][0]["https://schema.org/url"] == [
        {"@id": SEED_URL}]


def test_a_verdict_off_the_scale_has_a_label_but_no_rating_value(seed_store):
    with seed_store.write() as db:
        review(db, seed_store.peskov, verdict="misleading", reviewer="amal",
               now="2025-07-15T09:00:00+00:00")
    doc = json.loads(export(seed_store.read(), fmt=Format.CLAIMREVIEW).data)[0]
    # the note given with the first verdict still explains it
    assert doc["reviewRating"] == {"@type": "Rating", "alternateName": "Misleading",
                                   "name": "Misleading",
                                   "ratingExplanation": "أُعلن عن الزيارة بعد يومين"}
    assert (doc["datePublished"], doc["dateModified"]) == ("2025-07-12", "2025-07-15")
    assert doc["author"]["name"] == DEFAULT_PUBLISHER


def test_claimreview_leaves_out_reviews_not_published_and_claims_never_reviewed(seed_store):
    with seed_store.write() as db:
        others = [c["id"] for c in db.claims.all() if c["id"] != seed_store.peskov][:3]
        review(db, others[0], verdict="true", reviewer="amal",
               url="https://desk.example/checks/42")
        review(db, others[1], status="in-progress", assignee="salim", reviewer="amal")
        review(db, others[2], verdict="half-true", status="in-progress", reviewer="amal")
    out = export(seed_store.read(), fmt=Format.CLAIMREVIEW)
    assert out.count == 1
    assert sorted(out.unpublished) == sorted(others)
    assert out.left_out == {}
    with seed_store.write() as db:
        review(db, seed_store.peskov, status="in-progress", reviewer="amal")  # withdrawn
    withdrawn = export(seed_store.read(), fmt=Format.CLAIMREVIEW)
    assert (withdrawn.count, json.loads(withdrawn.data)) == (0, [])
    assert len(withdrawn.unpublished) == 4


def test_a_review_is_published_only_with_a_verdict_and_a_url(seed_store):
    with seed_store.write() as db:
        other = next(c["id"] for c in db.claims.all() if c["id"] != seed_store.peskov)
        with pytest.raises(InputError, match=f"claim {other}: a published fact-check needs a "
                                             r"verdict \(--verdict\) and the fact-check's URL"):
            review(db, other, status="published", reviewer="amal")
        with pytest.raises(InputError, match="needs the fact-check's URL"):
            review(db, seed_store.peskov, url="", reviewer="amal")
        assert db.table("reviews").get(other) is None


def test_the_reviewers_summary_is_the_claim_reviewed_and_the_fact_checks_language_wins(
        seed_store):
    with seed_store.write() as db:
        review(db, seed_store.peskov, summary="الكرملين: لا خطط لزيارة كيم لروسيا",
               lang="ar-EG", reviewer="amal", now="2025-07-13T09:00:00+00:00")
    doc = json.loads(export(seed_store.read(), fmt=Format.CLAIMREVIEW).data)[0]
    assert doc["claimReviewed"] == "الكرملين: لا خطط لزيارة كيم لروسيا"
    assert doc["inLanguage"] == "ar-eg"
    assert doc["itemReviewed"]["inLanguage"] == "ar"
    assert (doc["datePublished"], doc["dateModified"]) == ("2025-07-12", "2025-07-13")
    with seed_store.write() as db, pytest.raises(InputError, match="--lang 'Arabic!' is not a "
                                                                  "language tag"):
        review(db, seed_store.peskov, lang="Arabic!", reviewer="amal")


def test_every_known_appearance_of_the_statement_is_published_the_first_first(seed_store):
    """A later article repeating Peskov's words is an appearance of the same statement."""
    copy = ("بيسكوف: لا خطط لزيارة\n"
            "وردًا على سؤال حول إمكانية زيارة كيم جونغ أون لروسيا أو زيارة فلاديمير بوتين "
            "لكوريا الشمالية، قال المتحدث باسم الكرملين دميتري بيسكوف: \"في الوقت الراهن، "
            "وفي المستقبل القريب، لا توجد مثل هذه الخطط\".\n")
    from factcheck.contradict import check_added

    with seed_store.write() as db:
        added = add_article(db, Article(text=copy, url="https://wire.example/peskov",
                                        outlet="Wire Example", published="2025-07-10",
                                        title="بيسكوف: لا خطط لزيارة"))
        check_added(db, [added])
        repeat = next(c for c in db.claims.all() if c["article"] == added.article["id"]
                      and c["content"]["text"] == PESKOV)
        assert repeat.get("same_as") == seed_store.peskov
    doc = json.loads(export(seed_store.read(), fmt=Format.CLAIMREVIEW).data)[0]
    item = doc["itemReviewed"]
    assert [a["url"] for a in item["appearance"]] == [SEED_URL, "https://wire.example/peskov"]
    assert item["appearance"][1] == {"@type": "CreativeWork", "url": "https://wire.example/peskov",
                                     "headline": "بيسكوف: لا خطط لزيارة",
                                     "datePublished": "2025-07-10",
                                     "publisher": {"@type": "Organization",
                                                   "name": "Wire Example"}}
    assert item["firstAppearance"] == item["appearance"][0]
    assert_jsonld_shape(doc, top=True)
    from pyld import jsonld

    [node] = jsonld.expand(doc, {"documentLoader": local_schema_org})
    [claim] = node["https://schema.org/itemReviewed"]
    assert [a["https://schema.org/url"] for a in claim["https://schema.org/appearance"]] == [
        [{"@id": SEED_URL}], [{"@id": "https://wire.example/peskov"}]]
    assert node["https://schema.org/headline"] == [{"@value": HEADLINE}]
    assert node["https://schema.org/inLanguage"] == [{"@value": "ar"}]


def test_verdict_and_since_select_claims(seed_store):
    db = seed_store.read()
    every = export(db, fmt=Format.JSONL)
    assert every.count == len(db.claims)
    assert export(db, fmt=Format.JSONL, verdicts=["false"]).count == 1
    assert export(db, fmt=Format.JSONL, verdicts=["true", "satire"]).count == 0
    assert export(db, fmt=Format.JSONL, since="2025-07-10").count >= 1  # reviewed on the 12th
    with seed_store.write() as db:
        for claim in db.claims.all():
            db.claims.update(claim["id"], {"added": "2025-07-09T10:00:00+00:00"})
    db = seed_store.read()
    assert export(db, fmt=Format.JSONL, since="2025-07-10").count == 1
    assert export(db, fmt=Format.JSONL, since="2025-07-13").count == 0
    assert export(db, fmt=Format.JSONL, since="10/7/2025").count == 1  # day first, as typed
    assert export(db, fmt=Format.JSONL, since="١٠ تموز ٢٠٢٥").count == 1
    with pytest.raises(InputError, match="'last week' is not a date"):
        export(db, fmt=Format.JSONL, since="last week")


def test_csv_has_a_bom_arabic_intact_and_formulas_made_inert(seed_store):
    with seed_store.write() as db:
        review(db, seed_store.peskov, verdict="false", note="=HYPERLINK(\"http://x\")",
               reviewer="amal")
    data = export(seed_store.read(), fmt=Format.CSV).data
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == 10
    row = next(r for r in rows if r["content"] == PESKOV)
    assert row["speaker"] == "دميتري بيسكوف"
    assert row["verdict"] == "false"
    assert row["note"] == "'=HYPERLINK(\"http://x\")"
    assert row["negated"] == "yes"
    assert b"\r\n" in data  # rows end as spreadsheets expect


def test_jsonl_round_trip_into_an_empty_database_gives_the_same_records(seed_store, tmp_path):
    data = export(seed_store.read(), fmt=Format.JSONL).data
    records = load_jsonl(data)
    other = Store(tmp_path / "other.json")
    with other.write() as db:
        result = import_records(db, records)
    mine, theirs = seed_store.read(), other.read()
    speakers = len({c["speaker"]["id"] for c in mine.claims.all() if c["speaker"]["name"]})
    assert result.added == {"articles": 1, "claims": 10, "speakers": speakers, "reviews": 1}
    for table in ("claims", "articles", "speakers", "reviews"):
        assert sorted(theirs.table(table).all(), key=lambda r: r["id"]) == \
            sorted(mine.table(table).all(), key=lambda r: r["id"]), table


def test_importing_twice_adds_nothing_twice_and_leaves_the_file_untouched(seed_store, tmp_path):
    records = load_jsonl(export(seed_store.read(), fmt=Format.JSONL).data)
    other = Store(tmp_path / "other.json")
    with other.write() as db:
        import_records(db, records)
    before = other.path.read_bytes()
    with other.write() as db:
        again = import_records(db, records)
    assert (again.added, again.updated) == ({}, {})
    assert other.path.read_bytes() == before


def test_import_merges_review_histories_and_speaker_names(seed_store, tmp_path):
    records = load_jsonl(export(seed_store.read(), fmt=Format.JSONL).data)
    other = Store(tmp_path / "other.json")
    with other.write() as db:
        add_article(db, seed_article())
        sid = peskov(db)["speaker"]["id"]
        db.table("speakers").update(sid, {"names": ["دميتري بيسكوف", "ديمتري بيسكوف"]})
        review(db, seed_store.peskov, verdict="mostly-false", reviewer="salim",
               now="2025-07-11T08:00:00+00:00")
    with other.write() as db:
        result = import_records(db, records)
        merged = db.table("reviews").get(seed_store.peskov)
        names = db.table("speakers").get(sid)["names"]
    assert result.added == {}
    assert result.updated == {"speakers": 1, "reviews": 1}
    assert [e["by"] for e in merged["history"]] == ["salim", "amal", "salim"]
    assert (merged["verdict"], merged["status"]) == ("false", "published")  # the later wins
    assert merged["first_reviewed"] == "2025-07-11T08:00:00+00:00"
    assert names == ["دميتري بيسكوف", "ديمتري بيسكوف", "Dmitry Peskov"]


@pytest.mark.parametrize("line, problem", [
    (b"{not json", "not JSON"),
    (b'{"kind": "something else"}', "not a claim exported"),
    (b'{"kind": "factcheck.claim/1", "claim": {"id": "x"}}', "claim `content` must have a text"),
    (b'{"kind": "factcheck.claim/1", "claim": {"id": "x", "content": "flat", "cue": {"text": ""}, '
     b'"speaker": {}}}', "claim `content` must have a text"),
    (b'{"kind": "factcheck.claim/1", "claim": "x"}', "claim is text, not a record"),
])
def test_a_bad_line_is_refused_with_its_line_number(seed_store, line, problem):
    good = export(seed_store.read(), fmt=Format.JSONL).data.splitlines()[0]
    with pytest.raises(InputError, match=f"peer.jsonl:2: {problem}"):
        load_jsonl(good + b"\n" + line + b"\n", name="peer.jsonl")


@pytest.mark.parametrize("change, problem", [
    (lambda r: r["review"].update(verdict="pants-on-fire"),
     "review `verdict` 'pants-on-fire' is not a verdict"),
    (lambda r: r["review"].update(history=["not a change"]),
     "review `history` entry 1 is text"),
    (lambda r: r["review"].update(id="other", claim="other"), "review must belong to its claim"),
    (lambda r: r["review"].update(claim="other"), "review `claim` must be the claim it reviews"),
    (lambda r: r["speaker"].update(names="دميتري بيسكوف"),
     "speaker `names` must be a list of text"),
    # Each of these was stored by an import and made later commands crash.
    (lambda r: r["claim"].update(published=2025),
     "claim `published` must be text or null, not a number"),
    (lambda r: r["claim"].update(lang=["ar", "en"]),
     "claim `lang` must be text or null, not a list"),
    (lambda r: r["claim"]["speaker"].update(id=["a", "b"]),
     "claim `speaker.id` must be text or null, not a list"),
    (lambda r: r["review"]["history"][0].pop("by"),
     r"review `history` entry 1 says nobody \(`by`\)"),
    (lambda r: r["review"]["history"][0].update(changes={"verdict": "false"}),
     r"review `history` entry 1 needs `changes`"),
    (lambda r: r["speaker"].update(first=20250709),
     "speaker `first` must be text or null, not a number"),
    (lambda r: r["speaker"].update(id=r["speaker"]["id"] + "0"),
     "speaker must be the claim's speaker"),
])
def test_a_review_or_speaker_that_would_break_later_commands_is_refused(seed_store, change,
                                                                       problem):
    lines = export(seed_store.read(), fmt=Format.JSONL, verdicts=["false"]).data.splitlines()
    record = json.loads(lines[0])
    change(record)
    with pytest.raises(InputError, match=f"input:1: {problem}"):
        load_jsonl(json.dumps(record, ensure_ascii=False).encode())


def test_an_article_whose_id_does_not_match_its_text_is_refused(seed_store):
    record = json.loads(export(seed_store.read(), fmt=Format.JSONL).data.splitlines()[0])
    record["article"]["text"] = record["article"]["text"].replace("لافروف", "شويغو")
    with pytest.raises(InputError, match="article ID does not match"):
        load_jsonl(json.dumps(record, ensure_ascii=False).encode())


def test_write_atomic_replaces_the_whole_file_or_nothing(tmp_path):
    target = tmp_path / "out.json"
    target.write_text("old")
    write_atomic(target, "جديد\n".encode())
    assert target.read_text(encoding="utf-8") == "جديد\n"
    with pytest.raises(InputError, match="cannot write"):
        write_atomic(tmp_path / "missing" / "out.json", b"x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_an_imported_date_typed_day_first_is_stored_iso_and_an_unreadable_one_refused(seed_store):
    record = json.loads(export(seed_store.read(), fmt=Format.JSONL).data.splitlines()[0])
    record["claim"]["published"] = "14/11/2022"
    record["article"]["published"] = "١٤ تشرين الثاني ٢٠٢٢"
    (loaded,) = load_jsonl(json.dumps(record, ensure_ascii=False).encode())
    assert loaded["claim"]["published"] == loaded["article"]["published"] == "2022-11-14"
    record["claim"]["published"] = "2022-02-30"
    with pytest.raises(InputError, match=r"input:1: claim `published` '2022-02-30' is not a "
                                         r"date \(day is out of range for month\)"):
        load_jsonl(json.dumps(record, ensure_ascii=False).encode())
