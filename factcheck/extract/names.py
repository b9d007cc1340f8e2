"""The article-wide pass: short mentions and titles resolved to the fullest name given."""

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate

from factcheck.contrast import lexicon as places_lexicon
from factcheck.extract.state import ArticleState, en_role, tokens_of
from factcheck.lexicon import Lexicon, lexicon
from factcheck.model import Claim, Span
from factcheck.normalize import WORD_RE, fold, fold_word, stem
from factcheck.rules import rules_for

_WORD_SPLIT_RE = re.compile(f"({WORD_RE.pattern})")


def resolve_names(claims: list[Claim], state: ArticleState) -> None:
    """Short mentions and titles to the fullest name the article gives.

    زاخاروفا -> ماريا زاخاروفا; "the ministry" -> "the foreign ministry"; a title standing for a
    person (المتحدث باسم الخارجية، "the minister added") -> the named person who holds it. A
    body is never resolved to a person, nor a person to a title. Claims are resolved in reading
    order, so a title finds the people before it under their full names and roles.
    """
    mentions = _Mentions([_mention(c) for c in claims if c.speaker], state.lex.lang)
    earlier = _Earlier(state.lex.lang)
    where = _TextIndex(state.text)
    for c in claims:
        _resolve(c, state, mentions, earlier, where)
        earlier.add(c)
    if state.lex.lang == "en":
        _spell_out_acronyms(claims, state.text)
    _roles_from_first_full_mention(claims)
    for c in claims:
        if c.speaker_kind == "role" and c.role and (
                c.role in (c.speaker, c.mention) or
                set(tokens_of(c.role)) <= set(tokens_of(c.speaker))):
            # A title that names no one ("the finance minister said") is the speaker itself;
            # the role is the apposition or title beside a name, so there is none.
            c.role = None


def _roles_from_first_full_mention(claims: list[Claim]) -> None:
    """A person's role is the title of their first full mention, on every claim of theirs:
    "وقال الوزير سليم" after "نفى وزير الزراعة في الحكومة المؤقتة كريم سليم" is still the
    minister of agriculture, not just "the minister"."""
    first: dict[str, str] = {}
    for c in claims:
        if c.speaker_kind == "person" and c.speaker and c.role and len(c.role.split()) > 1:
            first.setdefault(c.speaker, c.role)
    for c in claims:
        if c.speaker_kind == "person" and c.speaker in first and \
                (not c.role or len(c.role.split()) == 1):
            c.role = first[c.speaker]


def _resolve(c: Claim, state: ArticleState, mentions: "_Mentions", earlier: "_Earlier",
             where: "_TextIndex") -> None:
    if not c.speaker:
        return
    # التقرير is whoever issued the last report cited, before any longer "التقرير ..."
    best = _document_anaphor(state, c, where) if c.speaker_kind == "body" or \
        state.lex.lang == "en" else None
    best = best or _fullest(c.speaker, c.speaker_kind, mentions)
    if best is None and c.speaker_kind == "person":
        # المصادر reads as people, not a body: it still takes up the sources named before
        best = _fuller_in_text(state, c.speaker, where) or _source_anaphor(state, c, earlier)
    if best is None and c.speaker_kind == "body":
        best = _statement_anaphor(state, c, earlier) or \
            _definite_anaphor(state, c, earlier, where) or _source_anaphor(state, c, earlier) \
            or _named_body_before(state, c, where) or _body_that_spoke_before(state, c, earlier)
    # "A Kremlin spokesperson", "the government official": a body word in a title does not
    # make the title a body; it stands for the person who holds it
    titled = c.speaker_kind == "role" or c.speaker_kind == "body" and \
        state.lex.lang == "en" and _title(c.speaker, "en") is not None
    if titled:
        best = _group_named_before(state, c, earlier) or \
            _person_with_role(c, earlier, mentions, state.lex) or best
    if best is None and c.speaker_kind in ("role", "person"):
        best = _epithet_holder(state, c, earlier)
    if best is None and c.speaker_kind == "role":
        best = _source_anaphor(state, c, earlier)  # قال مسؤول في الحزب ... وقال المسؤول
    if best is None:
        return
    name, span, role, kind = best[:4]
    c.speaker, c.speaker_span, c.speaker_kind = name, span, kind
    # A title resolved to its holder takes the holder's full title: "Health Minister"
    if kind != "role" and (titled or not c.role or c.role == c.mention):
        c.role = role


