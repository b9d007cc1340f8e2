"""A speaker's noun phrase split into role and name (المتحدث باسم الكرملين | دميتري بيسكوف,
the Kremlin spokesman | Dmitry Peskov), the apposition beside it, plurals of people and the
issuer of a cited document."""

from factcheck.extract.listeners import listener_head
from factcheck.extract.marks import abbreviation_dot
from factcheck.extract.state import (
    CONJ_CLITICS,
    EN_CLAUSE_WORDS,
    EN_NP_MODIFIERS,
    ArticleState,
    Speaker,
    en_role,
    is_plural_people,
    joins_word,
    past_participle,
    roles_or_bodies,
    tokens_of,
    verb_at,
)
from factcheck.lexicon import Lexicon
from factcheck.model import Span
from factcheck.sentences import COMMAS, TERMINATORS, Sentence, Tok, is_quote_mark, title_dot


def english_np_word(t: Tok, lex: Lexicon, *, first: bool) -> bool:
    if not t.word:
        return False
    if t.raw[:1].isupper() or t.raw[:1].isdigit():
        return t.norm not in lex.clause_complementizers
    if t.norm in lex.roles or t.norm in lex.bodies:
        return True
    if t.norm in EN_NP_MODIFIERS or (first and t.norm in ("the", "a", "an")):
        return True
    return not first and t.norm in lex.np_links


def apposition_at(state: ArticleState, s: Sentence, k: int, limit: int, speaker: Speaker) -> int:
    """What stands between commas after the speaker's noun phrase: a role after a name
    (', the Kremlin spokesman,' / '، المتحدثة باسم وزارة الخارجية الروسية،') or a name after
    a title ('، يلينا فورونينا،' after المتحدثة باسم الخارجية). Updates `speaker`."""
    lex, toks = state.lex, s.toks
    if k >= limit or toks[k].raw not in COMMAS:
        return k
    m = k + 1
    start = m
    while m < limit and toks[m].raw not in COMMAS and toks[m].norm not in \
            lex.clause_complementizers and (toks[m].raw not in TERMINATORS or
                                            title_dot(s.toks, m)) and m - start < 14:
        m += 1
    if m == start or listener_head(state, s, start) or toks[start].norm in lex.relay_saying:
        return k  # "، لوكالة الأنباء، إن" / "، قوله إن": who was told, what was said
    name = bare_name(state, s, start, m) if _is_title(state, s, speaker) else None
    if name is not None:
        # the whole phrase is the title: المستشار الإعلامي لقائد قوات الدعم السريع، عمر حامد
        title = state.text[speaker.phrase[0]:speaker.phrase[1]] if speaker.phrase else speaker.name
        speaker.name, speaker.span, speaker.kind = state.text[name[0]:name[1]], name, "name"
        speaker.role = title
        return m + 1 if m < limit and toks[m].raw in COMMAS else m
    # A name with ال-words in it (كريم عبد الحميد) may be followed by its role as well.
    if speaker.kind != "name" or not is_role_phrase(state, s, start):
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


def _is_title(state: ArticleState, s: Sentence, speaker: Speaker) -> bool:
    """A noun phrase that names no one: a role, or (Arabic) a phrase with ال-words in it."""
    if speaker.kind == "role":
        return True
    if speaker.kind != "name" or state.lex.lang != "ar":
        return False
    phrase = state.text[speaker.phrase[0]:speaker.phrase[1]] if speaker.phrase else speaker.name
    return any(w.startswith("ال") for w in tokens_of(phrase))


