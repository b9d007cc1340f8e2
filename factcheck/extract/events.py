"""Where reports begin in a sentence: cue verbs, participles, source phrases and unattributed
speculation; which of them open a report of their own and which are nested in another."""


from bisect import bisect_right
from itertools import accumulate

from factcheck.extract.state import (
    CONJ_CLITICS,
    MAX_NP_WORDS,
    ArticleState,
    Event,
    clitic_used,
    is_reporting_use,
    joins_word,
    match_len,
    phrase_at,
    verb_at,
)
from factcheck.extract.subjects import np_before_start, possessor_end, subject_before
from factcheck.lexicon import Cue, Lexicon
from factcheck.sentences import (
    CLOSE_ONLY,
    COMMAS,
    TERMINATORS,
    Sentence,
)


def find_events(state: ArticleState, s: Sentence) -> list[Event]:
    lex, toks = state.lex, s.toks
    triggers = lex.triggers
    events: list[Event] = []
    after = 0  # where the last event ended: the next may not begin before it
    # (no punctuation mark's norm is a trigger: lexicon._triggers)
    for i in [i for i, t in enumerate(toks) if t.norm in triggers]:
        if i < after or s.in_quote(i) and not _quoted_cue(s, i, lex):
            continue
        after = i + 1
        n = match_len(s, i, lex.sources, clitic=True)
        if n and i > 0 and toks[i - 1].norm in lex.source_not_after:
            n = 0  # نفى ما ورد في الصحافة: what was reported is the object, not a source
        if n and toks[i].norm in lex.source_clause_only and not _opens_clause(s, i, n, lex):
            n = 0
        if n:
            last = _source_slot_end(state, s, i + n) - 1
            events.append(Event("source", i, last, Cue("source", "assertion", None),
                                conj=clitic_used(s, i, lex.sources)))
            after = last + 1
            continue
        n = _speculation_at(s, i, lex)
        if n:
            events.append(Event("speculation", i, i + n - 1, Cue("speculation", "speculation",
                                                                  None)))
            after = i + n
            continue
        first = _progressive_at(s, i, lex)
        if first is not None:
            cue = lex.progressive[toks[i].norm]
            if _clause_if_needed(state, s, i, (cue, 1, False)):
                events.append(Event("verb", first, i, cue))
                after = i + 1
            continue
        first = _expectation_at(s, i, lex)
        if first is not None:
            events.append(Event("expectation", first, i, Cue("expectation", "speculation",
                                                             None)))
            after = i + 1
            continue
        noun = _noun_cue_at(s, i, lex)
        if noun is not None:
            events.append(Event("noun", i, i, noun))
            after = i + 1
            continue
        part = _participle_at(s, i, lex)
        if part:
            events.append(Event("participle", i, i, part, conj=True))
            continue
        verb = verb_at(s, i, lex)
        if verb and is_reporting_use(s, i, lex) and _clause_if_needed(state, s, i, verb):
            cue, n, conj = verb
            if i + n < len(toks) and _bare_participle(s, i + n, lex):
                n += 1  # وتابع قائلًا: the participle belongs to the cue
            first = _negated_auxiliary_before(s, i, lex) if cue.modality in HELD else i
            events.append(Event("verb", first, i + n - 1, cue, conj=conj))
            after = i + n
    for e in events:
        first = toks[e.first]
        e.cue_start = first.start + (1 if e.conj and e.kind in ("verb", "source") else 0)
    return events


_QUOTED_CUE_WORDS = 3


def _quoted_cue(s: Sentence, i: int, lex) -> bool:
    """'Ortiz "flatly denied" the meeting': the writer quotes the cue itself, the words
    between the marks only the verb and its adverbs; it still reports (in English)."""
    if lex.lang != "en":
        return False
    pair = _first_quote_around(s, i)
    if pair is None or not verb_at(s, i, lex):
        return False
    inner = [x for x in range(pair[0] + 1, pair[1]) if s.toks[x].word]
    return len(inner) <= _QUOTED_CUE_WORDS and all(
        x == i or s.toks[x].norm in lex.auxiliaries for x in inner)


