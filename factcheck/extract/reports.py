"""A sentence's events turned into claims: speaker, listener, content and context together,
with parenthetical sources and relays handled."""


from dataclasses import replace

from factcheck.extract.asides import skip_adverbials
from factcheck.extract.content import (
    around_parenthetical_cue,
    content_after,
    content_before,
    first_piece,
    is_negated,
    nothing_said_after,
    question_asked,
    quote_just_before,
    source_closes_clause,
    trimmed_span,
)
from factcheck.extract.continuations import continued_speaker, narrated_person
from factcheck.extract.events import (
    HELD,
    clause_start,
    document_before,
    drop_relays_of_sources,
    find_events,
    independent_events,
)
from factcheck.extract.listeners import english_listener
from factcheck.extract.mentions import (
    document_before_comma,
    follows_comma,
    issuer_of_document,
    noun_phrase,
    relayed_speaker,
    relaying_outlet,
    speaker_after,
)
from factcheck.extract.occasions import carried_occasion
from factcheck.extract.speakers import speaker_from_np
from factcheck.extract.state import (
    MAX_NP_WORDS,
    ArticleState,
    Event,
    Question,
    Speaker,
    content_intro,
    joins_word,
    match_len,
    pronoun_object,
    tokens_of,
    verbal_noun,
)
from factcheck.extract.subjects import (
    in_quoted_cue,
    np_before_start,
    possessor_speaker,
    relative_pronoun,
    sentence_subject,
    speaker_before,
    subject_before,
)
from factcheck.extract.topics import object_topic_claims
from factcheck.model import Claim, Span
from factcheck.normalize import fold, fold_word
from factcheck.sentences import (
    COMMAS,
    TERMINATORS,
    Sentence,
)


def sentence_claims(state: ArticleState, s: Sentence) -> list[Claim]:
    events = find_events(state, s)
    if not events:
        # most sentences are narration: nothing more to read in them
        return _remembered(state, object_topic_claims(state, s, []), set())
    question = question_asked(state, s)
    if question is not None:
        events = [ev for ev in events if ev.first >= question.end]
    events = independent_events(state, s, events)
    if any(ev.kind != "expectation" for ev in events):
        # "X is expected to ..., aides said / according to PAGASA": the expectation is the
        # named source's, one report; only with no one named is it an expectation of its own
        events = [ev for ev in events if ev.kind != "expectation"]
    events, carried = drop_relays_of_sources(events)
    asides = _sources_in_subject(state, s, events)
    events = [ev for ev in events if ev not in asides]
    # An event that yields no claim (a cue verb used for something else) must not cut the
    # content of the report before it, so build until every remaining event holds.
    while True:
        claims = _build_all(state, s, events, question)
        kept = [ev for ev, claim in zip(events, claims, strict=True) if claim is not None]
        if len(kept) == len(events):
            break
        events = kept
    out = _drop_topic_for_participle(state, s, events, claims)
    out += _aside_claims(state, s, asides, dict(zip(map(id, events), claims, strict=True)))
    out += _relayed_claims(state, s, events, claims)
    out += _denied_reports(state, s, events, claims)
    topics = object_topic_claims(state, s, out)
    _continue_topic_speakers(out, topics)
    out += topics
    # the outlet first: a later وأضاف goes on with the one it quoted, not with the outlet
    out = _outlet_claims(state, s, events, claims, carried) + out
    out.sort(key=lambda c: c.cue_span)
    nested = {id(claim) for ev, claim in zip(events, claims, strict=True) if ev.nested}
    return _remembered(state, out, nested)


def _continue_topic_speakers(out: list[Claim], topics: list[Claim]) -> None:
    """'...، وهو ما نفته القاهرة، مؤكدة أنها أكاذيب': a participle after the speaker of the
    matter put first goes on with that speaker, not with the report before it."""
    for topic in topics:
        later = [c for c in out if c.cue_span[0] > topic.cue_span[0]]
        if not later or topic.speaker_span is None:
            continue
        c = min(later, key=lambda x: x.cue_span[0])
        if c.mention is not None or c.speaker == topic.speaker:
            continue  # named its own speaker
        c.speaker, c.speaker_span, c.role = topic.speaker, topic.speaker_span, topic.role
        c.speaker_kind, c.gender = topic.speaker_kind, topic.gender or c.gender


def _remembered(state: ArticleState, out: list[Claim], nested: set[int]) -> list[Claim]:
    for claim in out:
        if claim.speaker and id(claim) not in nested:
            state.remember(claim)  # a document named in a report is not who speaks next
    return out


