"""The speaker named after the cue (verb-first Arabic, 'said Peskov', 'according to X'),
with the listener and the relays and documents it speaks through."""

from factcheck.extract.asides import skip_adverbials
from factcheck.extract.boundaries import masdar_object_at, np_ends_at, object_begins
from factcheck.extract.listeners import (
    english_listener,
    listener_at,
    listener_between_commas,
    listener_head,
    named_listener,
)
from factcheck.extract.marks import abbreviation_dot, bracket_alias_end
from factcheck.extract.speakers import (
    apposition_at,
    english_np_word,
    issuer_after_la,
    post_modifier,
    speaker_from_np,
)
from factcheck.extract.state import (
    EN_CLAUSE_WORDS,
    MAX_NP_WORDS,
    ArticleState,
    Event,
    Speaker,
    is_preposition,
    joins_word,
    match_len,
    pronoun_gender,
    pronoun_object,
)
from factcheck.extract.subjects import issuing_at
from factcheck.sentences import COMMAS, TERMINATORS, Sentence, is_quote_mark, title_dot


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
    if j < limit and pronoun_object(s, ev, lex) and (
            not toks[j].word or toks[j].norm[:1] == "ب" or not (
                toks[j].norm.startswith("ال") or toks[j].norm in lex.roles or
                toks[j].norm in lex.bodies or toks[j].norm in state.known_names)):
        # واعتبره جزءا من الحملة، ووصفه بـ"الزائف": a predicate of what was said; a speaker
        # after the form is definite, a title or a body, or a name the article gave before
        return None, None, j
    if lex.lang == "ar" and j < limit and toks[j].norm in lex.cue_resumptive:
        j += 1  # في وقت نفت فيه دمشق: the pronoun takes up the time; the speaker follows
    if ev.kind == "verb" and ev.cue and ev.cue.lemma in lex.object_first_lemmas and \
            lex.relay_marker not in [t.norm for t in toks[j:limit]]:
        return None, None, j  # "and accused the paper of ...": its object follows
    listener = None
    if ev.kind == "verb" and lex.lang == "en" and ev.cue and ev.cue.lemma == "tell":
        listener, j = english_listener(state, s, j, limit)
    np = noun_phrase(state, s, j, limit, ev)
    if np is None:
        listener2, j2 = listener_at(state, s, j, limit)
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
        aside = next((a for a in range(j + 2, min(limit, j + MAX_NP_WORDS))
                      if toks[a].norm in lex.aside_words and
                      _saying_after_aside(state, s, a, limit) > a), limit)
        relayed = noun_phrase(state, s, j + 1, aside, ev)
        if relayed:
            speaker, j = relayed
            j = _saying_after_aside(state, s, j, limit)
            while j < limit and (toks[j].norm in lex.relay_saying or toks[j].raw in COMMAS
                                 and j + 1 < limit and toks[j + 1].norm in lex.relay_saying):
                j += 1  # عن الوزير، قوله إن
    if listener is None:
        listener, j = listener_between_commas(state, s, j, limit)
    j = skip_adverbials(state, s, j, limit, ev=ev)
    if listener is None:
        listener, j = listener_at(state, s, j, limit)
        if listener is None:
            listener, j = named_listener(state, s, j, limit)
        j = skip_adverbials(state, s, j, limit, ev=ev)
    if speaker.gender is None and ev.cue and ev.cue.gender in ("m", "f") and lex.lang == "ar":
        speaker.gender = ev.cue.gender
    return speaker, listener, _after_manner_participle(state, s, j, limit, ev)


def _after_manner_participle(state: ArticleState, s: Sentence, j: int, limit: int,
                             ev: Event) -> int:
    """وأضاف الوزير موضحًا أن ...، واستطرد موضحًا: "...": a participle right after the
    speaker says how the cue was spoken; the content follows it."""
    if state.lex.lang != "ar" or j >= limit or not s.toks[j].word or \
            s.toks[j].norm not in state.lex.participles:
        return j
    return skip_adverbials(state, s, j + 1, limit, ev=ev)


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
    if k + 1 < limit and toks[k].raw in COMMAS and toks[k + 1].norm == lex.relay_marker:
        k += 1  # نقلت قناة X الخاصة، عن المصدر: a comma may part the outlet from عن
    return k if k < limit and toks[k].norm == lex.relay_marker else None


def _saying_after_aside(state: ArticleState, s: Sentence, j: int, limit: int) -> int:
    """عن المصدر الذي لم تذكر هويته قوله: a short relative clause between the one quoted
    and the noun of saying belongs to neither; the index of the noun, else j."""
    lex, toks = state.lex, s.toks
    if j >= limit or toks[j].norm not in lex.aside_words:
        return j
    for k in range(j + 1, min(limit, j + 7)):
        if toks[k].norm in lex.relay_saying:
            return k
        if not toks[k].word:
            return j
    return j


def relaying_outlet(state: ArticleState, s: Sentence, ev: Event, limit: int) -> Speaker | None:
    """نقلت وكالة الأنباء عن الوزير قوله إن ...: the agency that carries the words, read from
    the relaying verb's subject (the speaker after it is the one quoted)."""
    lex = state.lex
    if lex.lang != "ar" or ev.kind != "verb" or ev.cue is None or \
            ev.cue.lemma not in lex.relay_lemmas:
        return None
    j = skip_adverbials(state, s, ev.last + 1, limit)
    np = noun_phrase(state, s, j, limit, ev)
    if np is None:
        return None
    speaker, k = np
    toks = s.toks
    m = k
    q = s.quote_opening_at(k) if k < limit else None
    if q is not None and q[1] - q[0] <= 4:
        m = q[1] + 1  # قناة "المسيرة": the name in quotes after the head is the outlet's
    # نقلت قناة X على لسان المتحدث: a source phrase after the channel names who spoke
    if _relay_marker_at(state, s, m, limit) is None and \
            not match_len(s, m, lex.sources, clitic=True):
        return None
    if m > k:  # قناة "المسيرة": the name in quotes after the head belongs to the outlet
        end = m - 1 if toks[m - 1].raw in COMMAS else m
        speaker = speaker_from_np(state, s, j, end, toks[j].start, toks[end - 1].end) or speaker
    if ev.cue.gender in ("m", "f") and speaker.gender is None:
        speaker.gender = ev.cue.gender
    return speaker


