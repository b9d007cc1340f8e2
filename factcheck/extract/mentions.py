"""Who speaks and to whom: the speaker's noun phrase before or after the cue, titles and names
in apposition, listeners, the time and occasion words around them, and continuations that
resolve to an earlier speaker by gender."""


import re
from collections.abc import Iterable, Iterator
from itertools import chain, islice

from factcheck.extract.state import (
    CONJ_CLITICS,
    EN_ADVERBS,
    EN_CLAUSE_JOINERS,
    EN_CLAUSE_WORDS,
    EN_DETERMINERS,
    EN_NP_MODIFIERS,
    MAX_NP_WORDS,
    ArticleState,
    Event,
    Speaker,
    content_intro,
    en_role,
    is_ba_object,
    is_plural_people,
    is_preposition,
    joins_word,
    match_len,
    pronoun_gender,
    tokens_of,
    verb_at,
    verbal_noun,
)
from factcheck.lexicon import Lexicon
from factcheck.model import Claim, Span
from factcheck.sentences import (
    COMMAS,
    TERMINATORS,
    Sentence,
    Tok,
    is_quote_mark,
    title_dot,
)


def speaker_after(state: ArticleState, s: Sentence, ev: Event, limit: int):
    """The speaker named after the cue (verb-first Arabic, 'said Peskov', 'according to X').

    Returns (speaker or None, listener or None, token index where the content may begin).
    """
    lex, toks = state.lex, s.toks
    j = ev.last + 1
    j = skip_adverbials(state, s, j, limit)  # لافتا في الوقت نفسه إلى أن
    if ev.kind == "participle":
        return None, None, j
    if lex.lang == "ar" and j < limit and toks[j].norm in lex.relay_saying:
        return None, None, j + 1  # وجدد تأكيده أن: the noun of saying is the cue's
    if lex.lang == "ar" and j < limit and toks[j].norm in lex.cue_resumptive:
        j += 1  # في وقت نفت فيه دمشق: the pronoun takes up the time; the speaker follows
    listener = None
    if ev.kind == "verb" and lex.lang == "en" and ev.cue and ev.cue.lemma == "tell":
        listener, j = english_listener(state, s, j, limit)
    np = noun_phrase(state, s, j, limit, ev)
    if np is None:
        listener2, j2 = _listener(state, s, j, limit)
        if listener2:
            return None, listener2, skip_adverbials(state, s, j2, limit)
        return None, listener, j
    speaker, j = np
    while lex.lang == "ar" and j < limit and toks[j].norm in lex.relay_saying:
        j += 1  # وجدد الوزير تأكيده أن
    relays = ev.cue and ev.cue.lemma in lex.relay_lemmas
    marker = _relay_marker_at(state, s, j, limit) if relays else None
    if marker is not None:
        j = marker
        relayed = noun_phrase(state, s, j + 1, limit, ev)
        if relayed:
            speaker, j = relayed
            while j < limit and (toks[j].norm in lex.relay_saying or toks[j].raw in COMMAS
                                 and j + 1 < limit and toks[j + 1].norm in lex.relay_saying):
                j += 1  # عن الوزير، قوله إن
    if listener is None:
        listener, j = _listener_between_commas(state, s, j, limit)
    j = skip_adverbials(state, s, j, limit, ev=ev)
    if listener is None:
        listener, j = _listener(state, s, j, limit)
        if listener is None:
            listener, j = _named_listener(state, s, j, limit)
        j = skip_adverbials(state, s, j, limit, ev=ev)
    if speaker.gender is None and ev.cue and ev.cue.gender in ("m", "f") and lex.lang == "ar":
        speaker.gender = ev.cue.gender
    return speaker, listener, j


def _relay_marker_at(state: ArticleState, s: Sentence, j: int, limit: int) -> int | None:
    """Index of the عن of a relay at j, or after what was relayed: نقلت الوكالة خبرا حصريا
    عن مصدرين ..."""
    lex, toks = state.lex, s.toks
    k = j
    if k < limit and toks[k].word and toks[k].norm in lex.issued:
        k += 1
        while k < limit and k - j < 3 and toks[k].word and toks[k].norm.endswith("ا") and \
                toks[k].norm != lex.relay_marker:
            k += 1  # خبرا حصريا: the object's adjective
    return k if k < limit and toks[k].norm == lex.relay_marker else None


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
            if _is_adverbial_start(state, s, j + 1):
                j += 1
                continue
        dashed = _dash_aside_end(state, s, j, limit)
        if dashed is not None:
            j = dashed  # "وأكد -في تصريحات نقلتها وكالة "..."- أن": an aside between dashes
            continue
        platform = _platform_end(state, s, j, limit)
        if platform is not None:
            j = platform  # "كتب على «تويتر» أن": where it was said, in quotes
            continue
        dated = _dated_len(state, s, j) or match_len(s, j, state.lex.manner)
        if dated:
            j += dated  # "أعلنت عام 2021 إلغاء ...", "نفى جملة وتفصيلا": no speaker
            continue
        if not _is_adverbial_start(state, s, j):
            return j
        that = _that_ahead(state, s, j, limit)
        if that is not None:
            return that  # "said in a note published on Monday that ..."
        opened_by_comma = j > 0 and toks[j - 1].raw in COMMAS
        start = j
        j += 1
        relative = False  # في المؤتمر الصحفي الذي أعقب الفوز على الرائد: runs to its comma
        while j < limit and toks[j].word and _platform_end(state, s, j, limit) is None and (
                relative and toks[j].norm not in state.lex.clause_complementizers or
                not _ends_adverbial(state, s, j, limit) and not (
                    ev is not None and _object_ends_adverbial(state, s, start, j, limit, ev))):
            relative = relative or toks[j].norm in state.lex.aside_words
            j += 1
            close = _bracket_alias_end(s, j, limit) if j < limit and toks[j].raw == "(" else None
            if close is not None and close + 1 < limit and toks[close + 1].word:
                j = close + 1  # تابعتها وكالة الأنباء العراقية (واع) إنه: an abbreviation
        # "خلال مداخلة مع الإعلامي ... أن": an occasion may run long up to the clause
        bounded = j < limit and ((opened_by_comma or relative) and toks[j].raw in COMMAS or
                                 state.lex.lang == "ar" and _clause_at(state, s, j, limit))
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
            return s.toks[k].raw in COMMAS and _clause_at(state, s, k, limit)
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


def _platform_end(state: ArticleState, s: Sentence, j: int, limit: int) -> int | None:
    """Token after 'على «تويتر»' / 'عبر (X)': a preposition and a short name in quotes or
    brackets, where something was said; the quotation is no content."""
    toks = s.toks
    if state.lex.lang != "ar" or j + 1 >= limit or not toks[j].word or \
            not is_preposition(toks[j], state.lex) and toks[j].norm not in state.lex.np_stops:
        return None
    q = s.quote_opening_at(j + 1)
    if q is not None and q[1] - q[0] <= 3 and q[1] < limit - 1:
        return q[1] + 1
    close = _bracket_alias_end(s, j + 1, limit)
    return close + 1 if close is not None and close < limit - 1 else None


def _clause_at(state: ArticleState, s: Sentence, j: int, limit: int) -> bool:
    """Does the reported clause open at j, or right after a comma there (، إن)?"""
    toks, comps = s.toks, state.lex.clause_complementizers
    return toks[j].norm in comps or toks[j].raw in COMMAS and j + 1 < limit and \
        toks[j + 1].norm in comps


def _dated_len(state: ArticleState, s: Sentence, j: int) -> int:
    """Tokens of a time noun and the number it dates (عام 2021، منذ 2019) at j, else 0. The
    noun alone is no time word: العام is also "general" (الأمين العام)."""
    toks = s.toks
    if j + 1 >= len(toks) or not toks[j].word or toks[j].norm not in state.lex.dated:
        return 0
    return 2 if toks[j + 1].raw.isdigit() else 0


