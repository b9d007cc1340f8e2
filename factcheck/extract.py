"""Attributed statements out of article text: who said what, with exact character spans.

The extractor is rule-based and driven by the language tables (factcheck/rules/*.toml through
factcheck.lexicon), so that it generalises to news it has never seen:

1. lines that are not the article's text (related links, bylines, headings) are dropped;
2. each paragraph is cut into sentences, never inside a quotation;
3. in a sentence, cue events are found: verbs (قال، أكدت، said), participles (مضيفًا، adding),
   source phrases (وفقًا لـ، according to) and unattributed speculation (وسط تكهنات);
4. for each event the speaker's noun phrase is read (after the verb in verb-first Arabic,
   before it in English), with role, listener and the question it answered, then the content
   up to where the next independent event begins;
5. last, short mentions and roles are resolved to the fullest name the article gives.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from factcheck.lexicon import Cue, Lexicon, Phrase, Phrases, lexicon
from factcheck.model import Claim, Span
from factcheck.normalize import WORD_RE, detect_lang, fold, fold_word, stem
from factcheck.rules import rules_for
from factcheck.sentences import (
    CLOSE_ONLY,
    COMMAS,
    TERMINATORS,
    Sentence,
    Tok,
    is_quote_mark,
    pair_quotes,
    sentences,
    tokenize,
)

_CONJ_CLITICS = ("و", "ف")
_MAX_NP_WORDS = 10
_EN_DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "our", "one", "two", "three",
                   "four", "five", "six", "several", "many", "some", "other", "most", "few"}
# Words that make a run of words a clause, not a speaker's noun phrase.
_EN_CLAUSE_WORDS = {"that", "which", "who", "is", "was", "were", "are", "be", "been", "will",
                    "would", "not", "to", "if", "because", "when", "it", "there", "this",
                    "could", "should", "can", "may", "might", "did", "does", "do", "had", "has",
                    "have", "said", "says", "told"}
_EN_CLAUSE_JOINERS = {"and", "but", "while", "as", "after", "before", "since", "although"}
_EN_ADVERBS = {"later", "then", "earlier", "also", "previously", "again", "repeatedly",
               "recently", "separately", "meanwhile"}
# Lower-case words that may stand in an English speaker's noun phrase ("senior state media").
_EN_NP_MODIFIERS = {"state", "foreign", "top", "local", "senior", "deputy", "former", "chief",
                    "defence", "defense", "interior", "health", "finance", "news", "press",
                    "official", "government", "military", "security", "regional", "federal",
                    "national", "international", "independent", "s"}
_HEADLINE_MAX_WORDS = 25


@dataclass(eq=False)  # events are compared and hashed by identity
class Event:
    """A place in a sentence where a report begins."""

    kind: str  # "verb", "participle", "source", "speculation"
    first: int  # first token of the cue
    last: int  # last token of the cue (inclusive)
    cue: Cue | None = None
    conj: bool = False  # the cue carried a leading و/ف: a new clause
    cue_start: int = 0  # character offset of the cue without its clitic


@dataclass
class Speaker:
    name: str
    span: Span
    role: str | None = None
    gender: str | None = None
    kind: str = "name"  # "name", "body", "role" or "pronoun"

    @property
    def claim_kind(self) -> str:
        return {"body": "body", "role": "role"}.get(self.kind, "person")


@dataclass
class Question:
    speaker: Speaker | None
    context: Span | None
    end: int  # token index after the question clause
    gender: str | None = None


@dataclass
class _ArticleState:
    text: str
    lex: Lexicon
    recent: list[tuple[Speaker, str | None]] = field(default_factory=list)
    # folded words of every person named so far, by their last word: كاظمي -> [رضا, كاظمي]
    known_names: dict[str, list[str]] = field(default_factory=dict)

    def remember(self, claim: Claim) -> None:
        kind = {"person": "name"}.get(claim.speaker_kind, claim.speaker_kind)
        self.recent.insert(0, (Speaker(claim.speaker, claim.speaker_span, claim.role,
                                       claim.gender, kind), claim.gender))
        if kind == "name":
            words_ = _tokens_of(claim.speaker)
            if words_:
                self.known_names.setdefault(words_[-1], words_)


def extract(text: str, *, lang: str | None = None) -> list[Claim]:
    """The attributed claims in `text`, in reading order."""
    lang = lang or detect_lang(text)
    state = _ArticleState(text, lexicon(lang))
    claims: list[Claim] = []
    for index, (start, end) in enumerate(_body_lines(text, state.lex)):
        line = text[start:end]
        if index == 0:
            headline = _headline_claim(state, start, end)
            if headline:
                claims.append(headline)
                continue
        if _is_heading(line, state.lex) or not _line_may_report(line, state.lex):
            continue
        for sentence in sentences(text, start, end, lang=state.lex.lang):
            claims.extend(_sentence_claims(state, sentence))
    _resolve_names(claims, state)
    return claims


# ----------------------------------------------------------------------------- lines


def _body_lines(text: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Spans of the non-empty lines that may be the article's own text."""
    out = []
    for m in re.finditer(r"[^\r\n]+", text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        folded = fold(text[start:min(end, start + 60)])
        if folded.startswith(lex.skip_prefixes):
            continue
        out.append((start, end))
    return out


def _line_may_report(line: str, lex: Lexicon) -> bool:
    """Cheap test on the folded line, before it is tokenised: does any word open a report?"""
    triggers = lex.triggers
    return any(w in triggers or w[1:] in triggers for w in WORD_RE.findall(fold(line)))


def _is_heading(line: str, lex: Lexicon) -> bool:
    # Section headings and captions: short, and not ended as a sentence is.
    stripped = line.rstrip()
    n_words = len(stripped.split())
    if stripped[-1:] in TERMINATORS or stripped[-1:] in "\"”»'’:":
        return n_words <= 3
    return n_words <= 12


# ----------------------------------------------------------------------------- events


def _match(s: Sentence, i: int, phrases: Phrases, *, clitic: bool = False) -> int:
    """Length in tokens of the longest phrase starting at token i, else 0."""
    toks = s.toks
    if i >= len(toks) or not toks[i].word:
        return 0
    first = toks[i].norm
    candidates = phrases.by_first.get(first, ())
    if clitic and first[:1] in _CONJ_CLITICS:
        candidates = (*candidates, *phrases.by_first.get(first[1:], ()))
    for p in candidates:
        if _phrase_at(toks, i, p):
            return len(p)
    return 0


def _phrase_at(toks: list[Tok], i: int, p: Phrase) -> bool:
    n = len(p)
    if i + n > len(toks):
        return False
    return all(toks[i + k].word and toks[i + k].norm == p[k] for k in range(1, n))


def _clitic_used(s: Sentence, i: int, phrases: tuple[Phrase, ...]) -> bool:
    """Whether the phrase matched at i needed a leading و/ف stripped (ووفقًا، وبحسب)."""
    return _match(s, i, phrases) == 0 and _match(s, i, phrases, clitic=True) > 0


def _verb_at(s: Sentence, i: int, lex: Lexicon) -> tuple[Cue, int, bool] | None:
    """The cue verb starting at token i: (cue, length in tokens, has a و/ف clitic)."""
    toks = s.toks
    for n in range(min(lex.max_verb_len, len(toks) - i), 0, -1):
        key = tuple(t.norm for t in toks[i:i + n])
        if key in lex.verbs:
            return lex.verbs[key], n, False
        if lex.lang == "ar" and key[0][:1] in _CONJ_CLITICS:
            stripped = (key[0][1:], *key[1:])
            if stripped in lex.verbs:
                return lex.verbs[stripped], n, True
    return None


def _find_events(state: _ArticleState, s: Sentence) -> list[Event]:
    lex, toks = state.lex, s.toks
    triggers = lex.triggers
    events: list[Event] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if not t.word or not (t.norm in triggers or t.norm[1:] in triggers) or s.in_quote(i):
            i += 1
            continue
        n = _match(s, i, lex.sources, clitic=True)
        if n:
            last = _source_slot_end(state, s, i + n) - 1
            events.append(Event("source", i, last, Cue("source", "assertion", None),
                                conj=_clitic_used(s, i, lex.sources)))
            i = last + 1
            continue
        n = _speculation_at(s, i, lex)
        if n:
            events.append(Event("speculation", i, i + n - 1, Cue("speculation", "speculation",
                                                                  None)))
            i += n
            continue
        part = _participle_at(s, i, lex)
        if part:
            events.append(Event("participle", i, i, part, conj=True))
            i += 1
            continue
        verb = _verb_at(s, i, lex)
        if verb and _is_reporting_use(s, i, verb[1], lex):
            cue, n, conj = verb
            if i + n < len(toks) and _bare_participle(s, i + n, lex):
                n += 1  # وتابع قائلًا: the participle belongs to the cue
            events.append(Event("verb", i, i + n - 1, cue, conj=conj))
            i += n
            continue
        i += 1
    for e in events:
        first = toks[e.first]
        e.cue_start = first.start + (1 if e.conj and e.kind in ("verb", "source") else 0)
    return events


def _is_reporting_use(s: Sentence, i: int, n: int, lex: Lexicon) -> bool:
    toks = s.toks
    if lex.lang == "en":
        # "the said agreement", "has said": fine; "claims" as a noun is not in the table.
        prev = toks[i - 1].norm if i > 0 else ""
        return prev not in {"the", "a", "an", "to"}
    return True


def _participle_at(s: Sentence, i: int, lex: Lexicon) -> Cue | None:
    t = s.toks[i]
    cue = lex.participles.get(t.norm)
    if cue is None and t.norm[:1] == "و":
        cue = lex.participles.get(t.norm[1:])
    if cue is None:
        return None
    prev = s.toks[i - 1] if i > 0 else None
    return cue if prev is not None and (prev.raw in COMMAS or t.norm[:1] == "و") else None


def _speculation_at(s: Sentence, i: int, lex: Lexicon) -> int:
    """Tokens taken by 'amid speculation that' / 'وسط تكهنات حول' starting at i, or 0."""
    toks = s.toks
    j = i + _match(s, i, lex.speculation_lead, clitic=True)
    if j >= len(toks) or toks[j].norm not in lex.speculation_nouns:
        return 0
    if j == i and i > 0 and toks[i - 1].word:
        return 0  # a bare noun mid-clause is an object, not a frame
    j += 1
    while j < len(toks) and (k := _match(s, j, lex.speculation_adjectives)):
        j += k
    if j < len(toks) and toks[j].word:
        link = toks[j].norm
        if link in lex.speculation_links:
            return j + 1 - i
        if lex.lang == "ar" and link[:1] == "ب" and len(link) > 3:
            return j - i  # تكهنات بعقد قمة: the ب is the link, the noun the content
    return 0


# ----------------------------------------------------------------------------- sentence


def _sentence_claims(state: _ArticleState, s: Sentence) -> list[Claim]:
    if not _may_report(state.lex, s):
        return []
    question = _question(state, s)
    events = _find_events(state, s)
    if question is not None:
        events = [ev for ev in events if ev.first >= question.end]
    events = _independent(state, s, events)
    events = _drop_relays_of_sources(events)
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
    out = [c for c in claims if c is not None]
    out += _aside_claims(state, s, asides, dict(zip(map(id, events), claims, strict=True)))
    out.sort(key=lambda c: c.cue_span)
    for claim in out:
        if claim.speaker:
            state.remember(claim)
    return out


def _drop_relays_of_sources(events: list[Event]) -> list[Event]:
    """نقلت قناة “المسيرة” على لسان المتحدث ... أن: the channel only relays; the source
    phrase names who spoke, so the relaying verb gives no claim of its own."""
    out = []
    for k, ev in enumerate(events):
        nxt = events[k + 1] if k + 1 < len(events) else None
        relays = ev.kind == "verb" and ev.cue and ev.cue.lemma in ("نقل",)
        if relays and nxt is not None and nxt.kind == "source" and nxt.first - ev.last <= 8:
            continue
        out.append(ev)
    return out


def _sources_in_subject(state: _ArticleState, s: Sentence,
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
        np = _noun_phrase(state, s, ev.last + 1, verb.first, ev)
        if np is not None and np[1] < verb.first and toks[np[1]].raw in COMMAS:
            out[ev] = verb
    return out


def _aside_claims(state: _ArticleState, s: Sentence, asides: dict[Event, Event],
                  built: dict[int, Claim | None]) -> list[Claim]:
    out = []
    for ev, verb in asides.items():
        host = built.get(id(verb))
        np = _noun_phrase(state, s, ev.last + 1, verb.first, ev)
        if host is None or np is None:
            continue
        speaker = np[0]
        cue_span = (ev.cue_start, s.toks[ev.last].end)
        out.append(Claim(
            cue=state.text[cue_span[0]:cue_span[1]], cue_span=cue_span,
            content=host.content, content_span=host.content_span, lang=host.lang,
            speaker=speaker.name, speaker_span=speaker.span, role=speaker.role,
            speaker_kind=speaker.claim_kind, mention=speaker.name, mention_span=speaker.span,
            direct=host.direct, negated=host.negated, modality=host.modality,
            context=host.context, context_span=host.context_span, sentence_span=host.sentence_span,
        ))
    return out


def _may_report(lex: Lexicon, s: Sentence) -> bool:
    """Cheap test: does any word of the sentence open a report? Most sentences are narration."""
    triggers = lex.triggers
    for t in s.toks:
        if t.word and (t.norm in triggers or t.norm[:1] in _CONJ_CLITICS and
                       t.norm[1:] in triggers):
            return True
    return False


def _build_all(state: _ArticleState, s: Sentence, events: list[Event],
               question: Question | None) -> list[Claim | None]:
    claims: list[Claim | None] = []
    previous: Claim | None = None
    for k, ev in enumerate(events):
        limit = _limit(state, s, events, k + 1)
        prev_end = events[k - 1].last + 1 if k > 0 else 0
        q = question if question and question.end <= ev.first else None
        claim = _build(state, s, ev, limit=limit, prev_end=prev_end, question=q,
                       previous=previous)
        if claim is None and ev.kind == "verb" and k + 1 < len(events):
            # وقالت الصحيفة، نقلًا عن مسؤولين، إن ...: the source phrase is a parenthesis
            skip = _parenthesis(state, s, events[k + 1])
            if skip is not None:
                claim = _build(state, s, ev, limit=_limit(state, s, events, k + 2),
                               prev_end=prev_end, question=q, previous=previous, skip=skip)
        claims.append(claim)
        if claim is not None:
            previous = claim
            if q is not None:
                question = None
    return claims


def _limit(state: _ArticleState, s: Sentence, events: list[Event], k: int) -> int:
    """Where the content of the event before events[k] must end."""
    while k < len(events) and _parenthesis(state, s, events[k]) is not None and \
            k > 0 and events[k - 1].kind == "verb" and _follows_speaker(s, events[k - 1],
                                                                         events[k]):
        k += 1
    return _clause_start(state, s, events[k]) if k < len(events) else len(s.toks)


def _follows_speaker(s: Sentence, verb: Event, source: Event) -> bool:
    return verb.last < source.first and source.first - verb.last <= _MAX_NP_WORDS + 2


def _parenthesis(state: _ArticleState, s: Sentence, ev: Event) -> tuple[int, int] | None:
    """(comma before, token after) of ', نقلًا عن X،' when a clause intro follows it."""
    toks = s.toks
    if ev.kind != "source" or ev.first == 0 or toks[ev.first - 1].raw not in COMMAS:
        return None
    np = _noun_phrase(state, s, ev.last + 1, len(toks), ev)
    if np is None:
        return None
    j = np[1]
    if j < len(toks) and toks[j].raw in COMMAS:
        j += 1
    if j < len(toks) and _content_intro(state, s, j):
        return ev.first - 1, j
    return None


def _independent(state: _ArticleState, s: Sentence, events: list[Event]) -> list[Event]:
    """Drop cues nested in an earlier report of the same sentence (said that X announced...)."""
    out: list[Event] = []
    for ev in events:
        if not out or ev.conj or ev.kind in ("source", "participle"):
            out.append(ev)
            continue
        if _boundary_before(state, s, ev):
            out.append(ev)
    return out


def _boundary_before(state: _ArticleState, s: Sentence, ev: Event) -> bool:
    i = _skip_back_connectives(state, s, ev.first)
    if state.lex.lang == "en" and ev.kind == "verb":
        np_start = _np_before_start(state, s, i)
        if np_start is not None:
            i = np_start
    if i == 0:
        return True
    prev = s.toks[i - 1]
    if prev.raw in COMMAS or prev.raw in CLOSE_ONLY or prev.raw in ('"', ":", "؛"):
        return True
    return prev.norm in ("and", "but") or (prev.word and prev.norm in ("و", "ثم"))


def _skip_back_connectives(state: _ArticleState, s: Sentence, i: int) -> int:
    toks = s.toks
    while i > 0 and toks[i - 1].word:
        for p in state.lex.connectives:
            n = len(p)
            first = toks[i - n].norm if i - n >= 0 else ""
            if i - n >= 0 and toks[i - n].word and (
                    first == p[0] or first[:1] in _CONJ_CLITICS and first[1:] == p[0]) and \
                    _phrase_at(toks, i - n, p):
                i -= n
                break
        else:
            break
    return i


def _clause_start(state: _ArticleState, s: Sentence, ev: Event) -> int:
    """Token index where the clause of event `ev` begins: the content before it ends here."""
    i = ev.first
    if state.lex.lang == "en" and ev.kind == "verb":
        np_start = _np_before_start(state, s, i)
        if np_start is not None:
            i = np_start
    i = _skip_back_connectives(state, s, i)
    if state.lex.lang == "ar" and ev.kind != "participle":
        i = _back_over_short_clause(s, i)
    return i


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


# ----------------------------------------------------------------------------- building


def _build(state: _ArticleState, s: Sentence, ev: Event, *, limit: int, prev_end: int,
           question: Question | None, previous: Claim | None,
           skip: tuple[int, int] | None = None) -> Claim | None:
    if ev.kind == "speculation":
        return _speculation_claim(state, s, ev, limit)
    lex = state.lex
    cue_span = (ev.cue_start, s.toks[ev.last].end)
    before_np = None
    if lex.lang == "en" and ev.kind == "verb":
        before_np = _speaker_before(state, s, ev)
    if before_np is not None:
        speaker, listener, j = before_np, None, ev.last + 1
        if ev.cue and ev.cue.lemma == "tell":
            listener, j = _english_listener(state, s, j, limit)
        j = _skip_adverbials(state, s, j, limit)
    else:
        speaker, listener, j = _speaker_after(state, s, ev, limit)
    if skip is not None and j == skip[0]:
        j = skip[1]
    context = None
    if question is not None:
        context = question.context
        if speaker is None and question.speaker is not None:
            speaker = question.speaker
    if speaker is None and ev.kind == "verb" and lex.lang == "ar":
        before_np = _speaker_before(state, s, ev)
        speaker = before_np
    continued = speaker is None or speaker.kind == "pronoun"
    if speaker is not None and speaker.kind == "pronoun":
        speaker = _continuation(state, speaker.gender, previous=previous)
    elif speaker is None and ev.kind in ("verb", "participle"):
        gender = ev.cue.gender if ev.cue else None
        if question is not None and question.gender:
            gender = question.gender
        speaker = _continuation(state, gender, previous=previous)
    if speaker is None:
        return None
    # "According to X, ..." opens the sentence; "..., according to X." closes it.
    opens_clause = ev.kind == "source" and not any(t.word for t in s.toks[prev_end:ev.first])
    takes_object = bool(ev.cue and ev.cue.lemma in lex.object_lemmas and not continued)
    content = None
    if _quote_just_before(state, s, ev, before_np):
        content = _content_before(state, s, ev, prev_end, before_np, limit)
    if content is None:
        content = _content_after(state, s, j, limit, clause_after_comma=opens_clause,
                                 takes_object=takes_object)
    if content is None:
        content = _content_before(state, s, ev, prev_end, before_np, limit)
    if content is None:
        return None
    (c_start, c_end), direct = content
    if c_end <= c_start:
        return None
    text = state.text
    gender = speaker.gender or (ev.cue.gender if ev.cue and ev.cue.gender in ("m", "f") else None)
    negated = ev.cue.modality == "denial" or _negated(state, s, c_start, c_end)
    mention = None if continued and not (question and question.speaker is speaker) else speaker
    claim = Claim(
        cue=text[cue_span[0]:cue_span[1]],
        cue_span=cue_span,
        content=text[c_start:c_end],
        content_span=(c_start, c_end),
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
        modality=ev.cue.modality if ev.cue else "assertion",
        context=text[context[0]:context[1]] if context else None,
        context_span=context,
        sentence_span=(s.start, s.end),
        gender=gender,
    )
    return claim


def _speculation_claim(state: _ArticleState, s: Sentence, ev: Event, limit: int) -> Claim | None:
    toks = s.toks
    start = ev.last + 1
    if toks[ev.last].norm[:1] == "ب" and toks[ev.last].norm not in state.lex.speculation_links:
        start = ev.last  # the ب-noun itself opens the content
    end = start
    while end < limit and toks[end].raw not in COMMAS and toks[end].raw not in TERMINATORS:
        end += 1
    span = _trim(state.text, s, start, end)
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
        negated=_negated(state, s, c_start, c_end),
        modality="speculation",
        sentence_span=(s.start, s.end),
    )


# ----------------------------------------------------------------------------- speakers


def _speaker_after(state: _ArticleState, s: Sentence, ev: Event, limit: int):
    """The speaker named after the cue (verb-first Arabic, 'said Peskov', 'according to X').

    Returns (speaker or None, listener or None, token index where the content may begin).
    """
    lex, toks = state.lex, s.toks
    j = ev.last + 1
    if ev.kind == "participle":
        return None, None, j
    j = _skip_adverbials(state, s, j, limit)
    listener = None
    if ev.kind == "verb" and lex.lang == "en" and ev.cue and ev.cue.lemma == "tell":
        listener, j = _english_listener(state, s, j, limit)
    np = _noun_phrase(state, s, j, limit, ev)
    if np is None:
        listener2, j2 = _listener(state, s, j, limit)
        if listener2:
            return None, listener2, _skip_adverbials(state, s, j2, limit)
        return None, listener, j
    speaker, j = np
    relays = ev.cue and ev.cue.lemma in lex.relay_lemmas
    if relays and j < limit and toks[j].norm == lex.relay_marker:
        relayed = _noun_phrase(state, s, j + 1, limit, ev)
        if relayed:
            speaker, j = relayed
            while j < limit and toks[j].norm in lex.relay_saying:
                j += 1
    j = _skip_adverbials(state, s, j, limit)
    if listener is None:
        listener, j = _listener(state, s, j, limit)
        if listener is None:
            listener, j = _named_listener(state, s, j, limit)
        j = _skip_adverbials(state, s, j, limit)
    if speaker.gender is None and ev.cue and ev.cue.gender in ("m", "f") and lex.lang == "ar":
        speaker.gender = ev.cue.gender
    return speaker, listener, j


def _bare_participle(s: Sentence, j: int, lex: Lexicon) -> bool:
    t = s.toks[j]
    return t.word and t.norm in lex.participles


def _source_slot_end(state: _ArticleState, s: Sentence, j: int) -> int:
    # وفقًا لما ذكرته X / بحسب ما يتداوله X: after ما the verb of the relative clause comes,
    # known to the lexicon or not; it belongs to the cue.
    toks = s.toks
    if state.lex.lang != "ar" or j >= len(toks) or not toks[j].word:
        return j
    verb = _verb_at(s, j, state.lex)
    if verb:
        return j + verb[1]
    if toks[j - 1].norm in ("ما", "لما", "حسبما", "كما"):
        return j + 1
    return j


def _skip_adverbials(state: _ArticleState, s: Sentence, j: int, limit: int) -> int:
    """Skip time and occasion words (اليوم الأربعاء، في بيان، on Tuesday) and their commas."""
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
        if not _is_adverbial_start(state, s, j):
            return j
        that = _that_ahead(state, s, j, limit)
        if that is not None:
            return that  # "said in a note published on Monday that ..."
        opened_by_comma = j > 0 and toks[j - 1].raw in COMMAS
        start = j
        j += 1
        while j < limit and toks[j].word and not _ends_adverbial(state, s, j, limit):
            j += 1
        bounded = opened_by_comma and j < limit and toks[j].raw in COMMAS
        if j - start > (14 if bounded else 7):
            return start  # ran on without an end: not an adverbial after all
        if j + 1 < limit and toks[j].raw in COMMAS and (
                opened_by_comma or _content_intro(state, s, j + 1)):
            j += 1  # "، في بيان، مقتل جندي": the parenthesis closes with its comma
    return j


def _parenthesis_close(state: _ArticleState, s: Sentence, j: int, limit: int) -> int | None:
    """Index of the comma closing a participial aside that starts at token j, if it is one."""
    toks, lex = s.toks, state.lex
    t = toks[j]
    if not t.word or t.norm in lex.participles or _verb_at(s, j, lex):
        return None
    if lex.lang == "ar":
        aside = t.norm.endswith("ا") and len(t.norm) >= 4 and not t.norm.startswith("ال")
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


def _that_ahead(state: _ArticleState, s: Sentence, j: int, limit: int) -> int | None:
    """English: the "that" closing a short run of adverbials, if one does."""
    if state.lex.lang != "en":
        return None
    for k in range(j, min(limit, j + 8)):
        t = s.toks[k]
        if not t.word and t.raw != "'":
            return None
        if t.norm == "that":
            return k
    return None


def _is_adverbial_start(state: _ArticleState, s: Sentence, j: int) -> bool:
    lex, toks = state.lex, s.toks
    if j >= len(toks) or not toks[j].word:
        return False
    norm = toks[j].norm
    if norm in lex.np_stops:
        return True
    if _match(s, j, lex.connectives) and lex.lang == "ar":
        return True
    return norm in ("في", "and") and j + 1 < len(toks) and _is_occasion(toks[j + 1].norm, lex)


def _is_occasion(norm: str, lex: Lexicon) -> bool:
    # في بيان، في مؤتمره الصحفي، في تصريحاتها: the noun may carry a pronoun
    return any(norm[:len(norm) - n] in lex.occasions for n in (0, 1, 2) if len(norm) - n >= 3)


def _ends_adverbial(state: _ArticleState, s: Sentence, j: int, limit: int) -> bool:
    lex, t = state.lex, s.toks[j]
    if t.norm in lex.clause_complementizers or _listener_head(state, s, j):
        return True
    if _is_preposition(t, lex) and not _complementizer_ahead(state, s, j + 1, limit):
        return True  # "في بيانها على ضرورة ...": the preposition opens the content
    if lex.lang == "ar" and (t.norm in lex.object_starts or t.norm == "ما"):
        return True  # "في بيان ما تداولته وسائل الإعلام": the object begins
    if lex.lang == "en":
        # "on Tuesday", "in a statement": stop at the first word that is not part of it
        return not (t.raw[:1].isupper() or t.norm in lex.np_stops or t.norm in
                    {"a", "an", "the", "news", "press", "statement", "interview", "conference",
                     "briefing", "speech", "televised", "address", "call", "meeting", "post",
                     "message", "letter", "session", "with", "of", "to"} or t.norm.isdigit())
    return False


def _listener_head(state: _ArticleState, s: Sentence, j: int) -> bool:
    lex, t = state.lex, s.toks[j]
    if lex.lang != "ar" or not t.word:
        return False
    if t.norm == "ل":
        return True
    return t.norm[:1] == "ل" and (t.norm[1:] in lex.listeners or "ال" + t.norm[2:] in lex.listeners
                                  if t.norm.startswith("لل") else t.norm[1:] in lex.listeners)


def _listener(state: _ArticleState, s: Sentence, j: int, limit: int):
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
    return (state.text[start:end], (start, end)), k


def _named_listener(state: _ArticleState, s: Sentence, j: int, limit: int):
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


def _english_listener(state: _ArticleState, s: Sentence, j: int, limit: int):
    """'told reporters', 'told AFP', 'told the BBC': the one spoken to."""
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
    if k == j or not toks[k - 1].word or toks[k - 1].norm in ("the", "a", "an"):
        return None, j
    start, end = toks[j].start, toks[k - 1].end
    return (state.text[start:end], (start, end)), k


def _noun_phrase(state: _ArticleState, s: Sentence, j: int, limit: int, ev: Event):
    """The speaker's noun phrase starting at token j, with an apposition role after it."""
    lex, toks = state.lex, s.toks
    if j >= limit or not toks[j].word:
        if j < limit and s.quote_opening_at(j) and ev.kind != "verb":
            return _quoted_name(state, s, j)
        return None
    if toks[j].norm in lex.clause_complementizers or _is_preposition(toks[j], lex):
        return None
    if _listener_head(state, s, j):
        return None
    if lex.lang == "en" and toks[j].norm in lex.pronouns:
        return Speaker(toks[j].raw, (toks[j].start, toks[j].end), kind="pronoun",
                       gender=_pronoun_gender(toks[j].norm)), j + 1
    if lex.lang == "en" and ev.kind != "source" and not _english_np_word(toks[j], lex, first=True):
        return None
    first_word = toks[j].norm
    if ev.kind == "source" and lex.lang == "ar" and lex.attached_prefix and \
            first_word.startswith(lex.attached_prefix) and first_word not in ("لما",) and \
            len(first_word) > 2 and (first_word, ) not in lex.verbs:
        attached = 1  # وفقًا لوزارة الخارجية: the ل belongs to the cue
    else:
        attached = 0
    k = j
    words = 0
    while k < limit:
        t = toks[k]
        if not t.word:
            q = s.quote_opening_at(k)
            if q and words and _alias_quote_ok(state, s, j, q, limit):
                k = q[1] + 1  # هيئة النقل الجوي “روسافياتسيا”: an alias in quotes
                continue
            if _joins_word(s, k) and words:
                k += 2  # Eul-chul, يول-تشول: one name across the hyphen
                words += 1
                continue
            close = _bracket_alias_end(s, k, limit) if words else None
            if close is not None:
                k = close + 1  # الاتحاد الأفريقي لكرة القدم (كاف)
                continue
            break
        if words and _np_ends_at(state, s, k, limit, ev):
            break
        if lex.lang == "en" and (t.norm in _EN_CLAUSE_WORDS or t.norm in lex.np_stops
                                 and not t.raw[:1].isupper()):
            break
        words += 1
        k += 1
        if words > _MAX_NP_WORDS:
            return None
    if words == 0:
        return None
    k = _known_name_end(state, s, j, k)
    start = toks[j].start + attached
    end = toks[k - 1].end if toks[k - 1].word or toks[k - 1].raw in "”»\")" else toks[k - 2].end
    speaker = _speaker_from_np(state, s, j, k, start, end)
    if speaker is None:
        return None
    if attached and first_word.startswith("لل") and speaker.span[0] == start:
        # وفقًا للأمم المتحدة: ل + الأمم, whose alef the script drops; name it as it is named
        speaker.name = "ا" + speaker.name
    k = _apposition(state, s, k, limit, speaker)
    return speaker, k


def _known_name_end(state: _ArticleState, s: Sentence, j: int, k: int) -> int:
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


def _joins_word(s: Sentence, k: int) -> bool:
    toks = s.toks
    return (toks[k].raw in ("-", "‑", "'", "’") and 0 < k < len(toks) - 1
            and toks[k - 1].end == toks[k].start and toks[k].end == toks[k + 1].start
            and toks[k + 1].word)


def _alias_quote_ok(state: _ArticleState, s: Sentence, j: int, q: tuple[int, int],
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
        or _listener_head(state, s, q[1] + 1) or t.norm in lex.np_stops


def _quoted_name(state: _ArticleState, s: Sentence, j: int):
    o, c = s.quote_opening_at(j)
    if c - o > 5:
        return None
    start, end = s.toks[o + 1].start, s.toks[c - 1].end
    return Speaker(state.text[start:end], (start, end), kind="name"), c + 1


def _np_ends_at(state: _ArticleState, s: Sentence, k: int, limit: int, ev: Event) -> bool:
    lex, t = state.lex, s.toks[k]
    norm = t.norm
    if norm in lex.clause_complementizers:
        return True
    if ev.cue and ev.cue.lemma in lex.relay_lemmas and (
            norm == lex.relay_marker or norm in lex.relay_saying):
        return True
    if _listener_head(state, s, k) or _is_adverbial_start(state, s, k):
        return True
    if _is_preposition(t, lex):
        # "أشار الوزير إلى أن": ends; "قال المسؤول عن الملف إن": part of the phrase
        nxt = s.toks[k + 1] if k + 1 < limit else None
        if nxt is not None and nxt.norm in lex.clause_complementizers:
            return True
        return not _complementizer_ahead(state, s, k + 1, limit)
    if norm in lex.object_starts or norm in lex.participles:
        return True
    return bool(lex.lang == "ar" and _verb_at(s, k, lex))


def _is_preposition(t: Tok, lex: Lexicon) -> bool:
    # Folding writes على (on) and the name علي alike; the alef maqsura tells them apart.
    return t.norm in lex.prepositions and not (t.norm == "علي" and t.raw.endswith("ي"))


def _complementizer_ahead(state: _ArticleState, s: Sentence, k: int, limit: int) -> bool:
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
    if t.norm in _EN_NP_MODIFIERS or (first and t.norm in ("the", "a", "an")):
        return True
    return not first and t.norm in lex.np_links


def _apposition(state: _ArticleState, s: Sentence, k: int, limit: int, speaker: Speaker) -> int:
    """What stands between commas after the speaker's noun phrase: a role after a name
    (', the Kremlin spokesman,' / '، المتحدثة باسم وزارة الخارجية الروسية،') or a name after
    a title ('، يلينا فورونينا،' after المتحدثة باسم الخارجية). Updates `speaker`."""
    lex, toks = state.lex, s.toks
    if k >= limit or toks[k].raw not in COMMAS:
        return k
    m = k + 1
    start = m
    while m < limit and toks[m].raw not in COMMAS and toks[m].norm not in \
            lex.clause_complementizers and toks[m].raw not in TERMINATORS and m - start < 14:
        m += 1
    if m == start:
        return k
    if _is_title(state, s, speaker):
        name = _bare_name(state, s, start, m)
        if name is None:
            return k
        title = speaker.name
        speaker.name, speaker.span, speaker.kind = state.text[name[0]:name[1]], name, "name"
        speaker.role = title
        return m + 1 if m < limit and toks[m].raw in COMMAS else m
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


def _is_title(state: _ArticleState, s: Sentence, speaker: Speaker) -> bool:
    """A noun phrase that names no one: a role, or (Arabic) a phrase with ال-words in it."""
    if speaker.kind == "role":
        return True
    if speaker.kind != "name" or state.lex.lang != "ar":
        return False
    return any(w.startswith("ال") for w in _tokens_of(speaker.name))


def _bare_name(state: _ArticleState, s: Sentence, start: int, end: int) -> Span | None:
    """Span of a personal name filling toks[start:end] (after an honorific), else None."""
    lex, toks = state.lex, s.toks
    words_ = [x for x in range(start, end) if toks[x].word]
    if words_ and toks[words_[0]].norm in lex.honorifics:
        words_ = words_[1:]
    if not 1 <= len(words_) <= 4 or any(not toks[x].word for x in range(words_[0], end)
                                         if not _joins_word(s, x)):
        return None
    for x in words_:
        norm = toks[x].norm
        if lex.lang == "en" and not toks[x].raw[:1].isupper() and not _joins_word(s, x - 1):
            return None
        if lex.lang == "ar" and (norm.startswith(("ال", "لل")) and x == words_[0]
                                 or norm in lex.np_stops or norm in lex.np_links
                                 or _verb_at(s, x, lex)):
            return None
    return toks[words_[0]].start, toks[words_[-1]].end


def _is_role_phrase(state: _ArticleState, s: Sentence, i: int) -> bool:
    lex, toks = state.lex, s.toks
    if lex.lang == "ar":
        return toks[i].word and toks[i].norm in lex.roles
    # ", the city engineer," / ", a professor at Kyungnam University,": a determiner opens it
    segment = []
    for t in toks[i:]:
        if t.raw in COMMAS or t.raw in TERMINATORS or is_quote_mark(t):
            break
        segment.append(t)
    words_ = [t.norm for t in segment if t.word]
    opens = words_[:1] and (words_[0] in ("the", "a", "an") or words_[0] in lex.roles)
    return 1 < len(words_) <= 9 and bool(opens) and not any(
        w in _EN_CLAUSE_WORDS for w in words_)


def _speaker_from_np(state: _ArticleState, s: Sentence, j: int, k: int, start: int,
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
    head = toks[words_[0]].norm
    if lex.lang == "en" and head in ("the", "a", "an") and len(words_) > 1:
        words_ = words_[1:]
        start = toks[words_[0]].start
        head = toks[words_[0]].norm
    if lex.lang == "ar" and head[:1] in _CONJ_CLITICS and head[1:] in lex.roles | lex.bodies:
        head = head[1:]
    is_role = head in lex.roles
    is_body = head in lex.bodies
    gender = "f" if head in lex.feminine_roles else None
    if lex.lang == "en":
        return _english_speaker(state, s, words_, start, end, gender)
    if not is_role and not is_body:
        return Speaker(text[start:end], (start, end), gender=gender)
    name_from = _name_start(state, s, words_)
    if is_role and name_from is not None:
        role_words = words_[:words_.index(name_from)]
        while len(role_words) > 1 and toks[role_words[-1]].norm in lex.honorifics:
            role_words.pop()  # الخبير الاقتصادي | الدكتور | سامي النجار
        role_end = toks[role_words[-1]].end
        return Speaker(text[toks[name_from].start:end], (toks[name_from].start, end),
                       role=text[start:role_end], gender=gender)
    return Speaker(text[start:end], (start, end), gender=gender,
                   kind="role" if is_role else "body", role=text[start:end] if is_role else None)


def _document_issuer(state: _ArticleState, s: Sentence, words_: list[int]) -> list[int] | None:
    """The words naming who issued a document the phrase cites, if it cites one."""
    lex, toks = state.lex, s.toks
    norms = [toks[x].norm for x in words_]
    if lex.lang == "en":
        for i, n in enumerate(norms[:-2]):
            if n in lex.documents and norms[i + 1] in ("from", "by", "of"):
                rest = words_[i + 2:]
                return rest[1:] if toks[rest[0]].norm == "the" and len(rest) > 1 else rest
        return None
    head = norms[0][1:] if norms[0][:1] == "ل" and norms[0][1:] in lex.documents else norms[0]
    if len(norms) > 1 and head in lex.documents:
        nxt = norms[1]
        if nxt.startswith("ال") or nxt in lex.bodies or nxt in lex.roles:
            return words_[1:]
    return None


def _name_start(state: _ArticleState, s: Sentence, words_: list[int]) -> int | None:
    # After a role head and its ال-complements, the first bare word starts the name:
    # وزير الخارجية الروسي | سيرغي لافروف.
    lex, toks = state.lex, s.toks
    previous = toks[words_[0]].norm
    for x in words_[1:]:
        norm = toks[x].norm
        bare = norm[1:] if norm[:1] == "و" and norm[1:3] == "ال" else norm  # والتخطيط
        if bare.startswith(("ال", "لل")) or norm in lex.np_links or \
                norm in lex.roles or norm in lex.bodies or norm in lex.honorifics:
            previous = bare
            continue
        # A bare word after another bare noun is its complement (جامعة بغداد), and a nisba
        # after an indefinite title its adjective (مسؤول أمني): neither starts a name.
        after_title = previous.startswith(("ال", "لل")) or previous in lex.roles or \
            previous in lex.honorifics
        nisba = norm.endswith(("ي", "يه")) and not previous.startswith("ال")
        if after_title and not nisba:
            return x
        previous = norm
    return None


def _english_speaker(state: _ArticleState, s: Sentence, words_: list[int], start: int, end: int,
                     gender: str | None) -> Speaker:
    lex, toks, text = state.lex, s.toks, state.text
    norms = [toks[x].norm for x in words_]
    if any(n in lex.feminine_roles for n in norms):
        gender = "f"
    elif any(n in ("spokesman", "chairman", "king", "prince", "mr") for n in norms):
        gender = "m"
    last_role = max((i for i, n in enumerate(norms) if _en_role(n, lex)), default=None)
    if last_role is not None and last_role + 1 < len(words_):
        name_toks = words_[last_role + 1:]
        if all(toks[x].raw[:1].isupper() or _joins_word(s, x - 1) for x in name_toks):
            n_start = toks[name_toks[0]].start
            role_end = toks[words_[last_role]].end
            return Speaker(text[n_start:end], (n_start, end), role=text[start:role_end],
                           gender=gender)
    if last_role is not None and all(n in lex.roles or n in lex.np_links or
                                     not toks[x].raw[:1].isupper()
                                     for n, x in zip(norms, words_, strict=True)):
        return Speaker(text[start:end], (start, end), role=text[start:end], gender=gender,
                       kind="role")
    kind = "body" if any(n in lex.bodies for n in norms) else "name"
    return Speaker(text[start:end], (start, end), gender=gender, kind=kind)


def _en_role(norm: str, lex: Lexicon) -> bool:
    # "prosecutors", "officials": plurals of role words too
    return norm in lex.roles or norm.endswith("s") and norm[:-1] in lex.roles


def _pronoun_gender(norm: str) -> str | None:
    return {"he": "m", "she": "f", "they": "p", "it": "b", "we": "p"}.get(norm)


def _np_before_start(state: _ArticleState, s: Sentence, i: int) -> int | None:
    span = _np_before(state, s, i)
    return span[0] if span else None


def _np_before(state: _ArticleState, s: Sentence, i: int) -> tuple[int, int] | None:
    """Token span of an English subject noun phrase standing before token i, if any.

    The phrase runs back to the clause boundary (sentence start, comma, quote, "and"), may
    hold lower-case words ("the central bank"), but no word that makes it a clause. Between
    it and the cue may stand auxiliaries ("has repeatedly"), an apposition (", the Kremlin
    spokesman,") or a parenthesis (", speaking on condition of anonymity,").
    """
    lex, toks = state.lex, s.toks
    k = i
    while k > 0 and toks[k - 1].word and toks[k - 1].norm in lex.auxiliaries | _EN_ADVERBS:
        k -= 1
    end = k
    if k > 0 and toks[k - 1].raw in COMMAS:
        m = k - 2
        while m >= 0 and toks[m].raw not in COMMAS and not is_quote_mark(toks[m]):
            m -= 1
        if m < 0 or toks[m].raw not in COMMAS:
            return None
        if _bare_name(state, s, m + 1, k - 1) and _np_before(state, s, m) is not None:
            return m + 1, k - 1  # "Her attorney, David Ochoa, said"
        if not (_is_role_phrase(state, s, m + 1) or _is_parenthesis(toks[m + 1])):
            return None
        k = end = m
    m = k
    while m > 0 and k - m <= 7:
        prev = toks[m - 1]
        if prev.word and prev.norm not in _EN_CLAUSE_JOINERS or _joins_word(s, m - 1) or \
                _initial_dot(toks, m - 1) or _attached_sign(toks, m - 1):
            m -= 1
        else:
            break
    if m == k or k - m > 7:
        return None
    phrase = toks[m:k]
    if len(phrase) == 1 and phrase[0].norm in lex.pronouns:
        return m, end
    if any(t.norm in _EN_CLAUSE_WORDS or t.norm in lex.pronouns for t in phrase if t.word):
        return None
    first = phrase[0]
    if first.raw[:1].isupper() or first.norm in _EN_DETERMINERS or _en_role(first.norm, lex) \
            or first.norm in lex.bodies or first.norm in _EN_NP_MODIFIERS:
        return m, end
    return None


def _attached_sign(toks: list[Tok], k: int) -> bool:
    # OPEC+, AT&T: a sign glued to the word before it
    return toks[k].raw in "+&" and k > 0 and toks[k - 1].word and toks[k - 1].end == toks[k].start


def _initial_dot(toks: list[Tok], k: int) -> bool:
    # the dots of U.S. and U.N.
    return toks[k].raw == "." and k > 0 and len(toks[k - 1].raw) == 1 and toks[k - 1].raw.isupper()


def _is_parenthesis(t: Tok) -> bool:
    # ", speaking on condition of anonymity," / ", who declined to be named,"
    return t.word and (t.norm.endswith("ing") or t.norm in ("who", "citing"))


def _speaker_before(state: _ArticleState, s: Sentence, ev: Event) -> Speaker | None:
    """The subject before the cue: 'Peskov said', 'فلان قال إن'."""
    lex, toks = state.lex, s.toks
    if lex.lang == "en":
        span = _np_before(state, s, ev.first)
        if span is None:
            return None
        m, end = span
        if toks[m].norm in lex.pronouns:
            return Speaker(toks[m].raw, (toks[m].start, toks[m].end), kind="pronoun",
                           gender=_pronoun_gender(toks[m].norm))
        speaker = _speaker_from_np(state, s, m, end, toks[m].start, toks[end - 1].end)
        if speaker is not None and end < ev.first and toks[end].raw in COMMAS:
            _apposition(state, s, end, ev.first, speaker)
        if speaker is not None and m > 0 and toks[m - 1].raw in COMMAS and not speaker.role:
            title = _np_before(state, s, m - 1)
            if title is not None:  # the title before "Her attorney, David Ochoa,"
                speaker.role = state.text[toks[title[0]].start:toks[title[1] - 1].end]
        return speaker
    if ev.conj:
        return None
    end = ev.first
    while end > 0 and toks[end - 1].word and toks[end - 1].norm in lex.auxiliaries:
        end -= 1  # الوكالة قد ذكرت
    m, n_words = end, 0
    while m > 0 and toks[m - 1].raw not in COMMAS and toks[m - 1].raw not in TERMINATORS:
        m -= 1
        n_words += toks[m].word
        if n_words > 8:
            return None
    while m < end and (not toks[m].word and not s.quote_opening_at(m) or
                       toks[m].norm in lex.auxiliaries or _match(s, m, lex.connectives)):
        m += max(1, _match(s, m, lex.connectives))  # وكانت الوكالة ... / لكنه حذر
    if m >= end or not toks[m].word:
        return None
    if _is_preposition(toks[m], lex) or toks[m].norm in lex.clause_complementizers or \
            any(_verb_at(s, x, lex) for x in range(m, end)):
        return None
    return _speaker_from_np(state, s, m, end, toks[m].start, toks[end - 1].end)


def _continuation(state: _ArticleState, gender: str | None, *,
                  previous: Claim | None) -> Speaker | None:
    """The earlier speaker that 'وأضاف' / 'she added' continues, agreeing in gender."""
    candidates = []
    if previous is not None and previous.speaker:
        kind = {"person": "name"}.get(previous.speaker_kind, previous.speaker_kind)
        candidates.append(Speaker(previous.speaker, previous.speaker_span, previous.role,
                                  previous.gender, kind))
    candidates += [sp for sp, _ in state.recent]
    distinct: list[Speaker] = []
    for sp in candidates:
        if all(sp.name != d.name for d in distinct):
            distinct.append(sp)
    # "She added" after a man of unknown gender and a spokeswoman: the spokeswoman.
    marked = gender in ("m", "f")
    chosen = next((sp for sp in distinct[:2] if marked and sp.gender == gender), None)
    if chosen is None:
        chosen = next((sp for sp in distinct if not marked or sp.gender in (None, gender)), None)
    if chosen is None:
        return None
    return Speaker(chosen.name, chosen.span, chosen.role, chosen.gender, kind=chosen.kind)


# ----------------------------------------------------------------------------- questions


def _question(state: _ArticleState, s: Sentence) -> Question | None:
    """'وعند سؤال X عن Y، أجاب' / 'Asked whether Y, X said': who was asked, and about what."""
    lex, toks = state.lex, s.toks
    i = 0
    while i < len(toks) and toks[i].word and _match(s, i, lex.connectives, clitic=True):
        i += _match(s, i, lex.connectives, clitic=True)
    n = _match(s, i, lex.question_heads, clitic=True)
    if not n:
        return _topic(state, s, i)
    head_last = toks[i + n - 1].norm
    gender = "f" if head_last.endswith(("ها", "ت")) else ("m" if head_last.endswith("ه") else None)
    j = i + n
    speaker = None
    k = j
    while k < len(toks) and not _match(s, k, lex.question_about) and toks[k].raw not in \
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
        speaker = _speaker_from_np(state, s, j, np_end, start, end)
        if speaker is not None and speaker.kind == "role":
            speaker = None
    about = _match(s, k, lex.question_about)
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


def _topic(state: _ArticleState, s: Sentence, i: int) -> Question | None:
    """'وحول ما يتداول بشأن سلالة جديدة، قالت ...': a topic fronted before the report."""
    toks = s.toks
    n = _match(s, i, state.lex.question_topics, clitic=True)
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


# ----------------------------------------------------------------------------- content


def _content_intro(state: _ArticleState, s: Sentence, j: int) -> bool:
    if j >= len(s.toks):
        return False
    t = s.toks[j]
    return t.norm in state.lex.clause_complementizers or t.raw == ":" or bool(s.quote_opening_at(j))


def _content_after(state: _ArticleState, s: Sentence, j: int, limit: int, *,
                   clause_after_comma: bool = False, takes_object: bool = False):
    """Content introduced after the cue and speaker: ((start, end), direct) or None."""
    lex, toks = state.lex, s.toks
    if j < limit and toks[j].raw in COMMAS and j + 1 < limit and (
            clause_after_comma or _content_intro(state, s, j + 1)):
        j += 1
        if clause_after_comma and not _content_intro(state, s, j):
            end = _stops_content(state, s, j, limit)
            span = _trim(state.text, s, j, end if end is not None else limit)
            return (span, False) if span else None
    if j >= limit:
        return None
    t = toks[j]
    if _is_preposition(t, lex) and j + 1 < limit and \
            toks[j + 1].norm in lex.clause_complementizers:
        j += 1
        t = toks[j]
    if t.norm in lex.clause_complementizers:
        start = j + 1  # أنها نشرت: the content starts after the pronoun, which is its subject
    elif t.raw == ":":
        start = j + 1
    elif s.quote_opening_at(j):
        start = j
    elif _is_preposition(t, lex):
        start = j + 1
    elif lex.lang == "en" and t.word and t.norm not in lex.np_stops:
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
        if not rest or _stops_content(state, s, end_after_quote, limit) is not None:
            return _inside_quote(state.text, toks[q[0]].end, toks[q[1]].start), True
    end = _stops_content(state, s, start, limit)
    span = _trim(state.text, s, start, end if end is not None else limit)
    if span is None:
        return None
    return span, False


def _stops_content(state: _ArticleState, s: Sentence, start: int, limit: int) -> int | None:
    """Where the narrator takes over again: ', لكنها ...', ', but ...'."""
    toks = s.toks
    for k in range(start + 1, limit):
        if toks[k].raw in COMMAS and not s.in_quote(k):
            nxt = k + 1
            if nxt < limit and toks[nxt].word and _match(s, nxt, state.lex.content_stops):
                return k
            if nxt >= limit or not any(t.word for t in toks[nxt:limit]):
                return k
    return None


def _content_before(state: _ArticleState, s: Sentence, ev: Event, prev_end: int,
                    before_np: Speaker | None, limit: int):
    """'"...," Peskov said.' / '..., according to X.' / '...، وفقًا للوزارة.': content first."""
    toks = s.toks
    if state.lex.lang == "ar" and ev.kind == "verb" and (
            ev.conj or ev.first == 0 or toks[ev.first - 1].raw not in COMMAS | CLOSE_ONLY):
        return None  # "، قال الوزير." closes a report; "واعترفت بمقتل ..." does not
    end = ev.first
    if before_np is not None:
        end = next(i for i, t in enumerate(toks) if t.start >= before_np.span[0])
        if state.lex.lang == "en":
            m = _np_before_start(state, s, ev.first)
            end = m if m is not None else end
    if not _nothing_said_after(state, s, ev, limit):
        return None  # something follows the cue that was not understood: leave it
    k = end
    while k > prev_end and not toks[k - 1].word and toks[k - 1].raw not in CLOSE_ONLY | {'"'}:
        k -= 1
    for o, c in s.quotes:
        if c == k - 1 and o >= prev_end:
            return _inside_quote(state.text, toks[o].end, toks[c].start), True
    span = _trim(state.text, s, prev_end, k)
    if span is None:
        return None
    return span, False


def _quote_just_before(state: _ArticleState, s: Sentence, ev: Event,
                       before_np: Speaker | None) -> bool:
    """'"...," Park told a news conference after the decision': the quote is the content."""
    toks = s.toks
    first = ev.first
    if before_np is not None and state.lex.lang == "en":
        first = _np_before_start(state, s, ev.first) or first
    k = first
    while k > 0 and toks[k - 1].raw in COMMAS:
        k -= 1
    return k > 0 and any(c == k - 1 for _, c in s.quotes) or \
        k > 1 and toks[k - 1].raw in COMMAS and any(c == k - 2 for _, c in s.quotes)


def _nothing_said_after(state: _ArticleState, s: Sentence, ev: Event, limit: int) -> bool:
    """After the cue (and a speaker, listener or adverbials) nothing reported follows:
    '"...," Ochoa told reporters outside the courthouse.' / '...، قال الوزير.'"""
    toks = s.toks
    j = ev.last + 1
    if state.lex.lang == "en" and ev.cue and ev.cue.lemma == "tell":
        _, j = _english_listener(state, s, j, limit)
    np = _noun_phrase(state, s, j, limit, ev)
    j = np[1] if np else j
    j = _skip_adverbials(state, s, j, limit)
    rest = [t for t in toks[j:limit] if t.word]
    if not rest:
        return True
    if state.lex.lang != "en" or s.quote_opening_at(j) or toks[j].raw == ":":
        return False
    # English: an adverbial tail ("after the decision", "separately") says nothing itself
    return not any(t.norm in _EN_CLAUSE_WORDS for t in rest)


def _inside_quote(text: str, start: int, end: int) -> Span:
    # '"We are not going," he said': the comma belongs to the sentence, not the quote
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",،;؛"):
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _trim(text: str, s: Sentence, start: int, end: int) -> Span | None:
    toks = s.toks
    while start < end and not toks[start].word and not s.quote_opening_at(start):
        start += 1
    while end > start and not toks[end - 1].word and toks[end - 1].raw not in \
            ("”", "»", '"', "’", ")", "%"):
        end -= 1
    if end <= start or not any(t.word for t in toks[start:end]):
        return None
    return toks[start].start, toks[end - 1].end


# ----------------------------------------------------------------------------- negation


def _negated(state: _ArticleState, s: Sentence, start: int, end: int) -> bool:
    lex = state.lex
    toks = [t for t in s.toks if start <= t.start and t.end <= end]
    probe = Sentence(toks, [], start, end)
    firsts = lex.negation_firsts
    for i, t in enumerate(toks):
        if not t.word or not (t.norm in firsts or t.norm[1:] in firsts or t.norm == "t"):
            continue
        if _match(probe, i, lex.not_negation, clitic=True):
            continue
        if _match(probe, i, lex.negator_phrases, clitic=True):
            return True
        norm = t.norm
        if lex.lang == "ar" and norm[:1] in _CONJ_CLITICS and norm[1:] in lex.negators:
            norm = norm[1:]
        if norm in lex.negators:
            return True
        if lex.lang == "en" and norm == "t" and i > 0 and toks[i - 1].raw in ("'", "’"):
            return True
    return False


# ----------------------------------------------------------------------------- headline


def _headline_claim(state: _ArticleState, start: int, end: int) -> Claim | None:
    """The headline convention 'SPEAKER: content' on the article's first line."""
    text = state.text
    line = text[start:end]
    colon = re.search(r"[:：]", line)
    if colon is None or len(WORD_RE.findall(line)) > _HEADLINE_MAX_WORDS:
        return None
    left_end = start + colon.start()
    left_words = list(WORD_RE.finditer(text, start, left_end))
    if not 1 <= len(left_words) <= 5 or line.rstrip()[-1:] == ".":
        return None
    toks = tokenize(text, start, end)
    s = Sentence(toks, pair_quotes(toks, text), start, end)
    colon_tok = next(i for i, t in enumerate(toks) if t.start == left_end)
    speaker = _speaker_from_np(state, s, 0, colon_tok, toks[0].start, toks[colon_tok - 1].end)
    if speaker is None:
        return None
    span = _trim(text, s, colon_tok + 1, len(toks))
    if span is None:
        return None
    direct = False
    q = s.quote_opening_at(colon_tok + 1)
    if q and q[1] == len(toks) - 1:
        span, direct = (toks[q[0]].end, toks[q[1]].start), True
    return Claim(
        cue=text[left_end:left_end + 1], cue_span=(left_end, left_end + 1),
        content=text[span[0]:span[1]], content_span=span, lang=state.lex.lang,
        speaker=speaker.name, speaker_span=speaker.span, role=speaker.role,
        speaker_kind=speaker.claim_kind, mention=speaker.name, mention_span=speaker.span,
        direct=direct,
        negated=_negated(state, s, *span), modality="assertion", sentence_span=(start, end),
        gender=speaker.gender,
    )


# ----------------------------------------------------------------------------- names


def _resolve_names(claims: list[Claim], state: _ArticleState) -> None:
    """Short mentions and titles to the fullest name the article gives.

    زاخاروفا -> ماريا زاخاروفا; "the ministry" -> "the foreign ministry"; a title standing for a
    person (المتحدث باسم الخارجية) -> the named person who holds it. A body is never resolved
    to a person, nor a person to a title.
    """
    mentions = [(c.speaker, c.speaker_span, c.role, c.speaker_kind, _tokens_of(c.speaker))
                for c in claims if c.speaker]
    for c in claims:
        if not c.speaker:
            continue
        best = _fullest(c.speaker, c.speaker_kind, mentions)
        if best is None and c.speaker_kind == "person":
            best = _fuller_in_text(state, c.speaker)
        if c.speaker_kind == "role":
            best = _person_with_role(c.role or c.speaker, mentions) or best
        if best is None:
            continue
        name, span, role, kind = best[:4]
        c.speaker, c.speaker_span, c.speaker_kind = name, span, kind
        if kind != "role" and (not c.role or c.role == c.mention):
            c.role = role


def _fuller_in_text(state: _ArticleState, name: str) -> tuple | None:
    """A longer form of a one-word name written elsewhere in the article, even outside a
    report: "عراقجي" said, and the text earlier named "وزير الخارجية عباس عراقجي"."""
    text, lex = state.text, state.lex
    if len(_tokens_of(name)) != 1:
        return None
    for m in re.finditer(re.escape(name), text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = list(WORD_RE.finditer(text, max(line_start, m.start() - 80), m.start()))[-3:]
        for n in (2, 1):
            if len(before) < n:
                continue
            part = before[-n:]
            if not all(a.end() + 1 == b.start() for a, b in zip(part, [*part[1:], m],
                                                                strict=True)):
                continue
            boundary = before[-n - 1] if len(before) > n else None
            if boundary is not None and boundary.end() + 1 != part[0].start():
                boundary = None  # punctuation stands between: "(AP) — Diego Vasquez"
            if boundary is None and (lex.lang != "en" or part[0].start() == line_start):
                continue
            if all(_could_be_name_part(w.group(), lex) for w in part) and (
                    boundary is None or _ends_title(boundary.group(), lex)):
                start = part[0].start()
                return text[start:m.end()], (start, m.end()), None, "person"
    return None


def _could_be_name_part(word: str, lex: Lexicon) -> bool:
    norm = fold(word)
    if norm in lex.roles or norm in lex.bodies or norm in rules_for(lex.lang).stopwords:
        return False
    if lex.lang == "en":
        return word[:1].isupper()
    return not norm.startswith(("ال", "لل")) and len(norm) >= 3 and norm not in lex.np_stops


def _ends_title(word: str, lex: Lexicon) -> bool:
    # The word before a full name closes a title: وزير الخارجية | عباس عراقجي
    norm = fold(word)
    if lex.lang == "en":
        return _en_role(norm, lex) or norm in lex.bodies
    return norm.startswith("ال") or norm in lex.roles


def _tokens_of(name: str) -> list[str]:
    return list(_name_words(name))


@lru_cache(maxsize=20_000)
def _name_words(name: str) -> tuple[str, ...]:
    return tuple(w for w in (fold_word(m.group()) for m in WORD_RE.finditer(name))
                 if w not in ("the", "a", "an"))


def _fullest(name: str, kind: str | None, mentions) -> tuple | None:
    """The longest mention of the same kind that contains `name` as a run of words; for a
    person, as the end of the name (Zakharova in Maria Zakharova, not Saudi in Saudi Arabia's
    minister)."""
    mine = _tokens_of(name)
    best, best_len = None, len(mine)
    for mention in mentions:
        theirs = mention[4]
        if mention[3] != kind or len(theirs) <= best_len:
            continue
        if theirs[-len(mine):] == mine or kind != "person" and _contains_run(theirs, mine):
            best, best_len = mention, len(theirs)
    if best is None and kind == "person" and len(mine) == 1:
        # Family name first (Park Min-jae, Xi Jinping): the first word stands for the person
        best = next((m for m in mentions if m[3] == kind and len(m[4]) > 1
                     and m[4][0] == mine[0]), None)
    return best


def _contains_run(words_: list[str], run: list[str]) -> bool:
    n = len(run)
    return any(words_[i:i + n] == run for i in range(len(words_) - n + 1))


def _person_with_role(role: str, mentions) -> tuple | None:
    """The named person whose title this one is, shortened: المتحدث باسم الخارجية for
    المتحدث باسم وزارة الخارجية الروسية. A one-word title (الرئيس) is too vague to resolve."""
    mine = [stem(w) for w in _tokens_of(role)]
    if len(mine) < 2:
        return None
    for mention in mentions:
        other_role, kind = mention[2], mention[3]
        if kind != "person" or not other_role:
            continue
        theirs = [stem(w) for w in _tokens_of(other_role)]
        same_head = theirs[:1] == mine[:1]
        if same_head and len(set(mine) & set(theirs)) / len(set(mine)) >= 0.6:
            return mention
    return None
