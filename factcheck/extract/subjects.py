"""The speaker named before the cue: the English subject noun phrase with its titles,
ages and asides, the Arabic subject before قال, the issuer of a document, a relayed source."""

from factcheck.extract.asides import is_parenthesis
from factcheck.extract.marks import abbreviation_dot, initial_dot
from factcheck.extract.occasions import (
    EN_TIME_LEADS,
    EN_TIME_NOUNS,
    before_time_phrase,
    is_adverbial_start,
)
from factcheck.extract.speakers import (
    apposition_at,
    bare_name,
    english_np_word,
    is_role_phrase,
    post_modifier,
    speaker_from_np,
)
from factcheck.extract.state import (
    CONJ_CLITICS,
    EN_CLAUSE_JOINERS,
    EN_CLAUSE_WORDS,
    EN_DETERMINERS,
    EN_NP_MODIFIERS,
    MAX_NP_WORDS,
    ArticleState,
    Event,
    Speaker,
    before_cue_words,
    en_role,
    is_preposition,
    joins_word,
    match_len,
    past_participle,
    pronoun_gender,
    verb_at,
)
from factcheck.lexicon import Lexicon
from factcheck.sentences import COMMAS, TERMINATORS, Sentence, Tok, is_quote_mark, title_dot

# "Earlier this month Reuters quoted": words of a time phrase that opens the clause
_TIME_OPENERS = EN_TIME_NOUNS | EN_TIME_LEADS | {"earlier", "later"}


def np_before_start(state: ArticleState, s: Sentence, i: int) -> int | None:
    """Where the subject before token i begins, a title before its name included."""
    span = _np_before(state, s, i)
    if span is None:
        return None
    m = span[0]
    if m > 1 and s.toks[m - 1].raw in COMMAS and bare_name(state, s, m, span[1]):
        title = _np_before(state, s, m - 1, title=True)  # "the union's president, Ana Cruz, told"
        if title is not None and _has_role_word(state, s, title):
            return title[0]
    return m


def subject_before(state: ArticleState, s: Sentence, i: int) -> tuple[int, int] | None:
    """Token span of the subject noun phrase right before token i, without a title before
    it: what the cue at i is said of."""
    return _np_before(state, s, i)


def possessor_end(s: Sentence, i: int, lex: Lexicon) -> int | None:
    """Index after the possessor of the noun at i ('Ortiz 's | repeated claim', 'his | claim'):
    where the 's or the possessive pronoun ends, one adjective between at most."""
    toks = s.toks
    for k in (i, i - 1):
        if k < 1 or k < i and not (toks[k].word and toks[k].raw.islower() and
                                    toks[k].norm not in lex.cue_noun_after):
            continue
        prev = toks[k - 1]
        if prev.word and prev.norm in lex.possessives:
            return k
        if k >= 3 and prev.norm == "s" and toks[k - 2].raw in ("'", "’") and toks[k - 3].word:
            return k
        if k >= 2 and prev.raw in ("'", "’") and toks[k - 2].norm.endswith("s") and \
                toks[k - 2].end == prev.start:
            return k  # the unions' claim
    return None


_POSSESSIVE_GENDER = {"his": "m", "her": "f", "their": "p", "its": "b", "our": "p"}


def possessor_speaker(state: ArticleState, s: Sentence, ev: Event) -> Speaker | None:
    """Who holds the claim or the belief a noun cue reports: its possessor ('the senator's
    claim', 'his belief': a pronoun, resolved as a subject pronoun is)."""
    toks = s.toks
    k = possessor_end(s, ev.first, state.lex)
    if k is None:
        return None
    prev = toks[k - 1]
    if prev.norm in state.lex.possessives:
        return Speaker(prev.raw, (prev.start, prev.end), kind="pronoun",
                       gender=_POSSESSIVE_GENDER.get(prev.norm))
    end = k - 2 if prev.norm == "s" else k - 1
    m = end
    while m > 0 and toks[m - 1].word and (
            toks[m - 1].raw[:1].isupper() or en_role(toks[m - 1].norm, state.lex) or
            toks[m - 1].norm in state.lex.bodies or toks[m - 1].norm in EN_NP_MODIFIERS or
            toks[m - 1].norm in state.lex.documents):
        m -= 1  # "the senator's", "Mayor Ruth Alder's": a name or a title, no verb
    if m > 0 and toks[m - 1].norm in EN_DETERMINERS:
        m -= 1
    if m == end:
        return None
    return speaker_from_np(state, s, m, end, toks[m].start, toks[end - 1].end)