def _parenthesis_close(state: ArticleState, s: Sentence, j: int, limit: int) -> int | None:
    """Index of the comma closing a participial aside that starts at token j, if it is one."""
    toks, lex = s.toks, state.lex
    t = toks[j]
    if not t.word or t.norm in lex.participles or verb_at(s, j, lex):
        return None
    if lex.lang == "ar":
        aside = t.norm.endswith("ا") and len(t.norm) >= 4 and not t.norm.startswith("ال") \
            or t.norm in lex.aside_words  # "، الذي طلب عدم الكشف عن اسمه،"
        if not aside:  # "، فضل عدم الكشف عن اسمه، أن": any short aside before the clause
            close = next((k for k in range(j + 1, min(limit, j + 13))
                          if toks[k].raw in COMMAS or toks[k].raw in TERMINATORS), None)
            if close is not None and toks[close].raw in COMMAS and close + 1 < limit and (
                    toks[close + 1].norm in lex.clause_complementizers
                    or _listener_before_clause(state, s, close + 1, limit)):
                return close
    else:
        aside = _is_parenthesis(t)
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
    listener, k = _listener(state, s, j, limit)
    if listener is None:
        listener, k = _named_listener(state, s, j, limit)
    return listener is not None and k < limit and (
        s.toks[k].norm in state.lex.clause_complementizers
        or s.toks[k].raw in COMMAS and k + 1 < limit
        and s.toks[k + 1].norm in state.lex.clause_complementizers)


def _that_ahead(state: ArticleState, s: Sentence, j: int, limit: int) -> int | None:
    """English: the "that" closing a short run of adverbials, if one does."""
    if state.lex.lang != "en":
        return None
    for k in range(j, min(limit, j + 8)):
        t = s.toks[k]
        if not t.word and t.raw != "'" and not _glued_dot(s.toks, k):
            return None
        if t.norm == "that":
            return k
    return None


def _is_adverbial_start(state: ArticleState, s: Sentence, j: int) -> bool:
    lex, toks = state.lex, s.toks
    if j >= len(toks) or not toks[j].word:
        return False
    norm = toks[j].norm
    if norm in lex.np_stops:
        # مطلع الشهر is a time, مصدر مطلع an informed source: a time head (a stop that is also
        # a dated noun) starts a time phrase only before a time word or a figure.
        return norm not in lex.dated or _time_word_at(s, j + 1, lex)
    if match_len(s, j, lex.connectives) and lex.lang == "ar":
        return True
    return norm in ("في", "and") and j + 1 < len(toks) and _is_occasion(toks[j + 1].norm, lex)


def _time_word_at(s: Sentence, j: int, lex: Lexicon) -> bool:
    if j >= len(s.toks) or not s.toks[j].word:
        return False
    norm = s.toks[j].norm
    return norm in lex.np_stops or norm in lex.dated or norm.isdigit()


def _is_occasion(norm: str, lex: Lexicon) -> bool:
    # في بيان، في مؤتمره الصحفي، في تصريحاتها، في المؤتمر الصحفي: a pronoun or ال on the noun
    if norm.startswith("ال") and len(norm) > 4:
        norm = norm[2:]
    return any(norm[:len(norm) - n] in lex.occasions for n in (0, 1, 2) if len(norm) - n >= 3)


_EN_TIME_NOUNS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                  "yesterday", "today", "tonight", "morning", "afternoon", "evening", "night",
                  "week", "weekend", "month", "year"}
_EN_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december", "jan", "feb", "mar", "apr",
              "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
_EN_TIME_LEADS = {"on", "late", "early", "last", "this", "earlier", "later", "next"}


def _before_time_phrase(toks: list[Tok], k: int) -> int:
    """Where a time phrase ending before token k begins ('on Friday', 'earlier this week',
    'late on Monday night'), else k."""
    j = k
    while j > 0 and (toks[j - 1].word and (toks[j - 1].norm in _EN_TIME_NOUNS | _EN_TIME_LEADS
                                           or toks[j - 1].norm in _EN_MONTHS
                                           or toks[j - 1].raw.isdigit() and j - 1 > 0
                                           and toks[j - 2].norm in _EN_MONTHS | {"."})
                     or toks[j - 1].raw == "." and j > 1 and toks[j - 2].norm in _EN_MONTHS):
        j -= 1
    if j == k or j == 0 or not any(t.norm in _EN_TIME_NOUNS or t.norm in _EN_MONTHS
                                   for t in toks[j:k]):
        return k
    return j


_EN_TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                  "yesterday", "today", "tonight", "earlier", "later", "also", "again"}


def _ends_adverbial(state: ArticleState, s: Sentence, j: int, limit: int) -> bool:
    lex, t = state.lex, s.toks[j]
    if t.norm in lex.clause_complementizers or _listener_head(state, s, j):
        return True
    if is_preposition(t, lex) and not _complementizer_ahead(state, s, j + 1, limit) and \
            not (lex.lang == "ar" and (_time_word_at(s, j + 1, lex) or
                                       _comma_clause_ahead(state, s, j + 1, limit))):
        return True  # "في بيانها على ضرورة ...": the preposition opens the content; not
        # "في وقت سابق من اليوم السبت", a time still
    if lex.lang == "ar" and (t.norm in lex.object_starts or t.norm == "ما"):
        return True  # "في بيان ما تداولته وسائل الإعلام": the object begins
    if lex.lang == "ar" and _after_time_words(state, s, j):
        return True  # "في وقت سابق من الشهر الجاري | منح الأسد ...": the time is over
    if lex.lang == "en":
        # "on Tuesday", "in a statement": stop at the first word that is not part of it;
        # after a bare day ("said Tuesday the city would ...") the content starts at once
        if s.toks[j - 1].norm in _EN_TIME_WORDS and t.norm in ("the", "a", "an"):
            return True
        return not (t.raw[:1].isupper() or t.norm in lex.np_stops or t.norm in _EN_TIME_NOUNS
                    or t.norm in
                    {"a", "an", "the", "news", "press", "statement", "interview", "conference",
                     "briefing", "speech", "televised", "address", "call", "meeting", "post",
                     "message", "letter", "session", "with", "of", "to"} or t.norm.isdigit())
    return False


def _after_time_words(state: ArticleState, s: Sentence, j: int) -> bool:
    """A bare word after a time word and its ال-adjectives (الشهر الجاري، اليوم السبت):
    no more of the time phrase."""
    lex, toks = state.lex, s.toks
    norm = toks[j].norm
    if norm.startswith("ال") or _time_word_at(s, j, lex):
        return False
    k = j - 1
    while k > 0 and j - k <= 2 and toks[k].word and toks[k].norm.startswith("ال") and \
            toks[k].norm not in lex.times:
        k -= 1
    return 0 <= k < j and toks[k].word and toks[k].norm in lex.times


def _object_ends_adverbial(state: ArticleState, s: Sentence, start: int, k: int, limit: int,
                           ev: Event) -> bool:
    """Does the cue's object begin at k, inside what was read as an occasion phrase from
    `start`? Not when a reported clause is still to come (في ختام اجتماع ... أن)."""
    lex = state.lex
    if lex.lang != "ar" or _complementizer_ahead(state, s, k, limit):
        return False
    if k == start + 2 and s.toks[start + 1].norm in lex.speech_occasions and \
            ev.cue is not None and ev.cue.lemma in lex.verbal_noun_lemmas and \
            verbal_noun(s.toks[k], lex):
        return True  # في بيان | استمرار المفاوضات: a statement takes no verbal noun genitive
    return _object_begins(state, s, start + 1, k, ev)


def _listener_head(state: ArticleState, s: Sentence, j: int) -> bool:
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


def _listener(state: ArticleState, s: Sentence, j: int, limit: int):
    """لوكالة “فرانس برس” / للصحفيين: the one spoken to. Returns ((text, span) | None, next j)."""
    toks = s.toks
    if j >= limit or not _listener_head(state, s, j):
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


def _listener_between_commas(state: ArticleState, s: Sentence, j: int, limit: int):
    """The listener, also set off by commas: 'قال مسؤول، لـ”سكاي نيوز عربية”، إن'."""
    toks = s.toks
    if state.lex.lang == "ar" and j + 1 < limit and toks[j].raw in COMMAS and \
            _listener_head(state, s, j + 1):
        listener, k = _listener(state, s, j + 1, limit)
        if listener is not None:
            return listener, k + 1 if k < limit and toks[k].raw in COMMAS else k
    return None, j


def _named_listener(state: ArticleState, s: Sentence, j: int, limit: int):
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
    that = _that_ahead(state, s, j, limit)
    if that is not None and that > j:
        # "told state television on Sunday that": the listener ends at the adverbial
        k = next((x for x in range(j + 1, that) if toks[x].norm in lex.np_stops), that)
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


def follows_comma(s: Sentence, speaker: Speaker) -> bool:
    """Does a comma stand right before the speaker's phrase (', Laura Brennan told ...')?"""
    start = (speaker.phrase or speaker.span)[0]
    before = [t for t in s.toks if t.end <= start]
    return bool(before) and before[-1].raw in COMMAS