def _sources_in_subject(state: ArticleState, s: Sentence,
                        events: list[Event]) -> dict[Event, Event]:
    """'State media, citing a diplomatic source, reported that ...': the source phrase sits
    inside the subject of the next verb; it is a claim of its own with that verb's content."""
    out = {}
    toks = s.toks
    for k, ev in enumerate(events[:-1]):
        verb = events[k + 1]
        if ev.kind != "source" or verb.kind != "verb" or ev.first == 0 or \
                toks[ev.first - 1].raw not in COMMAS or state.lex.lang != "en":
            continue
        np = noun_phrase(state, s, ev.last + 1, verb.first, ev)
        if np is not None and np[1] < verb.first and toks[np[1]].raw in COMMAS:
            out[ev] = verb
    return out


def _aside_claims(state: ArticleState, s: Sentence, asides: dict[Event, Event],
                  built: dict[int, Claim | None]) -> list[Claim]:
    out = []
    for ev, verb in asides.items():
        host = built.get(id(verb))
        np = noun_phrase(state, s, ev.last + 1, verb.first, ev)
        if host is None or np is None:
            continue
        speaker = np[0]
        out.append(_said_by(state, host, speaker, (ev.cue_start, s.toks[ev.last].end)))
    return out


def _relayed_claims(state: ArticleState, s: Sentence, events: list[Event],
                    claims: list[Claim | None]) -> list[Claim]:
    """'Reuters quoted an official as saying ...': the official's claim beside Reuters'."""
    out = []
    lemmas = state.lex.relay_lemmas
    for k, (ev, host) in enumerate(zip(events, claims, strict=True)):
        if host is None or state.lex.lang != "en" or ev.cue is None or ev.cue.lemma not in lemmas:
            continue
        relayed = relayed_speaker(state, s, ev, _limit(state, s, events, k + 1))
        if relayed is None:
            continue
        speaker, first, last = relayed
        out.append(_said_by(state, host, speaker, (s.toks[first].start, s.toks[last].end),
                            gender=speaker.gender))
    return out


def _outlet_claims(state: ArticleState, s: Sentence, events: list[Event],
                   claims: list[Claim | None], carried: dict[Event, Event]) -> list[Claim]:
    """نقلت وكالة X عن Y قوله إن ...، نقلت قناة X على لسان Y أن ...: the outlet that carries
    the words is accountable for them as printed, so it has a claim of the content too, beside
    the one quoted (as 'Reuters quoted an official as saying' has in English)."""
    out = []
    for ev, host in zip(events, claims, strict=True):
        if host is None:
            continue
        verb = carried.get(ev, ev)
        outlet = relaying_outlet(state, s, verb, len(s.toks))
        if outlet is not None and outlet.name != host.speaker:
            cue_span = (verb.cue_start, s.toks[verb.last].end)
            claim = _said_by(state, host, outlet, cue_span, gender=outlet.gender)
            if host.cue_span != cue_span and fold_word(host.cue) in state.lex.relay_denying:
                _reports_the_denial(state, claim, host)
            out.append(claim)
            continue
        occasion = _carrier_before_content(state, s, ev, host)
        if occasion is not None:
            outlet, cue_span = occasion
            out.append(_said_by(state, host, outlet, cue_span, gender=outlet.gender))
    return out


def _reports_the_denial(state: ArticleState, claim: Claim, host: Claim) -> None:
    """The outlet carries the denial of the one it quotes: its content opens at the noun of
    denial (and is still a denial of what follows)."""
    span = (host.cue_span[0], host.content_span[1])
    claim.content, claim.content_span, claim.content_parts = \
        state.text[span[0]:span[1]], span, ()


def _carrier_before_content(state: ArticleState, s: Sentence, ev: Event,
                            host: Claim) -> tuple[Speaker, Span] | None:
    """وأشار المتحدث، في تصريحات نقلتها وكالة الأنباء، إلى أن ...: the outlet named in the
    occasion between the cue and the content, and the span of the verb that names it."""
    toks = s.toks
    end = _token_at(s, host.content_span[0], len(toks))
    for j in range(ev.last + 1, end):
        found = carried_occasion(state, s, j, end + 1)
        if found is None:
            continue
        c, e = found
        outlet = speaker_from_np(state, s, c + 1, e, toks[c + 1].start, toks[e - 1].end)
        if outlet is None:
            return None
        return outlet, (toks[c].start, toks[c].end)
    return None