def _has_role_word(state: ArticleState, s: Sentence, span: tuple[int, int]) -> bool:
    return any(t.word and en_role(t.norm, state.lex) for t in s.toks[span[0]:span[1]])


_EN_RELATIVES = {"which", "where", "whom", "whereby"}


def relative_pronoun(s: Sentence, i: int) -> bool:
    """Does the pronoun at token i open a relative clause ('in which he said')? It then
    stands for the person the narration has just named, not for the last speaker."""
    return i > 0 and s.toks[i - 1].norm in _EN_RELATIVES


def _np_before(state: ArticleState, s: Sentence, i: int, *,
               title: bool = False) -> tuple[int, int] | None:
    # Read back from a cue by every rule that asks where the clause before it begins (six
    # times a report in a chain of quotations): the answer depends only on the sentence's
    # tokens and the language's tables, so it is read once per token.
    key = (_np_before, i, title)
    if key not in s.memo:
        s.memo[key] = _read_np_before(state, s, i, title=title)
    return s.memo[key]


def _read_np_before(state: ArticleState, s: Sentence, i: int, *,
                    title: bool = False) -> tuple[int, int] | None:
    """Token span of an English subject noun phrase standing before token i, if any.

    The phrase runs back to the clause boundary (sentence start, comma, quote, "and"), may
    hold lower-case words ("the central bank"), but no word that makes it a clause. Between
    it and the cue may stand auxiliaries ("has repeatedly"), an apposition (", the Kremlin
    spokesman,") or a parenthesis (", speaking on condition of anonymity,").
    """
    lex, toks = state.lex, s.toks
    k = i
    while k > 0 and toks[k - 1].word and toks[k - 1].norm in before_cue_words(lex):
        k -= 1
    k = before_time_phrase(toks, k)  # "The Kremlin on Friday denied": no part of the name
    while k > 0 and toks[k - 1].word and toks[k - 1].norm in before_cue_words(lex):
        k -= 1
    opening = _alias_before(toks, k)
    if opening is not None:
        k = opening  # "the Korean Central News Agency (KCNA) said": the name before its alias
    opening = _party_tag_before(state, s, k)
    if opening is not None:
        k = opening  # "Sen. Ann Moss (D-Vt.) said": the name before the party and state
    end = k
    comma = k - 1 if k > 0 and toks[k - 1].raw in COMMAS else None
    asides = 0
    while comma is not None:
        # what stands between this comma and the one before it: a role, a parenthesis, an
        # age or a home town (", 59, of Ashton, who watched the count,")
        m = comma - 1
        while m >= 0 and toks[m].raw not in COMMAS and (
                not is_quote_mark(toks[m]) or joins_word(s, m)):  # the weather service's
            m -= 1
        if m < 0 or toks[m].raw not in COMMAS:
            return None
        if asides == 0 and bare_name(state, s, m + 1, comma) and \
                _np_before(state, s, m, title=True) is not None:
            return m + 1, comma  # "Her attorney, David Ochoa, said"
        # (", meanwhile,": a connective set off between the subject and its cue, too)
        if not (is_role_phrase(state, s, m + 1) or is_parenthesis(toks[m + 1]) or
                _age_or_home(state, s, m + 1, comma) or party_tag(state, s, m + 1, comma) or
                match_len(s, m + 1, lex.connectives) == comma - m - 1 or
                _participle_aside(s, m + 1, comma)):
            return None
        k = end = m
        asides += 1
        comma = m if asides < 4 and m > 0 and _age_or_home_before(state, s, m) else None
    opening = _party_tag_before(state, s, k) if asides else None
    if opening is not None:
        k = end = opening  # "Rep. Tom Hale (D-N.Y.), a member of the panel, said"
    m = k
    titled = None  # where an honorific stands: "<title> Dr. <name>" may run longer
    longest = 16 if title else 9  # a title before its holder's name may run long
    while m > 0 and k - m <= (longest if titled is None else 16):
        prev = toks[m - 1]
        dot = abbreviation_dot(state, s, m - 1, len(toks))
        if dot and toks[m - 2].norm in lex.honorifics:
            titled = m - 2
        if prev.word and prev.norm in _EN_RELATIVES:
            break  # "a statement in which he said", "Damascus, where he demanded"
        if prev.word and prev.norm in lex.triggers and m - 1 > 0 and verb_at(s, m - 1, lex) \
                and toks[m - 2].word and toks[m - 2].norm not in lex.cue_noun_after:
            break  # "The report alleges Putin asked": a cue, then the reported clause's subject
        if prev.word and prev.norm not in EN_CLAUSE_JOINERS or joins_word(s, m - 1) or \
                initial_dot(toks, m - 1) or _attached_sign(toks, m - 1) or dot or \
                _possessive_mark(toks, m - 1) or _and_in_a_name(toks, m - 1):
            m -= 1
        else:
            break
    if m == k or k - m > 16 or k - m > longest and titled is None:
        return None
    while m < k - 1 and toks[m].word and toks[m].norm in _TIME_OPENERS:
        m += 1  # "Earlier this month Reuters quoted": the time phrase opens the clause
    phrase = toks[m:k]
    if len(phrase) == 1 and phrase[0].norm in lex.pronouns:
        return m, end
    if any(t.norm in EN_CLAUSE_WORDS or t.norm in lex.pronouns for x, t in enumerate(phrase, m)
           if t.word and not post_modifier(s, x) and not (x > m and t.raw[:1].isupper())
           and not (t.norm == "to" and x > m and en_role(toks[x - 1].norm, lex))):
        # (a capital inside the phrase is a name's: "the May Day committee"; "ambassador to
        # Rome" is a title's "to")
        return None
    first = phrase[0]
    if first.raw[:1].isupper() or first.norm in EN_DETERMINERS or en_role(first.norm, lex) \
            or first.norm in lex.bodies or first.norm in EN_NP_MODIFIERS:
        return m, end
    if len(phrase) > 2 and en_role(phrase[1].norm, lex) and phrase[-1].raw[:1].isupper():
        return m, end  # "airport director Sam Whitfield": a noun before the title
    if phrase[-1].norm in lex.documents and len(phrase) <= 3:
        return m, end  # "polls show", "new fundraising reports show": a document, unnamed
    if _unnamed_people(phrase, lex):
        return m, end  # "critics say", "many rival campaigners said": people, unnamed
    return None