def bare_name(state: ArticleState, s: Sentence, start: int, end: int) -> Span | None:
    """Span of a personal name filling toks[start:end] (after an honorific), else None."""
    lex, toks = state.lex, s.toks
    words_ = [x for x in range(start, end) if toks[x].word]
    if words_ and (toks[words_[0]].norm in lex.honorifics or
                   len(words_) > 2 and lex.lang == "ar" and _nisba(toks[words_[0]].norm)):
        words_ = words_[1:]  # الدكتور، الفرنسي جان بيير لوكا: who, then the name
    if words_ and lex.lang == "ar" and toks[words_[0]].norm in lex.roles:
        return None  # رئيس جمعية التجار: a role, whatever follows it
    if not 1 <= len(words_) <= 4 or any(not toks[x].word for x in range(words_[0], end)
                                         if not joins_word(s, x) and not title_dot(s.toks, x)):
        return None
    for x in words_:
        norm = toks[x].norm
        if lex.lang == "en" and not toks[x].raw[:1].isupper() and not joins_word(s, x - 1):
            return None
        if lex.lang == "ar" and (norm.startswith(("ال", "لل")) and x == words_[0]
                                 or norm in lex.np_stops or norm in lex.np_links
                                 or verb_at(s, x, lex)):
            return None
    return toks[words_[0]].start, toks[words_[-1]].end


def is_role_phrase(state: ArticleState, s: Sentence, i: int) -> bool:
    lex, toks = state.lex, s.toks
    if lex.lang == "ar":
        return toks[i].word and toks[i].norm in lex.roles
    # ", the city engineer," / ", a professor at Kyungnam University,": a determiner opens it
    # ", his chief of staff,", ", Norland's ambassador to the UN,": a possessive opens it too
    segment = []
    for k in range(i, len(toks)):
        t = toks[k]
        if t.raw in COMMAS or is_quote_mark(t) and not _possessive_s(toks, k) or \
                t.raw in TERMINATORS and not abbreviation_dot(state, s, k, len(toks)):
            break
        segment.append(t)
    words_ = [t.norm for t in segment if t.word]
    possessive = len(words_) > 2 and words_[1] == "s" and segment[0].raw[:1].isupper()
    opens = words_[:1] and (words_[0] in ("the", "a", "an", "his", "her", "their", "its", "our")
                            or words_[0] in lex.roles or possessive)
    return 1 < len(words_) <= 12 and bool(opens) and not any(
        w in EN_CLAUSE_WORDS and not (w == "to" and x and (en_role(words_[x - 1], lex) or
                                                          words_[x - 1].isdigit()))
        for x, w in enumerate(words_))


def _possessive_s(toks: list[Tok], k: int) -> bool:
    # Norland's: the apostrophe glued between a word and its s
    return toks[k].raw in ("'", "’") and 0 < k < len(toks) - 1 and toks[k + 1].norm == "s" \
        and toks[k - 1].end == toks[k].start == toks[k + 1].start - 1