def _denied_reports(state: ArticleState, s: Sentence, events: list[Event],
                    claims: list[Claim | None]) -> list[Claim]:
    """'The Kremlin denied a report by the Courier that P': the named outlet's report is a
    claim of its own, P said by the outlet, beside the denial of it."""
    out = []
    lex, toks = state.lex, s.toks
    if lex.lang != "en":
        return out
    for ev, host in zip(events, claims, strict=True):
        if host is None or host.direct or ev.cue is None or ev.cue.modality != "denial":
            continue
        j = s.index_at(host.content_span[0])
        end = s.index_at(host.content_span[1])
        k = j
        while k < end and k - j < 4 and toks[k].word and toks[k].norm not in lex.documents:
            k += 1  # "a Friday report", "the recent reports"
        if k >= end - 3 or toks[k].norm not in lex.documents or \
                toks[k + 1].norm not in ("by", "from", "in"):
            continue
        that = next((x for x in range(k + 2, min(end, k + 2 + MAX_NP_WORDS))
                     if toks[x].norm in lex.clause_complementizers or toks[x].raw in COMMAS),
                    None)
        if that is None or toks[that].raw in COMMAS or that + 1 >= end:
            continue
        speaker = speaker_from_np(state, s, k + 2, that, toks[k + 2].start, toks[that - 1].end)
        if speaker is None or speaker.kind == "pronoun":
            continue
        span = (toks[that + 1].start, host.content_span[1])
        claim = _said_by(state, host, speaker, (toks[k].start, toks[k].end),
                         gender=speaker.gender)
        claim.content, claim.content_span, claim.content_parts = \
            state.text[span[0]:span[1]], span, ()
        claim.negated = is_negated(state, s, *span)
        claim.modality = "assertion"
        state.issuers.append((speaker.name, speaker.span))
        out.append(claim)
    return out


def _said_by(state: ArticleState, host: Claim, speaker, cue_span: tuple[int, int], *,
             gender: str | None = None) -> Claim:
    """The host claim's content, said by another speaker through the cue at `cue_span`."""
    return Claim(
        cue=state.text[cue_span[0]:cue_span[1]], cue_span=cue_span,
        content=host.content, content_span=host.content_span,
        content_parts=host.content_parts, lang=host.lang,
        speaker=speaker.name, speaker_span=speaker.span, role=speaker.role,
        speaker_kind=speaker.claim_kind, mention=speaker.name, mention_span=speaker.span,
        direct=host.direct, negated=host.negated, modality=host.modality,
        context=host.context, context_span=host.context_span, sentence_span=host.sentence_span,
        gender=gender,
    )


def _build_all(state: ArticleState, s: Sentence, events: list[Event],
               question: Question | None) -> list[Claim | None]:
    claims: list[Claim | None] = []
    previous: Claim | None = None
    for k, ev in enumerate(events):
        limit = _limit(state, s, events, k + 1)
        prev_end = events[k - 1].last + 1 if k > 0 else 0
        if ev.kind == "source" and previous is not None and state.lex.lang == "ar":
            # "نفى X أن تكون الحصيلة ...، وفق ما أعلنت Y": Y gave what X denied, not X
            prev_end = max(prev_end, _token_at(s, previous.content_span[0], ev.first))
        q = question if question and question.end <= ev.first else None
        trailing = k > 0 and previous is not None and _trailing_relay(state, s, ev, limit)
        if trailing and ev.kind == "verb":
            # "..., Lebanon vowed to sue, the agency reported.": the outlet carries the whole
            # clause, the report inside it included
            prev_end = q.end if q is not None else 0
        claim = _build(state, s, ev, limit=limit, prev_end=prev_end, question=q,
                       previous=previous)
        if trailing and ev.kind == "source" and previous is not None:
            # "..., the Red Crescent said on Thursday, according to AP.": AP carries what the
            # report before it says, not the time words between them
            source = speaker_after(state, s, ev, limit)[0]
            if source is not None and source.kind != "pronoun":
                claim = _said_by(state, previous, source, (ev.cue_start, s.toks[ev.last].end),
                                 gender=source.gender)
                _carry_whole_report(state, s, ev, previous, claim)
        if claim is None and ev.kind == "verb" and k + 1 < len(events):
            # وقالت الصحيفة، نقلًا عن مسؤولين، إن ...: the source phrase is a parenthesis
            skip = _parenthesis(state, s, events[k + 1])
            if skip is not None:
                claim = _build(state, s, ev, limit=_limit(state, s, events, k + 2),
                               prev_end=prev_end, question=q, previous=previous, skip=skip)
        claims.append(claim)
        if claim is not None and not ev.nested:
            previous = claim
            if q is not None:
                question = None
    return claims


