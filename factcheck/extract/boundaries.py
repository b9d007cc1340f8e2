"""Where the speaker's phrase ends and what the cue governs begins: its object (نفى
المتحدث | وقوع إصابات), a verbal-noun object, or a reported clause a few words ahead."""

from factcheck.extract.listeners import listener_head
from factcheck.extract.occasions import dated_len, is_adverbial_start, platform_end
from factcheck.extract.speakers import bare_name, issuer_after_la, name_start
from factcheck.extract.state import (
    ArticleState,
    Event,
    is_ba_object,
    is_preposition,
    match_len,
    title_words,
    verb_at,
    verbal_noun,
)
from factcheck.sentences import COMMAS, TERMINATORS, Sentence


def clause_at(state: ArticleState, s: Sentence, j: int, limit: int) -> bool:
    """Does the reported clause open at j, or right after a comma there (، إن)?"""
    toks, comps = s.toks, state.lex.clause_complementizers
    return toks[j].norm in comps or toks[j].raw in COMMAS and j + 1 < limit and \
        toks[j + 1].norm in comps


def masdar_object_at(state: ArticleState, s: Sentence, j: int, limit: int,
                      ev: Event) -> bool:
    """Does the cue's verbal-noun object stand right after it (أكد استمرار، نفى وجود)? Not
    a body or title, and not when a reported clause follows: then the word is the speaker's
    name (أكد إحسان أوغلو أن)."""
    lex, t = state.lex, s.toks[j]
    if ev.kind != "verb" or ev.cue is None or ev.cue.lemma not in lex.verbal_noun_lemmas:
        return False
    if t.norm in lex.bodies or t.norm in lex.roles or t.norm in lex.documents:
        return False
    return verbal_noun(t, lex) and not complementizer_ahead(state, s, j + 1, limit)


def np_ends_at(state: ArticleState, s: Sentence, k: int, limit: int, ev: Event) -> bool:
    lex, t = state.lex, s.toks[k]
    norm = t.norm
    if norm in lex.clause_complementizers:
        return True
    if norm in lex.relay_saying or ev.cue and ev.cue.lemma in lex.relay_lemmas and \
            norm == lex.relay_marker:
        return True
    if listener_head(state, s, k) and not _issuer_after_document(state, s, k) or \
            dated_len(state, s, k) or match_len(s, k, lex.manner):
        return True
    if is_adverbial_start(state, s, k):
        return not _title_link(state, s, k)
    if platform_end(state, s, k, limit) is not None:
        return True  # "كتب الوزير على «تويتر»"
    if is_preposition(t, lex):
        # "أشار الوزير إلى أن": ends; "قال المسؤول عن الملف إن": part of the phrase
        nxt = s.toks[k + 1] if k + 1 < limit else None
        if nxt is not None and nxt.norm in lex.clause_complementizers:
            return True
        return not complementizer_ahead(state, s, k + 1, limit)
    if norm in lex.object_starts or norm in lex.participles or norm in lex.issued:
        return True  # أصدرت الوزارة | بيانا
    if lex.lang == "ar" and norm in lex.aside_words and k + 1 < limit and \
            _quotation_closes_relative(s, k, limit):
        return True  # وقال الموظف | الذي فضّل إخفاء هويته "...": the clause is his
    if lex.lang == "ar" and norm in lex.negators:
        return True  # عن مصدرين | لم تذكر أسمائهما: a clause on the source, no part of it
    return bool(lex.lang == "ar" and verb_at(s, k, lex))


def _quotation_closes_relative(s: Sentence, k: int, limit: int) -> bool:
    """Does a quotation open a few words after the relative word at k, before any mark?"""
    for x in range(k + 2, min(limit, k + 8)):
        if s.quote_opening_at(x):
            return True
        if not s.toks[x].word:
            return False
    return False


def _issuer_after_document(state: ArticleState, s: Sentence, k: int) -> bool:
    # تقرير لصحيفة "وول ستريت جورنال": whose report, not who was told
    lex, toks = state.lex, s.toks
    return lex.lang == "ar" and k > 0 and toks[k - 1].norm in lex.documents and \
        issuer_after_la(lex, toks[k].norm)


def _title_link(state: ArticleState, s: Sentence, k: int) -> bool:
    """A stop that links a title to a body before a definite noun: سفير فرنسا لدى الأمم
    المتحدة; or to a country after a title and its own country (سفير مصر لدى فرنسا, the
    title's bare genitive before the stop); لدى وصوله is an occasion."""
    toks, lex = s.toks, state.lex
    if toks[k].norm not in lex.title_links or k + 1 >= len(toks) or not toks[k + 1].word:
        return False
    return toks[k + 1].norm.startswith("ال") or k >= 2 and toks[k - 2].word and \
        toks[k - 2].norm in lex.roles and toks[k - 1].word and \
        not toks[k - 1].norm.startswith("ال")


def object_begins(state: ArticleState, s: Sentence, j: int, k: int, ev: Event) -> bool:
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
    # a bare verbal noun takes a genitive: حكومة تصريف | الأعمال
    return k - 1 > j and norm not in title_words(lex) and not norm.endswith("ه") and \
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
        name_start(state, s, words_) is not None


def _lone_name(state: ArticleState, s: Sentence, j: int, k: int) -> bool:
    """One word that heads no title or body (نفت تونس، نفى بقائي): a name, complete."""
    lex, norm = state.lex, s.toks[j].norm
    return k == j + 1 and s.toks[j].word and not norm.endswith("ه") and norm not in \
        title_words(lex)


def complementizer_ahead(state: ArticleState, s: Sentence, k: int, limit: int) -> bool:
    """Is a reported clause about to begin (within a few words, or after a ، NAME ، aside)?"""
    m = k
    while m < min(limit, k + 8):
        t = s.toks[m]
        if t.raw in COMMAS:
            close = next((x for x in range(m + 1, min(limit, m + 6)) if s.toks[x].raw in COMMAS),
                         None)
            if close is None or bare_name(state, s, m + 1, close) is None:
                return False
            m = close + 1  # المبعوث الأممي إلى اليمن، بيتر لارسن، إن
            continue
        if t.raw in TERMINATORS:
            return False
        if t.norm in state.lex.clause_complementizers:
            return True
        m += 1
    return False
