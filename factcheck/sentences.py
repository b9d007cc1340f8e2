"""Text segmentation for extraction: tokens with offsets, quotations, sentences.

Offsets always point into the article text as decoded, so every span the extractor reports
gives its text back.
"""

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from factcheck.normalize import BIDI_CONTROLS, WORD_RE, fold_word, is_arabic

# Two apostrophes are one double quotation mark, as some newspapers' copy writes it.
# Bidi controls are no token: they only say which way a name runs (normalize.BIDI_CONTROLS).
# Each token with the blanks before it: (blanks, word, "") or (blanks, "", mark); the token is
# optional so that blanks closing the text are read once (required, a long run of them would be
# rescanned from each of its characters).
_TOKEN_RE = re.compile(
    f"([\\s{BIDI_CONTROLS}]*)(?:({WORD_RE.pattern})|(''|[^\\s{BIDI_CONTROLS}]))?")
QUOTE_PAIRS = {"“": "”", "«": "»", "„": "“", "‘": "’", '"': '"', "'": "'", "”": "”",
               "''": "''"}
CLOSE_ONLY = {"”", "»", "’"}
TERMINATORS = {".", "!", "?", "؟", "…"}
COMMAS = {",", "،", ";", "؛"}
_EN_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sen", "rep", "gov",
                     "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
                     "dec", "no", "vs", "prof", "inc", "co", "corp", "jr", "sr"}


@dataclass(slots=True)
class Tok:
    """A word (folded in `norm`) or one punctuation mark, with its offsets."""

    start: int
    end: int
    norm: str
    word: bool
    raw: str


@dataclass
class Sentence:
    """The tokens of one sentence and its paired quotation marks."""

    toks: list[Tok]
    quotes: list[tuple[int, int]]  # token indices of paired open and close marks
    start: int
    end: int

    # Looked up once per token or event: built once per sentence (and only when asked), so
    # that a sentence of many quotations costs no more per token than one of a few.
    _inside: bytearray | None = field(default=None, init=False, repr=False, compare=False)
    _by_open: dict | None = field(default=None, init=False, repr=False, compare=False)
    _by_close: dict | None = field(default=None, init=False, repr=False, compare=False)
    _starts: list[int] | None = field(default=None, init=False, repr=False, compare=False)
    _ends: list[int] | None = field(default=None, init=False, repr=False, compare=False)
    # Answers of readings that depend on nothing but the sentence and its language's tables,
    # asked again for the same token by each rule that looks back from it: keyed by the
    # reading and its arguments, they live and die with the sentence, so they stay bounded.
    memo: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def in_quote(self, i: int) -> bool:
        if not self.quotes:
            return False
        if self._inside is None:
            self._inside = inside_quotes(len(self.toks), self.quotes)
        return 0 <= i < len(self._inside) and self._inside[i] == 1

    def quote_opening_at(self, i: int) -> tuple[int, int] | None:
        if not self.quotes:
            return None
        if self._by_open is None:
            self._by_open = _first_pair_by(self.quotes, 0)
        return self._by_open.get(i)

    def quote_closing_at(self, i: int) -> tuple[int, int] | None:
        if not self.quotes:
            return None
        if self._by_close is None:
            self._by_close = _first_pair_by(self.quotes, 1)
        return self._by_close.get(i)

    def index_at(self, offset: int) -> int:
        """The first token that starts at or after character `offset`."""
        if self._starts is None:
            self._starts = [t.start for t in self.toks]
        return bisect_left(self._starts, offset)

    def tokens_within(self, start: int, end: int) -> list[Tok]:
        """The tokens that lie wholly within characters start..end."""
        if self._ends is None:
            self._ends = [t.end for t in self.toks]
        return self.toks[self.index_at(start):bisect_right(self._ends, end)]


def _first_pair_by(quotes: list[tuple[int, int]], side: int) -> dict[int, tuple[int, int]]:
    out: dict[int, tuple[int, int]] = {}
    for pair in quotes:
        out.setdefault(pair[side], pair)
    return out


def inside_quotes(n: int, quotes: list[tuple[int, int]]) -> bytearray:
    """For each of n token indices, 1 when it stands strictly inside a paired quotation."""
    out = bytearray(n)
    covered = 0  # every index below this is marked already, or outside every pair so far
    for o, c in sorted(quotes):
        first, end = max(o + 1, covered, 0), min(c, n)
        if first < end:
            out[first:end] = b"\x01" * (end - first)
            covered = end
    return out


def tokenize(text: str, start: int, end: int) -> list[Tok]:
    """Words and single punctuation marks of text[start:end], words folded."""
    out: list[Tok] = []
    append, fold, new = out.append, fold_word, object.__new__  # the hottest loop of extraction
    # findall hands back plain strings: a token's offsets follow from the lengths of what came
    # before, with no call on a match object per token (a fifth faster than finditer). Each
    # token's slots are filled here: a call of the dataclass's __init__ costs as much again.
    pos = start
    for gap, word, mark in _TOKEN_RE.findall(text, start, end):
        if gap:
            pos += len(gap)
        t = new(Tok)
        t.start = pos
        if word:
            t.norm, t.word, t.raw = fold(word), True, word
            pos += len(word)
        elif mark:
            t.norm, t.word, t.raw = mark, False, mark
            pos += len(mark)
        else:
            break  # the blanks at the end
        t.end = pos
        append(t)
    return out


