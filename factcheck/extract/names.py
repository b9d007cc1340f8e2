"""The article-wide pass: short mentions and titles resolved to the fullest name given."""

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from factcheck.extract.state import ArticleState, en_role, tokens_of
from factcheck.lexicon import Lexicon, lexicon
from factcheck.model import Claim
from factcheck.normalize import WORD_RE, fold, stem
from factcheck.rules import rules_for


def resolve_names(claims: list[Claim], state: ArticleState) -> None:
    """Short mentions and titles to the fullest name the article gives.

    زاخاروفا -> ماريا زاخاروفا; "the ministry" -> "the foreign ministry"; a title standing for a
    person (المتحدث باسم الخارجية، "the minister added") -> the named person who holds it. A
    body is never resolved to a person, nor a person to a title. Claims are resolved in reading
    order, so a title finds the people before it under their full names and roles.
    """
    mentions = [_mention(c) for c in claims if c.speaker]
    for i, c in enumerate(claims):
        if not c.speaker:
            continue
        # التقرير is whoever issued the last report cited, before any longer "التقرير ..."
        best = _document_anaphor(state, c) if c.speaker_kind == "body" else None
        best = best or _fullest(c.speaker, c.speaker_kind, mentions)
        if best is None and c.speaker_kind == "person":
            best = _fuller_in_text(state, c.speaker)
        if best is None and c.speaker_kind == "body":
            best = _statement_anaphor(state, c, claims[:i]) or \
                _definite_anaphor(state, c, claims[:i]) or _source_anaphor(state, c, claims[:i])
        titled = c.speaker_kind == "role"
        if titled:
            best = _person_with_role(c, claims[:i], mentions, state.lex) or best
        if best is None:
            continue
        name, span, role, kind = best[:4]
        c.speaker, c.speaker_span, c.speaker_kind = name, span, kind
        # A title resolved to its holder takes the holder's full title: "Health Minister"
        if kind != "role" and (titled or not c.role or c.role == c.mention):
            c.role = role
    for c in claims:
        if c.speaker_kind == "role" and c.role == c.speaker:
            # A title that names no one ("the finance minister said") is the speaker itself;
            # the role is the apposition or title beside a name, so there is none.
            c.role = None


def _mention(c: Claim) -> tuple:
    return c.speaker, c.speaker_span, c.role, c.speaker_kind, tokens_of(c.speaker)