class _Mentions:
    """Every speaker as first read, indexed so that each lookup costs the same however many
    the article has: by the runs of words they end with or contain, and by office."""

    def __init__(self, mentions: list[tuple], lang: str) -> None:
        self.all = mentions
        # the first of the longest mentions of a kind that end with (for people) or contain
        # (for the rest) a run of words, keyed by (kind, run)
        self.longest: dict[tuple, tuple] = {}
        self.by_first: dict[str, tuple] = {}  # a person's first word: the first such mention
        self.by_office: dict[frozenset, list[tuple]] = {}
        unnamed = lexicon(lang).unnamed
        for m in mentions:
            words_, kind = m[4], m[3]
            runs = ([tuple(words_[k:]) for k in range(len(words_))] if kind == "person" else
                    {tuple(words_[a:b]) for a in range(len(words_) + 1)
                     for b in range(a, len(words_) + 1)})
            if kind != "person" and words_ and words_[0] in unnamed:
                # مصادر الصحيفة are not the paper: a source's phrase is no fuller name of
                # the body it belongs to
                runs = {run for run in runs if run[:1] == (words_[0],)}
            for run in runs:
                held = self.longest.get((kind, run))
                if held is None or len(held[4]) < len(words_):
                    self.longest[(kind, run)] = m
            if kind == "person" and len(words_) > 1:
                self.by_first.setdefault(words_[0], m)
            if kind == "person" and m[2]:
                title = _title(m[2], lang)
                if title is not None:
                    self.by_office.setdefault(title.office, []).append(m)