def _ends_sentence_soon(s: Sentence, j: int, limit: int) -> bool:
    """Only a few plain words (no quotation, no "that") before the end of the sentence."""
    for k in range(j, min(limit, j + 8)):
        t = s.toks[k]
        if t.raw in TERMINATORS:
            return k > j
        if not t.word or t.norm == "that":
            return False
    return limit - j <= 8 and limit > j and all(t.word for t in s.toks[j:limit])


def noun_phrase(state: ArticleState, s: Sentence, j: int, limit: int, ev: Event):
    """The speaker's noun phrase starting at token j, with an apposition role after it."""
    lex, toks = state.lex, s.toks
    if j >= limit or not toks[j].word:
        if j < limit and s.quote_opening_at(j) and ev.kind != "verb":
            return _quoted_name(state, s, j)
        return None
    if toks[j].norm in lex.clause_complementizers or is_preposition(toks[j], lex):
        return None
    if _listener_head(state, s, j) or lex.lang == "ar" and toks[j].norm in lex.object_starts:
        return None  # نفى أيضا هذه المزاعم: the object, the speaker named before the cue
    if lex.lang == "en" and toks[j].norm in lex.pronouns:
        if ev.kind == "verb" and j + 1 < limit and toks[j + 1].word:
            return None  # "and said she has ...": the pronoun is the reported clause's subject
        return Speaker(toks[j].raw, (toks[j].start, toks[j].end), kind="pronoun",
                       gender=pronoun_gender(toks[j].norm)), j + 1
    if lex.lang == "en" and ev.kind != "source" and not _english_np_word(toks[j], lex, first=True):
        return None
    if _masdar_object_at(state, s, j, limit, ev):
        return None  # ونفى وجود أي خطط: the cue's object, its speaker unnamed here
    first_word = toks[j].norm
    if ev.kind == "source" and lex.lang == "ar" and lex.attached_prefix and \
            first_word.startswith(lex.attached_prefix) and first_word not in ("لما",) and \
            len(first_word) > 2 and (first_word, ) not in lex.verbs:
        attached = 1  # وفقًا لوزارة الخارجية: the ل belongs to the cue
    else:
        attached = 0
    k = j
    words = 0
    alias_open = None
    while k < limit:
        t = toks[k]
        if not t.word:
            q = s.quote_opening_at(k)
            if q and words and _alias_quote_ok(state, s, j, q, limit):
                k = q[1] + 1  # هيئة النقل الجوي “روسافياتسيا”: an alias in quotes
                continue
            if joins_word(s, k) and words:
                k += 2  # Eul-chul, يول-تشول: one name across the hyphen
                words += 1
                continue
            if words and (title_dot(s.toks, k) or _abbreviation_dot(state, s, k, limit)):
                k += 1  # د. هبة العنزي, Mr. Trump, U.S. officials: a word cut short, then more
                continue
            close = _bracket_alias_end(s, k, limit) if words else None
            if close is not None:
                alias_open, k = k, close + 1  # الاتحاد الأفريقي لكرة القدم (كاف)
                continue
            break
        if lex.lang == "en" and words and _post_modifier(s, k):
            k += 1  # "people familiar with the matter", "sources close to the talks"
            continue
        if words and (_np_ends_at(state, s, k, limit, ev) or _object_begins(state, s, j, k, ev)):
            break
        if lex.lang == "en" and (t.norm in EN_CLAUSE_WORDS or t.norm in lex.np_stops
                                 and not t.raw[:1].isupper()):
            break
        words += 1
        k += 1
        if words > MAX_NP_WORDS:
            return None
    if words == 0:
        return None
    k = _known_name_end(state, s, j, k)
    # A closing (كاف), (WHO) is the name's abbreviation, not part of it: read past, not kept.
    name_k = alias_open if alias_open is not None and alias_open == _alias_start(s, k) else k
    if name_k - j > 1 and toks[name_k - 1].norm in lex.same_words:
        name_k -= 1  # المتحدث ذاته: the title, which resolves to the one who holds it
    start = toks[j].start + attached
    end = toks[name_k - 1].end if toks[name_k - 1].word or toks[name_k - 1].raw in "”»\")" \
        else toks[name_k - 2].end
    speaker = speaker_from_np(state, s, j, name_k, start, end)
    if speaker is None:
        return None
    if attached and first_word.startswith("لل") and speaker.span[0] == start:
        # وفقًا للأمم المتحدة: ل + الأمم, whose alef the script drops; name it as it is named
        speaker.name = "ا" + speaker.name
    k = _apposition(state, s, k, limit, speaker)
    return speaker, k


def _masdar_object_at(state: ArticleState, s: Sentence, j: int, limit: int,
                      ev: Event) -> bool:
    """Does the cue's verbal-noun object stand right after it (أكد استمرار، نفى وجود)? Not
    a body or title, and not when a reported clause follows: then the word is the speaker's
    name (أكد إحسان أوغلو أن)."""
    lex, t = state.lex, s.toks[j]
    if ev.kind != "verb" or ev.cue is None or ev.cue.lemma not in lex.verbal_noun_lemmas:
        return False
    if t.norm in lex.bodies or t.norm in lex.roles or t.norm in lex.documents:
        return False
    return verbal_noun(t, lex) and not _complementizer_ahead(state, s, j + 1, limit)


def _known_name_end(state: ArticleState, s: Sentence, j: int, k: int) -> int:
    """A phrase that opens with a person already named ends with that name:
    ونفى كاظمي وجود أي نية ... -> كاظمي."""
    if state.lex.lang != "ar" or k - j < 2:
        return k
    toks = s.toks
    for x in range(j, min(k, j + 4)):
        names = state.known_names.get(toks[x].norm)
        if names is None:
            continue
        start = x - len(names) + 1
        if start == j and [t.norm for t in toks[j:x + 1]] == names or x == j:
            return x + 1 if x + 1 < k else k
    return k


def _alias_start(s: Sentence, k: int) -> int | None:
    """Index of the "(" of a bracketed alias that ends just before token k, if one does."""
    if k < 2 or s.toks[k - 1].raw != ")":
        return None
    return next((m for m in range(k - 2, max(-1, k - 6), -1) if s.toks[m].raw == "("), None)


def _bracket_alias_end(s: Sentence, k: int, limit: int) -> int | None:
    toks = s.toks
    if toks[k].raw != "(":
        return None
    for m in range(k + 1, min(limit, k + 5)):
        if toks[m].raw == ")":
            return m if m > k + 1 else None
        if not toks[m].word:
            return None
    return None


def _alias_quote_ok(state: ArticleState, s: Sentence, j: int, q: tuple[int, int],
                    limit: int) -> bool:
    """A short quoted name after a body noun: هيئة النقل الجوي “روسافياتسيا”، صحيفة "واشنطن
    بوست" الأمريكية. Not the content: قال الوزير "لن نتراجع"."""
    lex, toks = state.lex, s.toks
    head = toks[j].norm
    if lex.lang != "ar" or head not in lex.bodies and head[1:] not in lex.bodies:
        return False
    if q[1] - q[0] > 4 or q[1] + 1 >= limit:
        return False
    t = toks[q[1] + 1]
    return t.raw in COMMAS or t.norm in lex.clause_complementizers or t.norm.startswith("ال") \
        or _listener_head(state, s, q[1] + 1) or t.norm in lex.np_stops or \
        t.norm == lex.relay_marker or t.norm in lex.issued or _issuer_after_la(lex, t.norm) or \
        t.norm.startswith("لل")  # وكالة “رويترز” للأنباء، موقع “العربي الجديد” عن


def _quoted_name(state: ArticleState, s: Sentence, j: int):
    o, c = s.quote_opening_at(j)
    if c - o > 5:
        return None
    start, end = s.toks[o + 1].start, s.toks[c - 1].end
    return Speaker(state.text[start:end], (start, end), kind="name"), c + 1


def _np_ends_at(state: ArticleState, s: Sentence, k: int, limit: int, ev: Event) -> bool:
    lex, t = state.lex, s.toks[k]
    norm = t.norm
    if norm in lex.clause_complementizers:
        return True
    if norm in lex.relay_saying or ev.cue and ev.cue.lemma in lex.relay_lemmas and \
            norm == lex.relay_marker:
        return True
    if _listener_head(state, s, k) and not _issuer_after_document(state, s, k) or \
            _dated_len(state, s, k) or match_len(s, k, lex.manner):
        return True
    if _is_adverbial_start(state, s, k):
        return not _title_link(state, s, k)
    if _platform_end(state, s, k, limit) is not None:
        return True  # "كتب الوزير على «تويتر»"
    if is_preposition(t, lex):
        # "أشار الوزير إلى أن": ends; "قال المسؤول عن الملف إن": part of the phrase
        nxt = s.toks[k + 1] if k + 1 < limit else None
        if nxt is not None and nxt.norm in lex.clause_complementizers:
            return True
        return not _complementizer_ahead(state, s, k + 1, limit)
    if norm in lex.object_starts or norm in lex.participles or norm in lex.issued:
        return True  # أصدرت الوزارة | بيانا
    return bool(lex.lang == "ar" and verb_at(s, k, lex))


