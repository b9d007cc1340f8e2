"""Time and occasion words around a cue (اليوم الأربعاء، عام 2021، في بيان، on Tuesday,
earlier this week, على «تويتر»): none of them is the speaker or the content."""

from factcheck.extract.marks import bracket_alias_end, glued_dot
from factcheck.extract.state import ArticleState, is_preposition, joins_word, match_len
from factcheck.lexicon import Lexicon
from factcheck.sentences import COMMAS, TERMINATORS, Sentence, Tok


def platform_end(state: ArticleState, s: Sentence, j: int, limit: int) -> int | None:
    """Token after 'على «تويتر»' / 'عبر (X)': a preposition and a short name in quotes or
    brackets, where something was said; the quotation is no content."""
    toks = s.toks
    if state.lex.lang != "ar" or j + 1 >= limit or not toks[j].word or \
            not is_preposition(toks[j], state.lex) and toks[j].norm not in state.lex.np_stops:
        return None
    q = s.quote_opening_at(j + 1)
    if q is not None and q[1] - q[0] <= 3 and q[1] < limit - 1:
        return q[1] + 1
    close = bracket_alias_end(s, j + 1, limit)
    return close + 1 if close is not None and close < limit - 1 else None


def dated_len(state: ArticleState, s: Sentence, j: int) -> int:
    """Tokens of a time noun and the number it dates (عام 2021، منذ 2019) at j, else 0. The
    noun alone is no time word: العام is also "general" (الأمين العام)."""
    toks = s.toks
    if j + 1 >= len(toks) or not toks[j].word or toks[j].norm not in state.lex.dated:
        return 0
    return 2 if toks[j + 1].raw.isdigit() else 0


def that_ahead(state: ArticleState, s: Sentence, j: int, limit: int) -> int | None:
    """English: the "that" closing a short run of adverbials, if one does. The run may name
    a place between commas ('telling diners at a Dover, Delaware, diner that')."""
    if state.lex.lang != "en":
        return None
    k, end = j, min(limit, j + 12)
    while k < end:
        t = s.toks[k]
        title = _quoted_title_end(s, k)
        if title is not None:
            # "told NBC's "Morning Desk" on Sunday that": a show's name in quotes
            end = min(limit, end + title - k)
            k = title + 1
            continue
        if t.raw == "," and k + 1 < end and s.toks[k + 1].raw[:1].isupper():
            k += 1
            continue
        if not t.word and t.raw not in ("'", "’") and not glued_dot(s.toks, k):
            return None
        if t.norm == "that":
            return k
        k += 1
    return None


def _quoted_title_end(s: Sentence, k: int) -> int | None:
    """The closing mark of a short capitalised title in quotes opening at token k."""
    pair = s.quote_opening_at(k)
    if pair is None or not 1 < pair[1] - k <= 7 or not s.toks[k + 1].raw[:1].isupper():
        return None
    return pair[1]


def is_adverbial_start(state: ArticleState, s: Sentence, j: int) -> bool:
    lex, toks = state.lex, s.toks
    if j >= len(toks) or not toks[j].word:
        return False
    norm = toks[j].norm
    if lex.lang == "en" and norm in ("this", "last"):
        # "said this week", but "interpreting this as a pact": the object
        return j + 1 < len(toks) and toks[j + 1].norm in _EN_TIME_NOUNS_MONTHS
    if norm in lex.np_stops:
        # مطلع الشهر is a time, مصدر مطلع an informed source: a time head (a stop that is also
        # a dated noun) starts a time phrase only before a time word or a figure.
        return norm not in lex.dated or time_word_at(s, j + 1, lex)
    if lex.lang == "ar" and match_len(s, j, lex.connectives):
        return True
    return norm in ("في", "and") and j + 1 < len(toks) and _is_occasion(toks[j + 1].norm, lex)