def _first_quote_around(s: Sentence, i: int) -> tuple[int, int] | None:
    """The first quotation (by its opening mark) that token i stands strictly inside.

    By bisection, not a scan of the pairs: a sentence of many quotations asks this for each of
    their cue words. The pairs are sorted by opening; the running maximum of their closings
    first passes i at the first pair that closes after i."""
    reach = s.memo.get("quote_reach")
    if reach is None:
        reach = s.memo["quote_reach"] = list(accumulate((b for _, b in s.quotes), max))
    k = bisect_right(reach, i)
    return s.quotes[k] if k < len(s.quotes) and s.quotes[k][0] < i else None


def _clause_if_needed(state: ArticleState, s: Sentence, i: int, verb) -> bool:
    """'A poll shows that ...' reports; 'the screen shows footage' does not: some cues report
    only with a clause after them."""
    cue, n, _ = verb
    j = i + n
    if cue.lemma in state.lex.quote_only_lemmas:
        return _beside_quotation(s, i, j)
    if cue.lemma in state.lex.document_object_lemmas and _document_subject(state, s, i):
        return True
    if cue.lemma in state.lex.infinitive_only_lemmas:
        if j < len(s.toks) and s.toks[j].norm == "to":
            return True
        if cue.lemma not in state.lex.clause_only_lemmas:
            return False  # (in both tables: "hopes to win" and "hopes that ..." both report)
    elif cue.lemma not in state.lex.clause_only_lemmas:
        return True
    comps = state.lex.clause_complementizers
    if state.lex.lang == "ar":
        # verb-first: the speaker and an occasion may stand between (وبين الوزير، أمس، أن)
        for k in range(j, min(len(s.toks), j + MAX_NP_WORDS)):
            if s.toks[k].norm in comps or s.toks[k].raw == ":" or \
                    s.quote_opening_at(k) is not None:
                return True  # وبين الوزير: "..." reports as وبين أن does
            if s.toks[k].raw in TERMINATORS or verb_at(s, k, state.lex):
                return False
        return False
    if j < len(s.toks) and s.toks[j].norm in comps:
        return True
    return _bare_clause_after(s, j, state.lex)


_BARE_SUBJECT_WORDS = 6


def _bare_clause_after(s: Sentence, j: int, lex: Lexicon) -> bool:
    """'Allies hope the ruling will stand': a clause with no 'that' opens at j, its verb (one
    of `bare_clause_verbs`) after a short subject with no mark in it."""
    toks = s.toks
    if j >= len(toks) or not toks[j].word or toks[j].norm in lex.prepositions or \
            toks[j].norm in ("to", "for", "how", "what", "why", "about", "of", "on", "in"):
        return False
    for k in range(j + 1, min(len(toks), j + 1 + _BARE_SUBJECT_WORDS)):
        if not toks[k].word and not joins_word(s, k):
            return False
        if toks[k].norm in lex.bare_clause_verbs:
            return True
    return False


# What a speaker holds, means to do or has found: not a statement, and told apart from one.
HELD = frozenset({"belief", "intention", "evidence"})


def _negated_auxiliary_before(s: Sentence, i: int, lex: Lexicon) -> int:
    """Where 'does not' / "doesn't" / 'never' standing right before the cue at i begins (it is
    part of the cue: 'Ortiz does not believe ...'), else i."""
    toks = s.toks
    for p in lex.negated_auxiliaries:
        k, n = i, len(p)
        while n and k > 0:
            k -= 1
            if toks[k].raw in ("'", "’") and k > 0 and toks[k - 1].end == toks[k].start:
                continue  # doesn't: the apostrophe between its two words
            if not toks[k].word or toks[k].norm != p[n - 1]:
                break
            n -= 1
        if n == 0:
            return k
    return i


def _expectation_at(s: Sentence, i: int, lex: Lexicon) -> int | None:
    """Where 'is (widely) expected' before 'to' begins, when the participle at i ends it."""
    toks = s.toks
    if toks[i].norm not in lex.expected or i + 1 >= len(toks) or toks[i + 1].norm != "to":
        return None
    k = i
    while k > 0 and toks[k - 1].word and toks[k - 1].norm in lex.expected_after:
        k -= 1
    if k == i or toks[k].norm not in ("is", "are", "was", "were", "been"):
        return None
    if toks[k].norm == "been" and k > 0 and toks[k - 1].norm in ("has", "have", "had"):
        k -= 1
    return k


