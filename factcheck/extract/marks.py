"""Punctuation that belongs to a name rather than ending it: the dots of titles and
initials (Mr., U.S.), web addresses, and a short alias in brackets."""

from factcheck.extract.state import ArticleState
from factcheck.sentences import Sentence, Tok


def bracket_alias_end(s: Sentence, k: int, limit: int) -> int | None:
    toks = s.toks
    if toks[k].raw != "(":
        return None
    for m in range(k + 1, min(limit, k + 5)):
        if toks[m].raw == ")":
            return m if m > k + 1 else None
        if not toks[m].word:
            return None
    return None


def glued_dot(toks: list[Tok], k: int) -> bool:
    # told cleveland.com that: a web address is one name
    return toks[k].raw == "." and 0 < k < len(toks) - 1 and toks[k + 1].word and \
        toks[k - 1].end == toks[k].start and toks[k].end == toks[k + 1].start


def abbreviation_dot(state: ArticleState, s: Sentence, k: int, limit: int) -> bool:
    """The dot of an English title or initial cut short before a word: Mr. Trump, Sen. Cruz,
    U.S. officials, John F. Kennedy."""
    toks = s.toks
    if state.lex.lang != "en" or toks[k].raw != "." or k == 0 or k + 1 >= limit:
        return False
    prev, nxt = toks[k - 1], toks[k + 1]
    if not prev.word or not (nxt.word or nxt.raw == "."):
        return False
    return initial_dot(toks, k) or prev.norm in state.lex.honorifics


def initial_dot(toks: list[Tok], k: int) -> bool:
    # the dots of U.S. and U.N.
    return toks[k].raw == "." and k > 0 and len(toks[k - 1].raw) == 1 and toks[k - 1].raw.isupper()