class _Earlier:
    """The claims resolved so far (final, since a claim changes only when it is resolved),
    indexed for the lookups a later claim makes."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.claims: list[Claim] = []  # in reading order
        self.count = 0
        self.body_by_head: dict[str, Claim] = {}  # the latest body speaker by its first word
        self.people_by_office: dict[frozenset, list[Claim]] = {}
        self.latest_person: dict[str | None, tuple[int, Claim]] = {}  # by gender
        self.group_by_word: dict[str, Claim] = {}  # people named together, by their words
        self._scans: dict[Callable, tuple[int, Claim | None]] = {}  # how far, and the latest

    def latest(self, test: Callable[[ArticleState, Claim], bool],
               state: ArticleState) -> Claim | None:
        """The latest claim so far that passes `test`; each claim is tested once per test."""
        upto, found = self._scans.get(test, (0, None))
        for c in self.claims[upto:]:
            if test(state, c):
                found = c
        self._scans[test] = (len(self.claims), found)
        return found

    def add(self, c: Claim) -> None:
        self.claims.append(c)
        self.count += 1
        if c.speaker_kind == "body" and c.speaker:
            words_ = tokens_of(c.speaker)
            if words_:
                self.body_by_head[words_[0]] = c
        if c.speaker_kind != "person":
            return
        if c.speaker and " and " in c.speaker:
            # "Republican senators Roger Hale and Jim Price": "the senators" later
            for w in (*tokens_of(c.speaker), *tokens_of(c.role or "")):
                self.group_by_word[w] = c
        self.latest_person[c.gender] = (self.count, c)
        if c.role:
            title = _title(c.role, self.lang)
            if title is not None:
                self.people_by_office.setdefault(title.office, []).append(c)


# Sorting the text's words costs about as much as two hundred plain searches of it: search
# until that much has been read, then index (linear either way, and no cost for the few
# searches an ordinary article makes).
_SCANS_BEFORE_INDEX = 200


class _TextIndex:
    """Where words and names stand in the article's text, for lookups that would otherwise
    read the whole text once per claim. Built lazily: most articles never ask."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.fuller: dict[str, tuple | None] = {}  # a one-word name: its longer form, if any
        self._scanned = 0  # characters read by plain searches so far
        self._words: list[tuple[int, int, str]] | None = None  # (start, end, folded)
        self._by_fold: dict[str, list[int]] = {}
        self._by_spelling: list[tuple[str, int]] | None = None  # sorted (word as written, start)
        self._issuer_ends: list[int] | None = None

    def occurrences(self, name: str) -> Iterator[int]:
        """Where `name` is written, in order, as a search of the text finds it; once searches
        have read the text many times over, only the places where a word begins (the only
        places a name can follow another word)."""
        text = self.text
        if self._by_spelling is None and self._scanned > _SCANS_BEFORE_INDEX * len(text):
            self._by_spelling = sorted((m.group(), m.start()) for m in WORD_RE.finditer(text))
        head = WORD_RE.match(name)
        if self._by_spelling is not None and head is not None and head.start() == 0 and \
                not _overlaps_itself(name):
            spelled, prefix = self._by_spelling, head.group()
            k = bisect_left(spelled, (prefix, -1))
            starts = []
            while k < len(spelled) and spelled[k][0].startswith(prefix):
                starts.append(spelled[k][1])
                k += 1
            yield from (s for s in sorted(starts) if text.startswith(name, s))
            return
        pos = 0
        while (found := text.find(name, pos)) >= 0:
            self._scanned += found + len(name) - pos
            yield found
            pos = found + len(name)
        self._scanned += len(text) - pos

    def last_issuer_by(self, issuers: list[tuple[str, Span]],
                       offset: int) -> tuple[str, Span] | None:
        """The last issuer in the list whose span ends by `offset` (the list is complete
        before names are resolved)."""
        if self._issuer_ends is None:
            # the least end from each place in the list on: the last place whose least end is
            # by `offset` is the last issuer ending by it
            ends = [span[1] for _, span in issuers]
            for k in range(len(ends) - 2, -1, -1):
                ends[k] = min(ends[k], ends[k + 1])
            self._issuer_ends = ends
        k = bisect_right(self._issuer_ends, offset)
        return issuers[k - 1] if k else None

    def word_before(self, k: int, offset: int) -> tuple[int, int, str]:
        """The k-th word of the text, (start, end, folded), cut at `offset` if it runs on."""
        start, end, folded = self._all_words()[k]
        if end > offset:
            return start, offset, fold(self.text[start:offset])
        return start, end, folded

    def count_before(self, offset: int) -> int:
        """How many words begin before `offset`."""
        return bisect_left(self._all_words(), (offset, -1))

    def latest_first(self, folded: str, below: int) -> Iterator[int]:
        """Indices of the words folded as `folded` among the first `below`, the last first."""
        found = self._by_fold.get(folded, [])
        for n in range(bisect_left(found, below) - 1, -1, -1):
            yield found[n]

    def _all_words(self) -> list[tuple[int, int, str]]:
        if self._words is None:
            # split at the words, the text is [blanks, word, ..., blanks]: the offsets are the
            # running sums of the lengths, with no match object made for each word
            parts = _WORD_SPLIT_RE.split(self.text)
            offsets = list(accumulate(map(len, parts)))
            self._words = list(zip(offsets[0:-1:2], offsets[1::2], map(fold_word, parts[1::2]),
                                   strict=True))
            for n, (_, _, folded) in enumerate(self._words):
                self._by_fold.setdefault(folded, []).append(n)
        return self._words


def _overlaps_itself(name: str) -> bool:
    # "abab": a search finds no occurrence inside another; a list of word starts would
    return any(name[:k] == name[-k:] for k in range(1, len(name)))


def _spell_out_acronyms(claims: list[Claim], text: str) -> None:
    """'The WSJ report claimed' after 'The Wall Street Journal': an acronym as speaker is the
    body whose capitalised words it spells, when the article names that body as a speaker or,
    for three letters or more, anywhere in its running text ('the PMO said' after the
    narrator wrote 'the Prime Minister's Office')."""
    bodies: dict[str, tuple] = {}
    unspelt: set[str] = set()  # looked for in the text once: an article may repeat 'the UN said'
    for c in claims:
        words_ = (c.speaker or "").split()
        caps = [w for w in words_ if w[:1].isupper()]
        if len(caps) >= 2 and len(caps) >= len(words_) - 2:
            bodies.setdefault("".join(w[0] for w in caps), _mention(c))
    for c in claims:
        name = c.speaker or ""
        if name[:4] in ("The ", "the "):
            name = name[4:]
        if not (2 <= len(name) <= 6 and name.isalpha() and name.isupper()):
            continue
        if name not in bodies and name not in unspelt and len(name) >= 3:
            spelt = _spelt_in_text(text, name)
            if spelt is None:
                unspelt.add(name)
            else:
                bodies[name] = (text[spelt[0]:spelt[1]], spelt, None, "body")
        if name in bodies:
            full = bodies[name]
            c.speaker, c.speaker_span, c.speaker_kind = full[0], full[1], full[3]
            c.role = c.role or full[2]


