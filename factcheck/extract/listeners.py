"""Who was spoken to: لوكالة “فرانس برس”، للصحفيين، told reporters."""

from factcheck.extract.occasions import that_ahead
from factcheck.extract.state import ArticleState
from factcheck.sentences import COMMAS, TERMINATORS, Sentence


def listener_head(state: ArticleState, s: Sentence, j: int) -> bool:
    lex, t = state.lex, s.toks[j]
    if lex.lang != "ar" or not t.word:
        return False
    if t.norm == "ل":
        return True
    if t.norm[:1] != "ل":
        return False
    told = "ال" + t.norm[2:] if t.norm.startswith("لل") else t.norm[1:]
    # للقناة as لقناة: the listener words are written without ال
    return told in lex.listeners or told in lex.outlets or \
        t.norm.startswith("لل") and told[2:] in lex.listeners


def listener_at(state: ArticleState, s: Sentence, j: int, limit: int):
    """لوكالة “فرانس برس” / للصحفيين: the one spoken to. Returns ((text, span) | None, next j)."""
    toks = s.toks
    if j >= limit or not listener_head(state, s, j):
        return None, j
    k = j + 1
    while k < limit and toks[k].raw not in COMMAS and toks[k].norm not in \
            state.lex.clause_complementizers and toks[k].raw != ":" and k - j < 6:
        q = s.quote_opening_at(k)
        if q:
            o, c = q
            return (state.text[toks[o].end:toks[c].start], (toks[o].end, toks[c].start)), c + 1
        k += 1
    start = toks[j].start + (0 if toks[j].norm == "ل" else 1)
    if toks[j].norm == "ل" and j + 1 < k:
        start = toks[j + 1].start
    end = toks[k - 1].end
    told = state.text[start:end]
    if toks[j].norm.startswith("لل") and told[:1] == "ل":
        told = "ا" + told  # للصحفيين: ل and الصحفيين, whose alef the script drops
    return (told, (start, end)), k


def listener_between_commas(state: ArticleState, s: Sentence, j: int, limit: int):
    """The listener, also set off by commas: 'قال مسؤول، لـ”سكاي نيوز عربية”، إن'."""
    toks = s.toks
    if state.lex.lang == "ar" and j + 1 < limit and toks[j].raw in COMMAS and \
            listener_head(state, s, j + 1):
        listener, k = listener_at(state, s, j + 1, limit)
        if listener is not None:
            return listener, k + 1 if k < limit and toks[k].raw in COMMAS else k
    return None, j


def named_listener(state: ArticleState, s: Sentence, j: int, limit: int):
    """لسكاي نيوز عربية إن / لبي بي سي إن: ل + a name right before the reported clause."""
    toks = s.toks
    if state.lex.lang != "ar" or j >= limit or not toks[j].word:
        return None, j
    norm = toks[j].norm
    if not norm.startswith("ل") or len(norm) < 3 or norm.startswith(("لل", "لما")):
        return None, j
    for k in range(j + 1, min(limit, j + 5)):
        if toks[k].norm in state.lex.clause_complementizers:
            start, end = toks[j].start + 1, toks[k - 1].end
            return (state.text[start:end], (start, end)), k
        if not toks[k].word:
            return None, j
    return None, j


def english_listener(state: ArticleState, s: Sentence, j: int, limit: int, *,
                      trailing: bool = False):
    """'told reporters', 'told AFP', 'told the BBC': the one spoken to. `trailing`: the
    report closes its sentence (', the minister told ...'), its content before it."""
    toks, lex = s.toks, state.lex
    that = that_ahead(state, s, j, limit)
    if that is not None and that > j:
        # "told state television on Sunday that": the listener ends at the adverbial
        k = next((x for x in range(j + 1, that)
                  if toks[x].norm in lex.np_stops and not s.in_quote(x)), that)
        return (state.text[toks[j].start:toks[k - 1].end], (toks[j].start, toks[k - 1].end)), k
    k = j
    if k < limit and toks[k].norm in ("the", "a", "an"):
        k += 1
    if k < limit and toks[k].word and toks[k].norm in lex.listeners:
        k += 1
    while k < limit and toks[k].word and (toks[k].raw[:1].isupper() or
                                          toks[k].norm in ("news", "conference", "press")):
        k += 1
    if k == j and trailing and _ends_sentence_soon(s, j, limit):
        # "..., Laura Brennan told analysts on a conference call.": told whom, and where;
        # what was told came before
        while k < limit and toks[k].word and toks[k].norm not in lex.np_stops:
            k += 1
    if k == j or not toks[k - 1].word or toks[k - 1].norm in ("the", "a", "an"):
        return None, j
    start, end = toks[j].start, toks[k - 1].end
    return (state.text[start:end], (start, end)), k


def _ends_sentence_soon(s: Sentence, j: int, limit: int) -> bool:
    """Only a few plain words (no quotation, no "that") before the end of the sentence."""
    for k in range(j, min(limit, j + 8)):
        t = s.toks[k]
        if t.raw in TERMINATORS:
            return k > j
        if not t.word or t.norm == "that":
            return False
    return limit - j <= 8 and limit > j and all(t.word for t in s.toks[j:limit])