def _issuer_after_document(state: ArticleState, s: Sentence, k: int) -> bool:
    # تقرير لصحيفة "وول ستريت جورنال": whose report, not who was told
    lex, toks = state.lex, s.toks
    return lex.lang == "ar" and k > 0 and toks[k - 1].norm in lex.documents and \
        _issuer_after_la(lex, toks[k].norm)


def _title_link(state: ArticleState, s: Sentence, k: int) -> bool:
    """A stop that links a title to a body before a definite noun: سفير فرنسا لدى الأمم
    المتحدة; لدى وصوله is an occasion."""
    toks = s.toks
    return toks[k].norm in state.lex.title_links and k + 1 < len(toks) and \
        toks[k + 1].word and toks[k + 1].norm.startswith("ال")


def _object_begins(state: ArticleState, s: Sentence, j: int, k: int, ev: Event) -> bool:
    """Does the cue's object start at token k, ending the speaker's phrase begun at j?
    نفى المتحدث العسكري | وقوع إصابات، طالب الأهالي | بفتح تحقيق."""
    lex = state.lex
    if ev.kind != "verb" or ev.cue is None:
        return False
    t = s.toks[k]
    if ev.cue.lemma in lex.ba_object_lemmas and is_ba_object(t, lex):
        return True
    if ev.cue.modality == "demand" and _people_urged(state, s, j, k):
        return True  # حث الأمين العام | الطرفين على ...، دعت الوزارة | المواطنين إلى ...
    if ev.cue.lemma in lex.object_lemmas and t.norm in lex.object_nouns:
        return _phrase_complete(state, s, j, k) or _lone_name(state, s, j, k) or \
            _ends_with_a_name(state, s, j, k)
    return ev.cue.lemma in lex.verbal_noun_lemmas and verbal_noun(t, lex) and \
        _phrase_complete(state, s, j, k)


def _phrase_complete(state: ArticleState, s: Sentence, j: int, k: int) -> bool:
    """Can toks[j:k] take no genitive? A definite last word cannot (المتحدث العسكري), nor an
    adjective or name after the head (مصدر أمني، سامح شكري); a bare head can (هيئة تنظيم)."""
    lex, prev = state.lex, s.toks[k - 1]
    if not prev.word:
        return False
    norm = prev.norm[1:] if prev.norm.startswith("وال") else prev.norm
    if norm.startswith("ال"):
        return True
    heads = lex.roles | lex.bodies | lex.documents | lex.honorifics | lex.np_links
    # a bare verbal noun takes a genitive: حكومة تصريف | الأعمال
    return k - 1 > j and norm not in heads and not norm.endswith("ه") and \
        not verbal_noun(prev, lex)


def _people_urged(state: ArticleState, s: Sentence, j: int, k: int) -> bool:
    """A definite plural or dual after a complete speaker (المواطنين، الطرفين): the people a
    demand is made of, not the speaker's adjective, which agrees with its noun."""
    norm = s.toks[k].norm
    return state.lex.lang == "ar" and norm.startswith("ال") and norm.endswith(("ين", "ون")) \
        and len(norm) > 5 and _phrase_complete(state, s, j, k)


def _ends_with_a_name(state: ArticleState, s: Sentence, j: int, k: int) -> bool:
    """A title and the name after it (وزير النقل ... علي حمية): nothing more is its genitive."""
    words_ = [x for x in range(j, k) if s.toks[x].word]
    return len(words_) > 1 and s.toks[j].norm in state.lex.roles and \
        _name_start(state, s, words_) is not None


def _lone_name(state: ArticleState, s: Sentence, j: int, k: int) -> bool:
    """One word that heads no title or body (نفت تونس، نفى بقائي): a name, complete."""
    lex, norm = state.lex, s.toks[j].norm
    return k == j + 1 and s.toks[j].word and not norm.endswith("ه") and norm not in \
        lex.roles | lex.bodies | lex.documents | lex.honorifics | lex.np_links


def _complementizer_ahead(state: ArticleState, s: Sentence, k: int, limit: int) -> bool:
    """Is a reported clause about to begin (within a few words, or after a ، NAME ، aside)?"""
    m = k
    while m < min(limit, k + 8):
        t = s.toks[m]
        if t.raw in COMMAS:
            close = next((x for x in range(m + 1, min(limit, m + 6)) if s.toks[x].raw in COMMAS),
                         None)
            if close is None or _bare_name(state, s, m + 1, close) is None:
                return False
            m = close + 1  # المبعوث الأممي إلى اليمن، بيتر لارسن، إن
            continue
        if t.raw in TERMINATORS:
            return False
        if t.norm in state.lex.clause_complementizers:
            return True
        m += 1
    return False


def _english_np_word(t: Tok, lex: Lexicon, *, first: bool) -> bool:
    if not t.word:
        return False
    if t.raw[:1].isupper() or t.raw[:1].isdigit():
        return t.norm not in lex.clause_complementizers
    if t.norm in lex.roles or t.norm in lex.bodies:
        return True
    if t.norm in EN_NP_MODIFIERS or (first and t.norm in ("the", "a", "an")):
        return True
    return not first and t.norm in lex.np_links


def _apposition(state: ArticleState, s: Sentence, k: int, limit: int, speaker: Speaker) -> int:
    """What stands between commas after the speaker's noun phrase: a role after a name
    (', the Kremlin spokesman,' / '، المتحدثة باسم وزارة الخارجية الروسية،') or a name after
    a title ('، يلينا فورونينا،' after المتحدثة باسم الخارجية). Updates `speaker`."""
    lex, toks = state.lex, s.toks
    if k >= limit or toks[k].raw not in COMMAS:
        return k
    m = k + 1
    start = m
    while m < limit and toks[m].raw not in COMMAS and toks[m].norm not in \
            lex.clause_complementizers and (toks[m].raw not in TERMINATORS or
                                            title_dot(s.toks, m)) and m - start < 14:
        m += 1
    if m == start or _listener_head(state, s, start) or toks[start].norm in lex.relay_saying:
        return k  # "، لوكالة الأنباء، إن" / "، قوله إن": who was told, what was said
    name = _bare_name(state, s, start, m) if _is_title(state, s, speaker) else None
    if name is not None:
        # the whole phrase is the title: المستشار الإعلامي لقائد قوات الدعم السريع، عمر حامد
        title = state.text[speaker.phrase[0]:speaker.phrase[1]] if speaker.phrase else speaker.name
        speaker.name, speaker.span, speaker.kind = state.text[name[0]:name[1]], name, "name"
        speaker.role = title
        return m + 1 if m < limit and toks[m].raw in COMMAS else m
    # A name with ال-words in it (كريم عبد الحميد) may be followed by its role as well.
    if speaker.kind != "name" or not _is_role_phrase(state, s, start):
        return k
    end_tok = m - 1
    span = (toks[start].start, toks[end_tok].end)
    speaker.role = state.text[span[0]:span[1]]
    if toks[start].norm in lex.feminine_roles or (toks[start].norm in ("the", "a") and
                                                  start + 1 < m and any(
            toks[x].norm in lex.feminine_roles for x in range(start, m))):
        speaker.gender = "f"
    if m < limit and toks[m].raw in COMMAS:
        return m + 1
    return m


def _is_title(state: ArticleState, s: Sentence, speaker: Speaker) -> bool:
    """A noun phrase that names no one: a role, or (Arabic) a phrase with ال-words in it."""
    if speaker.kind == "role":
        return True
    if speaker.kind != "name" or state.lex.lang != "ar":
        return False
    phrase = state.text[speaker.phrase[0]:speaker.phrase[1]] if speaker.phrase else speaker.name
    return any(w.startswith("ال") for w in tokens_of(phrase))


