"""A denial and what it denies, when its words name only "the report".

"It's all untrue", "هذه الأنباء عارية من الصحة", "the militia's claim is false": such a denial
says nothing of its matter but that it is false; the article around it says what is denied
(as the question a speaker answered says what "no such plans" is about). Its matter is what
the article reports: the first claim of the article that says what it denies or reports it
("the Kremlin denied a report that P" gives P, read without its frame: see
factcheck.relate), kept as the claim's `denies` and read as its context when claims are
matched and related.
"""

import tomllib
from functools import cache
from importlib.resources import files

from factcheck import concepts
from factcheck.contrast import lexicon
from factcheck.normalize import detect_lang, fold, stem, tokens, words

DENIAL = "denial"
REPORTS_FILE = "reports.toml"
# The source of a report named in a denial is at most this many words long ...
MAX_SOURCE_WORDS = 8
# ... and what it reported at least this many words.
MIN_REPORTED_WORDS = 3
# A refused request's noun is among this many first content words ("Algeria's request to").
REQUEST_WITHIN = 3
# A denial pointing back at the report ("this is one more invented story") has at
# most this many words of its own before the word naming the report or calling it false.
MAX_POINTER_WORDS = 2
# How many words before and after a report's noun name its source: "the Houthi militia's
# claim", "claims by the Telegraph"; إعلان جماعة الحوثي, مزاعم صحيفة تلغراف البريطانية.
SOURCE_WINDOW = {"en": (3, 3), "ar": (0, 3)}


@cache
def _report_rules() -> dict[str, dict[str, list[tuple[str, ...]]]]:
    raw = tomllib.loads(files("factcheck.data").joinpath(REPORTS_FILE).read_text("utf-8"))
    return {lang: {kind: sorted((tuple(fold(p).split()) for p in phrases), key=len, reverse=True)
                   for kind, phrases in table.items()}
            for lang, table in raw.items()}


def read_denials(claims: list[dict]) -> list[dict]:
    """The claims of one article as matching reads them: the reports its denials name as
    claims of their own (with_reports), bare denials with their matter (with_denied_matter)."""
    return with_denied_matter(with_reports(claims))


def with_reports(claims: list[dict]) -> list[dict]:
    """The claims of one article, and after each denial that names the report it denies and
    who made it ("denied a report by X that P"), that report as a claim of its own: P, said
    by X, `within` the denial's content. Reports no one is named for ("denied reports that
    P") stay the denial's matter only."""
    out = []
    for claim in claims:
        out.append(claim)
        if claim.get("modality") == DENIAL or claim.get("negated"):
            found = denied_report(claim)
            if found is not None:
                out.append(found)
    return out


def denied_report(claim: dict) -> dict | None:
    """The report a denial names, as a claim, when its content says who reported what."""
    text, (offset, _) = claim["content"]["text"], claim["content"]["span"]
    lang = claim.get("lang") or detect_lang(text)
    rules = _report_rules().get(lang)
    if rules is None:
        return None
    toks = tokens(text)
    folded = [t.norm for t in toks]
    for i in range(len(toks)):
        noun = _phrase_at(folded, i, rules["nouns"])
        if not noun:
            continue
        for j in range(i + noun, min(len(toks), i + noun + MAX_SOURCE_WORDS + 1)):
            opener = _phrase_at(folded, j, rules["openers"])
            if opener and len(toks) - (j + opener) >= MIN_REPORTED_WORDS:
                if j == i + noun:
                    return None  # "denied reports that P": no one named who reported it
                return _reported(claim, toks, (i, noun), (i + noun, j), j + opener, offset,
                                 rules)
        return None
    return None


def names_source(denial: dict, report: dict) -> bool:
    """Whether a denial names who made the report: "the Houthi claim", مزاعم صحيفة تلغراف,
    "the Jordanian account" against what the Houthis, the Telegraph or Jordan's officials said.
    The source is a word next to the report's noun ("the X claim", "claims by X", إعلان جماعة
    X) that is a word of the report's speaker and says which source (not "officials",
    "sources"); a word of the report's own content or of the denier's name does not count,
    since a denial of the matter repeats it whoever reported it. Names meet across scripts
    (concepts.name_keys)."""
    speaker = (report.get("speaker") or {}).get("name")
    # "the militia's claim is false" denies too; a report that denies is no report of the matter
    if not speaker or not _denies(denial) or _denies(report):
        return False
    named = (_source_keys(speaker) - _source_keys(report["content"]["text"])
             - _source_keys((denial.get("speaker") or {}).get("name") or ""))
    return bool(named) and bool(named & _sources_named(denial["content"]["text"]))


