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

import itertools
import re

from factcheck.extract.content import is_negated, trimmed_span
from factcheck.extract.names import resolve_names
from factcheck.extract.reports import continue_quotation, sentence_claims
from factcheck.extract.speakers import speaker_from_np
from factcheck.extract.state import ArticleState, en_role
from factcheck.lexicon import Lexicon, lexicon
from factcheck.model import Claim
from factcheck.normalize import WORD_RE, detect_lang, fold
from factcheck.sentences import (
    QUOTE_PAIRS,
    TERMINATORS,
    Sentence,
    Tok,
    pair_quotes,
    sentences,
    tokenize,
)

_HEADLINE_MAX_WORDS = 25


def extract(text: str, *, lang: str | None = None) -> list[Claim]:
    """The attributed claims in `text`, in reading order."""
    lang = lang or detect_lang(text)
    state = ArticleState(text, lexicon(lang))
    claims: list[Claim] = []
    last: list[Claim] = []  # the claims of the sentence before, if it ended the paragraph
    # An Arabic page may put its furniture (a date, a section name, "share") before the
    # headline: until the first line that reads as a sentence of the body, a line may still
    # be the 'SPEAKER: content' headline.
    headline_open = state.lex.lang == "ar"
    for index, (start, end) in enumerate(_body_lines(text, state.lex)):
        line = text[start:end]
        toks = None
        if index == 0 or headline_open or index < 3 and not claims:
            toks = tokenize(text, start, end)  # tokenised once, for the headline and the body
            headline = _headline_claim(state, start, end, toks, first=index == 0 or headline_open)
            if headline and index and len(WORD_RE.findall(headline.content)) < 3:
                headline = None  # a dateline after the title: القاهرة: «الشرق الأوسط»
            if headline:
                claims.append(headline)
                headline_open = False
                continue
        if headline_open:
            headline_open = _is_heading(line, state.lex) or \
                line.rstrip()[-1:] not in TERMINATORS and \
                len(WORD_RE.findall(line)) <= _HEADLINE_MAX_WORDS
        if last and _quoted_paragraph(line):
            follow_on = _continue_any(state, sentences(text, start, end, lang=lang)[0], last)
            if follow_on is not None:
                claims.append(follow_on)  # the quotation goes on in a paragraph of its own
                last = [follow_on]
                continue
        last = []
        if _is_heading(line, state.lex):
            continue
        if toks is None:
            toks = tokenize(text, start, end)
        if not _may_report(toks, state.lex):
            continue
        for sentence in sentences(text, start, end, lang=state.lex.lang, toks=toks):
            found = sentence_claims(state, sentence)
            follow_on = _continue_any(state, sentence, last) if not found and last else None
            if follow_on is not None:
                found = [follow_on]
            claims.extend(found)
            last = found
    resolve_names(claims, state)
    return claims


def _continue_any(state: ArticleState, sentence: Sentence, last: list[Claim]) -> Claim | None:
    """'"...," Hale said in Dallas, recalling a bill. "..."': the quotation goes on the
    report it continues, not the participle after it; and the words quoted, not the outlet
    that carried them ('"...," Hale told state media, the agency reported. "..."')."""
    ordered = [c for c in reversed(last) if c.direct] + [c for c in reversed(last) if not c.direct]
    return next((f for c in ordered if (f := continue_quotation(state, sentence, c))), None)


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
        folded = fold(text[start:min(end, start + lex.skip_prefix_len)])
        if folded.startswith(lex.skip_prefixes):
            continue
        start = _after_datelines(text, start, end, lex)
        if out and text[out[-1][1] - 1] == ":" and text[start] in QUOTE_PAIRS and \
                len(text[out[-1][0]:out[-1][1]].split()) > 1:
            out[-1] = (out[-1][0], end)  # "The Times reports:" and, below, the quotation
            continue
        out.append((start, end))
    return _rejoin_hard_wraps(text, out) if _hard_wrapped(text, out) else out


# A hard-wrapped text breaks most of its long lines mid-sentence, at about one width.
_WRAP_MIN_WORDS = 10
_WRAPS_TO_REJOIN = 3


def _open_line(text: str, span: tuple[int, int]) -> bool:
    """A line that stops with no mark that ends a sentence, a quotation or a lead-in."""
    return text[span[1] - 1] not in TERMINATORS and text[span[1] - 1] not in "\"”»'’:："


def _hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """Was the text wrapped at a width ('... لم يصلنا أي طلب بإغلاق⏎المكتب في العاصمة')?
    Several long lines run on into the next one with no blank line between them."""
    runs_on = sum(1 for a, b in itertools.pairwise(lines) if _open_line(text, a) and
                  text.count("\n", a[1], b[0]) == 1 and
                  len(text[a[0]:a[1]].split()) >= _WRAP_MIN_WORDS)
    return runs_on >= _WRAPS_TO_REJOIN and runs_on * 3 >= len(lines)


