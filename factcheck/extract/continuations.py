"""Continuations: the earlier speaker that 'وأضاف' / 'she added' resolves to, by gender,
and the person the narration last named."""

import re
from collections.abc import Iterable, Iterator
from itertools import chain, islice

from factcheck.extract.occasions import EN_TIME_WORDS
from factcheck.extract.state import (
    EN_CLAUSE_WORDS,
    EN_DETERMINERS,
    ArticleState,
    Speaker,
    tokens_of,
)
from factcheck.model import Claim


def continued_speaker(state: ArticleState, gender: str | None, *,
                  previous: Claim | None) -> Speaker | None:
    """The earlier speaker that 'وأضاف' / 'she added' continues, agreeing in gender."""
    candidates = []
    if previous is not None and previous.speaker:
        kind = {"person": "name"}.get(previous.speaker_kind, previous.speaker_kind)
        candidates.append(Speaker(previous.speaker, previous.speaker_span, previous.role,
                                  previous.gender, kind))
    distinct = _distinct_names(chain(candidates, (sp for sp, _ in state.recent)))
    latest_two = list(islice(distinct, 2))
    # "She added" after a man of unknown gender and a spokeswoman: the spokeswoman. A plural
    # (مشيرين، they added) continues no one marked as one man or one woman.
    marked = gender in ("m", "f", "p")
    chosen = next((sp for sp in latest_two if marked and sp.gender == gender), None)
    if chosen is None:
        chosen = next((sp for sp in chain(latest_two, distinct)
                       if not marked or sp.gender in (None, gender)), None)
    if chosen is None:
        return None
    return Speaker(chosen.name, chosen.span, chosen.role, chosen.gender, kind=chosen.kind)


def _distinct_names(speakers: Iterable[Speaker]) -> Iterator[Speaker]:
    """The first of each name, lazily: a continuation looks only as far back as it must."""
    seen: set[str] = set()
    for sp in speakers:
        if sp.name not in seen:
            seen.add(sp.name)
            yield sp


# A personal name in running English text: two or three capitalised words, an initial allowed
# between them (Jane Moss, John F. Kennedy, Mary-Ann O'Hara).
_EN_PERSON_RE = re.compile(
    r"\b[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?(?:\s+(?:[A-Z]\.\s+)?[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?)"
    r"{1,5}\b")


def narrated_person(state: ArticleState, before: int) -> Speaker | None:
    """The last person the narration names before offset `before`: who 'he said' means when
    no one has been reported yet ('Jane Moss defended the plan. "...," she said.')."""
    if state.lex.lang != "en":
        return None
    if before > state.narration_read:
        for m in _EN_PERSON_RE.finditer(state.text, state.narration_read, before):
            found = _person_in_run(state, m)
            if found is not None:
                state.narrated = found
        state.narration_read = before
    found = state.narrated
    return Speaker(found.name, found.span, kind="name") if found else None


def _person_in_run(state: ArticleState, m: re.Match) -> Speaker | None:
    """The person a run of capitalised words names, past the titles before the name
    ('Attorney General Jane Moss'): two or three words, none of them a title or a body."""
    start, end = m.span()
    text = state.text
    for w in re.finditer(r"\S+", m.group()):
        if _person_like(state, text[start + w.start():end]):
            first = start + w.start()
            name = text[first:end]
            if 2 <= len(name.split()) <= 3 and (first > start or
                                                not _after_place_word(text, start)):
                return Speaker(name, (first, end), kind="name")
            return None
    return None


def _person_like(state: ArticleState, name: str) -> bool:
    lex = state.lex
    for w in tokens_of(name):
        if w in lex.bodies or w in lex.roles or w in lex.np_stops or w in EN_DETERMINERS or \
                w in EN_CLAUSE_WORDS or w in EN_TIME_WORDS or w in lex.np_links:
            return False
    return True


_EN_PLACE_PREPOSITIONS = {"in", "at", "from", "to", "near", "across", "into", "outside", "of",
                          "toward", "towards", "through", "via"}


def _after_place_word(text: str, start: int) -> bool:
    # "in New Delhi", "from North Carolina": a place, not a person
    m = re.search(r"(\w+)\W*$", text[max(0, start - 20):start])
    return bool(m) and m.group(1).lower() in _EN_PLACE_PREPOSITIONS
