"""What the extraction passes share: events, speakers, questions, the article's state, and
matching of words and phrases from the language tables."""

from collections import deque
from dataclasses import dataclass, field
from functools import lru_cache

from factcheck.lexicon import Cue, Lexicon, Phrase, Phrases
from factcheck.model import Claim, Span
from factcheck.normalize import WORD_RE, fold_word, unmarked
from factcheck.sentences import (
    Sentence,
    Tok,
)

CONJ_CLITICS = ("و", "ف")


MAX_NP_WORDS = 10


EN_DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "our", "one", "two", "three",
                   "four", "five", "six", "several", "many", "some", "other", "most", "few"}


# Words that make a run of words a clause, not a speaker's noun phrase.
EN_CLAUSE_WORDS = {"that", "which", "who", "is", "was", "were", "are", "be", "been", "will",
                    "would", "not", "to", "if", "because", "when", "it", "there", "this",
                    "could", "should", "can", "may", "might", "did", "does", "do", "had", "has",
                    "have", "said", "says", "told"}


# Words that open a clause the subject starts after ("a week later, when Hale dismissed ...").
EN_CLAUSE_JOINERS = {"and", "but", "while", "as", "after", "before", "since", "although",
                     "when", "because", "though", "whereas", "until", "unless"}


EN_ADVERBS = {"later", "then", "earlier", "also", "previously", "again", "repeatedly",
               "recently", "separately", "meanwhile"}


# Lower-case words that may stand in an English speaker's noun phrase ("senior state media").
EN_NP_MODIFIERS = {"state", "foreign", "top", "local", "senior", "deputy", "former", "chief",
                    "defence", "defense", "interior", "health", "finance", "news", "press",
                    "official", "government", "military", "security", "regional", "federal",
                    "national", "international", "independent", "s"}


@dataclass(eq=False)  # events are compared and hashed by identity
class Event:
    """A place in a sentence where a report begins."""

    kind: str  # "verb", "participle", "source", "speculation"
    first: int  # first token of the cue
    last: int  # last token of the cue (inclusive)
    cue: Cue | None = None
    conj: bool = False  # the cue carried a leading و/ف: a new clause
    cue_start: int = 0  # character offset of the cue without its clitic
    # a document's report inside another's content (نفى الكرملين تقارير أشارت إلى ...): a
    # claim of its own that does not end the content it stands in
    nested: bool = False


@dataclass
class Speaker:
    name: str
    span: Span
    role: str | None = None
    gender: str | None = None
    kind: str = "name"  # "name", "body", "role" or "pronoun"
    phrase: Span | None = None  # the whole noun phrase, title and name, where it was read

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
class ArticleState:
    text: str
    lex: Lexicon
    # the speakers so far, latest first
    recent: deque[tuple[Speaker, str | None]] = field(default_factory=deque)
    # folded words of every person named so far, by their last word: كاظمي -> [رضا, كاظمي]
    known_names: dict[str, list[str]] = field(default_factory=dict)
    # the last person the narration named, and how far the text has been read for one
    narrated: Speaker | None = None
    narration_read: int = 0
    # who issued each document a speaker phrase cited (تقرير لصحيفة X -> X), in reading order:
    # a later "التقرير" stands for the last of them
    issuers: list[tuple[str, Span]] = field(default_factory=list)

    def remember(self, claim: Claim) -> None:
        kind = {"person": "name"}.get(claim.speaker_kind, claim.speaker_kind)
        self.recent.appendleft((Speaker(claim.speaker, claim.speaker_span, claim.role,
                                       claim.gender, kind), claim.gender))
        if kind == "name":
            words_ = tokens_of(claim.speaker)
            if words_:
                self.known_names.setdefault(words_[-1], words_)


def match_len(s: Sentence, i: int, phrases: Phrases, *, clitic: bool = False) -> int:
    """Length in tokens of the longest phrase starting at token i, else 0."""
    toks = s.toks
    if i >= len(toks):
        return 0
    t = toks[i]
    if not t.word:
        return 0
    first = t.norm
    by_first = phrases.by_first
    candidates = by_first.get(first, ())
    if clitic and first[:1] in CONJ_CLITICS:
        stripped = by_first.get(first[1:])
        if stripped:  # most words open no phrase: no tuple built for them
            candidates = (*candidates, *stripped)
    for p in candidates:
        if phrase_at(toks, i, p):
            return len(p)
    return 0


def phrase_at(toks: list[Tok], i: int, p: Phrase) -> bool:
    n = len(p)
    if i + n > len(toks):
        return False
    for k in range(1, n):  # a loop, not all() over a generator: most phrases are one word
        t = toks[i + k]
        if not t.word or t.norm != p[k]:
            return False
    return True


def clitic_used(s: Sentence, i: int, phrases: tuple[Phrase, ...]) -> bool:
    """Whether the phrase matched at i needed a leading و/ف stripped (ووفقًا، وبحسب)."""
    return match_len(s, i, phrases) == 0 and match_len(s, i, phrases, clitic=True) > 0


