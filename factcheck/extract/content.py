"""What was said: the reported clause or quotation after (or before) the cue, where the
narrator takes over again, whether it is negated, and the question or topic it answers."""


from factcheck.extract.asides import skip_adverbials
from factcheck.extract.listeners import english_listener
from factcheck.extract.mentions import noun_phrase
from factcheck.extract.occasions import is_adverbial_start
from factcheck.extract.speakers import speaker_from_np
from factcheck.extract.state import (
    CONJ_CLITICS,
    EN_CLAUSE_WORDS,
    ArticleState,
    Event,
    Question,
    Speaker,
    ba_offset,
    content_intro,
    is_ba_object,
    is_preposition,
    match_len,
    verb_at,
)
from factcheck.extract.subjects import np_before_start
from factcheck.model import Span
from factcheck.sentences import (
    CLOSE_ONLY,
    COMMAS,
    TERMINATORS,
    Sentence,
    Tok,
)


def question_asked(state: ArticleState, s: Sentence) -> Question | None:
    """'وعند سؤال X عن Y، أجاب' / 'Asked whether Y, X said': who was asked, and about what."""
    lex, toks = state.lex, s.toks
    i = 0
    while i < len(toks) and toks[i].word and match_len(s, i, lex.connectives, clitic=True):
        i += match_len(s, i, lex.connectives, clitic=True)
    n = match_len(s, i, lex.question_heads, clitic=True)
    if not n:
        return _topic(state, s, i)
    head_last = toks[i + n - 1].norm
    gender = "f" if head_last.endswith(("ها", "ت")) else ("m" if head_last.endswith("ه") else None)
    j = i + n
    speaker = None
    k = j
    while k < len(toks) and not match_len(s, k, lex.question_about) and toks[k].raw not in \
            TERMINATORS and k - j < 14:
        k += 1
    if k >= len(toks) or toks[k].raw in TERMINATORS:
        return None
    np_end = k
    while np_end > j and not toks[np_end - 1].word:
        np_end -= 1
    # drop a time phrase between commas: ", اليوم الأربعاء،"
    words_ = [x for x in range(j, np_end)]
    comma = next((x for x in words_ if toks[x].raw in COMMAS), None)
    if comma is not None:
        np_end = comma
    if np_end > j:
        start, end = toks[j].start, toks[np_end - 1].end
        speaker = speaker_from_np(state, s, j, np_end, start, end)
        if speaker is not None and speaker.kind == "role":
            speaker = None
    about = match_len(s, k, lex.question_about)
    c_first = k + about if lex.lang == "ar" or toks[k].norm in ("about", "on", "over",
                                                                "regarding") else k
    c_last = c_first
    while c_last < len(toks) and toks[c_last].raw not in COMMAS and toks[c_last].raw not in \
            TERMINATORS:
        c_last += 1
    if c_last <= c_first:
        return None
    context = (toks[c_first].start, toks[c_last - 1].end)
    if speaker is not None and gender:
        speaker.gender = speaker.gender or gender
    return Question(speaker, context, c_last, gender)


def _topic(state: ArticleState, s: Sentence, i: int) -> Question | None:
    """'وحول ما يتداول بشأن سلالة جديدة، قالت ...': a topic fronted before the report."""
    toks = s.toks
    n = match_len(s, i, state.lex.question_topics, clitic=True)
    if not n or i + n >= len(toks):
        return None
    first, offset = i + n, 0
    if toks[first].norm == "ب":
        first += 1  # فيما يتعلق بـ الملف
    elif toks[first].norm.startswith("ب") and toks[i + n - 1].norm in ("يتعلق", "يخص"):
        offset = 1  # فيما يتعلق بالملف
    last = first
    while last < len(toks) and toks[last].raw not in COMMAS and toks[last].raw not in TERMINATORS:
        last += 1
    if last >= len(toks) or toks[last].raw not in COMMAS or last - first > 20 or last <= first:
        return None
    return Question(None, (toks[first].start + offset, toks[last - 1].end), last + 1)