def _bare_name(state: ArticleState, s: Sentence, start: int, end: int) -> Span | None:
    """Span of a personal name filling toks[start:end] (after an honorific), else None."""
    lex, toks = state.lex, s.toks
    words_ = [x for x in range(start, end) if toks[x].word]
    if words_ and (toks[words_[0]].norm in lex.honorifics or
                   len(words_) > 2 and lex.lang == "ar" and _nisba(toks[words_[0]].norm)):
        words_ = words_[1:]  # الدكتور، الفرنسي جان بيير لوكا: who, then the name
    if words_ and lex.lang == "ar" and toks[words_[0]].norm in lex.roles:
        return None  # رئيس جمعية التجار: a role, whatever follows it
    if not 1 <= len(words_) <= 4 or any(not toks[x].word for x in range(words_[0], end)
                                         if not joins_word(s, x) and not title_dot(s.toks, x)):
        return None
    for x in words_:
        norm = toks[x].norm
        if lex.lang == "en" and not toks[x].raw[:1].isupper() and not joins_word(s, x - 1):
            return None
        if lex.lang == "ar" and (norm.startswith(("ال", "لل")) and x == words_[0]
                                 or norm in lex.np_stops or norm in lex.np_links
                                 or verb_at(s, x, lex)):
            return None
    return toks[words_[0]].start, toks[words_[-1]].end


def _is_role_phrase(state: ArticleState, s: Sentence, i: int) -> bool:
    lex, toks = state.lex, s.toks
    if lex.lang == "ar":
        return toks[i].word and toks[i].norm in lex.roles
    # ", the city engineer," / ", a professor at Kyungnam University,": a determiner opens it
    # ", his chief of staff,", ", Norland's ambassador to the UN,": a possessive opens it too
    segment = []
    for k in range(i, len(toks)):
        t = toks[k]
        if t.raw in COMMAS or is_quote_mark(t) and not _possessive_s(toks, k) or \
                t.raw in TERMINATORS and not _abbreviation_dot(state, s, k, len(toks)):
            break
        segment.append(t)
    words_ = [t.norm for t in segment if t.word]
    possessive = len(words_) > 2 and words_[1] == "s" and segment[0].raw[:1].isupper()
    opens = words_[:1] and (words_[0] in ("the", "a", "an", "his", "her", "their", "its", "our")
                            or words_[0] in lex.roles or possessive)
    return 1 < len(words_) <= 12 and bool(opens) and not any(
        w in EN_CLAUSE_WORDS and not (w == "to" and x and (en_role(words_[x - 1], lex) or
                                                          words_[x - 1].isdigit()))
        for x, w in enumerate(words_))


def _possessive_s(toks: list[Tok], k: int) -> bool:
    # Norland's: the apostrophe glued between a word and its s
    return toks[k].raw in ("'", "’") and 0 < k < len(toks) - 1 and toks[k + 1].norm == "s" \
        and toks[k - 1].end == toks[k].start == toks[k + 1].start - 1


def speaker_from_np(state: ArticleState, s: Sentence, j: int, k: int, start: int,
                     end: int) -> Speaker | None:
    """Split a noun phrase into role and name: المتحدث باسم الكرملين | دميتري بيسكوف."""
    lex, toks = state.lex, s.toks
    text = state.text
    words_ = [x for x in range(j, k) if toks[x].word]
    if not words_:
        return None
    issuer = _document_issuer(state, s, words_)
    if issuer is not None:  # تقديرات صندوق النقد الدولي / new figures from NHS England
        words_, start = issuer, toks[issuer[0]].start
        if lex.lang == "en":
            end = toks[issuer[-1]].end  # "Turkish media reports": the issuer comes first
        if lex.lang == "ar" and _issuer_after_la(lex, toks[words_[0]].norm):
            start += 1  # تقرير لصحيفة ...: the ل is the genitive's, not the name's
        state.issuers.append((text[start:end], (start, end)))
    head = toks[words_[0]].norm
    if lex.lang == "en" and head in ("the", "a", "an") and len(words_) > 1:
        words_ = words_[1:]
        start = toks[words_[0]].start
        head = toks[words_[0]].norm
    if lex.lang == "ar" and head[:1] in CONJ_CLITICS and head[1:] in lex.roles | lex.bodies:
        head = head[1:]
    if lex.lang == "ar" and _issuer_after_la(lex, head):
        head = "ال" + head[2:] if head.startswith("لل") else head[1:]  # وفقًا للوزارة، لصحيفة
    if lex.lang == "ar" and is_plural_people(head, lex):
        return _plural_speaker(text, start, end)
    is_role = head in lex.roles
    is_body = head in lex.bodies
    gender = "f" if head in lex.feminine_roles else None
    if lex.lang == "en":
        speaker = _english_speaker(state, s, words_, start, end, gender)
        speaker.phrase = (start, end)
        return speaker
    if not is_role and not is_body:
        titled = _name_then_title(state, s, words_)
        if titled is not None:  # دميتري بيسكوف المتحدث باسم الكرملين: the name, then its title
            name_end, role_start = toks[titled - 1].end, toks[titled].start
            return Speaker(text[start:name_end], (start, name_end),
                           role=text[role_start:end], phrase=(start, end),
                           gender="f" if toks[titled].norm in lex.feminine_roles else None)
        if len(words_) > 2 and _nisba(head) and not toks[words_[1]].norm.startswith("ال"):
            start = toks[words_[1]].start  # البرتغالي | روي فاريلا: who he is, then his name
        return Speaker(text[start:end], (start, end), gender=gender, phrase=(start, end))
    name_from = _name_start(state, s, words_)
    if is_role and name_from is not None:
        role_words = words_[:words_.index(name_from)]
        while len(role_words) > 1 and toks[role_words[-1]].norm in lex.honorifics:
            role_words.pop()  # الخبير الاقتصادي | الدكتور | سامي النجار
        role_end = toks[role_words[-1]].end
        return Speaker(text[toks[name_from].start:end], (toks[name_from].start, end),
                       role=text[start:role_end], gender=gender, phrase=(start, end))
    return Speaker(text[start:end], (start, end), gender=gender,
                   kind="role" if is_role else "body", role=text[start:end] if is_role else None,
                   phrase=(start, end))


def _name_then_title(state: ArticleState, s: Sentence, words_: list[int]) -> int | None:
    """Where a title starts after a personal name with no comma between (مصطفى بايتاس
    الناطق الرسمي باسم الحكومة): a definite role word after one to three bare words."""
    lex, toks = state.lex, s.toks
    if toks[words_[0]].norm.startswith("ال"):
        return None
    for n, x in enumerate(words_[1:4], start=1):
        norm = toks[x].norm
        if norm in lex.roles and norm.startswith("ال") and len(words_) > n + 1:
            return x  # a title of two words at least: محمد الأمين is a name
        if norm.startswith("لل") or norm in lex.np_links or norm in lex.bodies or \
                norm in lex.roles:
            return None  # سامر الحلبي: a family name may carry ال, but no link or head
    return None


def _nisba(norm: str) -> bool:
    # البرتغالي، المصرية: a definite adjective of origin
    return norm.startswith("ال") and norm.endswith(("ي", "يه")) and len(norm) >= 6


def _plural_speaker(text: str, start: int, end: int) -> Speaker:
    # "officials said", قال مسؤولون: several unnamed people, no person's name and no title of
    # one holder; the phrase is the speaker as written, with no role beside it.
    return Speaker(text[start:end], (start, end), gender="p", kind="role", phrase=(start, end))


def _english_plural(state: ArticleState, s: Sentence, words_: list[int], start: int,
                    end: int) -> Speaker | None:
    """'Officials said', 'Two U.S. officials', 'Analysts at Morgan Stanley': a plural of
    people heads the phrase. Before at/from and a name, the name is the body that speaks and
    the plural its role."""
    lex, toks, text = state.lex, s.toks, state.text
    norms = [toks[x].norm for x in words_]
    head = next((i for i, n in enumerate(norms) if is_plural_people(n, lex)), None)
    if head is None:
        return None
    rest = words_[head + 1:]
    if not rest:
        return _plural_speaker(text, start, end)
    if norms[head + 1] in ("at", "from") and len(rest) > 1 and \
            all(toks[x].raw[:1].isupper() or toks[x].norm in lex.np_links for x in rest[1:]) \
            and toks[rest[1]].raw[:1].isupper():
        n_start = toks[rest[1]].start
        return Speaker(text[n_start:end], (n_start, end), kind="body",
                       role=text[start:toks[words_[head]].end], phrase=(start, end))
    return None


def _document_issuer(state: ArticleState, s: Sentence, words_: list[int]) -> list[int] | None:
    """The words naming who issued a document the phrase cites, if it cites one."""
    lex, toks = state.lex, s.toks
    norms = [toks[x].norm for x in words_]
    if lex.lang == "en":
        for i, n in enumerate(norms[:-2]):
            if n in lex.documents and norms[i + 1] in ("from", "by", "of"):
                rest = words_[i + 2:]
                return rest[1:] if toks[rest[0]].norm == "the" and len(rest) > 1 else rest
        return _issuer_before_document(state, s, words_)
    head = norms[0][1:] if norms[0][:1] == "ل" and norms[0][1:] in lex.documents else norms[0]
    if len(norms) > 1 and head in lex.documents:
        nxt = norms[1]
        if nxt.startswith("ال") or nxt in lex.bodies or nxt in lex.roles or \
                _issuer_after_la(lex, nxt):
            return words_[1:]
    return None