def tells_of_denial(claim: dict) -> bool:
    """Whether a claim that is no denial itself tells of one in its content ("CNN: the
    ministry denied claims that P"): it agrees with the denial, it asserts nothing of P."""
    if claim.get("modality") == DENIAL:
        return False
    told = _told_denials()
    return any(w in told for w in words(claim["content"]["text"]))


def tells_of_report(claim: dict) -> bool:
    """Whether a claim tells of a report inside its content ("Lebanon vowed to sue the paper
    over a report accusing X of P"): it says a report was made, it does not assert P. The
    report's noun is followed by what tells of it; one opening the content is the report."""
    if claim.get("modality") == DENIAL:
        return False
    folded = words(claim["content"]["text"])
    for rules in _report_rules().values():
        told = {p[0] for p in rules.get("told_reports", ())}
        for i in range(1, len(folded) - 1):
            noun = _phrase_at(folded, i, rules["nouns"])
            if noun and i + noun < len(folded) and folded[i + noun] in told:
                return True
    return False


@cache
def _told_denials() -> frozenset[str]:
    return frozenset(p[0] for table in _report_rules().values()
                     for p in table.get("told_denials", ()))


def denies_own_part(claim: dict) -> bool:
    """Whether a denial denies the speaker's own part in its matter ("denied any involvement
    in the meeting", نفى أي دور له في الهجوم), not that the matter happened: its first content
    word is such a part."""
    if not _denies(claim):
        return False
    text = claim["content"]["text"]
    rules = _report_rules().get(claim.get("lang") or detect_lang(text))
    stop = concepts.stopwords()
    head = next((w for w in words(text) if w not in stop and w not in _any_words()), None)
    return rules is not None and head in _first_words(rules, "own_part")


@cache
def _any_words() -> frozenset[str]:
    # "any", أي: the quantifier a denial of one's part opens with; no stop word in every table
    return frozenset(fold(w) for w in ("any", "أي", "اي"))


def names_speaker(claim: dict, other: dict) -> bool:
    """Whether `other`'s content or context names the speaker of `claim`, in either script."""
    speaker = (claim.get("speaker") or {}).get("name") or ""
    theirs = " ".join(t for t in (other["content"]["text"], other.get("context")) if t)
    return bool(_source_keys(speaker) & _source_keys(theirs))


def refuses_request(claim: dict) -> bool:
    """Whether a "denial" refuses a request ("rejected Algeria's request to free them", رفض
    طلبا): the speaker will not do something, and says nothing said is untrue."""
    cue = words((claim.get("cue") or {}).get("text") or "")
    lang_rules = _report_rules().values()
    if not any(_phrase_at(cue, i, r.get("refusals", [])) for r in lang_rules
               for i in range(len(cue))):
        return False
    head = [w for w in words(claim["content"]["text"]) if w not in concepts.stopwords()]
    return any(_phrase_at(head[:REQUEST_WITHIN], i, r.get("requests", []))
               for r in lang_rules for i in range(min(len(head), REQUEST_WITHIN)))


def _sources_named(text: str) -> set[str]:
    """The keys of the words beside a report's noun in a denial: who it says reported."""
    found: set[str] = set()
    folded = [t.norm for t in tokens(text)]
    for lang, rules in _report_rules().items():
        before, after = SOURCE_WINDOW[lang]
        nouns = sorted(rules["nouns"] + rules.get("source_nouns", []), key=len, reverse=True)
        for i in range(len(folded)):
            noun = _phrase_at(folded, i, nouns)
            if noun:
                window = folded[max(0, i - before):i] + folded[i + noun:i + noun + after]
                found |= _source_keys(" ".join(window))
    return found


