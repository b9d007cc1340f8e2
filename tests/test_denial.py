"""A bare denial ("all of this is untrue") takes its matter from what the article reports."""

from factcheck.denial import (
    article_matter,
    denied_report,
    doubts_report,
    is_bare_denial,
    names_only_the_report,
    names_source,
    one_account,
    refuses_request,
    tells_of_denial,
    tells_of_report,
    with_denied_matter,
    with_reports,
)


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


def test_a_denial_whose_subject_is_the_report_takes_the_articles_matter():
    pointing = [
        _claim("It seems like yet another invented story", 90, modality="denial"),
        _claim("These allegations are baseless and aim to hurt the union's standing", 90,
               modality="denial"),
        _claim("هذه المزاعم عارية من الصحة وتهدف إلى الإساءة لسمعة النقابة", 90, negated=True),
        _claim("هذه رواية مفبركة من وسائل إعلام أجنبية ويمكن فهم أهدافها", 90, negated=True),
    ]
    for claim in pointing:
        assert names_only_the_report(claim), claim["content"]["text"]
        assert with_denied_matter([REPORT, claim])[1]["denies"] == REPORT["content"]["text"]
    naming = [
        # the matter tied to the report's noun, or said in the denial's own words
        _claim("these reports about the minister's health are baseless", 90, modality="denial"),
        _claim("هذه الأنباء حول صحة الوزير عارية من الصحة", 90, negated=True),
        _claim("this plan to close the bridge and the port is not on the table", 90,
               negated=True),
        _claim("It is not true that the minister was taken to hospital", 90, negated=True),
    ]
    for claim in naming:
        assert not names_only_the_report(claim), claim["content"]["text"]
    assert not names_only_the_report(_claim("These figures are final", 90))


def _denial(text: str, lang: str, start: int = 40):
    return {**_claim(text, start, modality="denial", negated=True), "lang": lang,
            "sentence_span": [0, start + len(text)]}


def test_a_denied_report_with_its_source_is_a_claim_of_its_own():
    denial = _denial("a report by the Evening Courier that the port would close in June", "en")
    report = denied_report(denial)
    assert report["speaker"]["name"] == "the Evening Courier"
    assert report["content"]["text"] == "the port would close in June"
    assert report["content"]["span"] == [40 + 37, 40 + 37 + len("the port would close in June")]
    assert (report["modality"], report["negated"], report["within"]) == (
        "assertion", False, denial["content"]["span"])


def test_an_arabic_denied_report_names_the_newspaper_without_its_preposition():
    denial = _denial("صحة تقرير لصحيفة المساء يفيد بأن الميناء سيغلق في يونيو", "ar")
    report = denied_report(denial)
    assert report["speaker"]["name"] == "صحيفة المساء"
    assert report["content"]["text"] == "الميناء سيغلق في يونيو"


def test_reports_no_one_is_named_for_stay_the_denials_matter():
    assert denied_report(_denial("reports that the port would close in June", "en")) is None
    assert denied_report(_denial("ما تردد عن إغلاق الميناء في يونيو", "ar")) is None


def test_a_denial_and_the_report_it_names_are_one_account():
    denial = {**_denial("a report by the Evening Courier that the port would close", "en"),
              "article": "a1"}
    report = {**denied_report(denial), "article": "a1"}
    bare = {**_claim("It is all lies", 200, negated=True), "article": "a1",
            "denies_span": denial["content"]["span"]}
    assert one_account(denial, report) and one_account(report, bare)
    assert not one_account(denial, {**report, "article": "a2"})
    assert with_reports([denial])[1]["content"]["text"] == "the port would close"


def _spoken(text: str, speaker: str | None, start: int, **kw):
    return {**_claim(text, start, **kw), "speaker": {"name": speaker} if speaker else None}


def test_a_denial_names_the_source_of_the_report_it_denies():
    claim_en = _spoken("the rebels shot down a border patrol helicopter", "the Sahel Front", 0)
    denial_en = _spoken("the Sahel Front claim that a helicopter was lost", "the army", 80,
                        modality="denial", negated=True)
    assert names_source(denial_en, claim_en)
    # a denial of the matter, with no word of who reported it
    other_en = _spoken("that any helicopter was lost", "the army", 80, modality="denial",
                       negated=True)
    assert not names_source(other_en, claim_en)
    claim_ar = _spoken("المتمردين أسقطوا مروحية لحرس الحدود", "جبهة الساحل", 0)
    denial_ar = _spoken("مزاعم جبهة الساحل عن إسقاط مروحية", "الجيش", 70, modality="denial",
                        negated=True)
    assert names_source(denial_ar, claim_ar)


def test_a_denial_in_words_of_falsity_names_its_source_too_and_a_denial_is_no_report():
    claim_en = _spoken("the rebels shot down a border patrol helicopter", "the Sahel Front", 0)
    # not read as negated: its word calls the claim false
    plain = _spoken("the Sahel Front claim is false", "two army officers", 80)
    assert names_source(plain, claim_en)
    denying = _spoken("reports of a lost helicopter are untrue", "the Sahel Front", 0,
                      negated=True)
    assert not names_source(plain, denying)
    claim_ar = _spoken("أسقطنا مروحية لحرس الحدود", "جبهة الساحل", 0)
    plain_ar = _spoken("إعلان جبهة الساحل عن إسقاط مروحية كاذب", "الجيش", 70)
    assert names_source(plain_ar, claim_ar)