def _carry_whole_report(state: ArticleState, s: Sentence, ev: Event, report: Claim,
                        carried: Claim) -> None:
    """'Ortiz, a spokeswoman, denied the meeting, as reported by the state agency.': the
    outlet carries the whole report, its speaker and cue included, when the report names its
    speaker before what was said; from the sentence's start, past a leading connective."""
    named = report.mention_span or report.speaker_span
    if named is None or named[0] > report.content_span[0] or named[0] < s.start:
        return
    toks, lex = s.toks, state.lex
    cue = lex.verbs.get(tuple(fold(report.cue).split()))
    if cue is not None and cue.lemma in lex.outlet_reports:
        return  # 'The Times reported that P, citing officials': the officials gave P
    m = 0
    while m < ev.first and (match_len(s, m, lex.connectives) or toks[m].raw in COMMAS):
        m += max(1, match_len(s, m, lex.connectives))
    comma = clause_start(state, s, ev) - 1
    span = trimmed_span(state.text, s, m, comma) if m < comma else None
    if span is None or state.text[named[0]:named[1]] not in state.text[span[0]:span[1]]:
        return
    carried.content, carried.content_span, carried.content_parts = \
        state.text[span[0]:span[1]], span, ()
    carried.direct = False


def _trailing_relay(state: ArticleState, s: Sentence, ev: Event, limit: int) -> bool:
    """', the agency reported.' / ', according to AP.' closing an English sentence whose
    report stands before it: the event's subject or source is all that follows its comma."""
    if state.lex.lang != "en" or ev.kind not in ("verb", "source"):
        return False
    if ev.kind == "verb" and (ev.cue is None or ev.cue.lemma not in state.lex.relay_report):
        return False
    start = clause_start(state, s, ev)
    if start == 0 or s.toks[start - 1].raw not in COMMAS:
        return False
    return nothing_said_after(state, s, ev, limit)


def _drop_topic_for_participle(state: ArticleState, s: Sentence, events: list[Event],
                               claims: list[Claim | None]) -> list[Claim]:
    """'وحول استدعاء السفيرة، رد أبو زيد، قائلا: ...': the verb says nothing of its own; what
    stood before it is the topic, and the participle after its speaker carries the report."""
    out = []
    for k, (ev, claim) in enumerate(zip(events, claims, strict=True)):
        if claim is None:
            continue
        nxt = events[k + 1] if k + 1 < len(events) else None
        if state.lex.lang == "ar" and ev.kind == "verb" and nxt is not None and \
                nxt.kind == "participle" and claim.content_span[1] <= claim.cue_span[0] and \
                not claim.direct and \
                claims[k + 1] is not None and nxt.first > 0 and \
                s.toks[nxt.first - 1].raw in COMMAS and \
                (claim.speaker_span is None or claim.speaker_span[1] <= s.toks[nxt.first].start):
            continue
        out.append(claim)
    return out


def _token_at(s: Sentence, offset: int, before: int) -> int:
    """Index of the token that starts at character `offset`, among the first `before`."""
    i = s.index_at(offset)  # by bisection: a scan from the first token is quadratic in a
    return i if i < before else 0  # sentence of many reports


def _limit(state: ArticleState, s: Sentence, events: list[Event], k: int) -> int:
    """Where the content of the event before events[k] must end."""
    while k < len(events) and events[k].nested:
        k += 1  # the report the content names goes on inside it
    while k < len(events) and _parenthesis(state, s, events[k]) is not None and \
            k > 0 and events[k - 1].kind == "verb" and _follows_speaker(s, events[k - 1],
                                                                         events[k]):
        k += 1
    return clause_start(state, s, events[k]) if k < len(events) else len(s.toks)


def _follows_speaker(s: Sentence, verb: Event, source: Event) -> bool:
    return verb.last < source.first and source.first - verb.last <= MAX_NP_WORDS + 2


def _parenthesis(state: ArticleState, s: Sentence, ev: Event) -> tuple[int, int] | None:
    """(comma before, token after) of ', نقلًا عن X،' when a clause intro follows it."""
    toks = s.toks
    if ev.kind != "source" or ev.first == 0 or toks[ev.first - 1].raw not in COMMAS:
        return None
    np = noun_phrase(state, s, ev.last + 1, len(toks), ev)
    if np is None:
        return None
    j = _past_relative_before_colon(state, s, np[1])
    if j < len(toks) and toks[j].raw in COMMAS:
        j += 1
    if j < len(toks) and content_intro(state, s, j):
        return ev.first - 1, j
    return None


# نقلا عن مصدرين لم تذكر أسمائهما: a relative clause on the source is a few words at most
_MAX_RELATIVE_WORDS = 5