def _spelt_in_text(text: str, acronym: str) -> Span | None:
    """The first run of capitalised words (a possessive allowed) whose initials are `acronym`,
    outside a headline's capitals."""
    n = len(acronym)
    for m in _CAPITALISED_RUN.finditer(text):
        run = list(re.finditer(r"\S+", m.group(0)))
        for k in range(len(run) - n + 1):  # "The Prime Minister's Office": PMO from its second
            if "".join(w.group(0)[0] for w in run[k:k + n]) == acronym and \
                    not _title_case_line(text, m.start()):
                return m.start() + run[k].start(), m.start() + run[k + n - 1].end()
    return None


_CAPITALISED_RUN = re.compile(r"(?<![\w'’])[A-Z][a-z]+(?:['’]s)?(?: [A-Z][a-z]+(?:['’]s)?)+")


def _mention(c: Claim) -> tuple:
    return c.speaker, c.speaker_span, c.role, c.speaker_kind, tokens_of(c.speaker)


def _fuller_in_text(state: ArticleState, name: str, where: "_TextIndex") -> tuple | None:
    """A longer form of a one-word name written elsewhere in the article, even outside a
    report: "عراقجي" said, and the text earlier named "وزير الخارجية عباس عراقجي"."""
    if len(tokens_of(name)) != 1:
        return None
    if name not in where.fuller:
        where.fuller[name] = _first_fuller(state, name, where)
    return where.fuller[name]


def _first_fuller(state: ArticleState, name: str, where: "_TextIndex") -> tuple | None:
    text, lex = state.text, state.lex
    for m_start in where.occurrences(name):
        m_end = m_start + len(name)
        line_start = text.rfind("\n", 0, m_start) + 1
        before = list(WORD_RE.finditer(text, max(line_start, m_start - 80), m_start))[-3:]
        for n in (2, 1):
            if len(before) < n:
                continue
            part = before[-n:]
            starts_after = [b.start() for b in part[1:]] + [m_start]
            if not all(a.end() + 1 == b for a, b in zip(part, starts_after, strict=True)):
                continue
            boundary = before[-n - 1] if len(before) > n else None
            if boundary is not None and boundary.end() + 1 != part[0].start():
                boundary = None  # punctuation stands between: "(AP) — Diego Vasquez"
            if boundary is None and (lex.lang != "en" or part[0].start() == line_start):
                continue
            if all(_could_be_name_part(w.group(), lex) for w in part) and (
                    boundary is None or _ends_title(boundary.group(), lex)):
                start = part[0].start()
                return text[start:m_end], (start, m_end), None, "person"
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
        return en_role(norm, lex) or norm in lex.bodies
    return norm.startswith("ال") or norm in lex.roles


def _fullest(name: str, kind: str | None, mentions: _Mentions) -> tuple | None:
    """The longest mention of the same kind that contains `name` as a run of words; for a
    person, as the end of the name (Zakharova in Maria Zakharova, not Saudi in Saudi Arabia's
    minister)."""
    mine = tokens_of(name)
    best = mentions.longest.get((kind, tuple(mine)))
    if best is not None and len(best[4]) <= len(mine):
        best = None
    if best is None and kind == "person" and len(mine) == 1:
        # Family name first (Park Min-jae, Xi Jinping): the first word stands for the person
        best = mentions.by_first.get(mine[0])
    return best


def _definite_anaphor(state: ArticleState, claim: Claim, before: _Earlier,
                      where: "_TextIndex") -> tuple | None:
    """The body an Arabic definite noun takes up: الوزارة after وزارة الصحة, المصدر after مصدر
    نيابي مطلع (named first without ال, then with it); the latest earlier speaker so named,
    else the last body the narrator named so."""
    mine = tokens_of(claim.speaker)
    if len(mine) != 1 or not mine[0].startswith("ال") or len(mine[0]) < 5:
        return None
    head = mine[0][2:]
    earlier = before.body_by_head.get(head)
    return (_mention(earlier) if earlier is not None else None) or \
        _body_named_before(state, claim, head, where)