def content_after(state: ArticleState, s: Sentence, j: int, limit: int, *,
                   clause_after_comma: bool = False, takes_object: bool = False,
                   ba_object: bool = False, ev: Event | None = None):
    """Content introduced after the cue and speaker: ((start, end), direct) or None. `ev`,
    the cue, tells where its own second predicate takes over ('denied the charges and
    sued')."""
    lex, toks = state.lex, s.toks
    if j < limit and toks[j].raw in COMMAS and j + 1 < limit and (
            clause_after_comma or content_intro(state, s, j + 1) or
            takes_object and lex.lang == "ar" and _object_after_comma(state, s, j + 1)):
        j += 1  # نفى المتحدث في بيان، التقارير ...: the occasion closed, the object follows
        if clause_after_comma and not content_intro(state, s, j):
            end = _stops_content(state, s, j, limit)
            span = trimmed_span(state.text, s, j, end if end is not None else limit)
            return (span, False) if span else None
    if j >= limit:
        return None
    t = toks[j]
    if is_preposition(t, lex) and j + 1 < limit and \
            toks[j + 1].norm in lex.clause_complementizers:
        j += 1
        t = toks[j]
    clitic = 0
    if lex.lang == "en" and t.norm in lex.clause_complementizers and (
            j + 1 >= limit or toks[j + 1].raw in COMMAS or toks[j + 1].raw in TERMINATORS):
        start = j  # "Norland rejected that, saying ...": a pronoun object, no clause
    elif t.norm in lex.clause_complementizers:
        start = j + 1  # أنها نشرت: the content starts after the pronoun, which is its subject
    elif t.raw == ":":
        start = j + 1
    elif s.quote_opening_at(j):
        start = j
    elif is_preposition(t, lex):
        start = j + 1
    elif ba_object and is_ba_object(t, lex):
        # طالب الأهالي بفتح تحقيق: like بأن and من after حذر, the ب is the cue's, not said
        start, clitic = j, ba_offset(t, lex)
    elif lex.lang == "en" and t.word and (t.norm not in lex.np_stops or
                                          t.norm == "this" and not is_adverbial_start(state, s, j)):
        start = j  # "said the plan was dead": a clause with no "that"
    elif takes_object and t.word:
        start = j  # نفت الوزارة هذه الاتهامات
    else:
        return None
    if start >= limit:
        return None
    q = s.quote_opening_at(start)
    if q and q[1] < limit:
        end_after_quote = q[1] + 1
        rest = [x for x in toks[end_after_quote:limit] if x.word]
        if not _clause_goes_on(state, s, end_after_quote, limit) and (
                not rest or _stops_content(state, s, q[1], limit) is not None):
            return _inside_quote(state.text, toks[q[0]].end, toks[q[1]].start), True
    end = _stops_content(state, s, start, limit)
    end = second_predicate(state, s, ev, start, end if end is not None else limit)
    span = trimmed_span(state.text, s, start, end)
    if span is None:
        return None
    return (span[0] + clitic, span[1]), False


def second_predicate(state: ArticleState, s: Sentence, ev: Event | None, start: int,
                     end: int) -> int:
    """Where the speaker's own next predicate begins after what the cue governs: 'denied the
    charges | and sued the paper', 'urging calm | and promising an inquiry', 'called the plan
    a failure | and he left'. After a cue that takes an object (content.object_cues), 'and'
    with a verb in -ed, an auxiliary or a subject pronoun, unless what came before has a verb
    of its own (then it is a clause's second verb); after a participle, 'and' with another."""
    lex, toks = state.lex, s.toks
    if lex.lang != "en" or ev is None or ev.cue is None:
        return end
    participle = ev.kind == "participle" or toks[ev.last].norm.endswith("ing")
    if not participle and ev.cue.lemma not in lex.object_cues:
        return end
    for k in range(start + 1, end - 1):
        if toks[k].norm != "and" or s.in_quote(k) or not toks[k + 1].word:
            continue
        nxt = toks[k + 1].norm
        if participle and nxt.endswith("ing") and len(nxt) > 5 or \
                not participle and _verb_after_object(state, s, start, k):
            return k
    return end


def _verb_after_object(state: ArticleState, s: Sentence, start: int, k: int) -> bool:
    """After 'and' at k, a verb in -ed, an auxiliary or a subject pronoun, with no verb of
    its own in toks[start:k]: the speaker's next predicate, not the object's."""
    lex, toks = state.lex, s.toks
    nxt = toks[k + 1].norm
    if not (nxt.endswith("ed") and len(nxt) > 3 and not _agent_follows(s, k + 2) or
            nxt in lex.clause_verbs or nxt in lex.pronouns):
        return False
    return not any(t.norm in lex.clause_verbs for t in toks[start:k])


def _agent_follows(s: Sentence, k: int) -> bool:
    # "called the charges false and fabricated by rivals": a participle with its agent is
    # the object's second predicate, not the speaker's next verb
    return k < len(s.toks) and s.toks[k].norm == "by"


