"""A bare denial ("all of this is untrue") takes its matter from what the article reports."""

from factcheck.denial import article_matter, is_bare_denial, with_denied_matter


def _claim(text: str, start: int, *, modality: str = "assertion", negated: bool = False):
    return {"content": {"text": text, "span": [start, start + len(text)]},
            "modality": modality, "negated": negated, "context": None}


REPORT = _claim("the minister had been taken to hospital after a heart attack", 10)
DENIAL = _claim("a newspaper report that the minister had been taken to hospital", 5,
                modality="denial", negated=True)
BARE_EN = _claim("This is entirely false", 90, modality="denial", negated=True)
BARE_AR = _claim("هذه الأنباء عارية من الصحة", 120, negated=True)


def test_a_denial_that_names_only_the_report_is_bare():
    assert is_bare_denial(BARE_EN)
    assert is_bare_denial(BARE_AR)
    assert not is_bare_denial(DENIAL)
    assert not is_bare_denial(REPORT)


def test_the_article_matter_is_the_first_denial_that_names_it():
    assert article_matter([REPORT, BARE_EN, DENIAL]) == DENIAL["content"]["text"]
    assert article_matter([REPORT, BARE_EN]) == REPORT["content"]["text"]
    assert article_matter([BARE_EN, BARE_AR]) is None


def test_bare_denials_are_given_the_matter_and_the_others_left_alone():
    out = with_denied_matter([REPORT, DENIAL, BARE_EN, BARE_AR])
    assert [c.get("denies") for c in out] == [None, None, DENIAL["content"]["text"],
                                             DENIAL["content"]["text"]]
    assert "denies" not in BARE_EN  # the claims given are not changed in place