_PLURAL_PHRASE_MAX = 3


def _unnamed_people(phrase: list[Tok], lex: Lexicon) -> bool:
    """A short lower-case phrase whose head is a plural noun ('critics', 'local farmers'):
    the people a report is often put to with no name."""
    head = phrase[-1]
    return len(phrase) <= _PLURAL_PHRASE_MAX and all(
        t.word and t.raw.islower() and t.norm not in EN_CLAUSE_WORDS and t.norm not in lex.np_stops
        for t in phrase) and \
        len(head.norm) > 4 and head.norm.endswith("s") and not head.norm.endswith(("ss", "us"))


def _attached_sign(toks: list[Tok], k: int) -> bool:
    # OPEC+, AT&T: a sign glued to the word before it
    return toks[k].raw in "+&" and k > 0 and toks[k - 1].word and toks[k - 1].end == toks[k].start


def _alias_before(toks: list[Tok], k: int) -> int | None:
    """Index of the "(" of a short alias in brackets ending right before token k, if any."""
    if k < 3 or toks[k - 1].raw != ")":
        return None
    for m in range(k - 2, max(0, k - 5), -1):
        if toks[m].raw == "(":
            inside = toks[m + 1:k - 1]
            return m if inside and all(t.word and t.raw.isupper() for t in inside) else None
    return None


def party_tag(state: ArticleState, s: Sentence, start: int, end: int) -> bool:
    """Are tokens start..end a legislator's party and state ('R-Ky.', 'D-N.Y.')?"""
    pattern = state.lex.party_tag
    if pattern is None or start >= end:
        return False
    return pattern.fullmatch(state.text, s.toks[start].start, s.toks[end - 1].end) is not None


def _party_tag_before(state: ArticleState, s: Sentence, k: int) -> int | None:
    """Index of the '(' of a party and state in brackets ending right before token k."""
    toks = s.toks
    if k < 3 or toks[k - 1].raw != ")":
        return None
    for m in range(k - 2, max(0, k - 12), -1):
        if toks[m].raw == "(":
            return m if party_tag(state, s, m + 1, k - 1) else None
    return None


def _possessive_mark(toks: list[Tok], k: int) -> bool:
    # the Barnsley Supporters' Trust: a plural's apostrophe, glued to it, before a name
    return toks[k].raw in ("'", "’") and 0 < k < len(toks) - 1 and toks[k - 1].word and \
        toks[k - 1].end == toks[k].start and toks[k + 1].raw[:1].isupper()


