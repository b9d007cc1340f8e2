"""The speaker registry: names resolved across scripts, alias, merge and split with undo."""

import pytest
from support_claims import claim, store_article

from factcheck import speakers
from factcheck.errors import AmbiguousID, InputError, NotFound
from factcheck.store import Store


def _db(db_file):
    return Store(db_file).read()


def _two_peskov_articles(db_file):
    store_article(db_file, [claim("دميتري بيسكوف", "قال", "لا توجد خطط لعقد قمة جديدة",
                                  role="المتحدث باسم الكرملين", negated=True)],
                  published="2025-07-01")
    store_article(db_file, [claim("Dmitry Peskov", "said", "the talks went well"),
                            claim("Peskow", "said", "no date was set for the visit")],
                  published="2025-07-20")


def test_one_speaker_for_every_spelling_and_script(db_file):
    _two_peskov_articles(db_file)
    db = _db(db_file)
    listed = speakers.all_speakers(db)
    assert len(listed) == 1
    only = listed[0]
    assert only["names"] == ["دميتري بيسكوف", "Dmitry Peskov", "Peskow"]
    assert only["roles"] == ["المتحدث باسم الكرملين"]
    assert only["claims"] == 3
    assert (only["first"], only["last"]) == ("2025-07-01", "2025-07-20")
    assert {c["speaker"]["id"] for c in db.claims.all()} == {only["id"]}


def test_feminine_surname_is_another_speaker(db_file):
    store_article(db_file, [claim("Dmitry Peskov", "said", "the visit is not planned"),
                            claim("Yelizaveta Peskova", "wrote", "the exhibition opens today")])
    names = sorted(tuple(r["names"]) for r in speakers.all_speakers(_db(db_file)))
    assert names == [("Dmitry Peskov",), ("Yelizaveta Peskova",)]


@pytest.mark.parametrize("asked", ["Peskov", "بيسكوف", "ديمتري بيسكوف", "Peskow"])
def test_claims_by_speaker_in_any_spelling(db_file, asked):
    _two_peskov_articles(db_file)
    found = speakers.claims_by_speaker(_db(db_file), asked)
    assert len(found) == 3


def test_claims_by_speaker_leaves_other_people_out(db_file):
    _two_peskov_articles(db_file)
    store_article(db_file, [claim("ماريا زاخاروفا", "قالت", "الزيارة تعزز التعاون")])
    assert speakers.claims_by_speaker(_db(db_file), "Zakharova")[0]["content"]["text"] == \
        "الزيارة تعزز التعاون"
    assert speakers.claims_by_speaker(_db(db_file), "Zakharov") == []


def test_alias_joins_a_spelling_the_key_cannot_see(db_file):
    store_article(db_file, [claim("Recep Tayyip Erdogan", "said", "the corridor stays open")])
    with Store(db_file).write() as db:
        speakers.alias(db, "Erdogan", "رجب طيب أردوغان")
    store_article(db_file, [claim("رجب طيب أردوغان", "قال", "الممر سيبقى مفتوحا")])
    listed = speakers.all_speakers(_db(db_file))
    assert len(listed) == 1 and listed[0]["claims"] == 2


def test_alias_taken_by_another_speaker_is_refused(db_file):
    store_article(db_file, [claim("Sergei Lavrov", "said", "talks continue"),
                            claim("Sergei Shoigu", "said", "drills begin")])
    with pytest.raises(InputError, match="merge"), Store(db_file).write() as db:
        speakers.alias(db, "Lavrov", "Sergei Shoigu")


def test_a_wrong_merge_is_undone_by_split_claims_included(db_file):
    store_article(db_file, [claim("سيرغي لافروف", "قال", "المحادثات مستمرة"),
                            claim("Sergei Shoigu", "said", "the drills begin on Monday")])
    before = {c["id"]: c["speaker"]["id"] for c in _db(db_file).claims.all()}
    with Store(db_file).write() as db:
        kept = speakers.merge(db, "Lavrov", "شويغو")
    assert kept["names"] == ["سيرغي لافروف", "Sergei Shoigu"]
    db = _db(db_file)
    assert {c["speaker"]["id"] for c in db.claims.all()} == {kept["id"]}
    assert len(speakers.all_speakers(db)) == 1
    # A claim stored while merged lands on the merged speaker, and goes back with the split.
    late = store_article(db_file, [claim("Shoigu", "said", "the exercise ended")],
                         published="2025-08-01")[0]
    assert late["speaker"]["id"] == kept["id"]
    with Store(db_file).write() as db:
        restored = speakers.split(db, "Lavrov", "Shoigu")
    db = _db(db_file)
    after = {c["id"]: c["speaker"]["id"] for c in db.claims.all()}
    assert after == {**before, late["id"]: restored["id"]}
    assert {tuple(r["names"]) for r in speakers.all_speakers(db)} == {
        ("سيرغي لافروف",), ("Sergei Shoigu", "Shoigu")}
    # Dates follow the claims: Lavrov no longer 'last seen' on Shoigu's later claim.
    dates = {r["names"][0]: (r["first"], r["last"]) for r in speakers.all_speakers(db)}
    assert dates == {"سيرغي لافروف": ("2025-07-09", "2025-07-09"),
                     "Sergei Shoigu": ("2025-07-09", "2025-08-01")}


