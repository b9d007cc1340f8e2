"""Finding and recording contradictions between claims: the seed, and pairs written here."""

import pytest

from factcheck.articles import add_article
from factcheck.contradict import (
    Status,
    check_added,
    check_claims,
    contradiction_id,
    record_contradictions,
)
from factcheck.ingest import Article
from factcheck.relate import Relation
from factcheck.store import Store


def claim(cid, speaker, content, *, context=None, negated=False, modality="assertion",
          article="art1"):
    return {"id": cid, "article": article, "speaker": {"name": speaker},
            "content": {"text": content}, "context": context, "negated": negated,
            "modality": modality, "lang": "ar"}


@pytest.fixture
def db(tmp_path):
    store = Store(tmp_path / "claims.json")
    with store.write() as database:
        yield database


def _speakers(findings):
    return {frozenset((f.claim["speaker"]["name"] or "-", f.other["speaker"]["name"] or "-"))
            for f in findings if f.relation is Relation.CONTRADICTS}


def test_seed_pairs_peskov_with_the_visit_report_and_the_summit_speculation(db, seed_text):
    added = add_article(db, Article(text=seed_text, path="seed.txt"))
    [records] = check_added(db, [added])
    pairs = {frozenset(db.claims.get(i)["speaker"]["name"] or "-" for i in (r["a"], r["b"]))
             for r in records}
    assert pairs == {frozenset({"دميتري بيسكوف", "ليم يول-تشول"}),
                     frozenset({"دميتري بيسكوف", "-"})}
    lim = next(r for r in records if "ليم يول-تشول" in
               {db.claims.get(r["a"])["speaker"]["name"], db.claims.get(r["b"])["speaker"]["name"]})
    assert "التحضير" in lim["reasons"][0] and "الخطط" in lim["reasons"][0]
    assert all(r["status"] == "open" and r["history"] == [] for r in records)


def test_arabic_report_of_a_prepared_visit_is_set_against_the_stored_denial(db, seed_text):
    add_article(db, Article(text=seed_text, path="seed.txt"))
    new = [claim(None, "مصدر دبلوماسي", "التحضيرات جارية لزيارة يقوم بها الزعيم الكوري الشمالي "
                 "كيم جونغ أون إلى موسكو في الخريف المقبل", article=None)]
    found = check_claims(db, new)
    assert _speakers(found) == {frozenset({"مصدر دبلوماسي", "دميتري بيسكوف"})}


def test_poverty_rising_in_one_country_is_not_set_against_falling_in_another(db):
    stored = [claim("c1", "وزير التخطيط", "ارتفاع معدل الفقر في مصر إلى 30 في المئة هذا العام"),
              claim("c2", "وزير العمل", "انخفاض معدل البطالة في الأردن خلال الربع الأول")]
    db.claims.insert_many(stored)
    same = claim(None, "خبير اقتصادي", "انخفاض معدل الفقر في مصر إلى 30 في المئة هذا العام",
                 article=None)
    other = claim(None, "خبير اقتصادي", "انخفاض معدل الفقر في المغرب بفضل برامج الدعم",
                  article=None)
    assert _speakers(check_claims(db, [same])) == {frozenset({"خبير اقتصادي", "وزير التخطيط"})}
    assert _speakers(check_claims(db, [other])) == set()


def test_english_claims_clash_on_an_opposite_word(db):
    db.claims.insert(claim("e1", "Finance Ministry", "Inflation in Kenya rose sharply in May"))
    found = check_claims(db, [claim(None, "Central Bank", "Inflation in Kenya fell sharply in May",
                                    article=None)])
    assert len(found) == 1
    assert found[0].reasons == ["opposite words: fell / rose"]


def test_a_repeat_is_reported_as_agreeing(db):
    db.claims.insert(claim("r1", "وزير المالية", "الحكومة ترفع أسعار الوقود بنسبة 10 في المئة"))
    found = check_claims(db, [claim(None, "مصدر حكومي",
                                    "الحكومة ترفع أسعار الوقود 10 في المئة", article=None)])
    assert [f.relation for f in found] == [Relation.AGREES]


def test_claims_of_one_article_are_compared_with_each_other(db):
    new = [claim("n1", "وزير الخارجية", "نجحت المحادثات مع الجانب التركي حول المياه"),
           claim("n2", "مصدر معارض", "فشلت المحادثات مع الجانب التركي حول المياه")]
    found = check_claims(db, new)
    assert [(f.claim["id"], f.other["id"]) for f in found] == [("n1", "n2")]