def _and_in_a_name(toks: list[Tok], k: int) -> bool:
    # the Department of Health and Social Care: "and" between capitalised words of one name;
    # "government and medical officials", "Kyiv and Seoul": two modifiers or two names
    if toks[k].norm != "and" or not 0 < k < len(toks) - 1:
        return False
    before, after = toks[k - 1], toks[k + 1]
    if not before.word or not after.word:
        return False
    if before.raw[:1].isupper() and after.raw[:1].isupper():
        return True
    return before.norm in EN_NP_MODIFIERS and after.norm not in EN_CLAUSE_WORDS


def _antecedent_of_who(state: ArticleState, s: Sentence, i: int) -> tuple[int, int] | None:
    """'... Trade Minister Ana Ruiz, who suggested that ...': the cue opens a relative
    clause; the one who speaks is the phrase before ', who'."""
    toks, lex = s.toks, state.lex
    k = i
    while k > 0 and toks[k - 1].word and toks[k - 1].norm in lex.auxiliaries:
        k -= 1
    if k < 3 or toks[k - 1].norm != "who" or toks[k - 2].raw not in COMMAS:
        return None
    end = k - 2
    m = end
    while m > 0 and end - m < MAX_NP_WORDS and (
            toks[m - 1].word and (toks[m - 1].raw[:1].isupper() or en_role(toks[m - 1].norm, lex)
                                  or toks[m - 1].norm in EN_NP_MODIFIERS)
            or joins_word(s, m - 1) or m > 1 and joins_word(s, m - 2) or
            _possessive_mark(toks, m - 1)):
        m -= 1  # the name and the title before it, back to the word that governs them
    if m > 0 and toks[m - 1].norm in EN_DETERMINERS:
        m -= 1
    if m == end or toks[m].norm in lex.pronouns or not any(
            toks[x].raw[:1].isupper() or en_role(toks[x].norm, lex) for x in range(m, end)):
        return None
    return m, end


_RELATIVE_CLAUSE_MAX = 12


def _before_quoted_cue(state: ArticleState, s: Sentence, ev: Event) -> int:
    """Where the subject ends: before the opening mark of a quoted cue ('Ortiz "flatly
    denied" the meeting'), else before the cue."""
    k = ev.first
    while k > 0 and s.toks[k - 1].word and s.toks[k - 1].norm in state.lex.auxiliaries:
        k -= 1
    return k - 1 if in_quoted_cue(s, ev) else ev.first


def in_quoted_cue(s: Sentence, ev: Event) -> bool:
    """Is the cue alone between quote marks, with its adverbs ('"categorically denied"')?"""
    k = ev.first
    while k > 0 and s.toks[k - 1].word and not s.quote_opening_at(k - 1):
        k -= 1
        if ev.first - k > 2:
            return False
    pair = s.quote_opening_at(k - 1) if k > 0 else None
    return pair is not None and pair[1] == ev.last + 1


def _subject_of_relative_clause(state: ArticleState, s: Sentence,
                                i: int) -> tuple[int, int] | None:
    """'A third official who talked to the agency in Cairo called ...': the subject, then a
    short relative clause of its own (no comma, no report in it), then the cue."""
    toks, lex = s.toks, state.lex
    for w in range(i - 2, max(0, i - _RELATIVE_CLAUSE_MAX) - 1, -1):
        t = toks[w]
        if not t.word or t.norm in lex.triggers and verb_at(s, w, lex):
            return None  # a comma, a quote or a report of its own in between
        if t.norm == "who" and w > 0:
            return _np_before(state, s, w)
    return None


