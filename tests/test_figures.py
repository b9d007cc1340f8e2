"""Figures over several words read as one number, in both languages."""

from factcheck.figures import figures
from factcheck.normalize import tokens
from factcheck.relate import Reason, Relation, relate
from factcheck.statement import read_statement


def _values(text):
    return [f.value for f in figures(text, tokens(text))]


def test_digit_groups_decimals_and_multipliers_are_one_figure():
    assert _values("the quake killed 12,450 people") == ["12450"]
    assert _values("a loan of 3.2 billion dollars") == ["3200000000"]
    assert _values("قرض بقيمة 3.2 مليار دولار") == ["3200000000"]
    assert _values("نزح ١٢٬٤٥٠ شخصا") == ["12450"]
    assert _values("أرسلت خمسة آلاف جندي") == ["5000"]
    assert _values("اعتقل ألف و200 شخص") == ["1200"]


def test_a_list_of_figures_stays_a_list():
    assert _values("in 2021, 300 families left") == []
    assert _values("between 40 and 50 trucks") == []


def test_one_figure_however_written_in_either_language():
    forms = {frozenset(read_statement(t).numbers) for t in (
        "The ministry counted 12,450 displaced", "The ministry counted 12450 displaced",
        "أحصت الوزارة 12,450 نازحا", "أحصت الوزارة ١٢٤٥٠ نازحا")}
    assert forms == {frozenset({"12450"})}


def test_another_figure_across_languages_is_a_clash():
    found = relate("ارتفعت حصيلة ضحايا الزلزال في المدينة إلى 2,300 قتيل",
                   "The earthquake in the city left 1,150 people dead")
    assert found.relation is Relation.CONTRADICTS
    assert found.kinds == (Reason.NUMBER,)
    assert found.reasons[0] == "different number: 2,300 / 1,150"
    same = relate("أرسلت الحكومة ألف و500 شرطي إلى الحدود",
                  "The government sent 1,500 police officers to the border")
    assert same.relation is not Relation.CONTRADICTS