def _past_relative_before_colon(state: ArticleState, s: Sentence, j: int) -> int:
    """'، نقلا عن مسؤولين اثنين لم تسمهما: «...»': the clause an indefinite source
    takes with no relative word belongs to the source; the colon after it opens the content;
    so does a relative clause (الذي طلب ...) before a quotation. The index of that colon or
    quotation, else j."""
    toks = s.toks
    if state.lex.lang != "ar" or j >= len(toks):
        return j
    relative = toks[j].norm in state.lex.aside_words
    for k in range(j, min(len(toks), j + _MAX_RELATIVE_WORDS + 2)):
        if toks[k].raw in (":", "："):
            return k if k > j and s.quote_opening_at(k + 1) else j
        if relative and k > j + 1 and s.quote_opening_at(k):
            return k  # وقال الموظف الذي فضّل إخفاء هويته "...": the quotation
        if not toks[k].word or toks[k].norm in state.lex.clause_complementizers:
            return j
    return j


# What a speaker holds or means to do: a claim only with the subject written before the cue
# (what a document shows or found may have its document named after it).
_HELD_MODALITIES = HELD - {"evidence"}


def _build(state: ArticleState, s: Sentence, ev: Event, *, limit: int, prev_end: int,
           question: Question | None, previous: Claim | None,
           skip: tuple[int, int] | None = None) -> Claim | None:
    if ev.kind == "speculation":
        return _speculation_claim(state, s, ev, limit)
    if ev.kind == "expectation":
        return _expectation_claim(state, s, ev, limit)
    lex = state.lex
    cue_span = (ev.cue_start, s.toks[ev.last].end)
    before_np = None
    if lex.lang == "en" and ev.kind == "verb" or \
            lex.lang == "ar" and ev.kind == "verb" and _after_auxiliary(state, s, ev):
        before_np = speaker_before(state, s, ev)  # وكانت موسكو قد أعلنت: the subject first
    if ev.kind == "noun":
        before_np = possessor_speaker(state, s, ev)
        if before_np is None:
            return None
    if ev.nested:
        before_np = _document_speaker(state, s, ev)
        if before_np is None:
            return None
    if before_np is None and ev.cue is not None and ev.cue.modality in _HELD_MODALITIES and \
            lex.lang == "en":  # (verb-first Arabic names the holder after: ويعتقد مراقبون أن)
        return None  # "... had sold the farm and wanted to move abroad": whose wish is unsaid
    if before_np is not None:
        speaker, listener, j = before_np, None, ev.last + 1
        if lex.lang == "en" and in_quoted_cue(s, ev):
            j += 1  # 'Ortiz "flatly denied" the meeting': what she denied follows the mark
        if ev.cue and ev.cue.lemma == "tell":
            listener, j = english_listener(state, s, j, limit,
                                            trailing=follows_comma(s, speaker))
        j = skip_adverbials(state, s, j, limit)
        relayed = relayed_speaker(state, s, ev, limit)
        if relayed is not None:
            j = relayed[2] + 1  # quoted an official as saying | what was said
    else:
        speaker, listener, j = speaker_after(state, s, ev, limit)
        if speaker is not None:
            j = _past_relative_before_colon(state, s, j)
    if skip is not None and j == skip[0]:
        j = skip[1]
    context = None
    if question is not None:
        context = question.context
        if speaker is None and question.speaker is not None:
            speaker = question.speaker
    if speaker is None and ev.kind == "verb" and lex.lang == "ar":
        before_np = speaker_before(state, s, ev)
        speaker = before_np
        if speaker is None:
            speaker = issuer_of_document(state, s, ev)  # نشرت الإذاعة تقريرا زعمت فيه
        if speaker is None:
            speaker = document_before_comma(state, s, ev)  # تقرير لموقع X، ذكر أن
    continued = speaker is None or speaker.kind == "pronoun"
    unresolved = None  # a pronoun that stands for no one the article has named
    if speaker is not None and speaker.kind == "pronoun":
        pronoun = speaker
        at = s.index_at(pronoun.span[0])
        speaker = narrated_person(state, pronoun.span[0]) \
            if state.lex.lang == "en" and relative_pronoun(s, at) else None
        speaker = speaker or continued_speaker(state, pronoun.gender, previous=previous)
        if speaker is None and pronoun.gender in ("m", "f"):
            speaker = narrated_person(state, s.start)
        if speaker is None and lex.lang == "en":
            speaker = unresolved = pronoun
    elif speaker is None and ev.kind in ("verb", "participle"):
        gender = ev.cue.gender if ev.cue else None
        if question is not None and question.gender:
            gender = question.gender
        if previous is None and question is None and (
                ev.kind == "participle" or ev.first > 0 and
                s.toks[ev.first - 1].norm in ("and", "but")):
            speaker = sentence_subject(state, s, ev)  # "The envoy spoke, dismissing ..."
        if speaker is None:
            speaker = continued_speaker(state, gender, previous=previous)
    if speaker is None or ev.kind == "source" and _followed_not_heard(state, speaker):
        return None
    denial = _relayed_denial(state, s, speaker, j)
    said = _what_was_said(state, s, ev, j, limit=limit, prev_end=prev_end, before_np=before_np,
                          continued=continued, denied=denial is not None)
    if said is None:
        return None
    parts, direct = said
    if ev.kind == "noun" and not direct and len(parts) == 1:
        parts = (_before_host_verb(state, s, parts[0]),)
    c_start, c_end = parts[0][0], parts[-1][1]
    if c_end <= c_start:
        return None
    text = state.text
    gender = speaker.gender or (ev.cue.gender if ev.cue and ev.cue.gender in ("m", "f") else None)
    demand = ev.cue is not None and ev.cue.modality == "demand"
    if denial is not None:
        cue_span = (s.toks[denial].start, s.toks[denial].end)  # نفيهم: the one quoted denies
    negated = ev.cue.modality == "denial" or denial is not None or \
        any(is_negated(state, s, *p, demand=demand) for p in parts) or \
        ev.cue.modality in HELD and is_negated(state, s, *cue_span)  # "does not believe"
    mention = None if continued and not (question and question.speaker is speaker) else speaker
    claim = Claim(
        cue=text[cue_span[0]:cue_span[1]],
        cue_span=cue_span,
        content=" ".join(text[a:b] for a, b in parts),
        content_span=(c_start, c_end),
        content_parts=parts if len(parts) > 1 else (),
        lang=lex.lang,
        speaker=speaker.name,
        speaker_span=speaker.span,
        role=speaker.role,
        speaker_kind=speaker.claim_kind,
        mention=mention.name if mention else None,
        mention_span=mention.span if mention else None,
        listener=listener[0] if listener else None,
        listener_span=listener[1] if listener else None,
        direct=direct,
        negated=negated,
        modality="denial" if denial is not None else
        ev.cue.modality if ev.cue else "assertion",
        context=text[context[0]:context[1]] if context else None,
        context_span=context,
        sentence_span=(s.start, s.end),
        gender=gender,
    )
    if unresolved is not None:
        _unattributed(claim, unresolved)
    return claim