def _noun_cue_at(s: Sentence, i: int, lex: Lexicon) -> Cue | None:
    """'Ortiz's claim that ...', 'his firm belief that ...': a noun of report whose holder is
    its possessor, before the clause it reports."""
    toks = s.toks
    cue = lex.noun_cues.get(toks[i].norm) if lex.noun_cues else None
    if cue is None or i + 1 >= len(toks) or toks[i + 1].norm not in lex.clause_complementizers:
        return None
    return cue if possessor_end(s, i, lex) is not None else None


def _document_subject(state: ArticleState, s: Sentence, i: int) -> bool:
    """Is the subject before the cue at i a document ('A poll released on Tuesday shows',
    'Public records show', 'the audit of the agency found')?"""
    span = subject_before(state, s, i)
    return span is not None and any(
        t.word and t.norm in state.lex.documents for t in s.toks[span[0]:span[1]])


def _beside_quotation(s: Sentence, i: int, j: int) -> bool:
    """A quotation ends just before the cue and its subject ('"...," he continued') or opens
    right after it ('He continued, "..."')."""
    toks = s.toks
    while j < len(toks) and toks[j].raw in (",", ":"):
        j += 1
    if j < len(toks) and s.quote_opening_at(j) is not None:
        return True
    k = i
    for _ in range(6):  # back over a short subject: '"...," the former mayor continued'
        if k == 0:
            return False
        k -= 1
        if s.quote_closing_at(k) is not None:
            return True
        if toks[k].raw in (",", ":") and k > 0 and s.quote_closing_at(k - 1) is not None:
            return True
        if not toks[k].word and toks[k].raw not in (",", ":"):
            return False
    return False


def _participle_at(s: Sentence, i: int, lex: Lexicon) -> Cue | None:
    t = s.toks[i]
    cue = lex.participles.get(t.norm)
    if cue is None and t.norm[:1] == "و":
        cue = lex.participles.get(t.norm[1:])
    if cue is None:
        return None
    prev = s.toks[i - 1] if i > 0 else None
    if _request_not_report(s, i) and t.norm not in lex.participles_to:
        return None  # ", asking not to be named because ...": a request, no report
    if prev is None:
        return None
    return cue if prev.raw in COMMAS or t.norm[:1] == "و" or prev.norm in lex.participle_leads \
        else None


def _progressive_at(s: Sentence, i: int, lex: Lexicon) -> int | None:
    """Where 'is telling' / 'are also saying' begins when the participle at i is the verb of
    its clause; None otherwise."""
    toks = s.toks
    if toks[i].norm not in lex.progressive:
        return None
    k = i - 1
    if k > 0 and toks[k].norm in ("also", "now", "still", "already", "again"):
        k -= 1
    if k < 1 or toks[k].norm not in lex.progressive_auxiliaries:
        return None
    return k


def _request_not_report(s: Sentence, i: int) -> bool:
    toks = s.toks
    nxt = [t.norm for t in toks[i + 1:i + 3]]
    return nxt[:2] == ["not", "to"] or nxt[:1] == ["to"]


def _speculation_at(s: Sentence, i: int, lex: Lexicon) -> int:
    """Tokens taken by 'amid speculation that' / 'وسط تكهنات حول' starting at i, or 0."""
    toks = s.toks
    j = i + match_len(s, i, lex.speculation_lead, clitic=True)
    if j >= len(toks) or toks[j].norm not in lex.speculation_nouns:
        return 0
    if j == i and i > 0 and toks[i - 1].word:
        return 0  # a bare noun mid-clause is an object, not a frame
    j += 1
    while j < len(toks) and (k := match_len(s, j, lex.speculation_adjectives)):
        j += k
    if j < len(toks) and toks[j].word:
        link = toks[j].norm
        if link in lex.speculation_links:
            return j + 1 - i
        if lex.lang == "ar" and link[:1] == "ب" and len(link) > 3:
            return j - i  # تكهنات بعقد قمة: the ب is the link, the noun the content
    return 0


