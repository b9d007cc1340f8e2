"""Keys across languages: concepts, names in any script, places and figures."""

from factcheck.concepts import concepts_of, name_key, text_keys, word_keys
from factcheck.normalize import fold


def test_a_concept_is_one_key_in_arabic_and_english():
    for en, ar in [("visited", "الزيارة"), ("hospital", "بالمستشفى"), ("summit", "القمة"),
                   ("troops", "القوات"), ("plans", "خطط"), ("inflation", "التضخم")]:
        assert concepts_of(fold(en)) & concepts_of(fold(ar)), (en, ar)


def test_unrelated_words_share_no_concept():
    assert not concepts_of(fold("hospital")) & concepts_of(fold("القمة"))
    assert concepts_of(fold("الطاولة")) == frozenset()


def test_a_name_has_one_key_in_every_script():
    keys = {name_key(fold(w)) for w in ("Lavrov", "لافروف", "Лавров")}
    assert len(keys) == 1 and None not in keys


def test_a_one_consonant_skeleton_is_no_name_key():
    assert name_key(fold("Kim")) == name_key(fold("كيم")) == "n:KM"
    assert name_key(fold("Ali")) is None


def test_word_keys_prefer_the_concept_and_add_place_and_number():
    assert word_keys(fold("visit"), name=True) == {"c:visit"}
    assert word_keys(fold("Moscow"), name=True, place="russia") == {"p:russia"}
    assert "#3" in word_keys(fold("three"), name=False, number="3")


def test_text_keys_meet_across_languages():
    english = text_keys("Sergei Lavrov visited the hospital")
    arabic = text_keys("زار سيرغي لافروف المستشفى")
    assert {"c:visit", "c:hospital"} <= english & arabic
    assert name_key(fold("Lavrov")) in english & arabic