def _unattributed(claim: Claim, pronoun: Speaker) -> None:
    """'He said the talks would resume.' with no one named before: what was said is still a
    claim to check, but no one's; the pronoun stays as its mention, for a reviewer to name."""
    claim.speaker = claim.speaker_span = claim.role = claim.speaker_kind = None
    claim.mention, claim.mention_span = pronoun.name, pronoun.span


def _relayed_denial(state: ArticleState, s: Sentence, speaker: Speaker, j: int) -> int | None:
    """Index of the noun of denial between the one quoted and the content (نقل الموقع عن
    قياديين نفيهم القاطع لصحة الأنباء), if one stands there."""
    denying = state.lex.relay_denying
    if not denying or speaker.span is None:
        return None
    for k in range(j - 1, max(-1, j - 4), -1):
        if s.toks[k].start < speaker.span[1]:
            return None
        if s.toks[k].norm in denying:
            return k
    return None


def _document_speaker(state: ArticleState, s: Sentence, ev: Event) -> Speaker | None:
    """Who speaks in a document named in another's content: its issuer when given (تقرير
    لصحيفة X، كتاب صدر لصحافي أميركي), else the document as named (تقارير إعلامية تركية)."""
    toks, lex = s.toks, state.lex
    k = document_before(state, s, ev)
    if k is None:
        return None
    end = ev.first
    if toks[end - 1].norm in lex.aside_words:
        end -= 1  # التقارير التي أشارت: the relative word is no part of the name
    for x in range(k + 1, end):
        norm = toks[x].norm
        if norm[:1] == "ل" and len(norm) > 3 and not norm.startswith("لل"):
            # the issuer after ل: صحيفة، صحافي
            start = toks[x].start + 1
            return speaker_from_np(state, s, x, end, start, toks[end - 1].end)
    return speaker_from_np(state, s, k, end, toks[k].start, toks[end - 1].end)


def _after_auxiliary(state: ArticleState, s: Sentence, ev: Event) -> bool:
    """Does an auxiliary stand right before the cue (قد أعلنت، كانت ... قد ذكرت)? Then the
    subject came first, between the auxiliaries."""
    return not ev.conj and ev.first > 0 and s.toks[ev.first - 1].word and \
        s.toks[ev.first - 1].norm in ("قد", "لقد")


def _followed_not_heard(state: ArticleState, speaker: Speaker) -> bool:
    """'according to international law': a rule followed, not a speaker."""
    words_ = tokens_of(speaker.name)
    head = next((k for k, w in enumerate(words_) if w in state.lex.np_links or
                 w in ("regarding", "under")), len(words_))
    return head > 0 and words_[head - 1] in state.lex.source_not_speakers


