"""What stands between the cue and its content and is skipped: time and occasion
phrases, participial asides between commas, asides between dashes."""

from factcheck.extract.boundaries import clause_at, complementizer_ahead, object_begins
from factcheck.extract.listeners import listener_at, listener_head, named_listener
from factcheck.extract.marks import bracket_alias_end
from factcheck.extract.occasions import (
    EN_TIME_NOUNS,
    EN_TIME_WORDS,
    after_time_words,
    carried_occasion,
    dated_len,
    is_adverbial_start,
    platform_end,
    that_ahead,
    time_word_at,
)
from factcheck.extract.state import (
    ArticleState,
    Event,
    content_intro,
    is_preposition,
    joins_word,
    match_len,
    verb_at,
    verbal_noun,
)
from factcheck.sentences import COMMAS, TERMINATORS, Sentence, Tok


def _about_before_quotation(state: ArticleState, s: Sentence, j: int, limit: int) -> int | None:
    """The comma after 'of <a few words>' when the quotation the cue splits reopens there."""
    toks = s.toks
    if state.lex.lang != "en" or j >= limit or toks[j].norm != "of" or s.in_quote(j):
        return None
    for k in range(j + 1, min(limit - 1, j + 9)):
        if toks[k].raw in COMMAS:
            return k if k > j + 1 and s.quote_opening_at(k + 1) is not None else None
        if not toks[k].word and not joins_word(s, k):
            return None
    return None


def skip_adverbials(state: ArticleState, s: Sentence, j: int, limit: int, *,
                     ev: Event | None = None) -> int:
    """Skip time and occasion words (اليوم الأربعاء، في بيان، on Tuesday) and their commas;
    with the cue `ev`, they end where its object begins (في مقابلة تلفزيونية | بوجود تقصير)."""
    toks = s.toks
    while j < limit:
        t = toks[j]
        if t.raw in COMMAS and j + 1 < limit:
            closing = _parenthesis_close(state, s, j + 1, limit)
            if closing is not None:
                j = closing + 1  # "، طالبًا عدم الكشف عن هويته،" / ", declining to be named,"
                continue
            if is_adverbial_start(state, s, j + 1):
                j += 1
                continue
        about = _about_before_quotation(state, s, j, limit)
        if about is not None:
            j = about  # '"...," he said of the campaign, "..."': whom the words were about
            continue
        dashed = _dash_aside_end(state, s, j, limit)
        if dashed is not None:
            j = dashed  # "وأكد -في تصريحات نقلتها وكالة "..."- أن": an aside between dashes
            continue
        carried = carried_occasion(state, s, j, limit)
        if carried is not None:
            j = carried[1] + (toks[carried[1]].raw in COMMAS)  # في بيان نشرته الوكالة، أن
            continue
        platform = platform_end(state, s, j, limit)
        if platform is not None:
            j = platform  # "كتب على «تويتر» أن": where it was said, in quotes
            continue
        dated = dated_len(state, s, j) or match_len(s, j, state.lex.manner)
        if dated:
            j += dated  # "أعلنت عام 2021 إلغاء ...", "نفى جملة وتفصيلا": no speaker
            continue
        if not is_adverbial_start(state, s, j):
            return j
        that = that_ahead(state, s, j, limit)
        if that is not None:
            return that  # "said in a note published on Monday that ..."
        opened_by_comma = j > 0 and toks[j - 1].raw in COMMAS
        start = j
        j += 1
        relative = False  # في المؤتمر الصحفي الذي أعقب الفوز على الرائد: runs to its comma
        while j < limit and toks[j].word and platform_end(state, s, j, limit) is None and (
                relative and toks[j].norm not in state.lex.clause_complementizers or
                not _ends_adverbial(state, s, j, limit) and not (
                    ev is not None and _object_ends_adverbial(state, s, start, j, limit, ev))):
            relative = relative or toks[j].norm in state.lex.aside_words
            j += 1
            quoted = s.quote_opening_at(j) if j < limit and state.lex.lang == "ar" else None
            if quoted is not None and quoted[1] - quoted[0] <= 4 and quoted[1] + 1 < limit and \
                    toks[quoted[1] + 1].raw not in TERMINATORS:
                j = quoted[1] + 1  # خلال مداخلة مع قناة «الحدث» السعودية: a name in quotes
            close = bracket_alias_end(s, j, limit) if j < limit and toks[j].raw == "(" else None
            if close is not None and close + 1 < limit and toks[close + 1].word:
                j = close + 1  # نقلتها وكالة الأنباء الوطنية (وان) إنه: an abbreviation
        # "خلال مداخلة مع الإعلامي ... أن": an occasion may run long up to the clause
        bounded = j < limit and ((opened_by_comma or relative) and toks[j].raw in COMMAS or
                                 state.lex.lang == "ar" and clause_at(state, s, j, limit))
        if j - start > (14 if bounded else 7):
            return start  # ran on without an end: not an adverbial after all
        if j + 1 < limit and toks[j].raw in COMMAS and (
                opened_by_comma or content_intro(state, s, j + 1)):
            j += 1  # "، في بيان، مقتل جندي": the parenthesis closes with its comma
    return j


def _comma_clause_ahead(state: ArticleState, s: Sentence, j: int, limit: int) -> bool:
    """'في مؤتمر صحفي من داخل المطار في بيروت، إن': plain words, then '، إن'."""
    for k in range(j, min(limit, j + 10)):
        if not s.toks[k].word:
            return s.toks[k].raw in COMMAS and clause_at(state, s, k, limit)
    return False


_DASHES = ("-", "–", "—", "‒")