def _fuller_in_text(state: ArticleState, name: str) -> tuple | None:
    """A longer form of a one-word name written elsewhere in the article, even outside a
    report: "عراقجي" said, and the text earlier named "وزير الخارجية عباس عراقجي"."""
    text, lex = state.text, state.lex
    if len(tokens_of(name)) != 1:
        return None
    for m in re.finditer(re.escape(name), text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = list(WORD_RE.finditer(text, max(line_start, m.start() - 80), m.start()))[-3:]
        for n in (2, 1):
            if len(before) < n:
                continue
            part = before[-n:]
            if not all(a.end() + 1 == b.start() for a, b in zip(part, [*part[1:], m],
                                                                strict=True)):
                continue
            boundary = before[-n - 1] if len(before) > n else None
            if boundary is not None and boundary.end() + 1 != part[0].start():
                boundary = None  # punctuation stands between: "(AP) — Diego Vasquez"
            if boundary is None and (lex.lang != "en" or part[0].start() == line_start):
                continue
            if all(_could_be_name_part(w.group(), lex) for w in part) and (
                    boundary is None or _ends_title(boundary.group(), lex)):
                start = part[0].start()
                return text[start:m.end()], (start, m.end()), None, "person"
    return None


def _could_be_name_part(word: str, lex: Lexicon) -> bool:
    norm = fold(word)
    if norm in lex.roles or norm in lex.bodies or norm in rules_for(lex.lang).stopwords:
        return False
    if lex.lang == "en":
        return word[:1].isupper()
    return not norm.startswith(("ال", "لل")) and len(norm) >= 3 and norm not in lex.np_stops


def _ends_title(word: str, lex: Lexicon) -> bool:
    # The word before a full name closes a title: وزير الخارجية | عباس عراقجي
    norm = fold(word)
    if lex.lang == "en":
        return en_role(norm, lex) or norm in lex.bodies
    return norm.startswith("ال") or norm in lex.roles


def _fullest(name: str, kind: str | None, mentions) -> tuple | None:
    """The longest mention of the same kind that contains `name` as a run of words; for a
    person, as the end of the name (Zakharova in Maria Zakharova, not Saudi in Saudi Arabia's
    minister)."""
    mine = tokens_of(name)
    best, best_len = None, len(mine)
    for mention in mentions:
        theirs = mention[4]
        if mention[3] != kind or len(theirs) <= best_len:
            continue
        if theirs[-len(mine):] == mine or kind != "person" and _contains_run(theirs, mine):
            best, best_len = mention, len(theirs)
    if best is None and kind == "person" and len(mine) == 1:
        # Family name first (Park Min-jae, Xi Jinping): the first word stands for the person
        best = next((m for m in mentions if m[3] == kind and len(m[4]) > 1
                     and m[4][0] == mine[0]), None)
    return best


def _definite_anaphor(state: ArticleState, claim: Claim, before: list[Claim]) -> tuple | None:
    """The body an Arabic definite noun takes up: الوزارة after وزارة الصحة, المصدر after مصدر
    نيابي مطلع (named first without ال, then with it); the latest earlier speaker so named,
    else the last body the narrator named so."""
    mine = tokens_of(claim.speaker)
    if len(mine) != 1 or not mine[0].startswith("ال") or len(mine[0]) < 5:
        return None
    head = mine[0][2:]
    return next((_mention(c) for c in reversed(before) if c.speaker_kind == "body"
                 and c.speaker and tokens_of(c.speaker)[0] == head), None) or \
        _body_named_before(state, claim, head)


def _document_anaphor(state: ArticleState, claim: Claim) -> tuple | None:
    """التقرير، التقرير المزعوم after 'تقرير لصحيفة X': the one who issued the document the
    text cited last before it."""
    mine = tokens_of(claim.speaker)
    lex = state.lex
    if lex.lang != "ar" or not mine or not mine[0].startswith("ال") or \
            mine[0][2:] not in lex.documents or claim.speaker_span is None or \
            not all(w.startswith("ال") for w in mine):
        return None
    earlier = [i for i in state.issuers if i[1][1] <= claim.speaker_span[0]]
    if not earlier:
        return None
    name, span = earlier[-1]
    return name, span, None, "body"


def _statement_anaphor(state: ArticleState, claim: Claim,
                       before: list[Claim]) -> tuple | None:
    """وأضاف البيان after 'وقال كوهين في بيان': the statement stands for the latest speaker
    whose report was given in a statement."""
    lex = state.lex
    if fold(claim.speaker) not in lex.statement_anaphors:
        return None
    for other in reversed(before):
        if not other.speaker or other.sentence_span is None:
            continue
        cue_end = other.cue_span[1] if other.cue_span else other.sentence_span[0]
        said = other.content_span[0] if other.content_span else other.sentence_span[1]
        lead = state.text[other.sentence_span[0]:max(cue_end, said)]
        if any(fold(w) in lex.statements for w in WORD_RE.findall(lead)):
            return _mention(other)
    return None


def _source_anaphor(state: ArticleState, claim: Claim, before: list[Claim]) -> tuple | None:
    """وحسب المصدر after 'قال مسؤول دفاعي في البنتاغون': the latest unnamed source."""
    lex = state.lex
    if fold(claim.speaker) not in lex.source_anaphors:
        return None
    return next((_mention(c) for c in reversed(before) if c.speaker and
                 tokens_of(c.speaker)[:1] and tokens_of(c.speaker)[0] in lex.anonymous_heads),
                None)


def _indefinite(title: str, lex: Lexicon) -> bool:
    """An Arabic title that introduces someone new: متحدث باسم الخارجية الأميركية, مسؤول
    أمني (no ال on the head, none on the word after it), never one named before. وزير
    الخارجية is definite by the word after it."""
    words_ = tokens_of(title)
    if lex.lang != "ar" or not words_ or words_[0].startswith("ال"):
        return False
    return len(words_) == 1 or not words_[1].startswith(("ال", "لل"))


def _body_named_before(state: ArticleState, claim: Claim, head: str) -> tuple | None:
    """الوزارة after the narrator wrote 'لجنة ... في وزارة الطاقة والثروة المعدنية': the last
    body the text named before the claim with `head` (its ال off), and its ال-words."""
    if claim.speaker_span is None:
        return None
    text = state.text
    found = None
    words_ = list(WORD_RE.finditer(text, 0, claim.speaker_span[0]))
    for n, w in enumerate(words_):
        if fold(w.group()) != head:
            continue
        run = [w]
        for nxt in words_[n + 1:n + 6]:
            norm = fold(nxt.group())
            if text[run[-1].end():nxt.start()] != " " or not norm.startswith(("ال", "وال")):
                break
            run.append(nxt)
        if len(run) > 1:
            found = run
    if found is None:
        return None
    span = (found[0].start(), found[-1].end())
    return text[span[0]:span[1]], span, None, "body"


def _contains_run(words_: list[str], run: list[str]) -> bool:
    n = len(run)
    return any(words_[i:i + n] == run for i in range(len(words_) - n + 1))


def _person_with_role(claim: Claim, before: list[Claim], mentions,
                      lex: Lexicon) -> tuple | None:
    """The named person a title-only speaker stands for: "The minister added" after "Health
    Minister Sara Lund said" is Lund; المتحدث باسم الخارجية is whoever was given as المتحدث
    باسم وزارة الخارجية القطرية.

    The title must name the same office (_fit) and agree in gender where both mark it. Of the
    earlier speakers who fit best, the latest wins: it is the one the reader has in mind when
    a journalist writes "the minister" after two ministers. With no one earlier, a title of two
    words or more may name someone the article introduces later; one word (الرئيس) may not.
    """
    mine = _title(claim.role or claim.speaker, lex.lang)
    if mine is None or claim.gender == "p" or _indefinite(claim.speaker, lex):
        return None
    best, best_fit = None, 0.0
    for other in reversed(before):
        if other.speaker_kind != "person" or not other.role or \
                not _genders_agree(claim.gender, other.gender):
            continue
        fit = _fit(mine, _title(other.role, lex.lang))
        if fit > best_fit:
            best, best_fit = _mention(other), fit
    if best is None and fold(claim.speaker) in lex.the_speaker:
        # "the one speaking": the person who spoke last, whatever office was given
        best = next((_mention(o) for o in reversed(before) if o.speaker_kind == "person"
                     and _genders_agree(claim.gender, o.gender)), None)
    if best is not None or len(mine.words) < 2:
        return best
    return next((m for m in mentions if m[3] == "person" and m[2]
                 and _fit(mine, _title(m[2], lex.lang))), None)


@dataclass(frozen=True, slots=True)
class _Title:
    """A title as stems: the office it names (its role nouns) and all its words."""

    office: frozenset[str]
    words: frozenset[str]


@lru_cache(maxsize=4096)
def _title(role: str, lang: str) -> _Title | None:
    """None when the title names no office, or several people (ministers, officials)."""
    lex = lexicon(lang)
    folded = tokens_of(role)
    stems = [stem(w) for w in folded]
    office, honorifics = [], []
    i = 0
    while i < len(folded):
        two = tuple(stems[i:i + 2])
        if two in _office_stems(lang):
            office.append(" ".join(two))  # رئيس الوزراء is one office, not a رئيس
            i += 2
            continue
        word = folded[i]
        if word in lex.roles:
            (honorifics if word in lex.honorifics else office).append(stems[i])
        elif lang == "en" and en_role(word, lex):
            return None  # a plural: "ministers said" stands for no one person
        i += 1
    # النائب، السفير: an honorific is the office only when nothing else is
    office = office or honorifics
    return _Title(frozenset(office), frozenset(stems)) if office else None


@cache
def _office_stems(lang: str) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(stem(w) for w in p) for p in lexicon(lang).offices)


def _fit(mine: _Title, theirs: _Title | None) -> float:
    """How well a title fits another's: 0 unless both name one office (the vice president is
    not the president); then the share of its words the other has, at least 0.6 ("the foreign
    minister" is not the health minister)."""
    if theirs is None or mine.office != theirs.office:
        return 0.0
    share = len(mine.words & theirs.words) / len(mine.words)
    return share if share >= 0.6 else 0.0


def _genders_agree(a: str | None, b: str | None) -> bool:
    return b != "p" and (a not in ("m", "f") or b not in ("m", "f") or a == b)