def _issuer_after_la(lex: Lexicon, norm: str) -> bool:
    """لصحيفة، للوكالة: ل and a body, who issued the document before it."""
    if norm.startswith("لل"):
        return "ال" + norm[2:] in lex.bodies
    return norm[:1] == "ل" and norm[1:] in lex.bodies


def _issuer_before_document(state: ArticleState, s: Sentence,
                            words_: list[int]) -> list[int] | None:
    """'Turkish media reports said', 'the agency's statement said': who issued it."""
    lex, toks = state.lex, s.toks
    if len(words_) < 2 or toks[words_[-1]].norm not in lex.documents:
        return None
    rest = words_[:-1]
    if len(rest) > 1 and toks[rest[-1]].norm == "s" and toks[rest[-1] - 1].raw in ("'", "’"):
        rest = rest[:-1]  # the possessive 's
    named = any(toks[x].raw[:1].isupper() and x != words_[0] or toks[x].norm in lex.bodies
                for x in rest) or toks[rest[0]].raw.isupper() and len(toks[rest[0]].raw) > 1
    return rest if named else None


def _name_start(state: ArticleState, s: Sentence, words_: list[int]) -> int | None:
    # After a role head and its ال-complements, the first bare word starts the name:
    # وزير الخارجية الروسي | سيرغي لافروف.
    lex, toks = state.lex, s.toks
    previous = toks[words_[0]].norm
    links_seen = set()
    for n, x in enumerate(words_[1:], start=1):
        norm = toks[x].norm
        bare = norm[1:] if norm[:1] == "و" and norm[1:3] == "ال" else norm  # والتخطيط
        if norm in lex.link_names and norm in links_seen and previous.startswith("ال"):
            return x  # المتحدث باسم الحكومة | باسم العوادي: a title has one باسم
        if bare.startswith(("ال", "لل")) or norm in lex.np_links or \
                norm in lex.roles or norm in lex.bodies or norm in lex.honorifics:
            previous = bare
            links_seen.add(norm)
            continue
        if norm in lex.same_words:
            continue  # الباحثة في المركز ذاته | ليلى عيساوي
        if norm[:1] == "ل" and (norm[1:] in lex.bodies or "ال" + norm[1:] in lex.bodies or
                                lex.lang == "ar" and previous.startswith("ال") and
                                x != words_[-1] and toks[x + 1].norm.startswith("ال")):
            previous = "ال" + norm[1:]
            # الأمين العام لجامعة الدول العربية، المبعوث الخاص للرئيس لشؤون المناخ: ل and
            # a noun with its genitive after, still the title
            continue
        # A bare word after another bare noun is its complement (جامعة بغداد), and a nisba
        # after an indefinite title its adjective (مسؤول أمني): neither starts a name.
        after_title = previous.startswith(("ال", "لل")) or previous in lex.roles or \
            previous in lex.honorifics
        nisba = norm.endswith(("ي", "يه")) and not previous.startswith("ال")
        if after_title and not nisba:
            link = next((y for y in words_[n + 1:] if toks[y].norm in lex.np_links
                         and toks[y].norm != "و"), None)
            if link is None:
                return x
            # سفير روسيا لدى الأمم المتحدة: a bare genitive, for a name holds no link
            previous = norm
            continue
        if previous in lex.np_links and n >= 2 and toks[words_[n - 2]].norm not in lex.roles:
            previous = "ال" + norm  # مراسل القناة في دمشق: the place closes the title
            continue
        previous = norm
    return None


def _english_speaker(state: ArticleState, s: Sentence, words_: list[int], start: int, end: int,
                     gender: str | None) -> Speaker:
    lex, toks, text = state.lex, s.toks, state.text
    plural = _english_plural(state, s, words_, start, end)
    if plural is not None:
        return plural
    norms = [toks[x].norm for x in words_]
    if any(n in lex.feminine_roles for n in norms):
        gender = "f"
    elif any(n in ("spokesman", "chairman", "king", "prince", "mr") for n in norms):
        gender = "m"
    last_role = max((i for i, n in enumerate(norms) if en_role(n, lex)), default=None)
    if last_role is not None and last_role + 1 < len(words_):
        name_toks = words_[last_role + 1:]
        if toks[name_toks[0]].raw[:1].isupper() and any(toks[x].norm in lex.bodies
                                                        for x in name_toks):
            # "the official Korean Central News Agency": a body, its adjective no title
            return Speaker(text[toks[name_toks[0]].start:end], (toks[name_toks[0]].start, end),
                           gender=gender, kind="body")
        if all(toks[x].raw[:1].isupper() or joins_word(s, x - 1) or
               toks[x].norm in lex.name_particles and x != name_toks[0] for x in name_toks):
            n_start = toks[name_toks[0]].start
            role_words = [x for x in words_[:last_role + 1] if toks[x].norm not in lex.honorifics]
            role = text[toks[role_words[0]].start:toks[role_words[-1]].end] if role_words else None
            return Speaker(text[n_start:end], (n_start, end), role=role, gender=gender)
    if last_role is not None and all(n in lex.roles or n in lex.np_links or
                                     not toks[x].raw[:1].isupper()
                                     for n, x in zip(norms, words_, strict=True)):
        return Speaker(text[start:end], (start, end), role=text[start:end], gender=gender,
                       kind="role")
    kind = "body" if any(n in lex.bodies for n in norms) else "name"
    return Speaker(text[start:end], (start, end), gender=gender, kind=kind)


def np_before_start(state: ArticleState, s: Sentence, i: int) -> int | None:
    """Where the subject before token i begins, a title before its name included."""
    span = _np_before(state, s, i)
    if span is None:
        return None
    m = span[0]
    if m > 1 and s.toks[m - 1].raw in COMMAS:
        title = _np_before(state, s, m - 1)  # "the union's president, Ana Cruz, told"
        if title is not None and _has_role_word(state, s, title):
            return title[0]
    return m


def _has_role_word(state: ArticleState, s: Sentence, span: tuple[int, int]) -> bool:
    return any(t.word and en_role(t.norm, state.lex) for t in s.toks[span[0]:span[1]])


def _np_before(state: ArticleState, s: Sentence, i: int) -> tuple[int, int] | None:
    """Token span of an English subject noun phrase standing before token i, if any.

    The phrase runs back to the clause boundary (sentence start, comma, quote, "and"), may
    hold lower-case words ("the central bank"), but no word that makes it a clause. Between
    it and the cue may stand auxiliaries ("has repeatedly"), an apposition (", the Kremlin
    spokesman,") or a parenthesis (", speaking on condition of anonymity,").
    """
    lex, toks = state.lex, s.toks
    k = i
    while k > 0 and toks[k - 1].word and toks[k - 1].norm in lex.auxiliaries | EN_ADVERBS:
        k -= 1
    k = _before_time_phrase(toks, k)  # "The Kremlin on Friday denied": no part of the name
    while k > 0 and toks[k - 1].word and toks[k - 1].norm in lex.auxiliaries | EN_ADVERBS:
        k -= 1
    opening = _alias_before(toks, k)
    if opening is not None:
        k = opening  # "the Korean Central News Agency (KCNA) said": the name before its alias
    end = k
    comma = k - 1 if k > 0 and toks[k - 1].raw in COMMAS else None
    asides = 0
    while comma is not None:
        # what stands between this comma and the one before it: a role, a parenthesis, an
        # age or a home town (", 59, of Ashton, who watched the count,")
        m = comma - 1
        while m >= 0 and toks[m].raw not in COMMAS and (
                not is_quote_mark(toks[m]) or joins_word(s, m)):  # the weather service's
            m -= 1
        if m < 0 or toks[m].raw not in COMMAS:
            return None
        if asides == 0 and _bare_name(state, s, m + 1, comma) and \
                _np_before(state, s, m) is not None:
            return m + 1, comma  # "Her attorney, David Ochoa, said"
        if not (_is_role_phrase(state, s, m + 1) or _is_parenthesis(toks[m + 1]) or
                _age_or_home(state, s, m + 1, comma)):
            return None
        k = end = m
        asides += 1
        comma = m if asides < 4 and m > 0 and _age_or_home_before(state, s, m) else None
    m = k
    titled = None  # where an honorific stands: "<title> Dr. <name>" may run longer
    while m > 0 and k - m <= (9 if titled is None else 16):
        prev = toks[m - 1]
        if _abbreviation_dot(state, s, m - 1, len(toks)) and toks[m - 2].norm in lex.honorifics:
            titled = m - 2
        if prev.word and prev.norm not in EN_CLAUSE_JOINERS or joins_word(s, m - 1) or \
                _initial_dot(toks, m - 1) or _attached_sign(toks, m - 1) or \
                _abbreviation_dot(state, s, m - 1, len(toks)) or \
                _possessive_mark(toks, m - 1) or _and_in_a_name(toks, m - 1):
            m -= 1
        else:
            break
    if m == k or k - m > 16 or k - m > 9 and titled is None:
        return None
    while m < k - 1 and toks[m].word and toks[m].norm in _EN_TIME_NOUNS | _EN_TIME_LEADS | {
            "earlier", "later"}:
        m += 1  # "Earlier this month Reuters quoted": the time phrase opens the clause
    phrase = toks[m:k]
    if len(phrase) == 1 and phrase[0].norm in lex.pronouns:
        return m, end
    if any(t.norm in EN_CLAUSE_WORDS or t.norm in lex.pronouns for x, t in enumerate(phrase, m)
           if t.word and not _post_modifier(s, x) and not (x > m and t.raw[:1].isupper())):
        return None  # (a capital inside the phrase is a name's: "the May Day committee")
    first = phrase[0]
    if first.raw[:1].isupper() or first.norm in EN_DETERMINERS or en_role(first.norm, lex) \
            or first.norm in lex.bodies or first.norm in EN_NP_MODIFIERS:
        return m, end
    if len(phrase) > 2 and en_role(phrase[1].norm, lex) and phrase[-1].raw[:1].isupper():
        return m, end  # "airport director Sam Whitfield": a noun before the title
    return None