def test_split_of_a_speaker_never_merged_is_refused(db_file):
    _two_peskov_articles(db_file)
    with pytest.raises(NotFound, match="was not merged"), Store(db_file).write() as db:
        speakers.split(db, "Peskov", "Zakharova")


def test_merging_a_speaker_with_itself_is_refused(db_file):
    _two_peskov_articles(db_file)
    with pytest.raises(InputError, match="same speaker"), Store(db_file).write() as db:
        speakers.merge(db, "Peskov", "بيسكوف")


def test_a_surname_shared_by_two_people_is_ambiguous(db_file):
    store_article(db_file, [claim("Sergei Ivanov", "said", "the budget grows"),
                            claim("Igor Ivanov", "said", "the council meets")])
    with pytest.raises(AmbiguousID, match="2 speakers"):
        speakers.find(_db(db_file), "Ivanov")
    assert len(speakers.claims_by_speaker(_db(db_file), "Ivanov")) == 2


def test_a_bare_surname_does_not_pull_in_a_namesake(db_file):
    store_article(db_file, [claim("Dmitry Peskov", "said", "no plans"),
                            claim("Peskov", "added", "talks continue"),
                            claim("سيرغي بيسكوف", "قال", "المعرض يفتتح غدا")])
    names = sorted(tuple(r["names"]) for r in speakers.all_speakers(_db(db_file)))
    assert names == [("Dmitry Peskov", "Peskov"), ("سيرغي بيسكوف",)]


@pytest.mark.parametrize("title_first", [False, True])
def test_a_title_never_meets_a_name_by_its_skeleton(db_file, title_first):
    # "minister" read as a surname is منصور with one consonant more
    person = claim("ليلى منصور", "قالت", "سد الوادي سيفتتح خلال 12 شهرا",
                   role="مديرة البنك المركزي")
    title = claim("minister", "added", "the tram line would not be affected",
                  role="minister", kind="role")
    store_article(db_file, [title, person] if title_first else [person, title])
    db = _db(db_file)
    by_name = {r["names"][0]: r for r in speakers.all_speakers(db)}
    assert sorted(by_name) == ["minister", "ليلى منصور"]
    assert by_name["minister"]["kind"] == "role"
    assert speakers.claims_by_speaker(db, "Mansour")[0]["content"]["text"] == \
        "سد الوادي سيفتتح خلال 12 شهرا"
    assert len(speakers.claims_by_speaker(db, "Mansour")) == 1
    assert speakers.find(db, "minister")["id"] == by_name["minister"]["id"]


def test_a_title_is_one_speaker_only_as_written(db_file):
    store_article(db_file, [claim("minister", "said", "the dam opens", kind="role"),
                            claim("minster", "said", "the road closes", kind="role")])
    store_article(db_file, [claim("Minister", "said", "the dam opens soon", kind="role")],
                  published="2025-08-01")
    listed = speakers.all_speakers(_db(db_file))
    assert sorted((r["names"], r["claims"]) for r in listed) == \
        [(["minister", "Minister"], 2), (["minster"], 1)]


@pytest.mark.parametrize("name, kind", [("المصدر", "body"), ("مصدر", "body"),
                                        ("مصدر دبلوماسي روسي", "body"), ("a source", "body"),
                                        ("officials", "role"), ("a diplomatic source", "body"),
                                        ("sources close to the talks", "body")])
def test_an_unnamed_source_in_two_unrelated_stories_is_two_speakers(db_file, name, kind):
    store_article(db_file, [claim(name, "said", "the bridge will reopen in May", kind=kind)],
                  published="2025-07-01")
    store_article(db_file, [claim(name, "said", "the wheat harvest fell by a third", kind=kind),
                            claim(name, "added", "imports will double", kind=kind)],
                  published="2025-09-14")
    db = _db(db_file)
    listed = speakers.all_speakers(db)
    assert sorted(r["claims"] for r in listed) == [1, 2]  # one speaker a story
    assert len({r["article"] for r in listed}) == 2
    by_story = {c["content"]["text"]: c["speaker"]["id"] for c in db.claims.all()}
    assert by_story["the wheat harvest fell by a third"] == by_story["imports will double"]
    assert by_story["the bridge will reopen in May"] != by_story["imports will double"]
    with pytest.raises(AmbiguousID, match="names 2 speakers"):
        speakers.find(db, name)  # a reader asking for the words finds both, and is told so
    assert len(speakers.claims_by_speaker(db, name)) == 3


def test_a_named_speaker_never_joins_an_unnamed_source(db_file):
    store_article(db_file, [claim("a Kremlin source", "said", "the summit is off", kind="body")])
    store_article(db_file, [claim("Kremlin", "said", "the summit is on", kind="body"),
                            claim("Open Source Initiative", "said", "the licence is approved",
                                  kind="body")])
    names = sorted((r["names"][0], bool(r.get("article")))
                   for r in speakers.all_speakers(_db(db_file)))
    assert names == [("Kremlin", False), ("Open Source Initiative", False),
                     ("a Kremlin source", True)]


@pytest.mark.parametrize("name, unnamed", [
    ("a source", True), ("Sources familiar with the matter", True), ("officials in Kyiv", True),
    ("المصادر المطلعة", True), ("مسؤول أمريكي", True), ("Open Source Initiative", False),
    ("Dmitry Peskov", False), ("وكالة الأنباء الرسمية", False), ("", False)])
def test_what_counts_as_an_unnamed_source(name, unnamed):
    assert speakers.is_unnamed(name) is unnamed