def test_a_word_of_the_matter_or_of_the_denier_names_no_source():
    # "Jordanian" is in the report's own words, and the denier is Jordanian too
    report = _spoken("Jordanian police arrested two smugglers", "Jordanian police", 0)
    denial = _spoken("claims that Jordanian police arrested anyone", "a Jordanian official",
                     60, modality="denial", negated=True)
    assert not names_source(denial, report)
    assert not names_source(report, denial)  # an assertion denies nothing


def test_a_claim_that_says_no_itself_is_not_the_matter_of_a_bare_denial():
    refusal = _claim("the union received no offer from the ministry", 10, negated=True)
    report = _claim("the ministry offered the union a new contract", 60)
    bare = _claim("هذا كله غير صحيح", 120, modality="denial", negated=True)
    assert article_matter([refusal, report, bare]) == report["content"]["text"]
    out = with_denied_matter([refusal, report, bare])
    assert out[2]["denies"] == report["content"]["text"]
    # a denial whose cue denies, its content the matter, still names it
    named = _claim("the ministry offered the union a new contract", 5, modality="denial",
                   negated=True)
    assert article_matter([named, report, bare]) == named["content"]["text"]


def test_a_claim_telling_of_a_denial_is_no_assertion_of_its_matter():
    assert tells_of_denial(_claim("the ministry denied that the talks had failed", 0))
    assert tells_of_denial(_claim("نفت الوزارة فشل المحادثات", 0))
    assert not tells_of_denial(_claim("the talks had failed", 0))
    # the denial itself is a denial, not a report of one
    assert not tells_of_denial(_claim("denied that the talks had failed", 0, modality="denial"))


def test_a_bare_denial_and_the_report_it_answers_are_two_sources():
    report = {**_spoken("the embassy guards foiled an attack on Sunday", "police officials", 0),
              "article": "a1"}
    bare = {**_spoken("the police account", "a ministry official", 90, modality="denial",
                      negated=True), "article": "a1"}
    given = with_denied_matter([report, bare])
    assert given[1]["denies"] == report["content"]["text"]
    assert not one_account(given[0], given[1])


def _cued(text: str, cue: str, **kw):
    return {**_claim(text, 0, **kw), "cue": {"text": cue, "span": [0, len(cue)]}}


def test_a_refused_request_is_no_denial_of_a_claim():
    assert refuses_request(_cued("the union's request to reopen the talks", "rejected",
                                 modality="denial", negated=True))
    assert refuses_request(_cued("طلبا قدمته النقابة لاستئناف المفاوضات", "رفض",
                                 modality="denial", negated=True))
    # rejecting claims denies them; denying a request was made is a denial too
    assert not refuses_request(_cued("claims that the talks had collapsed", "rejected",
                                     modality="denial", negated=True))
    assert not refuses_request(_cued("الادعاءات بشأن انهيار المفاوضات", "رفضت",
                                     modality="denial", negated=True))
    assert not refuses_request(_cued("any request to reopen the talks was made", "denied",
                                     modality="denial", negated=True))


def test_a_speakers_bare_denial_of_their_own_report_is_one_account():
    report = {**_spoken("the ferry will resume service on Monday", "the port office", 0),
              "article": "a1"}
    bare = {**_spoken("not true", "the port office", 70, modality="denial", negated=True),
            "article": "a1", "denies_span": report["content"]["span"]}
    assert one_account(report, bare)
    other = {**bare, "speaker": {"name": "the ferry company"}}
    assert not one_account(report, other)


def test_a_claim_telling_of_a_report_is_no_assertion_of_its_matter():
    assert tells_of_report(_claim("the council will sue the weekly over a report accusing the "
                                  "mayor of taking bribes", 0))
    assert tells_of_report(_claim("الحكومة ستقاضي الصحيفة بسبب تقرير يتهم الوزير بتلقي رشى", 0))
    # the report itself, opening the content, is what it says
    assert not tells_of_report(_claim("the mayor took bribes from two builders", 0))
    assert not tells_of_report(_claim("reports saying the mayor took bribes are false", 0,
                                      modality="denial"))


def test_surprise_at_a_report_doubts_it():
    assert doubts_report(_claim("استغرابه من المزاعم حول إغلاق الميناء في يونيو", 10))
    assert doubts_report(_claim("surprise at the claims that the port would close", 10))
    assert not doubts_report(_claim("استغرابه من قرار إغلاق الميناء في يونيو", 10))
    assert not doubts_report(_claim("surprise at the decision to close the port", 10))


def test_the_same_words_read_for_two_speakers_are_one_account():
    # "Cairo denied what Tel Aviv called claims of smuggling": one clause, two speakers
    told = {**_spoken("claims of arms smuggling across the border", "Tel Aviv", 40,
                      modality="prediction"), "article": "a1"}
    denied = {**_spoken("claims of arms smuggling across the border", "Cairo", 40,
                        modality="denial", negated=True), "article": "a1"}
    assert one_account(told, denied)
    elsewhere = {**denied, "content": {"text": denied["content"]["text"], "span": [300, 342]}}
    assert not one_account(told, elsewhere)
    assert not one_account(told, {**denied, "article": "a2"})
    # claims of no stored article (a text being checked, a fact-check) have no such words
    assert not one_account({**told, "article": None}, {**denied, "article": None})
