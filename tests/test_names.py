"""The speaker key: one person across Arabic and Latin spellings, different people apart."""

import pytest

from factcheck.names import conflicting, key, match_score, parts, same_person

# (a, b, same person?) — spellings as Arabic and English desks write them.
PAIRS = [
    ("Peskov", "Dmitry Peskov", True),
    ("Peskov", "بيسكوف", True),
    ("Песков", "Peskov", True),
    ("Дмитрий Песков", "دميتري بيسكوف", True),
    ("Захарова", "Zakharova", True),
    ("Захарова", "Захаров", False),
    ("Λαβρόφ", "لافروف", True),
    ("Peskow", "Dmitry Peskov", True),
    ("Dmitry Peskov", "دميتري بيسكوف", True),
    ("Dmitri Peskov", "ديمتري بيسكوف", True),
    ("بيسكوف", "ديمتري بيسكوف", True),
    ("D. Peskov", "دميتري بيسكوف", True),
    ("Zakharova", "ماريا زاخاروفا", True),
    ("Maria Zakharova", "زاخاروفا", True),
    ("Mariya Zakharova", "ماريا زاخاروفا", True),
    ("Lim Eul-chul", "ليم يول-تشول", True),
    ("Lim Eul-chul", "Lim Eulchul", True),
    ("Kim Jong Un", "كيم جونغ أون", True),
    ("Kim Jong-un", "Kim Jong Un", True),
    ("Kim Yo Jong", "كيم يو جونغ", True),
    ("Sergei Lavrov", "سيرغي لافروف", True),
    ("Sergey Lavrov", "Lawrow", True),
    ("Lavrov", "لافروف", True),
    ("Vladimir Putin", "فلاديمير بوتين", True),
    ("Putin", "الرئيس فلاديمير بوتين", True),
    ("Pyongyang", "بيونغ يانغ", True),
    ("Rosaviatsia", "روسافياتسيا", True),
    ("Andrei Rudenko", "أندريه رودينكو", True),
    ("Yevgeny Prigozhin", "يفغيني بريغوجين", True),
    ("Mahmoud Abbas", "محمود عباس", True),
    ("Bashar al-Assad", "بشار الأسد", True),
    ("Volodymyr Zelensky", "فولوديمير زيلينسكي", True),
    ("Erdogan", "رجب طيب أردوغان", True),
    ("Erdoğan", "أردوغان", True),
    ("Antonio Guterres", "أنطونيو غوتيريش", True),
    ("Shoigu", "سيرغي شويغو", True),
    ("Choe Son Hui", "تشوي سون هوي", True),
    ("Salma Haddad", "سلمى حداد", True),
    ("Nadia Tamimi", "نادية تميمي", True),
    ("Layla Issa", "ليلى عيسى", True),
    ("Hala Kanaan", "هالة كنعان", True),
    # Near misses: different people.
    ("Fadi Haddad", "فادية حداد", False),
    ("Salma Haddad", "سلمى حمدان", False),
    ("Peskov", "Peskova", False),
    ("بيسكوف", "بيسكوفا", False),
    ("Dmitry Peskov", "Yelizaveta Peskova", False),
    ("Kim Jong Un", "Kim Yo Jong", False),
    ("كيم جونغ أون", "كيم يو جونغ", False),
    ("Zakharova", "Zakharov", False),
    ("ماريا زاخاروفا", "Maria Zakharov", False),
    ("Sergei Lavrov", "Sergei Shoigu", False),
    ("Dmitry Peskov", "Dmitry Medvedev", False),
    ("دميتري بيسكوف", "دميتري ميدفيديف", False),
    ("Vladimir Putin", "Vladimir Zelensky", False),
    ("Ivanov", "Ivanova", False),
    ("Kim Jong Un", "Kim Jong Il", False),
    ("Lim Eul-chul", "Lee Eul-chul", False),
    ("محمود عباس", "عباس عراقجي", False),
    ("Sergei Ivanov", "Igor Ivanov", False),
    ("Choe Son Hui", "Choe Ryong Hae", False),
    ("Andrei Rudenko", "Andrei Rudnev", False),
]


def test_at_least_forty_pairs_of_each_script():
    assert len(PAIRS) >= 40
    assert any(same for _, _, same in PAIRS) and any(not same for _, _, same in PAIRS)


def test_precision_and_recall_at_least_095():
    tp = sum(1 for a, b, same in PAIRS if same and same_person(a, b))
    fp = sum(1 for a, b, same in PAIRS if not same and same_person(a, b))
    fn = sum(1 for a, b, same in PAIRS if same and not same_person(a, b))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    wrong = [(a, b, same) for a, b, same in PAIRS if same_person(a, b) != same]
    print(f"speaker key: precision {precision:.3f} recall {recall:.3f} on {len(PAIRS)} pairs")
    assert precision >= 0.95, wrong
    assert recall >= 0.95, wrong


@pytest.mark.parametrize("name", ["Peskov", "Peskow", "بيسكوف"])
def test_the_surname_alone_has_one_key_in_both_scripts(name):
    assert key(name) == key("Peskov")


def test_final_vowel_tells_a_surname_from_its_feminine_form():
    assert key("Peskov") != key("Peskova")
    assert parts("Peskova")[-1].final == "a"


def test_same_person_is_symmetric():
    for a, b, _ in PAIRS:
        assert match_score(a, b) == match_score(b, a)


def test_full_name_scores_above_surname_alone():
    assert match_score("Dmitry Peskov", "دميتري بيسكوف") > match_score("Peskov", "دميتري بيسكوف")


def test_empty_or_punctuation_only_names_match_nothing():
    assert match_score("", "Peskov") == 0.0
    assert match_score("--", "...") == 0.0


def test_full_names_with_one_surname_and_other_given_names_conflict():
    assert conflicting("Dmitry Peskov", "سيرغي بيسكوف")
    assert not conflicting("Dmitry Peskov", "دميتري بيسكوف")
    assert not conflicting("Peskov", "Sergei Peskov")