def test_a_pair_is_recorded_once_and_a_dismissed_one_is_not_reopened(db):
    new = [claim("n1", "وزير الخارجية", "نجحت المحادثات مع الجانب التركي حول المياه"),
           claim("n2", "مصدر معارض", "فشلت المحادثات مع الجانب التركي حول المياه")]
    db.claims.insert_many(new)
    first = record_contradictions(db, check_claims(db, new))
    assert [r["id"] for r in first] == [contradiction_id("n2", "n1")]
    assert (first[0]["a"], first[0]["b"]) == ("n1", "n2")
    db.table("contradictions").update(first[0]["id"], {"status": Status.DISMISSED.value})
    again = record_contradictions(db, check_claims(db, list(reversed(new))))
    assert again == []
    assert db.table("contradictions").get(first[0]["id"])["status"] == "dismissed"


def test_new_claims_already_stored_are_not_set_against_themselves_or_twice(db):
    new = [claim("n1", "وزير الخارجية", "نجحت المحادثات مع الجانب التركي حول المياه"),
           claim("n2", "مصدر معارض", "فشلت المحادثات مع الجانب التركي حول المياه")]
    db.claims.insert_many(new)
    found = check_claims(db, new)
    assert len(found) == 1
    assert {found[0].claim["id"], found[0].other["id"]} == {"n1", "n2"}


def test_the_same_words_about_another_country_are_another_matter(db):
    db.claims.insert(claim("p1", "وزير المالية المصري", "معدل التضخم ارتفع في مصر خلال شهر مايو"))
    jordan = claim(None, "مسؤول أردني", "معدل التضخم تراجع في الأردن خلال شهر مايو", article=None)
    cairo = claim(None, "خبير اقتصادي", "معدل التضخم تراجع في القاهرة خلال شهر مايو",
                  article=None)
    assert check_claims(db, [jordan]) == []
    found = check_claims(db, [cairo])  # Cairo is in Egypt: the same matter
    assert [f.reasons for f in found] == [["opposite words: تراجع / ارتفع"]]


def test_a_different_toll_of_the_same_strike_is_flagged(db):
    db.claims.insert(claim("g1", "وزارة الصحة", "12 شخصا قتلوا في الغارة التي استهدفت مخيم "
                                                 "النصيرات في غزة فجر الثلاثاء"))
    found = check_claims(db, [claim(None, "الدفاع المدني", "20 شخصا قتلوا في الغارة التي "
                                    "استهدفت مخيم النصيرات في غزة فجر الثلاثاء", article=None)])
    assert [f.reasons for f in found] == [["different number: 20 / 12"]]


# Two matters, not one contradicting the other: more than one thing of the frame changed.

def test_another_town_and_another_figure_are_another_matter_arabic(db):
    db.claims.insert(claim("t1", "وزير الأشغال",
                           "مشروع الطريق الدائري في الرصيفة سيفتتح خلال 12 شهرا"))
    other_town = claim(None, "مدير الطرق", "مشروع الطريق الدائري في الشوبك سيفتتح خلال 40 شهرا",
                       article=None)
    same_town = claim(None, "مدير الطرق", "مشروع الطريق الدائري في الرصيفة سيفتتح خلال 40 شهرا",
                      article=None)
    assert _speakers(check_claims(db, [other_town])) == set()
    found = check_claims(db, [same_town])
    assert [f.reasons for f in found] == [["different number: 40 / 12"]]


def test_another_subject_and_another_figure_are_another_matter_english(db):
    db.claims.insert(claim("e1", "Mayor Ruth Abara",
                           "the new airport in Westbury would create 300 jobs"))
    other_subject = claim(None, "Minister Tom Vale",
                          "the new harbour in Westbury would create 450 jobs", article=None)
    same_subject = claim(None, "Minister Tom Vale",
                         "the new airport in Westbury would create 450 jobs", article=None)
    assert _speakers(check_claims(db, [other_subject])) == set()
    found = check_claims(db, [same_subject])
    assert [f.reasons for f in found] == [["different number: 450 / 300"]]