def _document_anaphor(state: ArticleState, claim: Claim, where: "_TextIndex") -> tuple | None:
    """التقرير، التقرير المزعوم after 'تقرير لصحيفة X': the one who issued the document the
    text cited last before it."""
    mine = tokens_of(claim.speaker)
    lex = state.lex
    if lex.lang == "en":
        # "The report alleges" after "the Courier's report": who issued the last one cited
        if len(mine) != 1 or mine[0] not in lex.documents or claim.speaker_span is None:
            return None
    elif not mine or not mine[0].startswith("ال") or \
            mine[0][2:] not in lex.documents or claim.speaker_span is None or \
            not all(w.startswith("ال") for w in mine):
        return None
    issuer = where.last_issuer_by(state.issuers, claim.speaker_span[0])
    if issuer is None:
        return None
    name, span = issuer
    return name, span, None, "body"


def _statement_anaphor(state: ArticleState, claim: Claim, before: _Earlier) -> tuple | None:
    """وأضاف البيان after 'وقال كوهين في بيان': the statement stands for the latest speaker
    whose report was given in a statement."""
    lex = state.lex
    if fold_word(claim.speaker) not in lex.statement_anaphors:
        return None
    other = before.latest(_given_in_statement, state)
    return _mention(other) if other is not None else None


def _given_in_statement(state: ArticleState, other: Claim) -> bool:
    if not other.speaker or other.sentence_span is None:
        return False
    cue_end = other.cue_span[1] if other.cue_span else other.sentence_span[0]
    said = other.content_span[0] if other.content_span else other.sentence_span[1]
    lead = state.text[other.sentence_span[0]:max(cue_end, said)]
    return any(fold(w) in state.lex.statements for w in WORD_RE.findall(lead))


def _source_anaphor(state: ArticleState, claim: Claim, before: _Earlier) -> tuple | None:
    """وحسب المصدر after 'قال مسؤول دفاعي في البنتاغون': the latest unnamed source."""
    lex = state.lex
    word = fold_word(claim.speaker)
    if word in lex.plural_source_anaphors:
        other = before.latest(_unnamed_sources, state)
        return _mention(other) if other is not None else None
    if word not in lex.source_anaphors:
        return None
    other = before.latest(_unnamed_source, state)
    return _mention(other) if other is not None else None


def _unnamed_sources(state: ArticleState, c: Claim) -> bool:
    return bool(c.speaker and tokens_of(c.speaker)[:1] and
                tokens_of(c.speaker)[0] in state.lex.plural_anonymous_heads)


def _unnamed_source(state: ArticleState, c: Claim) -> bool:
    return bool(c.speaker and tokens_of(c.speaker)[:1] and
                tokens_of(c.speaker)[0] in state.lex.anonymous_heads)


def _indefinite(title: str, lex: Lexicon) -> bool:
    """An Arabic title that introduces someone new: متحدث باسم الخارجية الأميركية, مسؤول
    أمني (no ال on the head, none on the word after it), never one named before. وزير
    الخارجية is definite by the word after it."""
    words_ = tokens_of(title)
    if lex.lang != "ar" or not words_ or words_[0].startswith("ال"):
        return False
    return len(words_) == 1 or not words_[1].startswith(("ال", "لل")) and \
        not _names_country(words_[1])


def _names_country(word: str) -> bool:
    """سفير روسيا، وزير خارجية قطر: a country's name makes the title definite (one holder);
    its adjective does not (مصدر مصري is anyone)."""
    return word in places_lexicon().place_words and not word.endswith(("ي", "يه", "ية"))


def _body_named_before(state: ArticleState, claim: Claim, head: str,
                       where: "_TextIndex") -> tuple | None:
    """الوزارة after the narrator wrote 'لجنة ... في وزارة الطاقة والثروة المعدنية': the last
    body the text named before the claim with `head` (its ال off), and its ال-words."""
    if claim.speaker_span is None:
        return None
    text, offset = state.text, claim.speaker_span[0]
    count = where.count_before(offset)
    for n in where.latest_first(head, count):
        run = [where.word_before(n, offset)]
        for k in range(n + 1, min(n + 6, count)):
            nxt = where.word_before(k, offset)
            if text[run[-1][1]:nxt[0]] != " " or not nxt[2].startswith(("ال", "وال")):
                break
            run.append(nxt)
        if len(run) > 1:
            span = (run[0][0], run[-1][1])
            return text[span[0]:span[1]], span, None, "body"
    return None