def speaker_before(state: ArticleState, s: Sentence, ev: Event) -> Speaker | None:
    """The subject before the cue: 'Peskov said', 'فلان قال إن'."""
    lex, toks = state.lex, s.toks
    if lex.lang == "en":
        first = _before_quoted_cue(state, s, ev)
        span = _np_before(state, s, first) or _antecedent_of_who(state, s, first) or \
            _subject_of_relative_clause(state, s, first)
        if span is None:
            return None
        m, end = span
        if toks[m].norm in lex.pronouns:
            return Speaker(toks[m].raw, (toks[m].start, toks[m].end), kind="pronoun",
                           gender=pronoun_gender(toks[m].norm))
        speaker = speaker_from_np(state, s, m, end, toks[m].start, toks[end - 1].end)
        if speaker is not None and end < ev.first and toks[end].raw in COMMAS:
            apposition_at(state, s, end, ev.first, speaker)
        if speaker is not None and m > 0 and toks[m - 1].raw in COMMAS and not speaker.role \
                and speaker.kind == "name":
            title = _np_before(state, s, m - 1, title=True)
            if title is not None and _has_role_word(state, s, title):
                # the title before "Her attorney, David Ochoa,"
                speaker.role = state.text[toks[title[0]].start:toks[title[1] - 1].end]
        return speaker
    if ev.conj and not _topic_before(state, s, ev.first):
        return None  # وقال / فقال open a clause of their own; أما X فقال answers X
    end = ev.first
    while end > 0 and toks[end - 1].word and toks[end - 1].norm in lex.auxiliaries:
        end -= 1  # الوكالة قد ذكرت
    apposition = None
    if end > 1 and toks[end - 1].raw in COMMAS and end < ev.first and \
            _opens_with_auxiliary(state, s, end - 1):
        end -= 1  # وكانت مليشيا الحوثي، قد أعلنت: the subject between كانت and قد
    elif end > 1 and toks[end - 1].raw in COMMAS:
        # عضو اللجنة المالية، النائبة آمنة الجبوري، قالت: the subject, then what stands
        # between commas beside it
        apposition = _previous_comma(s, end - 1)
        if apposition is None:
            return None
        end = apposition
    m, n_words = end, 0
    while m > 0 and toks[m - 1].raw not in COMMAS and toks[m - 1].raw not in TERMINATORS:
        m -= 1
        n_words += toks[m].word
        if n_words > 8:
            return None
    while m < end and (not toks[m].word and not s.quote_opening_at(m) or
                       toks[m].norm in lex.auxiliaries or match_len(s, m, lex.connectives) or
                       match_len(s, m, lex.report_openers, clitic=True)):
        # وكانت الوكالة ... / لكنه حذر / حيث كشف
        m += max(1, match_len(s, m, lex.connectives),
                 match_len(s, m, lex.report_openers, clitic=True))
    if m >= end or not toks[m].word:
        return None
    if is_preposition(toks[m], lex) or toks[m].norm in lex.clause_complementizers or \
            toks[m].norm in lex.issued or is_adverbial_start(state, s, m) or \
            any(verb_at(s, x, lex) or issuing_at(lex, t) for x, t in enumerate(toks[m:end], m)):
        return None  # "إذ أعلنت", "اليوم قال": a time or clause word opens no subject
    speaker = speaker_from_np(state, s, m, end, toks[m].start, toks[end - 1].end)
    if speaker is not None and apposition is not None:
        before = (speaker.name, speaker.role)
        apposition_at(state, s, apposition, ev.first, speaker)
        if (speaker.name, speaker.role) == before:
            return None  # what stood between the commas was neither a name nor a role
    return speaker


def issuing_at(lex: Lexicon, t: Tok) -> bool:
    return t.word and (t.norm in lex.issuing or t.norm[:1] in CONJ_CLITICS and
                       t.norm[1:] in lex.issuing)


def _opens_with_auxiliary(state: ArticleState, s: Sentence, k: int) -> bool:
    """Does the clause ending at token k open with an auxiliary (وكانت ...)?"""
    m = k
    while m > 0 and s.toks[m - 1].raw not in COMMAS and s.toks[m - 1].raw not in TERMINATORS:
        m -= 1
    return m < k and s.toks[m].word and s.toks[m].norm in state.lex.auxiliaries


def _previous_comma(s: Sentence, k: int) -> int | None:
    """The comma opening the stretch that ends at the comma at k, within a few words."""
    m = k - 1
    while m > 0 and k - m <= 16 and s.toks[m].raw not in COMMAS and (
            s.toks[m].raw not in TERMINATORS or title_dot(s.toks, m)):
        m -= 1
    return m if m > 0 and m < k - 1 and s.toks[m].raw in COMMAS else None


def _topic_before(state: ArticleState, s: Sentence, i: int) -> bool:
    """Does the clause before token i open with a topic word (أما)? Then a فـ cue is its
    answer, and the topic is the speaker."""
    m = i
    while m > 0 and s.toks[m - 1].raw not in TERMINATORS and i - m <= 24:
        m -= 1
    while m < i and not s.toks[m].word:
        m += 1
    return m < i and s.toks[m].norm in state.lex.topic_words