def pair_quotes(toks: list[Tok], text: str,
                marks: list[int] | None = None) -> list[tuple[int, int]]:
    """Token indices of matching open and close quotation marks; apostrophes are not quotes.

    `marks`, the indices of the punctuation tokens, saves a pass over the words.
    """
    pairs, stack = [], []
    for i in marks if marks is not None else range(len(toks)):
        t = toks[i]
        if t.word or t.raw not in QUOTE_PAIRS and t.raw not in CLOSE_ONLY:
            continue
        if t.raw in ("'", "’") and _is_apostrophe(text, t) and \
                not (stack and _ends_single_quote(toks[stack[-1]].raw, t, text)):
            continue
        depth = _closing_depth(toks, stack, t, text)
        if depth is not None:
            del stack[depth + 1:]  # marks opened inside and never closed were no quotation
            pairs.append((stack.pop(), i))
        elif t.raw in QUOTE_PAIRS and not (t.raw == "”" and not _opens(text, t)):
            stack.append(i)
    last = len(toks) - 1
    if stack and not pairs and last - stack[0] > 4 and not toks[last].word and \
            toks[last].raw not in QUOTE_PAIRS and toks[last].raw not in CLOSE_ONLY:
        # a quotation running on past the paragraph, its close in a later one (news marks
        # only the last paragraph's end): it ends with the paragraph
        pairs.append((stack[0], last))
    return sorted(pairs)


def _ends_single_quote(opening: str, t: Tok, text: str) -> bool:
    """"... on the 'core principle' of ...": after a letter and before a blank or a stop, a
    single mark closes the single quotation open before it; it is no apostrophe there."""
    after = text[t.end] if t.end < len(text) else " "
    return QUOTE_PAIRS.get(opening) == t.raw and not after.isalnum()


def _closing_depth(toks: list[Tok], stack: list[int], t: Tok, text: str) -> int | None:
    """Where in the stack of open marks the quotation that `t` closes was opened: the top, or
    deeper when a mark opened inside it never closed ('"... the 'plan of ...," she said':
    the double mark still closes the double quotation)."""
    for depth in range(len(stack) - 1, -1, -1):
        if _closes(toks[stack[depth]].raw, t, text):
            return depth
        if toks[stack[depth]].raw not in ("'", "‘"):
            return None  # only a single mark left open is passed over
    return None


def _closes(opening: str, t: Tok, text: str) -> bool:
    """Does mark `t` close a quotation opened by `opening`? Web copy mixes straight and curly
    marks in one quotation ('"We will win,” he said'): a curly close ends a straight opening,
    and a straight mark in closing position (after a letter or stop) ends a curly one."""
    if QUOTE_PAIRS.get(opening) == t.raw:
        return True
    if opening == '"' and t.raw == "”":
        return True
    if opening == "“" and t.raw == '"':
        before = text[t.start - 1] if t.start > 0 else " "
        after = text[t.end] if t.end < len(text) else " "
        return not before.isspace() and (after.isspace() or after in ",.;:!?)")
    return False


def _is_apostrophe(text: str, t: Tok) -> bool:
    before = text[t.start - 1] if t.start > 0 else " "
    after = text[t.end] if t.end < len(text) else " "
    return before.isalnum() and (after.isalnum() or after.isspace() or after in ",.;:")


def _opens(text: str, t: Tok) -> bool:
    # ” used as an opening mark too (”...”), as some Arabic sites do, even set apart by a
    # space (وزاد الوزير ” ...”): with no quotation open it cannot close one
    before = text[t.start - 1] if t.start > 0 else " "
    after = text[t.end] if t.end < len(text) else " "
    if after == " " and t.end + 1 < len(text):
        after = text[t.end + 1]
    return (before.isspace() or before in "(:،,") and after.isalpha()


