"""The seed article: every report the issue names, with the fields the guide asks for."""

from pathlib import Path

import pytest

from factcheck.extract import extract
from factcheck.normalize import fold

SEED = next((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def seed_text_module():
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def claims(seed_text_module):
    return [c.to_dict() for c in extract(seed_text_module)]


def by_speaker(claims, name):
    return [c for c in claims if c["speaker"]["name"] and fold(name) in fold(c["speaker"]["name"])]


def test_every_span_gives_its_text_back(claims, seed_text_module):
    for c in claims:
        for part in ("cue", "content"):
            start, end = c[part]["span"]
            assert seed_text_module[start:end] == c[part]["text"]
        if c["speaker"]["name"]:
            start, end = c["speaker"]["span"]
            assert seed_text_module[start:end] == c["speaker"]["name"]


def test_ten_reports_in_reading_order(claims):
    assert [c["speaker"]["name"] for c in claims] == [
        None,
        "ماريا زاخاروفا",
        "ماريا زاخاروفا",
        "وكالة الأنباء الكورية الشمالية",
        "بيونغ يانغ",
        "وسائل الإعلام الرسمية في كوريا الشمالية",
        "ليم يول-تشول",
        "ليم يول-تشول",
        "دميتري بيسكوف",
        "هيئة تنظيم النقل الجوي الروسية “روسافياتسيا”",
    ]


def test_zakharova_twice_with_role_second_from_short_mention(claims):
    first, second = by_speaker(claims, "ماريا زاخاروفا")
    assert first["speaker"]["role"] == "المتحدثة باسم وزارة الخارجية الروسية"
    assert first["cue"]["text"] == "وفقًا لما ذكرته"
    assert first["content"]["text"].startswith("الزيارة تهدف إلى تعزيز التعاون")
    assert second["cue"]["text"] == "أشارت"
    assert second["speaker"]["mention"]["text"] == "زاخاروفا"
    assert second["content"]["text"].startswith("زيارة لافروف تأتي في إطار")
    assert second["direct"] is False  # partly quoted


def test_lim_eul_chul_twice_second_from_wadaf_with_afp_as_listener(claims):
    first, second = by_speaker(claims, "ليم يول-تشول")
    assert first["speaker"]["role"] == "الأستاذ في جامعة كيونغنام في كوريا الجنوبية"
    assert first["negated"] is False  # "أمر غير عادي" is not a denial
    assert second["cue"]["text"] == "أضاف"
    assert second["listener"]["text"] == "فرانس برس"
    assert "فرانس" not in second["speaker"]["name"]
    assert second["content"]["text"] == (
        "المحادثات تشمل التحضير لزيارة “منتظرة” للزعيم الكوري الشمالي إلى روسيا"
    )


def test_peskov_direct_negated_with_the_question_as_context(claims):
    (peskov,) = by_speaker(claims, "بيسكوف")
    assert peskov["speaker"]["name"] == "دميتري بيسكوف"
    assert peskov["speaker"]["role"] == "المتحدث باسم الكرملين"
    assert peskov["cue"]["text"] == "أجاب"
    assert peskov["content"]["text"] == (
        "في الوقت الراهن، وفي المستقبل القريب، لا توجد مثل هذه الخطط"
    )
    assert peskov["direct"] is True
    assert peskov["negated"] is True
    assert peskov["context"] == (
        "إمكانية زيارة كيم جونغ أون لروسيا أو زيارة فلاديمير بوتين لكوريا الشمالية"
    )


def test_unattributed_summit_speculation(claims):
    (spec,) = [c for c in claims if c["speaker"]["name"] is None]
    assert spec["modality"] == "speculation"
    assert spec["content"]["text"].startswith("إمكانية عقد قمة مستقبلية")
    assert spec["content"]["text"].endswith("كيم جونغ أون")


def test_bodies_and_places_as_speakers(claims):
    (kcna,) = by_speaker(claims, "وكالة الأنباء الكورية الشمالية")
    assert kcna["content"]["text"].startswith("زيارة لافروف تأتي تلبية لدعوة")
    (pyongyang,) = by_speaker(claims, "بيونغ يانغ")
    assert "نشرت قوات" in pyongyang["content"]["text"]
    assert "واعترفت بمقتل جنود" in pyongyang["content"]["text"]
    (media,) = by_speaker(claims, "وسائل الإعلام الرسمية")
    assert media["content"]["text"] == "الزعيم كيم جونغ أون وافق على تقديم مزيد من التعاون"
    assert media["negated"] is False  # "لكنها لم تقدم" is the narrator's, not state media's
    (rosaviatsia,) = by_speaker(claims, "روسافياتسيا")
    assert "نوردويند" in rosaviatsia["content"]["text"]
    assert rosaviatsia["negated"] is False


def test_nothing_from_related_article_lines_or_headings(claims, seed_text_module):
    related = [seed_text_module.index("مواضيع مشابهة"), seed_text_module.index("من نفس التصنيف")]
    for c in claims:
        start, end = c["sentence_span"]
        for r in related:
            line_end = seed_text_module.index("\n", r)
            assert not (r <= start < line_end)
        assert "ترامب" not in c["content"]["text"]
        assert "أبو الشباب" not in c["content"]["text"]


def test_all_arabic(claims):
    assert {c["lang"] for c in claims} == {"ar"}
