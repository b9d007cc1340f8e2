"""A matter named before the cue that reports it: '...، وهو ما نفته القاهرة' / '...، الأمر الذي
نفاه المتحدث'. The verb carries the matter as a pronoun; its content is the clause before the
comma, its speaker the subject after it."""


from factcheck.extract.content import trimmed_span
from factcheck.extract.mentions import speaker_after
from factcheck.extract.state import ArticleState, Event, match_len
from factcheck.lexicon import Cue, Lexicon
from factcheck.model import Claim
from factcheck.sentences import COMMAS, Sentence


def object_topic_claims(state: ArticleState, s: Sentence, claims: list[Claim]) -> list[Claim]:
    lex, toks = state.lex, s.toks
    topics = lex.object_topics
    if not topics.all:
        return []
    out: list[Claim] = []
    for i in range(1, len(toks) - 1):
        t = toks[i]
        if not t.word or t.norm not in topics.by_first or toks[i - 1].raw not in COMMAS:
            continue
        n = match_len(s, i, topics)
        v = i + n
        if not n or v >= len(toks) or s.in_quote(v):
            continue
        cue = _cue_carrying_object(toks[v].norm, lex)
        if cue is None:
            continue
        ev = Event("verb", v, v, cue, cue_start=toks[v].start)
        speaker, listener, _ = speaker_after(state, s, ev, len(toks))
        if speaker is None or speaker.kind == "pronoun":
            continue  # 'وهو ما نفاه' alone: whose denial is not said here
        span = trimmed_span(state.text, s, _matter_start(s, claims, toks[i - 1].start), i - 1)
        if span is None:
            continue
        claim = Claim(
            cue=state.text[toks[v].start:toks[v].end], cue_span=(toks[v].start, toks[v].end),
            content=state.text[span[0]:span[1]], content_span=span, lang=lex.lang,
            speaker=speaker.name, speaker_span=speaker.span, role=speaker.role,
            speaker_kind=speaker.claim_kind, mention=speaker.name, mention_span=speaker.span,
            listener=listener[0] if listener else None,
            listener_span=listener[1] if listener else None,
            direct=False, negated=cue.modality == "denial", modality=cue.modality,
            sentence_span=(s.start, s.end),
            gender=speaker.gender or (cue.gender if cue.gender in ("m", "f") else None),
        )
        out.append(claim)
    return out


def _matter_start(s: Sentence, claims: list[Claim], comma: int) -> int:
    """Token where the matter begins: the content of the report that ends at the comma (تحدثت
    تل أبيب عن مزاعم ...، وهو ما نفته), else the narrator's clause from the sentence start."""
    best = None
    for c in claims:
        if c.content_span[1] <= comma and (best is None or c.content_span[1] > best[1]):
            best = c.content_span
    return s.index_at(best[0]) if best is not None else 0


def _cue_carrying_object(norm: str, lex: Lexicon) -> Cue | None:
    """نفته، نفاه، أكده، أكدتها: a cue verb with the matter's pronoun on it."""
    for suffix in lex.object_topic_suffixes:
        if not norm.endswith(suffix) or len(norm) - len(suffix) < 2:
            continue
        stem = norm[:-len(suffix)]
        for form in (stem, stem[:-1] + "ي" if stem.endswith("ا") else None):
            cue = lex.verbs.get((form,)) if form else None
            if cue is not None and cue.modality in ("assertion", "denial"):
                return cue
    return None