def test_the_same_words_about_another_subject_are_another_matter(db):
    db.claims.insert(claim("s1", "وزير المالية", "المطار الجديد لن يتأثر بخفض الموازنة هذا العام"))
    harbour = claim(None, "وزير النقل", "الميناء الجديد لن يتأثر بخفض الموازنة هذا العام",
                    article=None)
    assert _speakers(check_claims(db, [harbour])) == set()


def test_another_town_with_the_same_figure_is_a_different_name(db):
    # Neither town is in the hand lists of places: a word outside news vocabulary is a name.
    # The same toll pins the two reports to one event.
    db.claims.insert(claim("v1", "مصدر أمني", "أسفر الانفجار في الرصيفة عن مقتل 12 شخصا"))
    other = claim(None, "مصدر طبي", "أسفر الانفجار في الشوبك عن مقتل 12 شخصا", article=None)
    found = check_claims(db, [other])
    assert [f.reasons for f in found] == [["different name: الشوبك / الرصيفة"]]


def test_another_town_alone_is_another_thing(db):
    # Two stadiums can both have been damaged: nothing says the two speak of one event.
    db.claims.insert(claim("v1", "مصدر في البلدية",
                           "ملعب المدينة في الرصيفة تضرر جزئيا في العاصفة"))
    other = claim(None, "المتحدث باسم البلدية", "ملعب المدينة في الشوبك تضرر جزئيا في العاصفة",
                  article=None)
    assert check_claims(db, [other]) == []


def test_another_town_with_the_same_date_is_a_different_name_english(db):
    db.claims.insert(claim("v2", "a council source",
                           "the water summit opens in Westbury on 3 March"))
    other = claim(None, "the summit spokesman", "the water summit opens in Eastmoor on 3 March",
                  article=None)
    found = check_claims(db, [other])
    assert [f.reasons for f in found] == [["different name: Eastmoor / Westbury"]]


def test_another_town_alone_is_another_thing_english(db):
    db.claims.insert(claim("v2", "a council source",
                           "a delegation from Westbury arrived at the water summit"))
    other = claim(None, "the summit spokesman",
                  "a delegation from Eastmoor arrived at the water summit", article=None)
    assert check_claims(db, [other]) == []


def _wire_story_and_a_clash(db, copies: int) -> tuple[list[dict], dict]:
    """`copies` outlets carrying one figure (w0, w1, ...), one source giving another (x1), and
    a new claim repeating the wire story."""
    wire = [claim(f"w{n}", "وزير النقل", "المطار الجديد في الرصيفة سيفتتح خلال 12 شهرا",
                  article=f"wire{n}") for n in range(copies)]
    db.claims.insert_many([*wire, claim("x1", "مدير المطار",
                                        "المطار الجديد في الرصيفة سيفتتح خلال 30 شهرا",
                                        article="other")])
    return wire, claim(None, "الناطق باسم الوزارة",
                       "المطار الجديد في الرصيفة سيفتتح خلال 12 شهرا", article=None)


def test_a_story_many_outlets_carry_does_not_crowd_out_a_contradiction(db):
    copies, new = _wire_story_and_a_clash(db, 12)
    found = check_claims(db, [new])
    assert [f.other["id"] for f in found if f.relation is Relation.CONTRADICTS] == ["x1"]
    assert sorted(f.other["id"] for f in found if f.relation is Relation.AGREES) == sorted(
        c["id"] for c in copies)


def test_without_repeats_only_the_contradictions_come_back(db):
    # what add and watch ask for: the same contradictions, and no work spent on repeats
    _, new = _wire_story_and_a_clash(db, 3)
    every = check_claims(db, [new])
    only = check_claims(db, [new], repeats=False)
    assert [f.other["id"] for f in only] == ["x1"]
    assert [f.reasons for f in only] == [f.reasons for f in every
                                         if f.relation is Relation.CONTRADICTS]
    assert any(f.relation is Relation.AGREES for f in every)


def test_a_bare_phrase_asserts_nothing_to_contradict(db):
    db.claims.insert_many([claim("f1", "مصدر", "الليرة التركية"),
                           claim("f2", "مصدر", "77 مليار دولار")])
    denial = claim(None, "المركزي التركي", "لا مؤامرة على الليرة التركية", article=None)
    figure = claim(None, "مسؤول", "الصين ستدفع 200 مليار دولار", article=None)
    assert check_claims(db, [denial, figure], repeats=False) == []