def _rejoin_hard_wraps(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each sentence broken by the wrap made one line again."""
    out = [lines[0]]
    for start, end in lines[1:]:
        prev = out[-1]
        if _open_line(text, prev) and text.count("\n", prev[1], start) == 1:
            out[-1] = (prev[0], end)
        else:
            out.append((start, end))
    return out


def _after_datelines(text: str, start: int, end: int, lex: Lexicon) -> int:
    """Where a line's text begins after its dateline and date stamps ('BEIRUT (AP) — ')."""
    moved = True
    while moved:
        moved = False
        for pattern in lex.datelines:
            m = pattern.match(text, start, end)
            if m and start < m.end() < end:
                start, moved = m.end(), True
    return start


def _quoted_paragraph(line: str) -> bool:
    """A paragraph that is one quotation and nothing else: its marks open and close it, or
    it opens one it leaves open, as a quotation running on into the next paragraph is."""
    # (a full stop may stand after the closing mark: '"... the only contact".')
    if len(line) <= 2 or line[0] not in QUOTE_PAIRS:
        return False
    return line.rstrip().rstrip(".")[-1:] in "\"”»'’" or _left_open(line)


def _left_open(line: str) -> bool:
    """Does the double quotation mark that opens the line stay open to its end?"""
    mark = "''" if line.startswith("''") else line[0]
    if mark in ('"', "''"):
        return line.count(mark) % 2 == 1
    return mark in ("“", "«") and QUOTE_PAIRS[mark] not in line


def _may_report(toks: list[Tok], lex: Lexicon) -> bool:
    """Does any word of the line open a report? Most lines of news do (nine in ten), so the
    line is tokenised once for this test and for its sentences."""
    # (no punctuation mark's norm is a trigger: lexicon._triggers)
    return not lex.triggers.isdisjoint([t.norm for t in toks])


def _is_heading(line: str, lex: Lexicon) -> bool:
    # Section headings and captions: short, and not ended as a sentence is.
    stripped = line.rstrip()
    n_words = len(stripped.split(None, 13))  # (13 or more words is all the test needs)
    if stripped[-1:] in TERMINATORS or stripped[-1:] in "\"”»'’:":
        return n_words <= 3
    return n_words <= 12


def _headline_claim(state: ArticleState, start: int, end: int, toks: list[Tok], *,
                    first: bool = True) -> Claim | None:
    """The headline conventions 'SPEAKER: content' (on the article's first line) and
    'content: SPEAKER' / 'content – SPEAKER' (on one of its first lines), the speaker a title
    or a body ('... is propaganda: senior official', '... – U.S. Department of State')."""
    text = state.text
    line = text[start:end]
    if len(WORD_RE.findall(line)) > _HEADLINE_MAX_WORDS or line.rstrip()[-1:] == ".":
        return None
    s = Sentence(toks, pair_quotes(toks, text), start, end)
    # not the colon of a clock (10:13 AM, 04:25 GMT) or of a link (https://)
    colon = re.search(r"(?<!\d)[:：](?!//)", line)
    if colon is not None and (re.search(r"[\[\]()/]", line[:colon.start()]) or
                              re.search(r"\d[:：]\d\d", line)):
        colon = None
    if colon is not None and first:
        left_end = start + colon.start()
        colon_tok = next(i for i, t in enumerate(toks) if t.start == left_end)
        speaker_end = _before_topic(toks, colon_tok, state.lex)
        if 1 <= sum(t.word for t in toks[:speaker_end]) <= 5:
            speaker = speaker_from_np(state, s, 0, speaker_end, toks[0].start,
                                      toks[speaker_end - 1].end)
            span = trimmed_span(text, s, colon_tok + 1, len(toks))
            if speaker is not None and span is not None:
                return _headline(state, s, speaker, colon_tok, span, colon_tok + 1)
    if state.lex.lang != "en":
        return None  # (دبي - «البيان» is a dateline and its paper, not a headline)
    seps = [i for i, t in enumerate(toks) if t.raw in _HEADLINE_SEPARATORS and i > 0 and
            (t.raw in ":：" or t.start > toks[i - 1].end)]
    if not seps:
        return None
    sep = seps[-1]
    right = [t for t in toks[sep + 1:] if t.word]
    if not 1 <= len(right) <= 5 or not any(
            t.norm in state.lex.bodies or en_role(t.norm, state.lex) for t in right):
        return None
    speaker = speaker_from_np(state, s, sep + 1, len(toks), toks[sep + 1].start, toks[-1].end)
    span = trimmed_span(text, s, 0, sep)
    if speaker is None or speaker.kind == "pronoun" or span is None:
        return None
    return _headline(state, s, speaker, sep, span, 0)


_HEADLINE_SEPARATORS = {":", "：", "–", "—", "-"}


def _before_topic(toks: list[Tok], colon: int, lex: Lexicon) -> int:
    """'Kremlin on reports of ...: content': the speaker ends before its topic."""
    for k in range(1, min(colon, 5)):
        if toks[k].norm in ("on", "about") and lex.lang == "en":
            return k
    return colon


def _headline(state: ArticleState, s: Sentence, speaker, sep: int, span: tuple[int, int],
              content_from: int) -> Claim:
    text, toks = state.text, s.toks
    cue_span = (toks[sep].start, toks[sep].end)
    direct = False
    q = s.quote_opening_at(content_from)
    if q and (q[1] == len(toks) - 1 if content_from else q[1] == sep - 1):
        span, direct = (toks[q[0]].end, toks[q[1]].start), True
    return Claim(
        cue=text[cue_span[0]:cue_span[1]], cue_span=cue_span,
        content=text[span[0]:span[1]], content_span=span, lang=state.lex.lang,
        speaker=speaker.name, speaker_span=speaker.span, role=speaker.role,
        speaker_kind=speaker.claim_kind, mention=speaker.name, mention_span=speaker.span,
        direct=direct,
        negated=is_negated(state, s, *span), modality="assertion", sentence_span=(s.start, s.end),
        gender=speaker.gender,
    )