def _clause_goes_on(state: ArticleState, s: Sentence, k: int, limit: int) -> bool:
    """'expressed "surprise" at the coverage': the words quoted are part of the clause, which
    goes on right after the closing mark with a lower-case word of its own (English)."""
    if state.lex.lang != "en" or k >= limit:
        return False
    t = s.toks[k]
    return t.word and t.raw[:1].islower() and t.norm not in state.lex.triggers and \
        t.norm not in state.lex.clause_complementizers


def _object_after_comma(state: ArticleState, s: Sentence, j: int) -> bool:
    """A word after the comma that can open the cue's object: not a new cue or clause."""
    t, lex = s.toks[j], state.lex
    return t.word and t.norm not in lex.participles and verb_at(s, j, lex) is None and \
        not match_len(s, j, lex.content_stops)


def _stops_content(state: ArticleState, s: Sentence, start: int, limit: int) -> int | None:
    """Where the narrator takes over again: ', لكنها ...', ', but ...'."""
    toks = s.toks
    last_word = next((k for k in range(limit - 1, start, -1) if toks[k].word), start)
    for k in range(start + 1, limit):
        if toks[k].raw in COMMAS and not s.in_quote(k):
            nxt = k + 1
            if nxt < limit and toks[nxt].word and match_len(s, nxt, state.lex.content_stops):
                return k
            if nxt > last_word:  # no word follows before the limit
                return k
    return None


def around_parenthetical_cue(state: ArticleState, s: Sentence, j: int, *, limit: int,
                              prev_end: int, before_np: Speaker | None,
                              ev: Event | None = None) -> tuple[Span, ...] | None:
    """'The goal, he said, is a lasting truce.' / 'The cause, according to the sheriff, was
    a heater.' / 'The problem, says Moss, is the budget.': the cue and its speaker stand
    between commas inside the reported clause; what was said is both sides of them."""
    toks = s.toks
    if state.lex.lang != "en" or j >= limit:
        return None
    if toks[j].raw != "," and j > 0 and toks[j - 1].raw == "," and ev is not None and \
            before_np is None:
        j -= 1  # the speaker's phrase was read past its closing comma
    if toks[j].raw != "," or j + 1 >= limit or not toks[j + 1].word or \
            s.quote_opening_at(j + 1) or toks[j + 1].norm.endswith("ing"):
        return None  # (", asking not to be named": a participle's phrase, not the report)
    first = _parenthetical_start(state, s, before_np, ev)
    if first is None or first == 0 or toks[first - 1].raw != "," or first - 1 <= prev_end:
        return None
    if before_np is None and not _clause_resumes(state, s, prev_end, first - 1, j + 1,
                                                 inverted=ev is not None and ev.kind == "verb"):
        return None
    head = trimmed_span(state.text, s, prev_end, first - 1)
    end = _stops_content(state, s, j + 1, limit)
    tail = trimmed_span(state.text, s, j + 1, end if end is not None else limit)
    if head is None or tail is None:
        return None
    return head, tail


def _clause_resumes(state: ArticleState, s: Sentence, head_start: int, head_end: int,
                    tail: int, *, inverted: bool) -> bool:
    """Is what follows the aside the rest of the clause before it? After an inverted speaker
    ('..., says Moss, ...'), or when the words before have a verb of their own, only a verb
    takes the clause up again ('One of the steps they have taken, according to X, is ...'):
    a noun phrase there is the speaker's ('..., said Moss, a longtime adviser') or the
    narrator's ('..., more than twice'). Neither the speaker's aside ('who ...') nor the
    narrator's next clause (', and ...', ', but ...') is."""
    lex, t = state.lex, s.toks[tail]
    if t.norm in lex.parenthetical_not_before or match_len(s, tail, lex.content_stops):
        return False
    if t.norm in lex.clause_verbs:
        return True
    return not inverted and not any(x.norm in lex.clause_verbs
                                    for x in s.toks[head_start:head_end])


def _parenthetical_start(state: ArticleState, s: Sentence, before_np: Speaker | None,
                         ev: Event | None) -> int | None:
    """Where the aside that reports begins: at its speaker ('he said') or at its cue ('says
    Moss', 'according to the sheriff')."""
    if before_np is None:
        return ev.first if ev is not None else None
    first = next(i for i, t in enumerate(s.toks) if t.start >= before_np.span[0])
    return np_before_start(state, s, first + 1) if first + 1 < len(s.toks) else first