def verb_at(s: Sentence, i: int, lex: Lexicon) -> tuple[Cue, int, bool] | None:
    """The cue verb starting at token i: (cue, length in tokens, has a و/ف clitic)."""
    toks = s.toks
    first = toks[i].norm
    lengths = _verb_lengths(lex.verbs)
    sizes = lengths.get(first, ())
    if lex.lang == "ar" and first[:1] in CONJ_CLITICS:
        more = lengths.get(first[1:])
        if more:  # (sizes alone are sorted and distinct already)
            sizes = sorted({*sizes, *more}, reverse=True)
    for n in sizes:
        if n > len(toks) - i:
            continue
        key = (first,) if n == 1 else tuple([t.norm for t in toks[i:i + n]])
        if key in lex.verbs:
            return lex.verbs[key], n, False
        if lex.lang == "ar" and key[0][:1] in CONJ_CLITICS and \
                key[0] not in lex.clitic_lookalikes:
            stripped = (key[0][1:], *key[1:])
            if stripped in lex.verbs:
                return lex.verbs[stripped], n, True
    return None


# Unions of tables asked for on every token: one set per table, not a union per call.
_UNIONS: dict[tuple[int, str], tuple[Lexicon, frozenset[str]]] = {}


def _union(lex: Lexicon, key: str, build) -> frozenset[str]:
    held = _UNIONS.get((id(lex), key))
    if held is None or held[0] is not lex:
        held = lex, frozenset(build())
        _UNIONS[(id(lex), key)] = held
    return held[1]


def title_words(lex: Lexicon) -> frozenset[str]:
    """Words that head or link a title or body (roles, bodies, documents, honorifics, links)."""
    return _union(lex, "title", lambda: lex.roles | lex.bodies | lex.documents |
                  lex.honorifics | lex.np_links)


def roles_or_bodies(lex: Lexicon) -> frozenset[str]:
    return _union(lex, "heads", lambda: lex.roles | lex.bodies)


def before_cue_words(lex: Lexicon) -> frozenset[str]:
    """Auxiliaries and adverbs that may stand between an English subject and its cue."""
    return _union(lex, "before_cue", lambda: lex.auxiliaries | EN_ADVERBS)


_VERB_LENGTHS: dict[int, tuple[dict, dict[str, tuple[int, ...]]]] = {}


def _verb_lengths(verbs: dict[Phrase, Cue]) -> dict[str, tuple[int, ...]]:
    """The lengths of the cue verbs beginning with each word, longest first (per table)."""
    held = _VERB_LENGTHS.get(id(verbs))
    if held is None or held[0] is not verbs:
        out: dict[str, set[int]] = {}
        for key in verbs:
            out.setdefault(key[0], set()).add(len(key))
        held = verbs, {w: tuple(sorted(ns, reverse=True)) for w, ns in out.items()}
        _VERB_LENGTHS[id(verbs)] = held
    return held[1]


_TO_BE = {("to", "be"), ("to", "have"), ("to", "been")}


def is_reporting_use(s: Sentence, i: int, lex: Lexicon) -> bool:
    # "the said agreement", "to warn": a cue word that reports nothing here
    if lex.lang != "en" or i == 0:
        return True
    prev = s.toks[i - 1]
    if prev.norm in lex.cue_noun_after or prev.word and verb_at(s, i - 1, lex):
        return False  # "denied claims that", "cited alleged whistle-blowers"
    if s.toks[i].norm in lex.cue_noun_forms and prev.word and (
            prev.norm in lex.cue_noun_form_after or prev.norm.endswith("ed") and
            prev.raw.islower() and prev.norm not in lex.auxiliaries):
        return False  # "her own plans to", "the revolution dampened plans to return"
    if prev.norm in lex.cue_passive_after and s.toks[i].norm.endswith(("ed", "said")):
        cue = verb_at(s, i, lex)
        if cue is None or cue[0].lemma not in lex.relay_lemmas:
            return False  # "10,100 people are reported missing": no one reports here
    if i + 2 < len(s.toks) and (s.toks[i + 1].norm, s.toks[i + 2].norm) in _TO_BE:
        return False  # "a group believed to be based in ...": no one reports
    if i + 1 < len(s.toks) and s.toks[i].norm in ("believed", "thought") and \
            s.toks[i + 1].norm.endswith("ed"):
        return False  # "organizations believed linked to ..."
    if i + 1 < len(s.toks) and s.toks[i + 1].norm == "by" and s.toks[i].norm.endswith("ed"):
        return False  # "regions claimed by Norland": a passive participle, no one reports
    # "an official, who asked not to be named, said": a request in a relative clause
    return not (s.toks[i - 1].norm == "who" and i + 1 < len(s.toks)
                and s.toks[i + 1].norm in {"not", "to"})


