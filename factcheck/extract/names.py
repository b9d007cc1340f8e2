"""The article-wide pass: short mentions and titles resolved to the fullest name given."""

import re

from factcheck.extract.state import _ArticleState, _en_role, _tokens_of
from factcheck.lexicon import Lexicon
from factcheck.model import Claim
from factcheck.normalize import WORD_RE, fold, stem
from factcheck.rules import rules_for


def _resolve_names(claims: list[Claim], state: _ArticleState) -> None:
    """Short mentions and titles to the fullest name the article gives.

    زاخاروفا -> ماريا زاخاروفا; "the ministry" -> "the foreign ministry"; a title standing for a
    person (المتحدث باسم الخارجية) -> the named person who holds it. A body is never resolved
    to a person, nor a person to a title.
    """
    mentions = [(c.speaker, c.speaker_span, c.role, c.speaker_kind, _tokens_of(c.speaker))
                for c in claims if c.speaker]
    for c in claims:
        if not c.speaker:
            continue
        best = _fullest(c.speaker, c.speaker_kind, mentions)
        if best is None and c.speaker_kind == "person":
            best = _fuller_in_text(state, c.speaker)
        if c.speaker_kind == "role":
            best = _person_with_role(c.role or c.speaker, mentions) or best
        if best is None:
            continue
        name, span, role, kind = best[:4]
        c.speaker, c.speaker_span, c.speaker_kind = name, span, kind
        if kind != "role" and (not c.role or c.role == c.mention):
            c.role = role


def _fuller_in_text(state: _ArticleState, name: str) -> tuple | None:
    """A longer form of a one-word name written elsewhere in the article, even outside a
    report: "عراقجي" said, and the text earlier named "وزير الخارجية عباس عراقجي"."""
    text, lex = state.text, state.lex
    if len(_tokens_of(name)) != 1:
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
        return _en_role(norm, lex) or norm in lex.bodies
    return norm.startswith("ال") or norm in lex.roles


def _fullest(name: str, kind: str | None, mentions) -> tuple | None:
    """The longest mention of the same kind that contains `name` as a run of words; for a
    person, as the end of the name (Zakharova in Maria Zakharova, not Saudi in Saudi Arabia's
    minister)."""
    mine = _tokens_of(name)
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


def _contains_run(words_: list[str], run: list[str]) -> bool:
    n = len(run)
    return any(words_[i:i + n] == run for i in range(len(words_) - n + 1))


def _person_with_role(role: str, mentions) -> tuple | None:
    """The named person whose title this one is, shortened: المتحدث باسم الخارجية for
    المتحدث باسم وزارة الخارجية الروسية. A one-word title (الرئيس) is too vague to resolve."""
    mine = [stem(w) for w in _tokens_of(role)]
    if len(mine) < 2:
        return None
    for mention in mentions:
        other_role, kind = mention[2], mention[3]
        if kind != "person" or not other_role:
            continue
        theirs = [stem(w) for w in _tokens_of(other_role)]
        same_head = theirs[:1] == mine[:1]
        if same_head and len(set(mine) & set(theirs)) / len(set(mine)) >= 0.6:
            return mention
    return None