_HOST_JOINERS = frozenset({"and", "or", "but", "that", "which", "who", "if", "when", "because"})


def _before_host_verb(state: ArticleState, s: Sentence, span: Span) -> Span:
    """"Ortiz's claim that the plant was sold is false": the noun phrase is the subject of
    the sentence's own verb, which follows the clause it reports; the content ends before a
    second finite verb (one of `bare_clause_verbs`) that no joiner or mark opens."""
    toks, aux = s.toks, state.lex.bare_clause_verbs
    first, end = s.index_at(span[0]), s.index_at(span[1])
    seen = False
    for x in range(first, min(end, len(toks))):
        t = toks[x]
        if not t.word:
            if not joins_word(s, x):
                return span  # a mark: the clause is read as it stands
            continue
        if t.norm in _HOST_JOINERS:
            seen = False  # "... will be sold and the workers will lose": a clause of its own
            continue
        if t.norm not in aux:
            continue
        if seen and toks[x - 1].norm not in aux and toks[x - 1].norm not in _HOST_JOINERS:
            cut = trimmed_span(state.text, s, first, x)
            return cut or span
        seen = True
    return span


def _what_was_said(state: ArticleState, s: Sentence, ev: Event, j: int, *, limit: int,
                   prev_end: int, before_np: Speaker | None,
                   continued: bool, denied: bool = False) -> tuple[tuple[Span, ...], bool] | None:
    """The content's pieces (one, or the two halves of a quotation the cue splits) and
    whether it is direct. `denied`: a noun of denial stood before j, and takes an object."""
    lex = state.lex
    # "According to X, ..." opens the sentence; "..., according to X." closes it.
    opens_clause = ev.kind == "source" and not any(t.word for t in s.toks[prev_end:ev.first])
    takes_object = bool(ev.cue and ev.cue.lemma in lex.object_lemmas and not continued) or \
        continued and _masdar_continues(state, s, ev, j) or \
        ev.kind == "participle" and ev.cue is not None and ev.cue.lemma in lex.participle_objects \
        or pronoun_object(s, ev, lex) or denied
    # تقرير يفيد بوجود اتصال: a document's cue takes what it says after ب as well
    ba_object = bool(ev.cue and ev.cue.lemma in lex.ba_object_lemmas) or ev.nested
    # مضيفًا "تحدثا عن ...": a quotation opening right after a participle is what it adds,
    # not the one that closed before it
    quote_before = quote_just_before(state, s, ev, before_np) and not (
        ev.kind == "participle" and j < len(s.toks) and s.quote_opening_at(j) is not None)
    if source_closes_clause(state, s, ev, j, prev_end):
        around = around_parenthetical_cue(state, s, j, limit=limit, prev_end=prev_end,
                                           before_np=before_np, ev=ev)
        if around is not None:
            return around, False
        closing = content_before(state, s, ev, prev_end, before_np, limit, closing=True)
        if closing is not None:
            return (closing[0],), closing[1]
    content = content_before(state, s, ev, prev_end, before_np, limit) \
        if quote_before or _occasion_closes(state, s, ev, j) else None
    if content is None:
        content = content_after(state, s, j, limit, clause_after_comma=opens_clause,
                                 takes_object=takes_object, ba_object=ba_object, ev=ev)
        if content is not None and content[1] and quote_before:
            # one reporting event, one quotation: both pieces are its content
            first = first_piece(state, s, ev, prev_end, before_np)
            if first is not None:
                return (first, content[0]), True
    if content is None and not quote_before:
        around = around_parenthetical_cue(state, s, j, limit=limit, prev_end=prev_end,
                                           before_np=before_np, ev=ev)
        if around is not None:
            return around, False
    if content is None:
        content = content_before(state, s, ev, prev_end, before_np, limit)
    if content is None:
        return None
    return (content[0],), content[1]



def _occasion_closes(state: ArticleState, s: Sentence, ev: Event, j: int) -> bool:
    """'..., the president said in his interview.': after a comma, a cue whose speaker is
    followed by an occasion phrase closes the report before it; what follows the
    preposition is where it was said, not what."""
    toks, leads = s.toks, state.lex.occasion_leads
    if state.lex.lang != "en" or j >= len(toks) or not (
            toks[j].norm in leads or j - 1 > ev.last and toks[j - 1].norm in leads):
        return False
    first = np_before_start(state, s, ev.first) if ev.kind == "verb" else None
    first = ev.first if first is None else first
    return first > 2 and toks[first - 1].raw in COMMAS