def _attached_sign(toks: list[Tok], k: int) -> bool:
    # OPEC+, AT&T: a sign glued to the word before it
    return toks[k].raw in "+&" and k > 0 and toks[k - 1].word and toks[k - 1].end == toks[k].start


def _glued_dot(toks: list[Tok], k: int) -> bool:
    # told cleveland.com that: a web address is one name
    return toks[k].raw == "." and 0 < k < len(toks) - 1 and toks[k + 1].word and \
        toks[k - 1].end == toks[k].start and toks[k].end == toks[k + 1].start


def _alias_before(toks: list[Tok], k: int) -> int | None:
    """Index of the "(" of a short alias in brackets ending right before token k, if any."""
    if k < 3 or toks[k - 1].raw != ")":
        return None
    for m in range(k - 2, max(0, k - 5), -1):
        if toks[m].raw == "(":
            inside = toks[m + 1:k - 1]
            return m if inside and all(t.word and t.raw.isupper() for t in inside) else None
    return None


def _possessive_mark(toks: list[Tok], k: int) -> bool:
    # the Barnsley Supporters' Trust: a plural's apostrophe, glued to it, before a name
    return toks[k].raw in ("'", "’") and 0 < k < len(toks) - 1 and toks[k - 1].word and \
        toks[k - 1].end == toks[k].start and toks[k + 1].raw[:1].isupper()


def _post_modifier(s: Sentence, k: int) -> bool:
    """The preposition of 'familiar with' / 'close to' after a source: part of its phrase."""
    toks = s.toks
    return k > 0 and toks[k].norm in ("with", "to") and toks[k - 1].norm in ("familiar", "close")


def _and_in_a_name(toks: list[Tok], k: int) -> bool:
    # the Department of Health and Social Care: "and" between capitalised words of one name;
    # "government and medical officials", "Kyiv and Seoul": two modifiers or two names
    if toks[k].norm != "and" or not 0 < k < len(toks) - 1:
        return False
    before, after = toks[k - 1], toks[k + 1]
    if not before.word or not after.word:
        return False
    if before.raw[:1].isupper() and after.raw[:1].isupper():
        return True
    return before.norm in EN_NP_MODIFIERS and after.norm not in EN_CLAUSE_WORDS


def _abbreviation_dot(state: ArticleState, s: Sentence, k: int, limit: int) -> bool:
    """The dot of an English title or initial cut short before a word: Mr. Trump, Sen. Cruz,
    U.S. officials, John F. Kennedy."""
    toks = s.toks
    if state.lex.lang != "en" or toks[k].raw != "." or k == 0 or k + 1 >= limit:
        return False
    prev, nxt = toks[k - 1], toks[k + 1]
    if not prev.word or not (nxt.word or nxt.raw == "."):
        return False
    return _initial_dot(toks, k) or prev.norm in state.lex.honorifics


def _initial_dot(toks: list[Tok], k: int) -> bool:
    # the dots of U.S. and U.N.
    return toks[k].raw == "." and k > 0 and len(toks[k - 1].raw) == 1 and toks[k - 1].raw.isupper()


def _is_parenthesis(t: Tok) -> bool:
    # ", speaking on condition of anonymity," / ", who declined to be named,"
    return t.word and (t.norm.endswith("ing") or t.norm in ("who", "citing"))


def speaker_before(state: ArticleState, s: Sentence, ev: Event) -> Speaker | None:
    """The subject before the cue: 'Peskov said', 'فلان قال إن'."""
    lex, toks = state.lex, s.toks
    if lex.lang == "en":
        span = _np_before(state, s, ev.first)
        if span is None:
            return None
        m, end = span
        if toks[m].norm in lex.pronouns:
            return Speaker(toks[m].raw, (toks[m].start, toks[m].end), kind="pronoun",
                           gender=pronoun_gender(toks[m].norm))
        speaker = speaker_from_np(state, s, m, end, toks[m].start, toks[end - 1].end)
        if speaker is not None and end < ev.first and toks[end].raw in COMMAS:
            _apposition(state, s, end, ev.first, speaker)
        if speaker is not None and m > 0 and toks[m - 1].raw in COMMAS and not speaker.role \
                and speaker.kind == "name":
            title = _np_before(state, s, m - 1)
            if title is not None and _has_role_word(state, s, title):
                # the title before "Her attorney, David Ochoa,"
                speaker.role = state.text[toks[title[0]].start:toks[title[1] - 1].end]
        return speaker
    if ev.conj and not _topic_before(state, s, ev.first):
        return None  # وقال / فقال open a clause of their own; أما X فقال answers X
    end = ev.first
    while end > 0 and toks[end - 1].word and toks[end - 1].norm in lex.auxiliaries:
        end -= 1  # الوكالة قد ذكرت
    apposition = None
    if end > 1 and toks[end - 1].raw in COMMAS and end < ev.first and \
            _opens_with_auxiliary(state, s, end - 1):
        end -= 1  # وكانت مليشيا الحوثي، قد أعلنت: the subject between كانت and قد
    elif end > 1 and toks[end - 1].raw in COMMAS:
        # عضو اللجنة المالية، النائبة آمنة الجبوري، قالت: the subject, then what stands
        # between commas beside it
        apposition = _previous_comma(s, end - 1)
        if apposition is None:
            return None
        end = apposition
    m, n_words = end, 0
    while m > 0 and toks[m - 1].raw not in COMMAS and toks[m - 1].raw not in TERMINATORS:
        m -= 1
        n_words += toks[m].word
        if n_words > 8:
            return None
    while m < end and (not toks[m].word and not s.quote_opening_at(m) or
                       toks[m].norm in lex.auxiliaries or match_len(s, m, lex.connectives) or
                       match_len(s, m, lex.report_openers, clitic=True)):
        # وكانت الوكالة ... / لكنه حذر / حيث كشف
        m += max(1, match_len(s, m, lex.connectives),
                 match_len(s, m, lex.report_openers, clitic=True))
    if m >= end or not toks[m].word:
        return None
    if is_preposition(toks[m], lex) or toks[m].norm in lex.clause_complementizers or \
            toks[m].norm in lex.issued or _is_adverbial_start(state, s, m) or \
            any(verb_at(s, x, lex) or _issuing_at(lex, t) for x, t in enumerate(toks[m:end], m)):
        return None  # "إذ أعلنت", "اليوم قال": a time or clause word opens no subject
    speaker = speaker_from_np(state, s, m, end, toks[m].start, toks[end - 1].end)
    if speaker is not None and apposition is not None:
        before = (speaker.name, speaker.role)
        _apposition(state, s, apposition, ev.first, speaker)
        if (speaker.name, speaker.role) == before:
            return None  # what stood between the commas was neither a name nor a role
    return speaker