def content_before(state: ArticleState, s: Sentence, ev: Event, prev_end: int,
                    before_np: Speaker | None, limit: int, *, closing: bool = False):
    """'"...," Peskov said.' / '..., according to X.' / '...، وفقًا للوزارة.': content first.
    `closing`: the cue is known to close the clause before it, whatever follows it."""
    toks = s.toks
    if state.lex.lang == "ar" and ev.kind == "verb" and (
            ev.conj or ev.first == 0 or toks[ev.first - 1].raw not in COMMAS | CLOSE_ONLY):
        return None  # "، قال الوزير." closes a report; "واعترفت بمقتل ..." does not
    if not closing and not nothing_said_after(
            state, s, ev, limit, after_quote=quote_just_before(state, s, ev, before_np)):
        return None  # something follows the cue that was not understood: leave it
    k = _end_before_cue(state, s, ev, prev_end, before_np)
    pair = s.quote_closing_at(k - 1)
    if pair is not None and pair[0] >= prev_end and \
            not _lead_in_before_quote(state, s, prev_end, pair[0]):
        o, c = pair
        return _inside_quote(state.text, toks[o].end, toks[c].start), True
    span = trimmed_span(state.text, s, prev_end, k)
    if span is None:
        return None
    return span, False


def source_closes_clause(state: ArticleState, s: Sentence, ev: Event, j: int,
                         prev_end: int) -> bool:
    """'..., according to estimates the ministry published on Monday.' / '..., according to two
    people who were briefed.': a source after a comma closes the clause before it; what
    follows its name is more of the name or the narrator's, not what was said, unless it
    opens a clause ('that', a colon, a quotation)."""
    toks = s.toks
    if state.lex.lang != "en" or ev.kind != "source":
        return False
    first = ev.first
    if first <= prev_end + 1 or toks[first - 1].raw not in COMMAS or \
            not any(t.word for t in toks[prev_end:first - 1]):
        return False
    return not (content_intro(state, s, j) or j + 1 < len(toks) and toks[j].raw in COMMAS and
                content_intro(state, s, j + 1))


def _lead_in_before_quote(state: ArticleState, s: Sentence, prev_end: int, opening: int) -> bool:
    """'The rally "lifted our spirits," Hale said.': the clause the narrator began and the
    quotation ends is the content, and the report is not direct. A quotation after a comma
    ('At the rally, "...," Hale said') or after a colon stands alone."""
    if state.lex.lang != "en":
        return False
    toks = s.toks
    words = [t for t in toks[prev_end:opening] if t.word]
    if not words or opening == 0 or toks[opening - 1].raw in (":", "—", "–") or \
            _spaced_hyphen(state.text, toks[opening - 1]):
        return False
    return not (toks[opening - 1].raw in COMMAS and len(words) <= 2)


def _spaced_hyphen(text: str, t: Tok) -> bool:
    # "the senator - ''Too slick,'' Ortiz said - but": a hyphen set off by spaces is a dash
    return t.raw == "-" and t.start > 0 and text[t.start - 1].isspace()


def first_piece(state: ArticleState, s: Sentence, ev: Event, prev_end: int,
                 before_np: Speaker | None) -> Span | None:
    """'"The visit was useful," he said, "and ...': the quotation the cue splits, its first
    piece. It must open the clause; '"fake news," Peskov said, "..."' quotes a phrase."""
    toks = s.toks
    k = _end_before_cue(state, s, ev, prev_end, before_np)
    pair = s.quote_closing_at(k - 1)
    if pair is not None and pair[0] >= prev_end and \
            not any(t.word for t in toks[prev_end:pair[0]]):
        return _inside_quote(state.text, toks[pair[0]].end, toks[pair[1]].start)
    return None


def _end_before_cue(state: ArticleState, s: Sentence, ev: Event, prev_end: int,
                    before_np: Speaker | None) -> int:
    """Token index where what stands before the cue and its speaker ends, commas left out."""
    toks = s.toks
    end = ev.first
    if before_np is not None:
        end = s.index_at(before_np.span[0])
        if state.lex.lang == "en":
            m = np_before_start(state, s, ev.first)
            end = m if m is not None else end
    k = end
    while k > prev_end and not toks[k - 1].word and toks[k - 1].raw not in CLOSE_ONLY | {'"', "''"}:
        k -= 1
    return k


def quote_just_before(state: ArticleState, s: Sentence, ev: Event,
                       before_np: Speaker | None) -> bool:
    """'"...," Park told a news conference after the decision': the quote is the content."""
    toks = s.toks
    first = ev.first
    if before_np is not None and state.lex.lang == "en":
        first = np_before_start(state, s, ev.first) or first
    k = first
    while k > 0 and toks[k - 1].raw in COMMAS:
        k -= 1
    return k > 0 and s.quote_closing_at(k - 1) is not None or \
        k > 1 and toks[k - 1].raw in COMMAS and s.quote_closing_at(k - 2) is not None