def sentences(text: str, start: int, end: int, *, lang: str,
              toks: list[Tok] | None = None) -> list[Sentence]:
    """The sentences of text[start:end]: cut at . ! ? ؟ outside quotations, not after "Mr.".
    `toks`, the tokens of that text when the caller has them already, saves tokenising it."""
    if toks is None:
        toks = tokenize(text, start, end)
    marks = [i for i, t in enumerate(toks) if not t.word]  # the loops below see only these
    quotes = pair_quotes(toks, text, marks)
    inside = inside_quotes(len(toks), quotes)
    closes = {c for _, c in quotes}
    opens = [o for o, _ in quotes]
    starts = set(opens)
    out, first = [], 0
    for i in marks:
        if toks[i].raw not in TERMINATORS:
            continue
        if inside[i]:
            if lang == "en" and (_ends_quoted_sentence(toks, i, closes) and
                                 not (i + 2 < len(toks) and inside[i + 2]) or
                                 i + 1 in closes and i + 2 in starts):
                # '... terrorists." "I hope ...," he said': a new quotation, a new sentence
                out.append(_sentence(toks, quotes, opens, first, i + 2))
                first = i + 2
            continue
        if _is_abbreviation(toks, i, lang) or _stop_before_comma(toks, i, lang):
            continue
        last = i + 1 if i + 1 in closes else i
        if last + 1 < len(toks) and toks[last + 1].start == toks[last].end and \
                toks[last + 1].word and not _glued_arabic_start(toks, i, last) and \
                not (lang == "en" and _glued_english_start(toks, i, last)):
            continue  # 3.5, U.S
        out.append(_sentence(toks, quotes, opens, first, last + 1))
        first = last + 1
    if first < len(toks):
        out.append(_sentence(toks, quotes, opens, first, len(toks)))
    return [s for s in out if s.toks]


def _glued_arabic_start(toks: list[Tok], i: int, last: int) -> bool:
    """'...ذلك".كانت الحكومة': web copy drops the space after a full stop; before Arabic
    letters, after a quotation or a whole word, the stop still ends the sentence."""
    nxt = toks[last + 1].raw
    if not ("\u0621" <= nxt[:1] <= "\u064a") or i == 0:
        return False
    before = toks[i - 1]
    return last > i or is_quote_mark(before) or before.word and len(before.raw) >= 3 and \
        not before.raw.isdigit()


def _glued_english_start(toks: list[Tok], i: int, last: int) -> bool:
    """'...citing Russian media.Peskov stated': scraped copy drops the space after a stop.
    After a quotation, or a lower-case word of three letters or more, a capitalised word
    starts a sentence; 'U.S', 'News.Az' and 'cleveland.com' stay one."""
    nxt = toks[last + 1].raw
    if len(nxt) < 2 or not (nxt[0].isupper() and nxt[1].islower()) or i == 0:
        return False
    before = toks[i - 1]
    if last > i or not (before.word and len(before.raw) >= 3 and before.raw.isalpha()):
        return last > i
    # after a capitalised word ('Pyongyang.The'), only a word that opens sentences
    return before.raw.islower() or before.raw[1:].islower() and nxt in _SENTENCE_OPENERS


_SENTENCE_OPENERS = {"The", "He", "She", "It", "They", "We", "His", "Her", "Their", "Its", "In",
                     "On", "But", "However", "This", "That", "There", "A", "An", "After"}


def _ends_quoted_sentence(toks: list[Tok], i: int, closes: set[int]) -> bool:
    """'... stated, "No, it is not true." He also denied ...': the quotation ends the sentence
    when a new one opens after it, not a short tail naming who spoke ('"Go." Park said.')."""
    if i + 2 >= len(toks) or i + 1 not in closes or not toks[i + 2].word or \
            not toks[i + 2].raw[:1].isupper():
        return False
    words = 0
    for t in toks[i + 2:]:
        if t.raw in TERMINATORS:
            return words > 5
        words += t.word
        if words > 5:
            return True
    return True


def _stop_before_comma(toks: list[Tok], i: int, lang: str) -> bool:
    """'from Tampa, Fla., who ...', '(D-Calif.)': a stop right before a comma or a closing
    parenthesis closes an abbreviation; no English sentence begins with either."""
    return lang == "en" and i + 1 < len(toks) and toks[i + 1].raw in (",", ";", ")") and \
        i > 0 and toks[i - 1].word


def _is_abbreviation(toks: list[Tok], i: int, lang: str) -> bool:
    if i == 0 or toks[i].raw != ".":
        return False
    prev = toks[i - 1]
    if lang != "en":
        return title_dot(toks, i)
    initial = len(prev.raw) == 1 and prev.raw.isupper()  # U.S., J. Smith
    return prev.word and (prev.norm in _EN_ABBREVIATIONS or initial)


def title_dot(toks: list[Tok], i: int) -> bool:
    """د. هبة العنزي، م. أحمد: a lone Arabic letter and its dot are a title cut short, never
    the end of a sentence."""
    return toks[i].raw == "." and 0 < i < len(toks) - 1 and toks[i - 1].word and \
        len(toks[i - 1].raw) == 1 and is_arabic(toks[i - 1].raw) and toks[i + 1].word


def _sentence(toks: list[Tok], quotes, opens: list[int], first: int, last: int) -> Sentence:
    part = toks[first:last]
    # quotes are sorted by their opening mark: only those opening in the sentence are looked at
    inner = quotes[bisect_left(opens, first):bisect_left(opens, last)]
    local = [(o - first, c - first) for o, c in inner if c < last]
    return Sentence(part, local, part[0].start if part else 0, part[-1].end if part else 0)


def is_quote_mark(t: Tok) -> bool:
    return not t.word and (t.raw in QUOTE_PAIRS or t.raw in CLOSE_ONLY)