def _issuing_at(lex: Lexicon, t: Tok) -> bool:
    return t.word and (t.norm in lex.issuing or t.norm[:1] in CONJ_CLITICS and
                       t.norm[1:] in lex.issuing)


def issuer_of_document(state: ArticleState, s: Sentence, ev: Event) -> Speaker | None:
    """Who issued the document a cue speaks from: 'أصدرت الوزارة بيانا أكدت فيه',
    'وكانت الإذاعة، قد نشرت تقريرا زعمت فيه'. The issuing verb stands earlier in the
    sentence; its subject is after it, or before it with كان ... قد."""
    lex, toks = state.lex, s.toks
    v = next((x for x in range(ev.first - 1, -1, -1) if _issuing_at(lex, toks[x])), None)
    if v is None:
        return None
    start, end = v + 1, ev.first
    if v > 0 and toks[v - 1].norm in lex.auxiliaries:
        end = v - 1  # the subject stands before قد
        while end > 0 and toks[end - 1].raw in COMMAS:
            end -= 1
        start = end
        while start > 0 and toks[start - 1].raw not in COMMAS and \
                toks[start - 1].raw not in TERMINATORS and toks[start - 1].norm not in \
                lex.auxiliaries:
            start -= 1
        if start >= end:
            return None
        words_ = [x for x in range(start, end) if toks[x].word]
        return speaker_from_np(state, s, start, end, toks[words_[0]].start,
                               toks[end - 1].end) if words_ else None
    np = noun_phrase(state, s, start, end, ev)
    return np[0] if np else None


def document_before_comma(state: ArticleState, s: Sentence, ev: Event) -> Speaker | None:
    """'تعقيبا على تقرير لموقع “...” التركي، ذكر أن': a cue right after a report and its
    issuer is the report's relative clause; the issuer speaks."""
    lex, toks = state.lex, s.toks
    comma = ev.first - 1
    if ev.conj or comma < 2 or toks[comma].raw not in COMMAS:
        return None
    for k in range(comma - 2, max(-1, comma - 8), -1):
        if not toks[k].word and not is_quote_mark(toks[k]):
            return None
        if toks[k].norm in lex.documents and _issuer_after_la(lex, toks[k + 1].norm):
            return speaker_from_np(state, s, k, comma, toks[k].start, toks[comma - 1].end)
    return None


def _opens_with_auxiliary(state: ArticleState, s: Sentence, k: int) -> bool:
    """Does the clause ending at token k open with an auxiliary (وكانت ...)?"""
    m = k
    while m > 0 and s.toks[m - 1].raw not in COMMAS and s.toks[m - 1].raw not in TERMINATORS:
        m -= 1
    return m < k and s.toks[m].word and s.toks[m].norm in state.lex.auxiliaries


def _previous_comma(s: Sentence, k: int) -> int | None:
    """The comma opening the stretch that ends at the comma at k, within a few words."""
    m = k - 1
    while m > 0 and k - m <= 16 and s.toks[m].raw not in COMMAS and (
            s.toks[m].raw not in TERMINATORS or title_dot(s.toks, m)):
        m -= 1
    return m if m > 0 and m < k - 1 and s.toks[m].raw in COMMAS else None


def _topic_before(state: ArticleState, s: Sentence, i: int) -> bool:
    """Does the clause before token i open with a topic word (أما)? Then a فـ cue is its
    answer, and the topic is the speaker."""
    m = i
    while m > 0 and s.toks[m - 1].raw not in TERMINATORS and i - m <= 24:
        m -= 1
    while m < i and not s.toks[m].word:
        m += 1
    return m < i and s.toks[m].norm in state.lex.topic_words


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
    r"{1,2}\b")


def narrated_person(state: ArticleState, before: int) -> Speaker | None:
    """The last person the narration names before offset `before`: who 'he said' means when
    no one has been reported yet ('Jane Moss defended the plan. "...," she said.')."""
    if state.lex.lang != "en":
        return None
    if before > state.narration_read:
        for m in _EN_PERSON_RE.finditer(state.text, state.narration_read, before):
            if _person_like(state, m.group()) and not _after_place_word(state.text, m.start()):
                state.narrated = Speaker(m.group(), m.span(), kind="name")
        state.narration_read = before
    found = state.narrated
    return Speaker(found.name, found.span, kind="name") if found else None


def _person_like(state: ArticleState, name: str) -> bool:
    lex = state.lex
    for w in tokens_of(name):
        if w in lex.bodies or w in lex.roles or w in lex.np_stops or w in EN_DETERMINERS or \
                w in EN_CLAUSE_WORDS or w in _EN_TIME_WORDS or w in lex.np_links:
            return False
    return True


_EN_PLACE_PREPOSITIONS = {"in", "at", "from", "to", "near", "across", "into", "outside", "of",
                          "toward", "towards", "through", "via"}


def _after_place_word(text: str, start: int) -> bool:
    # "in New Delhi", "from North Carolina": a place, not a person
    m = re.search(r"(\w+)\W*$", text[max(0, start - 20):start])
    return bool(m) and m.group(1).lower() in _EN_PLACE_PREPOSITIONS


def sentence_subject(state: ArticleState, s: Sentence, ev: Event) -> Speaker | None:
    """The named subject that opens an English sentence and whose verb comes before the
    participle `ev`: 'The envoy spoke on Monday, dismissing the claims'."""
    lex, toks = state.lex, s.toks
    if lex.lang != "en" or ev.first < 3 or not _english_np_word(toks[0], lex, first=True):
        return None
    k = 1
    while k < ev.first and (_english_np_word(toks[k], lex, first=False) or
                            _abbreviation_dot(state, s, k, ev.first) or
                            _noun_before_head(state, s, k, ev.first)):
        k += 1
    k = _before_time_phrase(toks, k)
    while k > 1 and toks[k - 1].norm in lex.np_links:
        k -= 1
    if k >= ev.first or not toks[k].word or toks[k].raw[:1].isupper():
        return None  # the phrase must be followed by its (lower-case) verb
    return speaker_from_np(state, s, 0, k, toks[0].start, toks[k - 1].end)


def _noun_before_head(state: ArticleState, s: Sentence, k: int, limit: int) -> bool:
    # "the port authority", "the airport director": a noun modifying the head after it
    toks, lex = s.toks, state.lex
    if k + 1 >= limit or not toks[k].word or toks[k].norm in EN_CLAUSE_WORDS:
        return False
    nxt = toks[k + 1]
    return nxt.word and (nxt.norm in lex.bodies or en_role(nxt.norm, lex))


def relayed_speaker(state: ArticleState, s: Sentence, ev: Event,
                    limit: int) -> tuple[Speaker, int, int] | None:
    """'Reuters quoted a U.S. official as saying ...': the speaker the verb's object names,
    and the first and last tokens of 'as saying' after it."""
    lex, toks = state.lex, s.toks
    if lex.lang != "en" or ev.kind != "verb" or ev.cue is None or \
            ev.cue.lemma not in lex.relay_lemmas:
        return None
    j = skip_adverbials(state, s, ev.last + 1, limit)
    for k in range(j + 1, min(limit, j + MAX_NP_WORDS + 2)):
        t = toks[k]
        if t.raw in TERMINATORS and (title_dot(toks, k) or _abbreviation_dot(state, s, k, limit)):
            continue  # "quoted a U.S. official as saying": the dot cuts a word short
        if t.raw in COMMAS or t.raw in TERMINATORS or t.norm in lex.clause_complementizers:
            return None
        if t.norm in lex.relay_saying:
            first = k - 1 if toks[k - 1].norm == lex.relay_marker else k
            if first <= j or toks[j].norm in lex.pronouns:
                return None
            speaker = speaker_from_np(state, s, j, first, toks[j].start, toks[first - 1].end)
            return (speaker, first, k) if speaker is not None else None
    return None


def _age_or_home(state: ArticleState, s: Sentence, start: int, end: int) -> bool:
    """', 59,' / ', of Ashton, Md.,': a speaker's age or home town between commas."""
    words_ = [t for t in s.toks[start:end] if t.word]
    if len(words_) == 1 and words_[0].raw.isdigit():
        return True
    return 1 < len(words_) <= 4 and words_[0].norm in ("of", "from") and \
        all(t.raw[:1].isupper() for t in words_[1:])


def _age_or_home_before(state: ArticleState, s: Sentence, comma: int) -> bool:
    """Is the stretch ending at this comma, back to the comma before it, an age or home town?"""
    m = comma - 1
    while m >= 0 and s.toks[m].raw not in COMMAS and comma - m <= 6:
        m -= 1
    return m >= 0 and s.toks[m].raw in COMMAS and _age_or_home(state, s, m + 1, comma)