def test_a_statement_of_three_words_is_enough(db):
    db.claims.insert(claim("f3", "a union official", "the company closed its factory"))
    denial = claim(None, "the manager", "the company did not close its factory",
                   negated=True, article=None)
    found = check_claims(db, [denial], repeats=False)
    assert [f.other["id"] for f in found] == ["f3"]


def test_articles_added_together_are_checked_in_one_pass(db, seed_text, monkeypatch):
    import factcheck.contradict as contradict

    built = []

    class CountedIndex(contradict.Index):
        def __init__(self, claims, **kwargs):
            built.append(len(claims))
            super().__init__(claims, **kwargs)

    monkeypatch.setattr(contradict, "Index", CountedIndex)
    seed = add_article(db, Article(text=seed_text, path="seed.txt"))
    visit = add_article(db, Article(
        text="وقال مصدر دبلوماسي إن التحضيرات جارية لزيارة يقوم بها الزعيم الكوري الشمالي "
             "كيم جونغ أون إلى موسكو في الخريف المقبل.", path="visit.txt"))
    first, second = check_added(db, [seed, visit])
    assert len(built) <= 2  # the store once, and the new claims not stored (none here)
    assert len(first) == 2  # the seed's own pairs
    # the clash the second article brought is listed under it, not under the seed
    assert [{db.claims.get(r[k])["speaker"]["name"] for k in ("a", "b")} for r in second] == [
        {"مصدر دبلوماسي", "دميتري بيسكوف"}]


def test_a_feed_of_near_identical_items_stores_a_few_pairs_per_item(tmp_path):
    from factcheck.articles import add_article
    from factcheck.contradict import MAX_PER_CLAIM, check_added, check_claims
    from factcheck.ingest import Article
    from factcheck.store import Store

    texts = [f"Alexander Novak said on {day} that oil output will {move} in August."
             for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
             for move in ("rise", "fall", "drop", "increase")]
    store = Store(tmp_path / "claims.json")
    with store.write() as db:
        added = [add_article(db, Article(text=t)) for t in texts]
        found = [f for f in check_claims(db, [c for r in added for c in r.claims],
                                         repeats=False)]
        stored = [r for records in check_added(db, added) for r in records]
    per_claim: dict[str, int] = {}
    for record in stored:
        for side in (record["a"], record["b"]):
            per_claim[side] = per_claim.get(side, 0) + 1
    assert len(found) > len(stored) > 0
    assert len(stored) <= MAX_PER_CLAIM * len(texts)


def test_judged_says_which_step_decided_a_pair(db):
    from factcheck.contradict import judged
    from factcheck.match import Index

    stored = claim("e1", "Finance Ministry", "Inflation in Kenya rose sharply in May")
    clash = claim(None, "Central Bank", "Inflation in Kenya fell sharply in May", article=None)
    apart = claim(None, "Central Bank", "The new stadium in Nairobi opens next spring",
                  article=None)
    index = Index([stored])
    cand, why = index.explain(clash, stored)
    assert cand is not None and why.endswith("candidate 1")
    finding, said = judged(clash, cand, repeats=False)
    assert finding is not None and said == "contradicts"
    assert index.explain(apart, stored) == (None, "0 shared content words")


def test_a_denial_that_names_who_reported_is_set_against_their_claim(db):
    # the two share little wording, but the denial names the front whose claim it denies
    db.claims.insert(claim("h1", "جبهة الساحل", "نفذت الجبهة هجوما أسقط مروحية عسكرية قرب "
                           "الحدود الشمالية وقتل طاقمها", article="art1"))
    denial = claim(None, "متحدث عسكري", "إعلان جبهة الساحل عن إسقاط مروحية عسكرية",
                   modality="denial", negated=True, article="art2")
    found = check_claims(db, [denial], repeats=False)
    assert [f.other["id"] for f in found] == ["h1"]
    # the same denial naming no one, at that closeness, is not enough
    unnamed = claim(None, "متحدث عسكري", "الأنباء عن إسقاط مروحية عسكرية",
                    modality="denial", negated=True, article="art2")
    assert check_claims(db, [unnamed], repeats=False) == []