def nothing_said_after(state: ArticleState, s: Sentence, ev: Event, limit: int, *,
                        after_quote: bool = False) -> bool:
    """After the cue (and a speaker, listener or adverbials) nothing reported follows:
    '"...," Ochoa told reporters outside the courthouse.' / '...، قال الوزير.'"""
    toks = s.toks
    j = ev.last + 1
    if state.lex.lang == "en" and ev.cue and ev.cue.lemma == "tell":
        _, j = english_listener(state, s, j, limit)
    np = noun_phrase(state, s, j, limit, ev)
    j = np[1] if np else j
    j = skip_adverbials(state, s, j, limit)
    rest = [t for t in toks[j:limit] if t.word]
    if not rest:
        return True
    if state.lex.lang != "en" or s.quote_opening_at(j) or toks[j].raw == ":":
        return False
    if np is not None and toks[j].raw in COMMAS:
        # 'said Park, 54, who is seeking a second term.', but not 'said Moss, "and ...":
        # the quotation the cue splits goes on
        return not (j + 1 < limit and s.quote_opening_at(j + 1))
    if _question_tail(state, s, j):
        return True  # '..., Peskov told reporters when asked to comment on the report.'
    if toks[j].raw in COMMAS and j + 1 < limit and s.quote_opening_at(j + 1):
        return False  # '"...," she wrote, "and ...": the quotation the cue splits goes on
    if state.lex.lang == "en" and toks[j].raw in COMMAS and j + 1 < limit and \
            toks[j + 1].norm.endswith("ing"):
        return True  # '..., an official said, asking not to be named.'
    if after_quote and toks[j].norm not in state.lex.clause_complementizers:
        # '"...," he said to cheers.' / '..., Rubio said Sunday as the crowd roared.': after
        # the quotation, only "that" could open a second report
        return True
    # English: an adverbial tail ("after the decision", "separately") says nothing itself
    return not any(t.norm in EN_CLAUSE_WORDS for t in rest)


def _question_tail(state: ArticleState, s: Sentence, j: int) -> bool:
    """Does what follows the cue at j say what the speaker was asked ('when asked about')?"""
    if j < len(s.toks) and s.toks[j].raw in COMMAS:
        j += 1
    return bool(match_len(s, j, state.lex.question_heads))


def _inside_quote(text: str, start: int, end: int) -> Span:
    # '"We are not going," he said': the comma belongs to the sentence, not the quote
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",،;؛"):
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def trimmed_span(text: str, s: Sentence, start: int, end: int) -> Span | None:
    toks = s.toks
    while start < end and not toks[start].word and not s.quote_opening_at(start):
        start += 1
    while end > start and not toks[end - 1].word and toks[end - 1].raw not in \
            ("”", "»", '"', "''", "’", ")", "%"):
        end -= 1
    if end <= start or not any(t.word for t in toks[start:end]):
        return None
    return toks[start].start, toks[end - 1].end


def is_negated(state: ArticleState, s: Sentence, start: int, end: int, *,
               demand: bool = False) -> bool:
    """Is the content's clause negated? For a demand (`demand`), 'على عدم التصعيد' is what is
    asked for, not a negated statement."""
    lex = state.lex
    toks = s.tokens_within(start, end)
    probe = None  # the content as a sentence of its own, built at the first negator-like word
    firsts = lex.negation_firsts
    embedders = lex.negation_embedders
    for i, t in enumerate(toks):
        if t.norm in embedders and i > 0 and toks[i - 1].norm not in lex.pronoun_after:
            return False  # "told Doha that its presence was no longer welcome": embedded
        if not t.word or not (t.norm in firsts or t.norm[1:] in firsts or t.norm == "t"):
            continue
        if probe is None:
            probe = Sentence(toks, [], start, end)
        if match_len(probe, i, lex.not_negation, clitic=True):
            continue
        if demand and i > 0 and toks[i - 1].word and toks[i - 1].norm in lex.prepositions:
            continue  # حث الطرفين على عدم التصعيد
        if match_len(probe, i, lex.negator_phrases, clitic=True):
            return True
        norm = t.norm
        if lex.lang == "ar" and norm[:1] in CONJ_CLITICS and norm[1:] in lex.negators:
            norm = norm[1:]
        if norm in lex.negators:
            return True
        if lex.lang == "en" and norm == "t" and i > 0 and toks[i - 1].raw in ("'", "’"):
            return True
    return False