def _group_named_before(state: ArticleState, claim: Claim, before: _Earlier) -> tuple | None:
    """'The senators wrote' after 'Republican senators Roger Hale and Jim Price said': a
    plural title after 'the' takes up the latest people named together under it."""
    mine = tokens_of(claim.speaker)
    if state.lex.lang != "en" or len(mine) != 1 or not mine[0].endswith("s") or \
            claim.speaker_span is None:
        return None
    offset = claim.speaker_span[0]
    if fold(state.text[max(0, offset - 4):offset]) != "the ":
        return None
    other = before.group_by_word.get(mine[0])
    return _mention(other) if other is not None else None


def _named_body_before(state: ArticleState, claim: Claim, where: "_TextIndex") -> tuple | None:
    """'The ministry added' after the narrator wrote 'Egypt's Foreign Ministry condemned ...':
    the last body the text named with that head word capitalised, with the capitalised words
    around it ('the Office for the Coordination of Humanitarian Affairs')."""
    if state.lex.lang != "en" or claim.speaker_span is None:
        return None
    mine = tokens_of(claim.speaker)
    if len(mine) != 1 or mine[0] not in state.lex.bodies or claim.speaker[:1].isupper():
        return None
    text, offset = state.text, claim.speaker_span[0]
    if fold(text[max(0, offset - 4):offset]) != "the ":
        return None  # a bare plural ("officials said") takes up no one
    count = where.count_before(offset)
    words_ = where._all_words() if count else []
    for n in where.latest_first(mine[0], count):
        start, end, _ = words_[n]
        if not text[start:start + 1].isupper() or _title_case_line(text, start):
            continue  # a headline capitalises every word: no name to read off it
        first, last = n, n
        while first > 0:
            prev = first - 1
            if words_[prev][2] == "s" and prev > 0 and \
                    text[words_[prev - 1][1]:words_[prev][0]] in ("'", "\u2019"):
                prev -= 1  # a possessive: "Egypt's Foreign Ministry"
            if text[words_[prev][1]:words_[first][0]] not in (" ", "'s ", "\u2019s ") or \
                    not text[words_[prev][0]:words_[prev][0] + 1].isupper() or \
                    words_[prev][2] in _NOT_IN_NAMES:
                break
            first = prev
        k = last + 1
        while k + 1 < count and words_[k][2] in ("of", "for", "on") and \
                text[words_[k][0]].islower() and _joined(text, words_[k - 1], words_[k]):
            m = k + 1 + (words_[k + 1][2] == "the")
            if m >= count or not text[words_[m][0]:words_[m][0] + 1].isupper():
                break
            while m + 1 < count and _joined(text, words_[m], words_[m + 1]) and \
                    (text[words_[m + 1][0]:words_[m + 1][0] + 1].isupper() or
                     words_[m + 1][2] == "and"):
                m += 1
            last, k = m, m + 1
        while words_[last][2] == "and":
            last -= 1
        if first == last:
            continue
        span = (words_[first][0], words_[last][1])
        return text[span[0]:span[1]], span, None, "body"
    return None


def _body_that_spoke_before(state: ArticleState, claim: Claim,
                            before: _Earlier) -> tuple | None:
    """'..., the organization said' after 'the Red Crescent said ..., according to AP': a
    generic body noun after 'the', with no body of that head named before, takes up the latest
    named body that spoke, not the outlet that carried its words."""
    if state.lex.lang != "en" or claim.speaker_span is None:
        return None
    mine = tokens_of(claim.speaker)
    if len(mine) != 1 or mine[0] not in state.lex.bodies or claim.speaker[:1].isupper():
        return None
    offset = claim.speaker_span[0]
    if fold(state.text[max(0, offset - 4):offset]) != "the ":
        return None
    other = before.latest(_named_body_speaking, state)
    return _mention(other) if other is not None else None


def _named_body_speaking(state: ArticleState, c: Claim) -> bool:
    return c.speaker_kind == "body" and bool(c.speaker) and c.speaker[:1].isupper() and \
        tuple(fold(c.cue).split()) not in state.lex.sources.all


# capitalised only as a headline writes them ("Disputes Characterization Of Network")
_NOT_IN_NAMES = frozenset(("the", "a", "an", "of", "by", "for", "and", "on", "in", "to", "at"))