def drop_relays_of_sources(events: list[Event]) -> tuple[list[Event], dict[Event, Event]]:
    """نقلت قناة “المسيرة” على لسان المتحدث ... أن: the source phrase names who spoke, so the
    relaying verb builds no claim of its own from its own words; it is returned beside the
    source event it carries, for the channel's claim of the same content."""
    out: list[Event] = []
    carried: dict[Event, Event] = {}
    for k, ev in enumerate(events):
        nxt = events[k + 1] if k + 1 < len(events) else None
        relays = ev.kind == "verb" and ev.cue and ev.cue.lemma in ("نقل",)
        if relays and nxt is not None and nxt.kind == "source" and nxt.first - ev.last <= 8:
            carried[nxt] = ev
            continue
        out.append(ev)
    return out, carried


def independent_events(state: ArticleState, s: Sentence, events: list[Event]) -> list[Event]:
    """Drop cues nested in an earlier report of the same sentence (said that X announced...)."""
    out: list[Event] = []
    for ev in events:
        if not out or ev.conj or ev.kind in ("source", "participle"):
            out.append(ev)
            continue
        if _boundary_before(state, s, ev):
            out.append(ev)
        elif _document_reports(state, s, ev):
            ev.nested = True
            out.append(ev)
    return out


def _document_reports(state: ArticleState, s: Sentence, ev: Event) -> bool:
    return document_before(state, s, ev) is not None


def document_before(state: ArticleState, s: Sentence, ev: Event) -> int | None:
    """نفت الرئاسة تقريرا يفيد بأن ...، نفى المتحدث التقارير الصحفية الأجنبية التي أشارت
    إلى ...: a report or a book named in another's content, with a cue of its own, says
    something a fact-checker checks on its own. Up to four words (adjectives, its issuer, التي)
    may stand between the document and the cue; not a cue of mere topic (تحدثت عن)."""
    lex, toks = state.lex, s.toks
    if lex.lang != "ar" or ev.kind != "verb" or ev.cue is None or \
            ev.cue.lemma in lex.topic_only_lemmas:
        return None
    for k in range(ev.first - 1, max(-1, ev.first - 6), -1):
        t = toks[k]
        if not t.word or t.norm in lex.clause_complementizers or verb_at(s, k, lex):
            return None
        norm = t.norm[2:] if t.norm.startswith("ال") else t.norm
        if t.norm in lex.documents or norm in lex.documents or \
                norm[:-1] in lex.documents and norm[-1:] == "ا":
            return k
    return None


def _boundary_before(state: ArticleState, s: Sentence, ev: Event) -> bool:
    if state.lex.lang == "en" and ev.kind == "verb" and ev.first > 1 and \
            s.toks[ev.first - 1].norm in ("and", "but"):
        # "stressed her support ... and said she ...": a second report; but in "said it had
        # tracked and warned away a ship" the two verbs share the reported clause
        return not s.toks[ev.first - 2].norm.endswith("ed")
    i = _skip_back_connectives(state, s, ev.first)
    if opener_before(state, s, i) is not None or \
            _opener_before_subject(state, s, i) is not None:
        return True  # "...، فيما أكدت مصادر" / "في وقت نفت فيه دمشق": a report of its own
    if state.lex.lang == "en" and ev.kind == "verb":
        np_start = np_before_start(state, s, i)
        if np_start is not None:
            i = np_start
    if i == 0:
        return True
    prev = s.toks[i - 1]
    if prev.raw in COMMAS or prev.raw in CLOSE_ONLY or prev.raw in ('"', "''", ":", "؛"):
        return True
    return prev.norm in ("and", "but") or (prev.word and prev.norm in ("و", "ثم"))