def speaker_from_np(state: ArticleState, s: Sentence, j: int, k: int, start: int,
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
        if lex.lang == "en":
            end = toks[issuer[-1]].end  # "Turkish media reports": the issuer comes first
        if lex.lang == "ar" and issuer_after_la(lex, toks[words_[0]].norm):
            start += 1  # تقرير لصحيفة ...: the ل is the genitive's, not the name's
        state.issuers.append((text[start:end], (start, end)))
    elif lex.lang == "en":
        words_ = _before_participle(lex, [toks[x].norm for x in words_], words_)
        end = min(end, toks[words_[-1]].end)
    head = toks[words_[0]].norm
    definite = head == "the"
    if lex.lang == "en" and head in ("the", "a", "an") and len(words_) > 1:
        words_ = words_[1:]
        start = toks[words_[0]].start
        head = toks[words_[0]].norm
    if lex.lang == "ar" and head[:1] in CONJ_CLITICS and head[1:] in roles_or_bodies(lex):
        head = head[1:]
    if lex.lang == "ar" and issuer_after_la(lex, head):
        head = "ال" + head[2:] if head.startswith("لل") else head[1:]  # وفقًا للوزارة، لصحيفة
    if lex.lang == "ar" and is_plural_people(head, lex):
        return _plural_speaker(text, start, end)
    is_role = head in lex.roles
    is_body = head in lex.bodies
    gender = "f" if head in lex.feminine_roles else None
    if lex.lang == "en":
        speaker = _english_speaker(state, s, words_, start, end, gender)
        if definite and speaker.kind == "name" and speaker.role is None:
            # "the Kenyan Red Cross", "the Daily Courier": a person's name takes no article
            speaker.kind = "body"
        speaker.phrase = (start, end)
        return speaker
    if not is_role and not is_body:
        titled = _name_then_title(state, s, words_)
        if titled is not None:  # دميتري بيسكوف المتحدث باسم الكرملين: the name, then its title
            name_end, role_start = toks[titled - 1].end, toks[titled].start
            return Speaker(text[start:name_end], (start, name_end),
                           role=text[role_start:end], phrase=(start, end),
                           gender="f" if toks[titled].norm in lex.feminine_roles else None)
        if len(words_) > 2 and _nisba(head) and not toks[words_[1]].norm.startswith("ال"):
            start = toks[words_[1]].start  # البرتغالي | روي فاريلا: who he is, then his name
        return Speaker(text[start:end], (start, end), gender=gender, phrase=(start, end))
    name_from = name_start(state, s, words_)
    if is_role and name_from is not None:
        role_words = words_[:words_.index(name_from)]
        while len(role_words) > 1 and toks[role_words[-1]].norm in lex.honorifics:
            role_words.pop()  # الخبير الاقتصادي | الدكتور | سامي النجار
        role_end = toks[role_words[-1]].end
        return Speaker(text[toks[name_from].start:end], (toks[name_from].start, end),
                       role=text[start:role_end], gender=gender, phrase=(start, end))
    return Speaker(text[start:end], (start, end), gender=gender,
                   kind="role" if is_role else "body", role=text[start:end] if is_role else None,
                   phrase=(start, end))


def _name_then_title(state: ArticleState, s: Sentence, words_: list[int]) -> int | None:
    """Where a title starts after a personal name with no comma between (مصطفى بايتاس
    الناطق الرسمي باسم الحكومة): a definite role word after one to three bare words."""
    lex, toks = state.lex, s.toks
    if toks[words_[0]].norm.startswith("ال"):
        return None
    for n, x in enumerate(words_[1:4], start=1):
        norm = toks[x].norm
        if norm in lex.roles and norm.startswith("ال") and len(words_) > n + 1:
            return x  # a title of two words at least: محمد الأمين is a name
        if norm.startswith("لل") or norm in lex.np_links or norm in lex.bodies or \
                norm in lex.roles:
            return None  # سامر الحلبي: a family name may carry ال, but no link or head
    return None


def _nisba(norm: str) -> bool:
    # البرتغالي، المصرية: a definite adjective of origin
    return norm.startswith("ال") and norm.endswith(("ي", "يه")) and len(norm) >= 6


def _plural_speaker(text: str, start: int, end: int) -> Speaker:
    # "officials said", قال مسؤولون: several unnamed people, no person's name and no title of
    # one holder; the phrase is the speaker as written, with no role beside it.
    return Speaker(text[start:end], (start, end), gender="p", kind="role", phrase=(start, end))


def _english_plural(state: ArticleState, s: Sentence, words_: list[int], start: int,
                    end: int) -> Speaker | None:
    """'Officials said', 'Two U.S. officials', 'Analysts at Morgan Stanley': a plural of
    people heads the phrase. Before at/from and a name, the name is the body that speaks and
    the plural its role."""
    lex, toks, text = state.lex, s.toks, state.text
    norms = [toks[x].norm for x in words_]
    head = next((i for i, n in enumerate(norms) if is_plural_people(n, lex)), None)
    if head is None:
        return None
    rest = words_[head + 1:]
    if not rest:
        return _plural_speaker(text, start, end)
    if norms[head + 1] in ("at", "from") and len(rest) > 1 and \
            all(toks[x].raw[:1].isupper() or toks[x].norm in lex.np_links for x in rest[1:]) \
            and toks[rest[1]].raw[:1].isupper():
        n_start = toks[rest[1]].start
        return Speaker(text[n_start:end], (n_start, end), kind="body",
                       role=text[start:toks[words_[head]].end], phrase=(start, end))
    return None


def _document_issuer(state: ArticleState, s: Sentence, words_: list[int]) -> list[int] | None:
    """The words naming who issued a document the phrase cites, if it cites one."""
    lex, toks = state.lex, s.toks
    norms = [toks[x].norm for x in words_]
    if lex.lang == "en":
        for i, n in enumerate(norms[:-2]):
            by = i + 2 if past_participle(norms[i + 1]) and norms[i + 2] == "by" else i + 1
            if n in lex.documents and norms[by] in ("from", "by", "of") and by + 1 < len(norms):
                rest = words_[by + 1:]
                return rest[1:] if toks[rest[0]].norm == "the" and len(rest) > 1 else rest
        return _issuer_before_document(state, s, words_)
    head = norms[0][1:] if norms[0][:1] == "ل" and norms[0][1:] in lex.documents else norms[0]
    if len(norms) > 1 and head in lex.documents:
        nxt = norms[1]
        if nxt.startswith("ال") or nxt in lex.bodies or nxt in lex.roles or \
                issuer_after_la(lex, nxt):
            return words_[1:]
    return None


def _before_participle(lex: Lexicon, norms: list[str], words_: list[int]) -> list[int]:
    """'a poll released on Tuesday', 'a study published in May': a participle after a
    document opens a reduced relative clause, no part of the document's name."""
    for i, n in enumerate(norms[:-1]):
        if n in lex.documents and past_participle(norms[i + 1]):
            return words_[:i + 1]
    return words_


def issuer_after_la(lex: Lexicon, norm: str) -> bool:
    """لصحيفة، للوكالة: ل and a body, who issued the document before it."""
    if norm.startswith("لل"):
        return "ال" + norm[2:] in lex.bodies
    return norm[:1] == "ل" and norm[1:] in lex.bodies


def _issuer_before_document(state: ArticleState, s: Sentence,
                            words_: list[int]) -> list[int] | None:
    """'Turkish media reports said', 'the agency's statement said': who issued it."""
    lex, toks = state.lex, s.toks
    if len(words_) < 2 or toks[words_[-1]].norm not in lex.documents:
        return None
    rest = words_[:-1]
    if len(rest) > 1 and toks[rest[-1]].norm == "s" and toks[rest[-1] - 1].raw in ("'", "’"):
        rest = rest[:-1]  # the possessive 's
    named = any(toks[x].raw[:1].isupper() and x != words_[0] or toks[x].norm in lex.bodies
                for x in rest) or toks[rest[0]].raw.isupper() and len(toks[rest[0]].raw) > 1
    return rest if named else None


def name_start(state: ArticleState, s: Sentence, words_: list[int]) -> int | None:
    # After a role head and its ال-complements, the first bare word starts the name:
    # وزير الخارجية الروسي | سيرغي لافروف.
    lex, toks = state.lex, s.toks
    previous = toks[words_[0]].norm
    links_seen = set()
    for n, x in enumerate(words_[1:], start=1):
        norm = toks[x].norm
        bare = norm[1:] if norm[:1] == "و" and norm[1:3] == "ال" else norm  # والتخطيط
        if norm in lex.link_names and norm in links_seen and previous.startswith("ال"):
            return x  # المتحدث باسم الحكومة | باسم العوادي: a title has one باسم
        if bare.startswith(("ال", "لل")) or norm in lex.np_links or \
                norm in lex.roles or norm in lex.bodies or norm in lex.honorifics:
            previous = bare
            links_seen.add(norm)
            continue
        if norm in lex.same_words:
            continue  # الباحثة في المركز ذاته | ليلى عيساوي
        if norm[:1] == "ل" and (norm[1:] in lex.bodies or "ال" + norm[1:] in lex.bodies or
                                lex.lang == "ar" and previous.startswith("ال") and
                                x != words_[-1] and toks[x + 1].norm.startswith("ال")):
            previous = "ال" + norm[1:]
            # الأمين العام لجامعة الدول العربية، المبعوث الخاص للرئيس لشؤون المناخ: ل and
            # a noun with its genitive after, still the title
            continue
        # A bare word after another bare noun is its complement (جامعة بغداد), and a nisba
        # after an indefinite title its adjective (مسؤول أمني): neither starts a name.
        after_title = previous.startswith(("ال", "لل")) or previous in lex.roles or \
            previous in lex.honorifics
        nisba = norm.endswith(("ي", "يه")) and not previous.startswith("ال")
        if after_title and not nisba:
            link = next((y for y in words_[n + 1:] if toks[y].norm in lex.np_links
                         and toks[y].norm != "و"), None)
            if link is None:
                return x
            # سفير روسيا لدى الأمم المتحدة: a bare genitive, for a name holds no link
            previous = norm
            continue
        if previous in lex.np_links and n >= 2 and toks[words_[n - 2]].norm not in lex.roles:
            previous = "ال" + norm  # مراسل القناة في دمشق: the place closes the title
            continue
        previous = norm
    return None


def _english_speaker(state: ArticleState, s: Sentence, words_: list[int], start: int, end: int,
                     gender: str | None) -> Speaker:
    lex, toks, text = state.lex, s.toks, state.text
    plural = _english_plural(state, s, words_, start, end)
    if plural is not None:
        return plural
    norms = [toks[x].norm for x in words_]
    if any(n in lex.feminine_roles for n in norms):
        gender = "f"
    elif any(n in ("spokesman", "chairman", "king", "prince", "mr") for n in norms):
        gender = "m"
    last_role = max((i for i, n in enumerate(norms) if en_role(n, lex)), default=None)
    if last_role is not None and last_role + 2 < len(words_) and \
            norms[last_role + 1] in ("of", "for"):
        # "Minister of Public Works and Transport Ali Hamieh": the office's field, then a name
        field = max((i for i, n in enumerate(norms) if n in lex.office_fields), default=None)
        if field is not None and field > last_role + 1 and field + 1 < len(words_):
            last_role = field
    if last_role is not None and last_role + 1 < len(words_):
        name_toks = words_[last_role + 1:]
        if toks[name_toks[0]].raw[:1].isupper() and any(toks[x].norm in lex.bodies
                                                        for x in name_toks):
            # "the official Korean Central News Agency": a body, its adjective no title
            return Speaker(text[toks[name_toks[0]].start:end], (toks[name_toks[0]].start, end),
                           gender=gender, kind="body")
        if all(toks[x].raw[:1].isupper() or joins_word(s, x - 1) or
               toks[x].norm in lex.name_particles and x != name_toks[0] for x in name_toks):
            n_start = toks[name_toks[0]].start
            role_words = [x for x in words_[:last_role + 1] if toks[x].norm not in lex.honorifics]
            role = text[toks[role_words[0]].start:toks[role_words[-1]].end] if role_words else None
            return Speaker(text[n_start:end], (n_start, end), role=role, gender=gender)
    if last_role is not None and (all(n in lex.roles or n in lex.np_links or
                                      not toks[x].raw[:1].isupper()
                                      for n, x in zip(norms, words_, strict=True)) or
                                  last_role == len(words_) - 1 and
                                  not any(n in lex.bodies for n in norms)):
        # ("the South Korean minister": a title ends the phrase, no name after it)
        return Speaker(text[start:end], (start, end), role=text[start:end], gender=gender,
                       kind="role")
    kind = "body" if any(n in lex.bodies for n in norms) else "name"
    return Speaker(text[start:end], (start, end), gender=gender, kind=kind)


def post_modifier(s: Sentence, k: int) -> bool:
    """The preposition of 'familiar with' / 'close to' after a source: part of its phrase."""
    toks = s.toks
    return k > 0 and toks[k].norm in ("with", "to") and toks[k - 1].norm in ("familiar", "close")