def _title_case_line(text: str, offset: int) -> bool:
    line = text[text.rfind("\n", 0, offset) + 1:text.find("\n", offset) % (len(text) + 1)]
    words_ = WORD_RE.findall(line)
    return len(words_) >= 3 and sum(w[:1].isupper() for w in words_) > 0.7 * len(words_)


def _joined(text: str, a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    return text[a[1]:b[0]] == " "


def _person_with_role(claim: Claim, before: _Earlier, mentions: _Mentions,
                      lex: Lexicon) -> tuple | None:
    """The named person a title-only speaker stands for: "The minister added" after "Health
    Minister Sara Lund said" is Lund; المتحدث باسم الخارجية is whoever was given as المتحدث
    باسم وزارة الخارجية القطرية.

    The title must name the same office (_fit) and agree in gender where both mark it. Of the
    earlier speakers who fit best, the latest wins: it is the one the reader has in mind when
    a journalist writes "the minister" after two ministers. With no one earlier, a title of two
    words or more may name someone the article introduces later; one word (الرئيس) may not.
    """
    mine = _title(claim.role or claim.speaker, lex.lang)
    if mine is None or claim.gender == "p" or _indefinite(claim.speaker, lex):
        return None
    best, best_fit = None, 0.0
    for other in reversed(before.people_by_office.get(mine.office, ())):
        if not _genders_agree(claim.gender, other.gender):
            continue
        fit = _fit(mine, _title(other.role, lex.lang))
        if fit > best_fit:
            best, best_fit = _mention(other), fit
    if best is None and fold(claim.speaker) in lex.the_speaker:
        # "the one speaking": the person who spoke last, whatever office was given
        latest = max((held for gender, held in before.latest_person.items()
                      if _genders_agree(claim.gender, gender)), default=None,
                     key=lambda held: held[0])
        best = _mention(latest[1]) if latest is not None else None
    if best is None and lex.lang == "ar" and len(mine.words) >= 2 and \
            not claim.speaker.startswith(tuple(lex.the_speaker)):
        # وأكمل وزير الأشغال اللبناني after "وقال علي حمية": a title of two words or more
        # after a person named without one is that person, the latest the reader has met
        latest = max((held for gender, held in before.latest_person.items()
                      if _genders_agree(claim.gender, gender)), default=None,
                     key=lambda held: held[0])
        if latest is not None and not latest[1].role and before.count - latest[0] <= 3:
            return (*_mention(latest[1])[:2], claim.speaker, "person")
    if best is not None or len(mine.words) < 2:
        return best
    later = next((m for m in mentions.by_office.get(mine.office, ())
                  if _fit(mine, _title(m[2], lex.lang))), None)
    if later is None and lex.lang == "en":
        later = _named_later_under_a_kindred_title(mine, mentions)
        if later is not None and len(mine.words) > len(_title(later[2], "en").words):
            return (*later[:2], claim.speaker, "person")  # the fuller title, as given here
    if later is None and lex.lang == "ar":
        # أكد سفير فرنسا لدى الاتحاد الأوروبي ... وقال السفير الفرنسي جان دوبوا: the
        # shorter title's words all in the longer's (فرنسا ~ الفرنسي), the office the same
        later = next((m for m in mentions.by_office.get(mine.office, ())
                      if _loose_fit(mine, _title(m[2], lex.lang))), None)
        if later is not None:
            return (*later[:2], claim.speaker, "person")  # the title as given here
    return later


def _named_later_under_a_kindred_title(mine: "_Title", mentions: _Mentions) -> tuple | None:
    """'The Kremlin spokesperson called the reports ...', and only later 'spokesperson Dmitry
    Volkov told ...' or 'principal deputy spokesperson Ana Ruiz': the one person the article
    names under that office (a rank beside it allowed) whose title shares most of this one's
    words or is all inside it."""
    fitting = [m for office, held in mentions.by_office.items() if office >= mine.office
               for m in held if _kindred(mine, _title(m[2], "en"))]
    people = {m[0] for m in fitting}
    return fitting[0] if len(people) == 1 else None


def _kindred(mine: "_Title", theirs: "_Title | None") -> bool:
    if theirs is None:
        return False
    return theirs.words <= mine.words or len(mine.words & theirs.words) >= 0.6 * len(mine.words)


def _epithet_holder(state: ArticleState, claim: Claim, before: _Earlier) -> tuple | None:
    """The person an epithet stands for: واستطرد الوزير اللبناني after "قال وزير الأشغال علي
    حمية", وأكد الدبلوماسي الليبي after the ambassador's words. An epithet is a definite head
    and ال-nisba adjectives (a nationality, an affiliation): it describes the person the reader
    has just met, so it is the latest person who spoke, a few reports back at most, holding
    the head's office when the head names one (المسؤول، الدبلوماسي fit anyone)."""
    lex = state.lex
    words_ = tokens_of(claim.speaker)
    if lex.lang != "ar" or len(words_) < 2 or not words_[0].startswith("ال") or \
            not all(_nisba(w) for w in words_[1:]):
        return None
    latest = max((held for gender, held in before.latest_person.items()
                  if _genders_agree(claim.gender, gender)), default=None,
                 key=lambda held: held[0])
    if latest is None or before.count - latest[0] > 3:
        return None
    other = latest[1]
    mine = _title(words_[0], lex.lang)
    theirs = _title(other.role, lex.lang) if other.role else None
    if words_[0] not in lex.epithet_heads and theirs is not None and (
            mine is None or mine.office != theirs.office):
        return None
    if not _same_country(words_[1:], tokens_of(f"{other.role or ''} {other.speaker}")):
        return None  # المسؤول الروسي after the American president is someone else
    return _mention(other)


def _same_country(adjectives: list[str], described: list[str]) -> bool:
    """No country in the epithet (الحكومي), none in the description, or the same one
    (اللبناني ~ لبنان)."""
    places = places_lexicon().place_words
    mine = [w[2:] for w in adjectives if w[2:] in places]
    theirs = [w.removeprefix("ال") for w in described if w.removeprefix("ال") in places]
    return not mine or not theirs or any(a[:3] == b[:3] for a in mine for b in theirs)


def _nisba(word: str) -> bool:
    """اللبناني، الحكومية: a definite adjective of relation."""
    return word.startswith("ال") and len(word) > 4 and word.endswith(("ي", "يه"))


def _loose_fit(mine: "_Title", theirs: "_Title | None") -> bool:
    if theirs is None or mine.office != theirs.office:
        return False
    short, long_ = sorted((mine.words, theirs.words), key=len)
    hits = sum(any(a[:3] == b[:3] and (a.startswith(b) or b.startswith(a)) for b in long_)
               for a in short)
    return hits == len(short)


@dataclass(frozen=True, slots=True)
class _Title:
    """A title as stems: the office it names (its role nouns) and all its words."""

    office: frozenset[str]
    words: frozenset[str]


@lru_cache(maxsize=4096)
def _title(role: str, lang: str) -> _Title | None:
    """None when the title names no office, or several people (ministers, officials)."""
    lex = lexicon(lang)
    folded = tokens_of(role)
    stems = [stem(w) for w in folded]
    office, honorifics = [], []
    i = 0
    while i < len(folded):
        two = tuple(stems[i:i + 2])
        if two in _office_stems(lang):
            office.append(" ".join(two))  # رئيس الوزراء is one office, not a رئيس
            i += 2
            continue
        word = folded[i]
        if word in lex.roles:
            (honorifics if word in lex.honorifics else office).append(stems[i])
        elif lang == "en" and en_role(word, lex):
            return None  # a plural: "ministers said" stands for no one person
        i += 1
    # النائب، السفير: an honorific is the office only when nothing else is
    office = office or honorifics
    # links (باسم، في، of) are in every title: they say nothing of which office it is
    content = frozenset(st for w, st in zip(folded, stems, strict=True) if w not in lex.np_links)
    return _Title(frozenset(office), content) if office else None


@cache
def _office_stems(lang: str) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(stem(w) for w in p) for p in lexicon(lang).offices)


def _fit(mine: _Title, theirs: _Title | None) -> float:
    """How well a title fits another's: 0 unless both name one office (the vice president is
    not the president); then the share of its words the other has, at least 0.6 ("the foreign
    minister" is not the health minister)."""
    if theirs is None or mine.office != theirs.office:
        return 0.0
    share = len(mine.words & theirs.words) / len(mine.words)
    return share if share >= 0.6 else 0.0


def _genders_agree(a: str | None, b: str | None) -> bool:
    return b != "p" and (a not in ("m", "f") or b not in ("m", "f") or a == b)