def _source_keys(text: str) -> set[str]:
    generic = _generic_sources()
    stop = concepts.stopwords()
    out = set()
    for word in words(text):
        if word in stop or word in generic or len(word) < 3 or word.isdigit():
            continue
        out |= concepts.name_keys(word) or {stem(word)}
    return out


@cache
def _generic_sources() -> frozenset[str]:
    return frozenset(p[0] for table in _report_rules().values()
                     for p in table.get("generic_sources", ()))


def _phrase_at(folded: list[str], i: int, phrases: list[tuple[str, ...]]) -> int:
    """The length of the longest phrase that starts at word i, 0 when none does."""
    for phrase in phrases:
        if tuple(folded[i : i + len(phrase)]) == phrase:
            return len(phrase)
    return 0


def _reported(claim: dict, toks: list, noun: tuple[int, int], source: tuple[int, int],
              start: int, offset: int, rules: dict) -> dict | None:
    text = claim["content"]["text"]
    first, last = source
    while first < last and _phrase_at([t.norm for t in toks], first, rules["source_links"]):
        first += 1
    name, name_span = None, None
    if all(t.norm in concepts.stopwords() for t in toks[first:last]):
        return None  # "the reports that say", التقارير التي تتحدث: no one named
    if first < last:
        a, b = toks[first].start, toks[last - 1].end
        if not rules["source_links"]:
            if text[a] == "ل" and b - a > 3:
                a += 1  # تقرير لصحيفة X: the ل links, the newspaper speaks
            else:
                a = toks[noun[0]].start  # تقارير إعلامية تركية: the reports speak
        name, name_span = text[a:b], [offset + a, offset + b]
    if name is None:
        return None
    cue = toks[noun[0]].start, toks[noun[0] + noun[1] - 1].end
    content = toks[start].start, len(text)
    reported = text[content[0]:].rstrip(" .،,")
    return {
        "speaker": {"name": name, "role": None, "kind": "body", "span": name_span,
                    "mention": {"text": name, "span": name_span} if name else None},
        "cue": {"text": text[cue[0]:cue[1]], "span": [offset + cue[0], offset + cue[1]]},
        "content": {"text": reported,
                    "span": [offset + content[0], offset + content[0] + len(reported)]},
        "direct": False, "negated": False,
        "modality": "assertion",
        "context": None, "context_span": None, "listener": None,
        "sentence_span": claim.get("sentence_span"), "lang": claim.get("lang"),
        "within": claim["content"]["span"],
    }


def with_denied_matter(claims: list[dict]) -> list[dict]:
    """The claims of one article, each bare denial given what the article reports (`denies`,
    and `denies_span`, where the article says it); claims that have one already, or say what
    they deny, are as they were."""
    source = _matter_claim(claims)
    if source is None:
        return claims
    matter = source["content"]["text"]
    return [{**c, "denies": matter, "denies_span": source["content"].get("span")}
            if is_bare_denial(c) and not c.get("denies") and c["content"]["text"] != matter
            else c for c in claims]


def article_matter(claims: list[dict]) -> str | None:
    """What the article reports: the first denial that names its matter, else the first
    report that is no bare denial."""
    found = _matter_claim(claims)
    return found["content"]["text"] if found else None


def _matter_claim(claims: list[dict]) -> dict | None:
    ordered = sorted(claims, key=lambda c: (c["content"].get("span") or (0, 0))[0])
    explicit = [c for c in ordered if not is_bare_denial(c) and _said(c) > 0]
    for claim in explicit:
        if _denies(claim) and not _negates_itself(claim):
            return claim
    # A claim that says "no" in its own words ("Hamas received no request") is a denial of
    # its own, not the matter: a bare denial set against it would deny a denial.
    reports = [c for c in explicit if not _denies(c)]
    return reports[0] if reports else None


def _negates_itself(claim: dict) -> bool:
    """Whether the content holds its own negator or calls something false, rather than
    being the matter a cue denies ("denied that P" is P; "said P was false" is not)."""
    negators = lexicon().negators
    return any(w in negators or concepts.calls_false(w) for w in words(claim["content"]["text"]))