def _skip_back_connectives(state: ArticleState, s: Sentence, i: int) -> int:
    toks = s.toks
    while i > 0 and toks[i - 1].word:
        for p in state.lex.connectives:
            n = len(p)
            first = toks[i - n].norm if i - n >= 0 else ""
            if i - n >= 0 and toks[i - n].word and (
                    first == p[0] or first[:1] in CONJ_CLITICS and first[1:] == p[0]) and \
                    phrase_at(toks, i - n, p):
                i -= n
                break
        else:
            break
    return i


def clause_start(state: ArticleState, s: Sentence, ev: Event) -> int:
    """Token index where the clause of event `ev` begins: the content before it ends here."""
    i = ev.first
    if state.lex.lang == "en" and ev.kind == "verb":
        np_start = np_before_start(state, s, i)
        if np_start is not None:
            i = np_start
    i = _skip_back_connectives(state, s, i)
    opener = opener_before(state, s, i)
    if opener is None and ev.kind == "verb":
        opener = _opener_before_subject(state, s, i)
    if opener is not None:
        return opener
    if state.lex.lang == "ar" and ev.kind != "participle":
        i = _back_over_short_clause(s, i)
    return i


def _opener_before_subject(state: ArticleState, s: Sentence, i: int) -> int | None:
    """Where the opener begins in '...، إلا أن الكرملين نفى': an opener, then a short
    subject, then the cue at i."""
    if state.lex.lang != "ar":
        return None
    toks = s.toks
    for k in range(i - 1, max(-1, i - 5), -1):
        if not toks[k].word:
            return None
        opener = opener_before(state, s, k)
        if opener is not None:
            return opener
    return None


def opener_before(state: ArticleState, s: Sentence, i: int) -> int | None:
    """Where a narrator's clause opener (فيما، في وقت، حيث) ending right before token i
    begins, if one does."""
    toks = s.toks
    for p in state.lex.report_openers:
        k = i - len(p)
        if k < 0 or not toks[k].word:
            continue
        first = toks[k].norm
        if (first == p[0] or first[:1] in CONJ_CLITICS and first[1:] == p[0]) and \
                phrase_at(toks, k, p):
            return k
    return None


def _back_over_short_clause(s: Sentence, i: int) -> int:
    # ", ومن جانبها، أكدت" / ", وفي سياق متصل، قال": a short و-segment between commas
    # belongs to the next report, not to the content of the last one.
    toks = s.toks
    if i == 0 or toks[i - 1].raw not in COMMAS:
        return i
    j = i - 1
    k = j - 1
    while k >= 0 and toks[k].raw not in COMMAS:
        k -= 1
    segment = toks[k + 1:j]
    if 0 < len(segment) <= 4 and segment[0].word and segment[0].norm[:1] == "و":
        return k + 1
    return i


def _bare_participle(s: Sentence, j: int, lex: Lexicon) -> bool:
    t = s.toks[j]
    return t.word and t.norm in lex.participles


def _source_slot_end(state: ArticleState, s: Sentence, j: int) -> int:
    # وفقًا لما ذكرته X / بحسب ما يتداوله X: after ما the verb of the relative clause comes,
    # known to the lexicon or not; it belongs to the cue.
    toks = s.toks
    if state.lex.lang != "ar" or j >= len(toks) or not toks[j].word:
        return j
    verb = verb_at(s, j, state.lex)
    if verb:
        end = j + verb[1]
    elif toks[j - 1].norm in state.lex.source_relatives:
        end = j + 1
    else:
        return j
    if end < len(toks) and toks[end].word and toks[end].norm in state.lex.source_resumptive:
        end += 1  # بحسب ما أفاد به سكان: the pronoun is the relative clause's, not a speaker
    return end


def _opens_clause(s: Sentence, i: int, n: int, lex: Lexicon) -> bool:
    """'..., per two officials.' / 'Per the ministry, ...': a source phrase that reads as one
    only where a clause opens, and never before a rate's unit ('Per capita, ...')."""
    toks = s.toks
    k = i - 1
    while k >= 0 and not toks[k].word and toks[k].raw not in COMMAS:
        k -= 1  # an opening quotation mark or bracket
    if k >= 0 and toks[k].raw not in COMMAS:
        return False
    nxt = i + n
    return nxt < len(toks) and toks[nxt].norm not in lex.source_not_next