def _dash_aside_end(state: ArticleState, s: Sentence, j: int, limit: int) -> int | None:
    """Token after the closing dash of an aside that the reported clause follows:
    'وأكد الوزير -في تصريحات صحفية نقلتها وكالة "..."- أن ...'."""
    toks = s.toks
    if state.lex.lang != "ar" or toks[j].raw not in _DASHES or joins_word(s, j):
        return None
    for k in range(j + 1, min(limit, j + 18)):
        if toks[k].raw in _DASHES and not joins_word(s, k):
            return k + 1 if k + 1 < limit and content_intro(state, s, k + 1) else None
        if toks[k].raw in TERMINATORS:
            return None
    return None


_COLONS = (":", "：")


def _parenthesis_close(state: ArticleState, s: Sentence, j: int, limit: int) -> int | None:
    """Index of the comma closing a participial aside that starts at token j, if it is one."""
    toks, lex = s.toks, state.lex
    t = toks[j]
    if not t.word or t.norm in lex.participles or verb_at(s, j, lex):
        return None
    if lex.lang == "ar":
        aside = t.norm.endswith("ا") and len(t.norm) >= 4 and not t.norm.startswith("ال") \
            or t.norm in lex.aside_words  # "، الذي فضّل إخفاء هويته،"
        if not aside:  # "، فضل عدم الكشف عن اسمه، أن": any short aside before the clause
            close = next((k for k in range(j + 1, min(limit, j + 13))
                          if toks[k].raw in COMMAS or toks[k].raw in TERMINATORS or
                          toks[k].raw in _COLONS), None)
            if close is not None and toks[close].raw in COMMAS and close + 1 < limit and (
                    toks[close + 1].norm in lex.clause_complementizers
                    or _listener_before_clause(state, s, close + 1, limit)):
                return close
            if close is not None and toks[close].raw in _COLONS and \
                    s.quote_opening_at(close + 1):
                return close  # "، في إشارة إلى كتاب نُشر هذا الشهر: «...»": the colon closes it
    else:
        aside = is_parenthesis(t)
    if not aside:
        return None
    for k in range(j + 1, min(limit, j + 15)):
        if toks[k].raw in COMMAS:
            return k
        if toks[k].raw in TERMINATORS and k == len(toks) - 1:
            return k  # "..., an OPEC+ delegate said, declining to be named."
        if toks[k].raw in TERMINATORS or s.quote_opening_at(k):
            return None
    return limit - 1 if limit == len(toks) and limit - j < 15 else None


def _listener_before_clause(state: ArticleState, s: Sentence, j: int, limit: int) -> bool:
    # "، طلب عدم ذكر اسمه، للجزيرة نت إن": the one told, then the reported clause
    listener, k = listener_at(state, s, j, limit)
    if listener is None:
        listener, k = named_listener(state, s, j, limit)
    return listener is not None and k < limit and (
        s.toks[k].norm in state.lex.clause_complementizers
        or s.toks[k].raw in COMMAS and k + 1 < limit
        and s.toks[k + 1].norm in state.lex.clause_complementizers)


def _ends_adverbial(state: ArticleState, s: Sentence, j: int, limit: int) -> bool:
    lex, t = state.lex, s.toks[j]
    if t.norm in lex.clause_complementizers or listener_head(state, s, j):
        return True
    if is_preposition(t, lex) and not complementizer_ahead(state, s, j + 1, limit) and \
            not (lex.lang == "ar" and (time_word_at(s, j + 1, lex) or
                                       _comma_clause_ahead(state, s, j + 1, limit))):
        return True  # "في بيانها على ضرورة ...": the preposition opens the content; not
        # "في وقت سابق من اليوم السبت", a time still
    if lex.lang == "ar" and (t.norm in lex.object_starts or t.norm == "ما"):
        return True  # "في بيان ما تداولته وسائل الإعلام": the object begins
    if lex.lang == "ar" and after_time_words(state, s, j):
        return True  # "في وقت سابق من الشهر الجاري | منح الأسد ...": the time is over
    if lex.lang == "en":
        # "on Tuesday", "in a statement": stop at the first word that is not part of it;
        # after a bare day ("said Tuesday the city would ...") the content starts at once
        if s.toks[j - 1].norm in EN_TIME_WORDS and t.norm in ("the", "a", "an"):
            return True
        return not (t.raw[:1].isupper() or t.norm in lex.np_stops or t.norm in EN_TIME_NOUNS
                    or t.norm in
                    {"a", "an", "the", "news", "press", "statement", "interview", "conference",
                     "briefing", "speech", "televised", "address", "call", "meeting", "post",
                     "message", "letter", "session", "with", "of", "to"} or t.norm.isdigit())
    return False


def _object_ends_adverbial(state: ArticleState, s: Sentence, start: int, k: int, limit: int,
                           ev: Event) -> bool:
    """Does the cue's object begin at k, inside what was read as an occasion phrase from
    `start`? Not when a reported clause is still to come (في ختام اجتماع ... أن)."""
    lex = state.lex
    if lex.lang != "ar" or complementizer_ahead(state, s, k, limit):
        return False
    if k == start + 2 and s.toks[start + 1].norm in lex.speech_occasions and \
            ev.cue is not None and ev.cue.lemma in lex.verbal_noun_lemmas and \
            verbal_noun(s.toks[k], lex):
        return True  # في بيان | استمرار المفاوضات: a statement takes no verbal noun genitive
    return object_begins(state, s, start + 1, k, ev)


def is_parenthesis(t: Tok) -> bool:
    # ", speaking on condition of anonymity," / ", who declined to be named," / ", whose
    # family ran the mill,"
    return t.word and (t.norm.endswith("ing") or t.norm in ("who", "whose", "citing"))