def one_account(a: dict, b: dict) -> bool:
    """Whether two claims of one article are one account of the clash, not two claims: a
    denial and the report it names in its own words ("denied a report by X that P" and X's
    P), or two claims told of in one denial. The article tells that clash itself; it is no
    news to the desk. A bare denial and the report it answers ("Jordan's officials said P";
    "a Lebanese official denied the Jordanian account") are two sources that clash."""
    if a.get("article") != b.get("article"):
        return False
    span_a, span_b = a["content"].get("span"), b["content"].get("span")
    within_a = {tuple(a["within"])} if a.get("within") else set()
    within_b = {tuple(b["within"])} if b.get("within") else set()
    told_a = within_a | ({tuple(a["denies_span"])} if a.get("denies_span") else set())
    told_b = within_b | ({tuple(b["denies_span"])} if b.get("denies_span") else set())
    if not (span_a and span_b):
        return False
    if a.get("article") and span_a[0] < span_b[1] and span_b[0] < span_a[1]:
        return True  # the same words of the article read twice, once for each of two speakers
    # one named within the other, or both told of in one denial
    if tuple(span_b) in within_a or tuple(span_a) in within_b or told_a & told_b:
        return True
    # a speaker's bare denial of what that same speaker is said to report: one account
    same = (a.get("speaker") or {}).get("name") == (b.get("speaker") or {}).get("name")
    return same and (tuple(span_b) in told_a or tuple(span_a) in told_b)


def is_bare_denial(claim: dict) -> bool:
    """A denial whose words, its frame ("the reports", "false", لا صحة) aside, say little,
    or whose subject is the report itself (names_only_the_report)."""
    return _denies(claim) and (_said(claim) <= concepts.MAX_ANAPHORIC_WORDS
                               or names_only_the_report(claim))


def names_only_the_report(claim: dict) -> bool:
    """Whether a denial's subject points back at the report ("these claims are baseless and
    aim to smear us", هذه رواية مختلقة تروجها الصحف): what follows says what the report is
    or why it was made, never what it said, so its matter is what the article reports. A
    word tying the report to its matter ("these reports about P") names the matter."""
    text = claim["content"]["text"]
    rules = _report_rules().get(claim.get("lang") or detect_lang(text))
    folded = words(text)
    if rules is None or not folded or folded[0] not in _first_words(rules, "pointers"):
        return False
    links = _first_words(rules, "matter_links") | _first_words(rules, "openers")
    if any(w in links for w in folded):
        return False
    hedges, stop = _first_words(rules, "hedges"), concepts.stopwords()
    own = 0
    for word in folded[1:]:
        if concepts.is_frame_word(word) or concepts.calls_false(word):
            return True
        if word not in stop and word not in hedges:
            own += 1
            if own > MAX_POINTER_WORDS:
                return False
    return False


def doubts_report(claim: dict) -> bool:
    """Whether a claim's content is the speaker's surprise at a report ("expressed surprise at
    the claims that P", أبدى استغرابه من الادعاء حول P): it doubts P, as a denial does."""
    text = claim["content"]["text"]
    rules = _report_rules().get(claim.get("lang") or detect_lang(text))
    folded = words(text)
    if rules is None or len(folded) < 3 or folded[0] not in _first_words(rules, "doubts"):
        return False
    if folded[1] not in _first_words(rules, "doubt_links"):
        return False
    at = 2
    while at < len(folded) - 1 and folded[at] in concepts.stopwords():
        at += 1  # "surprise at the claims"
    return bool(_phrase_at(folded, at, rules["nouns"] + rules.get("source_nouns", [])))


def _first_words(rules: dict, kind: str) -> frozenset[str]:
    return frozenset(p[0] for p in rules.get(kind, ()))


def _denies(claim: dict) -> bool:
    if claim.get("modality") == DENIAL or claim.get("negated"):
        return True
    return any(concepts.calls_false(w) for w in words(claim["content"]["text"]))


def _said(claim: dict) -> int:
    """Content words that are neither stop words, negators nor a denial's frame."""
    stop, negators = concepts.stopwords(), lexicon().negators
    return sum(1 for w in words(claim["content"]["text"])
               if w not in stop and w not in negators and not concepts.is_frame_word(w)
               and not w.isdigit())
