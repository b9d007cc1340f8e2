"""The compiled language tables: verb forms carry the gender Arabic marks on them."""

import pytest

from factcheck.lexicon import lexicon
from factcheck.normalize import fold


@pytest.mark.parametrize(
    ("form", "gender"),
    [("قال", "m"), ("قالت", "f"), ("يقول", "m"), ("تقول", "f"), ("قالوا", "p"),
     ("نفى", "m"), ("نفت", "f"), ("رأت", "f"), ("دعت", "f"), ("لفت", "m"), ("لفتت", "f"),
     ("تابع", "m"), ("تابعت", "f"), ("يتابع", "m"), ("تتابع", "f"), ("توقعت", "f")],
)
def test_arabic_verb_forms_mark_gender(form, gender):
    assert lexicon("ar").verbs[(fold(form),)].gender == gender


def test_english_forms_mark_no_gender_and_phrasal_cues_are_multiword():
    en = lexicon("en")
    assert en.verbs[("said",)].gender is None
    assert en.verbs[("pointed", "out")].lemma == "point"


def test_denial_cues_are_denials():
    assert lexicon("ar").verbs[(fold("نفت"),)].modality == "denial"
    assert lexicon("en").verbs[("denied",)].modality == "denial"


def test_triggers_cover_every_cue_start():
    ar = lexicon("ar")
    assert fold("وفقا") in ar.triggers and fold("قالت") in ar.triggers
    assert fold("مضيفا") in ar.triggers and fold("تكهنات") in ar.triggers


@pytest.mark.parametrize(
    ("word", "masdar"),
    [("استمرار", True), ("انتهاء", True), ("انسحاب", True), ("إعلان", True), ("اعلان", True),
     ("تسريح", True), ("تأخر", True), ("تراجع", True), ("مشاركة", True), ("وقوع", True),
     ("توفيق", False), ("تامر", False), ("إيمان", False), ("تركي", False), ("سامح", False),
     ("الوزارة", False)],
)
def test_verbal_nouns_by_template_spare_names(word, masdar):
    from factcheck.extract.state import verbal_noun
    from factcheck.sentences import tokenize

    (tok,) = tokenize(word, 0, len(word))
    assert verbal_noun(tok, lexicon("ar")) is masdar