def _masdar_continues(state: ArticleState, s: Sentence, ev: Event, j: int) -> bool:
    """وأكد استمرار المفاوضات after an earlier speaker: a new clause whose cue takes a verbal
    noun as what was said, continuing that speaker as وأضاف أن does. Only after و/ف: a cue
    mid-clause (إذ أعلنت عام 2021 إلغاء ...) is the narrator's."""
    lex = state.lex
    return bool(ev.conj and ev.cue and ev.cue.lemma in lex.verbal_noun_lemmas and
                j < len(s.toks) and verbal_noun(s.toks[j], lex))


def _speculation_claim(state: ArticleState, s: Sentence, ev: Event, limit: int) -> Claim | None:
    toks = s.toks
    start = ev.last + 1
    if toks[ev.last].norm[:1] == "ب" and toks[ev.last].norm not in state.lex.speculation_links:
        start = ev.last  # the ب-noun itself opens the content
    end = start
    while end < limit and toks[end].raw not in COMMAS and toks[end].raw not in TERMINATORS:
        end += 1
    span = trimmed_span(state.text, s, start, end)
    if span is None:
        return None
    c_start, c_end = span
    if start == ev.last:
        c_start = toks[ev.last].start + 1
    cue_end = toks[ev.last].end if start > ev.last else toks[ev.last].start + 1
    cue_span = (toks[ev.first].start, cue_end)
    text = state.text
    return Claim(
        cue=text[cue_span[0]:cue_span[1]],
        cue_span=cue_span,
        content=text[c_start:c_end],
        content_span=(c_start, c_end),
        lang=state.lex.lang,
        negated=is_negated(state, s, c_start, c_end),
        modality="speculation",
        sentence_span=(s.start, s.end),
    )


def _inside_word(s: Sentence, k: int) -> bool:
    toks = s.toks
    return 0 < k < len(toks) - 1 and toks[k - 1].end == toks[k].start == toks[k].end - 1 and \
        toks[k].end == toks[k + 1].start


def _expectation_claim(state: ArticleState, s: Sentence, ev: Event,
                       limit: int) -> Claim | None:
    """'The council is expected to approve the levy on Monday': no one is named for the
    expectation; its content is the subject and what it is expected to do, in two pieces."""
    toks = s.toks
    subject = subject_before(state, s, ev.first)
    if subject is None or toks[subject[0]].norm in state.lex.pronouns and \
            subject[1] - subject[0] == 1 and toks[subject[0]].norm == "it":
        return None  # "it is expected to" is the narrator's own forecast of a figure
    end = ev.last + 1
    while end < limit and toks[end].raw not in COMMAS and not (
            toks[end].raw in TERMINATORS and not _inside_word(s, end)):
        end += 1  # (2.9 percent: a point inside a figure ends nothing)
    first = trimmed_span(state.text, s, subject[0], subject[1])
    then = trimmed_span(state.text, s, ev.last + 1, end)
    if first is None or then is None:
        return None
    text = state.text
    cue_span = (toks[ev.first].start, toks[ev.last].end)
    return Claim(
        cue=text[cue_span[0]:cue_span[1]], cue_span=cue_span,
        content=f"{text[first[0]:first[1]]} {text[then[0]:then[1]]}",
        content_span=(first[0], then[1]), content_parts=(first, then),
        lang=state.lex.lang, negated=is_negated(state, s, *then), modality="speculation",
        sentence_span=(s.start, s.end),
    )


def continue_quotation(state: ArticleState, s: Sentence, claim: Claim) -> Claim | None:
    """'"We will not go back," she said. "The talks are over."': a sentence or paragraph that
    is all quotation, right after a report that ended with its cue (or was a quotation), goes
    on with the same speaker's words. It is a report of its own (a fact-checker weighs each
    sentence quoted), by that speaker under the same cue, naming no one."""
    toks = s.toks
    reported_last = claim.content_span[1] <= claim.cue_span[0]  # '..., Schiff said. "..."'
    if state.lex.lang != "en" or not (claim.direct or reported_last) or not toks:
        return None
    q = s.quote_opening_at(0)
    if q is None or any(t.word for t in toks[q[1] + 1:]):
        return None
    piece = _quoted_piece(state.text, toks[q[0]].end, toks[q[1]].start)
    if piece is None:
        return None
    return replace(
        claim, content=state.text[piece[0]:piece[1]], content_span=piece, content_parts=(),
        mention=None, mention_span=None, listener=None, listener_span=None, direct=True,
        negated=is_negated(state, s, *piece),
        modality="assertion" if claim.modality == "denial" else claim.modality, context=None,
        context_span=None, sentence_span=(s.start, s.end))


def _quoted_piece(text: str, start: int, end: int) -> Span | None:
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return (start, end) if end > start else None