def carried_occasion(state: ArticleState, s: Sentence, j: int,
                     limit: int) -> tuple[int, int] | None:
    """في تصريحات نقلتها وكالة الأنباء، / في بيان نشرته الوكالة الرسمية، : an occasion whose
    relative verb names the outlet that carried it. (index of that verb, index of the comma or
    dash that ends the outlet's name), if one starts at j."""
    lex, toks = state.lex, s.toks
    if not lex.relay_carriers or j + 2 >= limit or toks[j].norm != "في" or \
            not _is_occasion(toks[j + 1].norm, lex):
        return None
    for c in range(j + 2, min(limit, j + 5)):
        if not toks[c].word:
            return None
        if toks[c].norm in lex.relay_carriers:
            break
    else:
        return None
    if c + 1 >= limit or not toks[c + 1].word or is_preposition(toks[c + 1], lex) or \
            toks[c + 1].norm in lex.np_stops or dated_len(state, s, c + 1):
        return None  # في بيان نشره على منصة إكس، في تقرير نشرته الأحد: no outlet named
    for e in range(c + 2, min(limit, c + 10)):
        t = toks[e]
        if t.raw in COMMAS or t.raw in ("-", "–", "—") and not joins_word(s, e) or \
                t.norm in lex.clause_complementizers:
            return c, e
        if t.raw in TERMINATORS:
            return None
    return None


def time_word_at(s: Sentence, j: int, lex: Lexicon) -> bool:
    if j >= len(s.toks) or not s.toks[j].word:
        return False
    norm = s.toks[j].norm
    return norm in lex.np_stops or norm in lex.dated or norm.isdigit()


def _is_occasion(norm: str, lex: Lexicon) -> bool:
    # في بيان، في مؤتمره الصحفي، في تصريحاتها، في المؤتمر الصحفي: a pronoun or ال on the noun
    if norm.startswith("ال") and len(norm) > 4:
        norm = norm[2:]
    return any(norm[:len(norm) - n] in lex.occasions for n in (0, 1, 2) if len(norm) - n >= 3)


EN_TIME_NOUNS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                  "yesterday", "today", "tonight", "morning", "afternoon", "evening", "night",
                  "week", "weekend", "month", "year"}


_EN_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december", "jan", "feb", "mar", "apr",
              "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}


EN_TIME_LEADS = {"on", "late", "early", "last", "this", "earlier", "later", "next"}

_EN_TIME_HEADS = EN_TIME_NOUNS | EN_TIME_LEADS
_EN_MONTHS_DOT = _EN_MONTHS | {"."}
_EN_TIME_NOUNS_MONTHS = EN_TIME_NOUNS | _EN_MONTHS


def before_time_phrase(toks: list[Tok], k: int) -> int:
    """Where a time phrase ending before token k begins ('on Friday', 'earlier this week',
    'late on Monday night'), else k."""
    j = k
    while j > 0 and (toks[j - 1].word and (toks[j - 1].norm in _EN_TIME_HEADS
                                           or toks[j - 1].norm in _EN_MONTHS
                                           or toks[j - 1].raw.isdigit() and j - 1 > 0
                                           and toks[j - 2].norm in _EN_MONTHS_DOT)
                     or toks[j - 1].raw == "." and j > 1 and toks[j - 2].norm in _EN_MONTHS):
        j -= 1
    if j == k or j == 0 or not any(t.norm in EN_TIME_NOUNS or t.norm in _EN_MONTHS
                                   for t in toks[j:k]):
        return k
    return j


EN_TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                  "yesterday", "today", "tonight", "earlier", "later", "also", "again"}


def after_time_words(state: ArticleState, s: Sentence, j: int) -> bool:
    """A bare word after a time word and its ال-adjectives (الشهر الجاري، اليوم السبت):
    no more of the time phrase."""
    lex, toks = state.lex, s.toks
    norm = toks[j].norm
    if norm.startswith("ال") or time_word_at(s, j, lex):
        return False
    k = j - 1
    while k > 0 and j - k <= 2 and toks[k].word and toks[k].norm.startswith("ال") and \
            toks[k].norm not in lex.times:
        k -= 1
    return 0 <= k < j and toks[k].word and toks[k].norm in lex.times