def test_a_rumour_told_in_a_bare_phrase_is_not_set_against_a_denial(db):
    db.claims.insert({**claim("r1", None, "استقالة وزير المالية", modality="speculation"),
                      "speaker": None})
    denial = claim(None, "الحكومة", "لا صحة لاستقالة وزير المالية", negated=True,
                   modality="denial", article="art2")
    assert check_claims(db, [denial], repeats=False) == []
    db.claims.insert({**claim("r2", None, "وزير المالية سيقدم استقالته خلال أيام",
                              modality="speculation"), "speaker": None})
    assert [f.other["id"] for f in check_claims(db, [denial], repeats=False)] == ["r2"]


def test_a_report_of_a_denial_agrees_with_the_denial(db):
    db.claims.insert(claim("d1", "the port authority", "any crane had collapsed at the north pier",
                           negated=True, modality="denial", article="art1"))
    told = claim(None, "الإذاعة", "نفت هيئة الميناء الأنباء عن انهيار رافعة في الرصيف الشمالي",
                 article="art2")
    denial = claim(None, "هيئة الميناء", "انهيار أي رافعة في الرصيف الشمالي", negated=True,
                   modality="denial", article="art2")
    db.claims.insert(claim("d3", "عامل", "انهارت رافعة في الرصيف الشمالي صباح اليوم",
                           article="art3"))
    found = check_claims(db, [told, denial], repeats=False)
    pairs = {frozenset((f.claim["speaker"]["name"], f.other["speaker"]["name"])) for f in found}
    assert frozenset(("الإذاعة", "هيئة الميناء")) not in pairs
    assert frozenset(("هيئة الميناء", "عامل")) in pairs


def test_one_side_in_two_languages_does_not_deny_its_own_word(db):
    from factcheck.contradict import one_side

    officials = {"speaker": {"name": "مسؤولون أمريكيون"}}
    assert one_side(officials, {"speaker": {"name": "American officials"}})
    assert one_side(officials, {"speaker": {"name": "two officials"}})
    assert not one_side(officials, {"speaker": {"name": "Iranian officials"}})
    assert one_side({"speaker": {"name": "Sergei Lavrov"}}, {"speaker": {"name": "لافروف"}})
    assert not one_side({"speaker": {"name": "Sergei Lavrov"}}, {"speaker": {"name": "بيسكوف"}})
    stored = claim("u1", "مسؤولون أمريكيون", "حاملة الطائرات غادرت البحر الأحمر وعادت إلى "
                   "قاعدتها بعد انتهاء مهمتها")
    stored["lang"] = "ar"
    db.claims.insert(stored)
    denial = claim(None, "American officials", "The aircraft carrier did not leave the Red Sea "
                   "and did not return to its base", negated=True, modality="denial",
                   article=None)
    denial["lang"] = "en"
    assert [f for f in check_claims(db, [denial]) if f.relation is Relation.CONTRADICTS] == []
    denial["speaker"] = {"name": "Houthi spokesman"}
    assert [f.other["id"] for f in check_claims(db, [denial])
            if f.relation is Relation.CONTRADICTS] == ["u1"]


def test_a_refused_request_does_not_contradict_the_request_or_the_report(db):
    db.claims.insert(claim("q1", "وزير الخارجية", "الإفراج عن الصيادين المحتجزين في الميناء",
                           modality="demand", article="art1"))
    db.claims.insert(claim("q2", "مراسل", "السلطات احتجزت الصيادين في الميناء منذ أسبوع",
                           article="art1"))
    refusal = {**claim(None, "الحكومة", "طلب الإفراج عن الصيادين المحتجزين في الميناء",
                       modality="denial", negated=True, article="art2"),
               "cue": {"text": "رفضت"}}
    assert check_claims(db, [refusal], repeats=False) == []
    denial = {**refusal, "content": {"text": "أن السلطات احتجزت الصيادين في الميناء منذ أسبوع"},
              "cue": {"text": "نفت"}}
    assert [f.other["id"] for f in check_claims(db, [denial], repeats=False)] == ["q2"]


def test_a_denial_across_languages_weighs_its_matter_by_its_own_factor(db, monkeypatch):
    import factcheck.contradict as con

    stored = claim("w1", "الصحيفة", "الوزير التقى مبعوث الحركة سرا في العاصمة الأسبوع الماضي")
    stored["lang"] = "ar"
    same = claim("w2", "The paper", "The minister secretly met the movement's envoy in the "
                 "capital last week", article="art2")
    same["lang"] = "en"
    db.claims.insert_many([stored, same])
    denial = claim(None, "The minister's office", "The minister never met the movement's envoy",
                   negated=True, modality="denial", article=None)
    denial["lang"] = "en"

    def flagged():
        return sorted(f.other["id"] for f in check_claims(db, [denial])
                      if f.relation is Relation.CONTRADICTS)

    assert flagged() == ["w1", "w2"]
    monkeypatch.setattr(con, "ACROSS_DENIAL", 0.5)  # the Arabic report now weighs too little
    assert flagged() == ["w2"]