def joins_word(s: Sentence, k: int) -> bool:
    toks = s.toks
    return (toks[k].raw in ("-", "‑", "'", "’") and 0 < k < len(toks) - 1
            and toks[k - 1].end == toks[k].start and toks[k].end == toks[k + 1].start
            and toks[k + 1].word)


def past_participle(norm: str) -> bool:
    """'released', 'published', 'based': an English word shaped as a past participle, long
    enough that 'red' or 'bed' is not one."""
    return norm.endswith("ed") and len(norm) > 4


def is_preposition(t: Tok, lex: Lexicon) -> bool:
    # Folding writes على (on) and the name علي alike; the alef maqsura tells them apart.
    return t.norm in lex.prepositions and not (t.norm == "علي" and t.raw.endswith("ي"))


def en_role(norm: str, lex: Lexicon) -> bool:
    # "prosecutors", "officials": plurals of role words too
    return norm in lex.roles or norm.endswith("s") and norm[:-1] in lex.roles


def pronoun_gender(norm: str) -> str | None:
    return {"he": "m", "she": "f", "they": "p", "it": "b", "we": "p"}.get(norm)


def pronoun_object(s: Sentence, ev: Event, lex: Lexicon) -> bool:
    """Does the cue carry its object as a pronoun (واعتبره، ووصفها)?"""
    if ev.kind != "verb" or not lex.pronoun_object_forms:
        return False
    norm = s.toks[ev.first].norm
    return norm in lex.pronoun_object_forms or \
        ev.conj and norm[1:] in lex.pronoun_object_forms


def content_intro(state: ArticleState, s: Sentence, j: int) -> bool:
    if j >= len(s.toks):
        return False
    t = s.toks[j]
    return t.norm in state.lex.clause_complementizers or t.raw == ":" or bool(s.quote_opening_at(j))


_POSSESSIVES = ("هما", "ها", "هم", "ه")  # longest first


def verbal_noun(t: Tok, lex: Lexicon, *, prefix: int = 0) -> bool:
    """A masdar (وقوع، استمرار، تسريح), after `prefix` letters of clitic, by the tables."""
    if not t.word or lex.verbal_noun_re is None:
        return False
    if t.norm[prefix:] in lex.verbal_nouns:
        return True
    letters = unmarked(t.raw)[prefix:]
    if letters.startswith("ال"):
        letters = letters[2:]  # the article is no part of the template: العام is not إفعال
    elif lex.lang == "ar":
        # استغرابه، رفضها: the masdar with its possessive, which takes no article
        suffix = next((x for x in _POSSESSIVES if letters.endswith(x)), "")
        bare = letters[:len(letters) - len(suffix)]
        if suffix and len(bare) >= 4 and (bare in lex.verbal_nouns or
                                          lex.verbal_noun_re.fullmatch(bare) is not None):
            return True
    return lex.verbal_noun_re.fullmatch(letters) is not None


def is_ba_object(t: Tok, lex: Lexicon) -> bool:
    """بوجود، بالاتفاق، بفتح: ب on a verbal noun, the object of طالب/اعترف. Names that begin
    with the letter (بشار، بسام) are not, nor بالدولة, nor a manner word (بالإجماع)."""
    prefix = lex.ba_prefix
    if not prefix or not t.word or not t.norm.startswith(prefix) or \
            t.norm in lex.np_links or t.norm in lex.np_stops:
        return False
    n = len(prefix)
    if t.norm.startswith("ال", n):
        n += 2
    return verbal_noun(t, lex, prefix=n)


def ba_offset(t: Tok, lex: Lexicon) -> int:
    """Characters of the ب clitic (with any mark on it) at the start of `t`'s text."""
    k = len(lex.ba_prefix)
    while k < len(t.raw) and unmarked(t.raw[k]) == "":
        k += 1
    return k


def tokens_of(name: str) -> list[str]:
    return list(_name_words(name))


@lru_cache(maxsize=20_000)
def _name_words(name: str) -> tuple[str, ...]:
    return tuple(w for w in (fold_word(m.group()) for m in WORD_RE.finditer(name))
                 if w not in ("the", "a", "an"))


def is_plural_people(norm: str, lex: Lexicon) -> bool:
    """A plural naming several unnamed people: officials, ministers, مسؤولون، المحللين, شهود."""
    if lex.lang == "en":
        return norm in lex.plural_people or norm not in lex.roles and en_role(norm, lex)
    if norm[:1] == "و" and len(norm) > 3 and (norm[1:] in lex.plural_people or
                                              norm[1:3] == "ال"):
        norm = norm[1:]  # وشهود، والمحللون
    bare = norm[2:] if norm.startswith("ال") else norm
    if norm in lex.plural_people or bare in lex.plural_people:
        return True
    # the sound plural of a title: مسؤول+ون، المحلل+ين
    return norm.endswith(("ون", "ين")) and (norm[:-2] in lex.roles or bare[:-2] in lex.roles)