def sentence_subject(state: ArticleState, s: Sentence, ev: Event) -> Speaker | None:
    """The named subject that opens an English sentence and whose verb comes before the
    participle `ev`: 'The envoy spoke on Monday, dismissing the claims'."""
    lex, toks = state.lex, s.toks
    if lex.lang != "en":
        return None
    # "However, the envoy refused, insisting ...": a connective and its comma open no subject
    first = 2 if len(toks) > 2 and toks[1].raw in COMMAS and (toks[0].norm,) in lex.connectives \
        else _after_opener(state, s, ev.first)
    if ev.first < first + 3 or not english_np_word(toks[first], lex, first=True):
        return None
    k = first + 1
    while k < ev.first and (english_np_word(toks[k], lex, first=False) or
                            abbreviation_dot(state, s, k, ev.first) or
                            _noun_before_head(state, s, k, ev.first)):
        k += 1
    end = k
    k = before_time_phrase(toks, k)
    while k > first + 1 and toks[k - 1].norm in lex.np_links:
        k -= 1
    end = min(end, k)
    if k < ev.first and toks[k].raw == "(":
        k = _after_parenthesis(s, k, ev.first)  # "Sen. Ann Moss (D-Vt.) defended"
    if k >= ev.first or not toks[k].word or toks[k].raw[:1].isupper():
        return None  # the phrase must be followed by its (lower-case) verb
    if all(t.norm in EN_DETERMINERS for t in toks[first:end]):
        return None  # "The candidate made ...": an article alone names no one
    return speaker_from_np(state, s, first, end, toks[first].start, toks[end - 1].end)


def _after_opener(state: ArticleState, s: Sentence, limit: int) -> int:
    """Where the subject begins after a short opening adverbial: 'On Thursday, Moss ...'."""
    toks = s.toks
    if not toks or toks[0].norm not in _OPENER_WORDS:
        return 0
    for k in range(1, min(limit, 7)):
        if toks[k].raw == ",":
            return k + 1 if k + 1 < limit else 0
        if not toks[k].word:
            return 0
    return 0


_OPENER_WORDS = frozenset({"on", "in", "at", "after", "during", "earlier", "later", "last",
                           "yesterday", "today", "meanwhile", "separately", "still"})


def _after_parenthesis(s: Sentence, k: int, limit: int) -> int:
    for j in range(k + 1, min(limit, k + 8)):
        if s.toks[j].raw == ")":
            return j + 1
    return limit


def _noun_before_head(state: ArticleState, s: Sentence, k: int, limit: int) -> bool:
    # "the port authority", "the airport director": a noun modifying the head after it
    toks, lex = s.toks, state.lex
    if k + 1 >= limit or not toks[k].word or toks[k].norm in EN_CLAUSE_WORDS:
        return False
    nxt = toks[k + 1]
    return nxt.word and (nxt.norm in lex.bodies or en_role(nxt.norm, lex))


def _age_or_home(state: ArticleState, s: Sentence, start: int, end: int) -> bool:
    """', 59,' / ', of Ashton, Md.,': a speaker's age or home town between commas."""
    words_ = [t for t in s.toks[start:end] if t.word]
    if len(words_) == 1 and words_[0].raw.isdigit():
        return True
    return 1 < len(words_) <= 4 and words_[0].norm in ("of", "from") and \
        all(t.raw[:1].isupper() for t in words_[1:])


_PARTICIPLE_ASIDE_MAX = 8


def _participle_aside(s: Sentence, j: int, comma: int) -> bool:
    """', published in May,', ', asked about the vote,': a short clause opened by a past
    participle, set off between a subject and its cue, says something of the subject."""
    toks = s.toks
    first = toks[j]
    return first.word and first.raw.islower() and past_participle(first.norm) and \
        1 < comma - j <= _PARTICIPLE_ASIDE_MAX and \
        not any(is_quote_mark(toks[x]) for x in range(j, comma))


def _age_or_home_before(state: ArticleState, s: Sentence, comma: int) -> bool:
    """Is the stretch ending at this comma, back to the comma before it, an age or home town?"""
    m = comma - 1
    while m >= 0 and s.toks[m].raw not in COMMAS and comma - m <= 6:
        m -= 1
    return m >= 0 and s.toks[m].raw in COMMAS and _age_or_home(state, s, m + 1, comma)