def test_words_changed_across_languages_are_not_counted_as_two_matters(db):
    # Word by word the two share only what has a key; counting what "changed" between them
    # would make every translation two matters.
    stored = claim("h1", "مسؤولون عسكريون", "حاملة الطائرات إيزنهاور لم تتعرض لأي هجوم في "
                   "البحر الأحمر", negated=True)
    stored["lang"] = "ar"
    db.claims.insert(stored)
    attack = claim(None, "The rebels' spokesman", "Our forces carried out an attack targeting "
                   "the aircraft carrier Eisenhower in the Red Sea", article=None)
    attack["lang"] = "en"
    assert [f.other["id"] for f in check_claims(db, [attack])
            if f.relation is Relation.CONTRADICTS] == ["h1"]


def test_a_claim_that_tells_of_a_report_does_not_assert_it_across_languages(db):
    from factcheck.concepts import names_report

    assert names_report("the government will sue the paper over a report accusing the party")
    assert names_report("مزاعم الصحيفة حول تخزين الأسلحة")
    assert not names_report("the party stores weapons at the port")
    stored = claim("t1", "الوزير", "التقارير عن تخزين الحزب أسلحة في الميناء كاذبة",
                   negated=True, modality="denial")
    stored["lang"] = "ar"
    db.claims.insert(stored)
    told = claim(None, "The government", "The government will sue the paper over a report "
                 "accusing the party of storing weapons at the port", article=None)
    told["lang"] = "en"
    asserted = claim(None, "The paper", "The party is storing weapons at the port",
                     article=None)
    asserted["lang"] = "en"
    assert [f for f in check_claims(db, [told]) if f.relation is Relation.CONTRADICTS] == []
    assert [f.other["id"] for f in check_claims(db, [asserted])
            if f.relation is Relation.CONTRADICTS] == ["t1"]


def test_a_report_told_of_is_not_set_against_a_negation_across_languages_either(db):
    # the denial is in the minister's words (عدم), not in a cue the extractor read
    stored = claim("t2", "الوزير", "عدم صحة مزاعم الصحيفة حول تخزين الحزب أسلحة في الميناء",
                   negated=True)
    db.claims.insert(stored)
    told = {**claim(None, "The government", "The government will sue the paper over a report "
                    "accusing the party of storing weapons at the port", article=None),
            "lang": "en"}
    assert [f for f in check_claims(db, [told]) if f.relation is Relation.CONTRADICTS] == []


def _by(cid, sid, name, content, article, **kw):
    made = claim(cid, name, content, article=article, **kw)
    made["speaker"]["id"] = sid
    return made


def test_one_speaker_in_one_article_is_not_set_against_themselves(db):
    db.claims.insert(_by("s1", "sp1", "the harbour master", "the north pier was never closed to "
                         "ferries this week", "art1", negated=True))
    same = _by(None, "sp1", "the harbour master", "the north pier was closed to ferries this week",
               "art1")
    assert check_claims(db, [same], repeats=False) == []
    # the same words by the same speaker in another article are a clash worth a look
    later = _by(None, "sp1", "the harbour master", "the north pier was closed to ferries this week",
                "art2")
    assert [f.other["id"] for f in check_claims(db, [later], repeats=False)] == ["s1"]


def test_surprise_at_a_report_is_not_set_against_the_denial_of_it(db):
    report = "عقد اجتماع سري بين وزير النقل ومدير شركة الشحن في جنيف"
    db.claims.insert_many([
        claim("d1", "وزارة النقل", report, negated=True, modality="denial", article="a1"),
        claim("r1", "صحيفة المساء", report, article="a2")])
    doubt = claim(None, "المتحدث باسم الوزارة",
                  "استغرابه من الادعاء حول عقد اجتماع سري بين وزير النقل ومدير شركة الشحن في جنيف",
                  modality="prediction", article="a3")
    # doubting the report, it sides with the denial and clashes with the report
    assert _speakers(check_claims(db, [doubt])) == {
        frozenset({"المتحدث باسم الوزارة", "صحيفة المساء"})}


