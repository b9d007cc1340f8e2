"""One normalisation for extraction, store keys, search and matching."""

import pytest
import snowballstemmer
from snowballstemmer.english_stemmer import EnglishStemmer

from factcheck.normalize import fold, stem

ENGLISH = ("said", "denied", "planning", "preparations", "visits", "visited", "ministries",
           "contradictions", "generously", "hopefulness", "running", "summit", "Pyongyang")


def test_arabic_letters_fold_to_one_form():
    assert fold("أكّد") == fold("اكد")
    assert fold("زيارةٌ") == fold("زياره")
    assert fold("مستشفى") == fold("مستشفي")


def test_the_arabic_stem_keeps_a_name_whole_at_its_start():
    # snowball's Arabic stemmer turns بوتين into وتين: ours never strips a name's first letter
    assert stem(fold("بوتين")).startswith("ب")


def test_english_stems_are_snowballs_whichever_implementation_runs():
    # PyStemmer (C) is used when installed; it must give the pure-Python stemmer's stems, or
    # keys stored by one would not meet keys made by the other.
    python = EnglishStemmer()
    compiled = snowballstemmer.stemmer("english")
    for word in ENGLISH:
        folded = fold(word)
        assert stem(folded) == python.stemWord(folded) == compiled.stemWord(folded)


@pytest.mark.parametrize("control", ["\u2066", "\u2067", "\u2068", "\u2069", "\u202a", "\u202b",
                                     "\u202c", "\u202d", "\u202e", "\u200e", "\u200f", "\u061c"])
def test_fold_drops_bidi_controls_around_a_name(control):
    assert fold(f"{control}بيسكوف{control}") == fold("بيسكوف")
    assert fold(f"{control}Peskov\u2069") == "peskov"