def follows_comma(s: Sentence, speaker: Speaker) -> bool:
    """Does a comma stand right before the speaker's phrase (', Laura Brennan told ...')?"""
    start = (speaker.phrase or speaker.span)[0]
    before = [t for t in s.toks if t.end <= start]
    return bool(before) and before[-1].raw in COMMAS


def noun_phrase(state: ArticleState, s: Sentence, j: int, limit: int, ev: Event):
    """The speaker's noun phrase starting at token j, with an apposition role after it."""
    lex, toks = state.lex, s.toks
    if j >= limit or not toks[j].word:
        if j < limit and s.quote_opening_at(j) and (
                ev.kind != "verb" or _quoted_speaker(state, s, j, limit)):
            return _quoted_name(state, s, j)
        return None
    if toks[j].norm in lex.clause_complementizers or is_preposition(toks[j], lex):
        return None
    if listener_head(state, s, j) or lex.lang == "ar" and toks[j].norm in lex.object_starts:
        return None  # نفى أيضا هذه المزاعم: the object, the speaker named before the cue
    if lex.lang == "en" and toks[j].norm in lex.pronouns:
        if ev.kind == "verb" and j + 1 < limit and toks[j + 1].word:
            return None  # "and said she has ...": the pronoun is the reported clause's subject
        return Speaker(toks[j].raw, (toks[j].start, toks[j].end), kind="pronoun",
                       gender=pronoun_gender(toks[j].norm)), j + 1
    if lex.lang == "en" and ev.kind != "source" and not english_np_word(toks[j], lex, first=True):
        return None
    if masdar_object_at(state, s, j, limit, ev):
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
            if words and (title_dot(s.toks, k) or abbreviation_dot(state, s, k, limit)):
                k += 1  # د. هبة العنزي, Mr. Trump, U.S. officials: a word cut short, then more
                continue
            close = bracket_alias_end(s, k, limit) if words else None
            if close is not None:
                alias_open, k = k, close + 1  # الاتحاد الأفريقي لكرة القدم (كاف)
                continue
            break
        if lex.lang == "en" and words and post_modifier(s, k):
            k += 1  # "people familiar with the matter", "sources close to the talks"
            continue
        if words and (np_ends_at(state, s, k, limit, ev) or object_begins(state, s, j, k, ev)):
            break
        if words == 1 and t.norm in lex.source_clause_verbs and \
                toks[j].norm in lex.roles and not toks[j].norm.startswith("ال"):
            break  # مسؤول طلب عدم الكشف عن هويته: the source's clause, no name
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
    k = apposition_at(state, s, k, limit, speaker)
    return speaker, k


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
        or listener_head(state, s, q[1] + 1) or t.norm in lex.np_stops or \
        t.norm == lex.relay_marker or t.norm in lex.issued or issuer_after_la(lex, t.norm) or \
        t.norm.startswith("لل")  # وكالة “رويترز” للأنباء، موقع “العربي الجديد” عن


def _quoted_speaker(state: ArticleState, s: Sentence, j: int, limit: int) -> bool:
    """وقال "أبو محمد": "...": a short quoted name right after an Arabic cue, the report (a
    quotation or إن) after its colon or comma. Not the content: قال الوزير "لن نتراجع"."""
    lex, toks = state.lex, s.toks
    o, c = s.quote_opening_at(j)
    if lex.lang != "ar" or c - o > 5 or c - o < 2 or c + 1 >= limit:
        return False
    k = c + 1
    if toks[k].raw in COMMAS or toks[k].raw == ":":
        k += 1
    if k >= limit or k == c + 1 and toks[k].norm not in lex.clause_complementizers:
        return False
    return bool(s.quote_opening_at(k)) or toks[k].norm in lex.clause_complementizers


def _quoted_name(state: ArticleState, s: Sentence, j: int):
    o, c = s.quote_opening_at(j)
    if c - o > 5:
        return None
    start, end = s.toks[o + 1].start, s.toks[c - 1].end
    return Speaker(state.text[start:end], (start, end), kind="name"), c + 1


def issuer_of_document(state: ArticleState, s: Sentence, ev: Event) -> Speaker | None:
    """Who issued the document a cue speaks from: 'أصدرت الوزارة بيانا أكدت فيه',
    'وكانت الإذاعة، قد نشرت تقريرا زعمت فيه'. The issuing verb stands earlier in the
    sentence; its subject is after it, or before it with كان ... قد."""
    lex, toks = state.lex, s.toks
    v = next((x for x in range(ev.first - 1, -1, -1) if issuing_at(lex, toks[x])), None)
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
        if toks[k].norm in lex.documents and issuer_after_la(lex, toks[k + 1].norm):
            return speaker_from_np(state, s, k, comma, toks[k].start, toks[comma - 1].end)
    return None


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
        if t.raw in TERMINATORS and (title_dot(toks, k) or abbreviation_dot(state, s, k, limit)):
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