def test_one_side_named_two_ways_in_one_article_is_one_position(db):
    db.claims.insert({**claim("k1", "Kenyan officials",
                              "Kenya will close the Moyale border crossing next week",
                              article="a1"), "lang": "en"})

    def said(speaker, article):
        return {**claim(None, speaker, "Kenya will not close the Moyale border crossing next week",
                        negated=True, article=article), "lang": "en"}

    assert _speakers(check_claims(db, [said("Kenya", "a1")])) == set()
    assert _speakers(check_claims(db, [said("senior Kenyan official", "a1")])) == set()
    # another side, or the same side in another article, is a clash
    assert _speakers(check_claims(db, [said("Ethiopian officials", "a1")])) == {
        frozenset({"Ethiopian officials", "Kenyan officials"})}
    assert _speakers(check_claims(db, [said("Kenya", "a2")])) == {
        frozenset({"Kenya", "Kenyan officials"})}


def test_a_bare_denial_meets_the_report_across_languages_on_one_event_and_its_actors(db):
    # The denial says only "fabricated" of its matter; what it denies (the article's report)
    # shares one event (troops sent) and two actors (Chad, Niger) with the Arabic claim, and
    # little else that has a key in both languages.
    stored = claim("e1", "مصادر أمنية", "تشاد أرسلت 800 جندي إضافي إلى النيجر الأسبوع الماضي")
    db.claims.insert(stored)
    denial = {**claim(None, "Chad's defence ministry", "This is one more fabricated story",
                      negated=True, modality="denial", article=None),
              "lang": "en", "denies": "Chad has sent extra troops into Niger"}
    found = [f for f in check_claims(db, [denial]) if f.relation is Relation.CONTRADICTS]
    assert [f.other["id"] for f in found] == ["e1"]
    assert "the same event and participants" in found[0].reasons[-1]
    assert "Niger" in found[0].reasons[-1]


def test_one_event_needs_two_actors_in_common_not_one_country():
    from factcheck.relate import denial_of_event, read_statement

    report = read_statement("تشاد أرسلت 800 جندي إضافي إلى النيجر الأسبوع الماضي")
    denial = read_statement("Chad never sent troops into Niger", negated=True,
                            modality="denial")
    assert denial_of_event(report, denial) is not None
    elsewhere = read_statement("تشاد أرسلت 800 جندي إضافي إلى حدودها الشمالية")
    assert denial_of_event(elsewhere, denial) is None  # one country, not the event's actors
    visit = read_statement("وزير خارجية تشاد زار النيجر الأسبوع الماضي")
    assert denial_of_event(visit, denial) is None  # the same actors, another event
    # Two denials, or two reports, are no clash however much they share.
    assert denial_of_event(read_statement("Chad sent troops into Niger"), report) is None


def test_a_denial_of_ones_own_part_is_no_denial_that_it_happened(db):
    from factcheck.denial import denies_own_part

    mayor = {**claim(None, "Mayor Ellen Ward", "any involvement in the secret talks between the "
                     "port authority and the shipping firm in Lisbon", negated=True,
                     modality="denial", article=None), "lang": "en"}
    assert denies_own_part(mayor)
    assert not denies_own_part({**mayor, "content": {"text": "the secret talks between the "
                                                      "port authority and the shipping firm"}})
    arabic = claim(None, "الوزير", "أي دور له في المفاوضات السرية بين الحكومة والمعارضة",
                   negated=True, modality="denial")
    assert denies_own_part(arabic)
    assert not denies_own_part(claim(None, "الوزير", "دور الوسطاء في المفاوضات كان حاسما"))
    db.claims.insert({**claim("p1", "The Courier", "The port authority and the shipping firm "
                              "held secret talks in Lisbon last month", article="art2"),
                      "lang": "en"})
    assert [f for f in check_claims(db, [mayor]) if f.relation is Relation.CONTRADICTS] == []
    # ... but a claim that names the speaker speaks of the speaker's part: a clash.
    db.claims.insert({**claim("p2", "The Courier", "Mayor Ward took part in the secret talks "
                              "between the port authority and the shipping firm in Lisbon",
                              article="art3"), "lang": "en"})
    assert [f.other["id"] for f in check_claims(db, [mayor])
            if f.relation is Relation.CONTRADICTS] == ["p2"]
