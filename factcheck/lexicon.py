"""The language rules compiled for lookup: folded word sets and phrase tables, built once.

The words themselves live in factcheck/rules/<lang>.toml; this module only gives them the
shapes the extractor looks them up in.
"""

import re
from dataclasses import dataclass
from functools import cache

from factcheck.normalize import WORD_RE, fold, unmarked, words
from factcheck.rules import rules_for

Phrase = tuple[str, ...]


class Phrases:
    """Phrases of folded words, indexed by their first word, longest first."""

    def __init__(self, items) -> None:
        self.all: tuple[Phrase, ...] = tuple(sorted(set(items), key=len, reverse=True))
        self.by_first: dict[str, tuple[Phrase, ...]] = {}
        for p in self.all:
            self.by_first[p[0]] = (*self.by_first.get(p[0], ()), p)

    def __iter__(self):
        return iter(self.all)

    def __getitem__(self, index):
        return self.all[index]

    def firsts(self) -> set[str]:
        return set(self.by_first)


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue verb form: its lemma, what kind of statement it reports, and the gender it marks."""

    lemma: str
    modality: str
    gender: str | None  # "f", "m", "p" or None when the form does not say


@dataclass(frozen=True)
class Lexicon:
    lang: str
    verbs: dict[Phrase, Cue]
    clitic_lookalikes: frozenset[str]  # ورد: not و + the cue رد
    participles: dict[str, Cue]
    clause_complementizers: frozenset[str]
    prepositions: frozenset[str]
    sources: Phrases
    source_not_speakers: frozenset[str]  # heads after a source phrase that name no speaker
    cue_noun_after: frozenset[str]  # words after which a cue word is a noun (denied claims)
    cue_passive_after: frozenset[str]  # words after which a cue is a passive participle
    attached_prefix: str
    source_not_after: frozenset[str]  # نفى ما ورد في: a relative clause, no source
    source_resumptive: frozenset[str]  # بحسب ما أفاد به: the pronoun after the slot's verb
    source_relatives: frozenset[str]  # بحسب ما، وفقًا لما: the word before the slot's verb
    source_clause_only: frozenset[str]  # per: a source only opening a clause ('..., per X')
    source_not_next: frozenset[str]  # per cent, per capita: a rate, no source
    relay_lemmas: frozenset[str]
    clause_only_lemmas: frozenset[str]  # cues that report only with a clause (shows that)
    quote_only_lemmas: frozenset[str]  # cues that report only beside a quotation (continued)
    object_first_lemmas: frozenset[str]  # the phrase after them is their object, not a speaker
    infinitive_only_lemmas: frozenset[str]  # cues that report only before "to" (wants to)
    relay_marker: str
    relay_saying: frozenset[str]
    relay_denying: frozenset[str]  # نقلت عن الوزير نفيه ...: the one quoted denied it
    relay_report: frozenset[str]
    relay_carriers: frozenset[str]  # في تصريح نقلته وكالة X: X carried it
    outlet_reports: frozenset[str]  # "X reported that P, citing Y": Y gave P, not X's report
    speculation_lead: Phrases
    speculation_nouns: frozenset[str]
    speculation_adjectives: Phrases
    speculation_links: frozenset[str]
    question_heads: Phrases
    question_about: Phrases
    question_topics: Phrases
    negators: frozenset[str]
    negator_phrases: Phrases
    not_negation: Phrases
    negation_embedders: frozenset[str]  # words opening a clause whose negation is not the claim's
    # words after which an embedder is a pronoun, no clause ("after that there were no talks")
    pronoun_after: frozenset[str]
    roles: frozenset[str]
    bodies: frozenset[str]
    feminine_roles: frozenset[str]
    honorifics: frozenset[str]
    name_particles: frozenset[str]  # lower-case words inside a personal name (bin, al, van)
    plural_people: frozenset[str]  # plurals that name several unnamed people (officials)
    unnamed: frozenset[str]  # heads of a speaker phrase that name nobody (a source, مصدر)
    unnamed_after: frozenset[str]  # words that may follow such a head in English (close to)
    offices: Phrases  # two-word titles that name another office than their head word
    office_fields: frozenset[str]  # what a title's "of" names: the name follows the last
    documents: frozenset[str]
    topic_only_lemmas: frozenset[str]  # تحدث عن: says what about, not what
    np_links: frozenset[str]
    np_stops: frozenset[str]
    title_links: frozenset[str]  # stops that link a title to a body (سفير ... لدى الأمم)
    source_clause_verbs: frozenset[str]  # مسؤول | طلب عدم الكشف: a source's own clause
    times: frozenset[str]  # nouns of time (اليوم، الشهر): a time phrase's head
    link_names: frozenset[str]  # links that are given names too (باسم)
    manner: Phrases  # جملة وتفصيلا: manner phrases after the speaker
    statement_anaphors: frozenset[str]  # البيان: stands for who gave the last statement
    statements: frozenset[str]  # words that say a report was given in a statement
    source_anaphors: frozenset[str]  # المصدر: the latest unnamed source described before
    anonymous_heads: frozenset[str]  # heads of an unnamed source's description
    plural_source_anaphors: frozenset[str]  # المصادر: the latest several unnamed sources
    plural_anonymous_heads: frozenset[str]
    same_words: frozenset[str]  # "the same": المتحدث ذاته is the speaker named before
    topic_words: frozenset[str]  # أما X فقال: X is the speaker of the فـ cue after it
    aside_words: frozenset[str]  # relative words opening an aside after the speaker
    the_speaker: frozenset[str]  # a bare title meaning the one speaking (المتحدث)
    epithet_heads: frozenset[str]  # heads of an epithet fitting any office (المسؤول الحكومي)
    occasions: frozenset[str]
    speech_occasions: frozenset[str]  # occasions complete without a genitive (في بيان)
    dated: frozenset[str]  # time nouns before a number: عام 2021
    connectives: Phrases
    listeners: frozenset[str]
    outlets: frozenset[str]  # first words of news outlets' names, spoken to after ل
    pronouns: frozenset[str]
    object_starts: frozenset[str]
    auxiliaries: frozenset[str]
    object_lemmas: frozenset[str]
    pronoun_object_forms: frozenset[str]  # واعتبره جزءا: the object a pronoun on the cue
    verbal_noun_lemmas: frozenset[str]  # cues whose masdar object is what was said
    ba_object_lemmas: frozenset[str]  # cues whose object follows ب (طالب بفتح تحقيق)
    participle_objects: frozenset[str]  # participles whose object is what was said
    participle_leads: frozenset[str]  # words after which a participle reports (by saying)
    participles_to: frozenset[str]  # participles that report an infinitive (promising to)
    progressive: dict[str, Cue]  # "is telling": a participle after these auxiliaries is a verb
    progressive_auxiliaries: frozenset[str]
    object_nouns: frozenset[str]  # nouns of what is reported or denied (صحة الأنباء)
    ba_prefix: str
    verbal_noun_re: re.Pattern | None  # masdar templates, matched on unmarked letters
    verbal_nouns: frozenset[str]
    content_stops: Phrases
    parenthetical_not_before: frozenset[str]  # ", said Moss, who ...": the aside goes on
    clause_verbs: frozenset[str]  # auxiliaries and forms of be/have: a clause has its verb
    object_cues: frozenset[str]  # lemmas whose content is an object: "denied the charges"
    report_openers: Phrases  # فيما، في وقت: a narrator's clause a new report stands in
    cue_resumptive: frozenset[str]  # زعمت فيه: the pronoun after a cue, no speaker
    issuing: frozenset[str]  # نشرت الإذاعة تقريرا زعمت فيه: who issued it speaks
    issued: frozenset[str]  # بيانا، تقريرا: what is issued, never part of a name
    skip_prefixes: tuple[str, ...]
    datelines: tuple[re.Pattern, ...]  # what opens a line before its text: CITY (Agency) -
    skip_prefix_len: int  # characters of a line enough to hold any skip prefix, with marks
    max_verb_len: int
    triggers: frozenset[str]  # first words of anything that can open a report, with و/ف
    negation_firsts: frozenset[str]  # first words of negators and of their exceptions
    object_topics: Phrases = Phrases(())  # وهو ما نفته: the matter before the comma is said
    object_topic_suffixes: tuple[str, ...] = ()  # the pronoun on that cue standing for it
    occasion_leads: frozenset[str] = frozenset()  # said in/on/at ...: where, not what
    # cues whose object is what a document holds, clause or not: "a poll shows X leading"
    document_object_lemmas: frozenset[str] = frozenset()
    cue_noun_forms: frozenset[str] = frozenset()  # plan, hope: a noun as often as a cue
    cue_noun_form_after: frozenset[str] = frozenset()  # "her own plans": then a noun
    noun_cues: dict[str, Cue] | None = None  # "the senator's claim that": a noun that reports
    possessives: frozenset[str] = frozenset()  # his, her, their: a possessor standing for one
    expected: frozenset[str] = frozenset()  # "is expected to": an expectation, no speaker
    expected_after: frozenset[str] = frozenset()
    bare_clause_verbs: frozenset[str] = frozenset()  # "hope the ruling will stand": a clause
    negated_auxiliaries: Phrases = Phrases(())  # "does not believe": part of the cue
    party_tag: re.Pattern | None = None  # (R-Utah), R-Ky.: a legislator's party and state


def _pattern(source: str | None) -> re.Pattern | None:
    return re.compile(source) if source else None


def phrase(text: str) -> Phrase:
    return tuple(words(text))


def _phrases(items) -> Phrases:
    # Longest first, so that a longer phrase wins over its own beginning.
    return Phrases(phrase(i) for i in items if phrase(i))


def _set(items) -> frozenset[str]:
    return frozenset(fold(i) for i in items)


def _gender(lang: str, lemma: str, form: str) -> str | None:
    """The gender (or plural) a verb form marks: قالت f, يقول m, قالوا p; English marks none."""
    if lang == "en":
        return None
    if form == lemma:
        return "m"
    if form.endswith(("وا", "ون")):
        return "p"
    if form.endswith("ت"):
        return "f"  # قالت، نفت، رأت: the past tense's feminine ending
    if form.startswith("تت") or form.startswith("ت") and not lemma.startswith("ت"):
        return "f"  # تقول، تتابع
    return "m"


def _verbs(lang: str, table: dict) -> dict[Phrase, Cue]:
    out: dict[Phrase, Cue] = {}
    for modality, lemmas in table.items():
        for lemma, forms in lemmas.items():
            lemma_f = fold(lemma)
            # An English lemma is a key only ("demand", "report" are nouns too); Arabic lemmas
            # are the third person past, itself a cue form.
            for form in ([lemma, *forms] if lang == "ar" else forms):
                form_f = fold(form)
                out[phrase(form)] = Cue(lemma_f, modality, _gender(lang, lemma_f, form_f))
    return out


def _participles(raw: dict) -> dict[str, Cue]:
    denial = _set(raw.get("denial", []))
    out = {}
    for gender, key in (("m", "masculine"), ("f", "feminine"), ("p", "plural"),
                        (None, "neutral")):
        for form in raw.get(key, []):
            f = fold(form)
            out[f] = Cue(f, "denial" if f in denial else "assertion", gender)
    return out


def _progressive(verbs: dict[Phrase, Cue], participles: dict[str, Cue],
                 only: frozenset[str] = frozenset()) -> dict[str, Cue]:
    """The English participles whose verb is a cue ("telling" of tell), as that verb's cue, so
    that "is telling reporters" reads as "told reporters" does; those that are cues only so
    ("is hoping to") keep the verb's modality."""
    by_lemma = {cue.lemma: cue for cue in verbs.values()}
    out = {}
    for form in only:
        stem = form[:-3]
        for lemma in (stem, stem + "e", stem[:-1], stem[:-1] + "y"):
            if lemma in by_lemma:
                out[form] = by_lemma[lemma]
                break
    for form, part in participles.items():
        if not form.endswith("ing"):
            continue
        stem = form[:-3]
        for lemma in (stem, stem + "e", stem[:-1], stem[:-1] + "y"):
            if lemma in by_lemma:
                cue = by_lemma[lemma]
                out[form] = Cue(cue.lemma, part.modality, cue.gender)
                break
    return out


def _noun_cues(table: dict) -> dict[str, Cue]:
    return {fold(noun): Cue(fold(noun), modality, None)
            for modality, nouns in table.items() if modality != "possessives" for noun in nouns}


def _complementizers(raw: dict) -> frozenset[str]:
    base = [fold(c) for c in raw["clause"]]
    suffixed = [b + fold(s) for b in base for s in raw.get("pronoun_suffixes", [])]
    return frozenset(base + suffixed)


@cache
def lexicon(lang: str) -> Lexicon:
    """The compiled rules of `lang`."""
    r = rules_for(lang).raw
    verbs = _verbs(lang, r["verbs"])
    negation = r["negation"]
    negators = frozenset(p[0] for p in _phrases(negation["particles"]) if len(p) == 1)
    not_negation = _phrases(negation["not_negation"])
    negator_phrases = _phrases(negation["phrases"])
    return Lexicon(
        lang=lang,
        verbs=verbs,
        clitic_lookalikes=_set(r.get("clitic_lookalikes", {}).get("words", [])),
        participles=_participles(r["participles"]),
        clause_complementizers=_complementizers(r["complementizers"]),
        prepositions=_set(r["complementizers"]["prepositions"]),
        sources=_phrases(r["sources"]["phrases"]),
        source_not_speakers=_set(r["sources"].get("not_speakers", [])),
        cue_noun_after=_set(r.get("cues", {}).get("noun_after", [])),
        cue_passive_after=_set(r.get("cues", {}).get("passive_after", [])),
        attached_prefix=fold(r["sources"]["attached_prefix"]),
        source_not_after=_set(r["sources"].get("not_after", [])),
        source_resumptive=_set(r["sources"].get("resumptive", [])),
        source_relatives=_set(r["sources"].get("relatives", [])),
        source_clause_only=_set(r["sources"].get("clause_only", [])),
        source_not_next=_set(r["sources"].get("not_next", [])),
        relay_lemmas=_set(r["relay"]["verbs"]),
        clause_only_lemmas=_set(r.get("cues", {}).get("clause_only", [])),
        quote_only_lemmas=_set(r.get("cues", {}).get("quote_only", [])),
        object_first_lemmas=_set(r.get("cues", {}).get("object_first", [])),
        infinitive_only_lemmas=_set(r.get("cues", {}).get("infinitive_only", [])),
        document_object_lemmas=_set(r.get("cues", {}).get("document_object", [])),
        cue_noun_forms=_set(r.get("cues", {}).get("noun_forms", [])),
        cue_noun_form_after=_set(r.get("cues", {}).get("noun_after_nouns", [])),
        noun_cues=_noun_cues(r.get("noun_cues", {})),
        possessives=_set(r.get("noun_cues", {}).get("possessives", [])),
        expected=_set(r["speculation"].get("expected", [])),
        expected_after=_set(r["speculation"].get("expected_after", [])),
        bare_clause_verbs=_set(r.get("cues", {}).get("bare_clause_verbs", [])),
        negated_auxiliaries=_phrases(r.get("cues", {}).get("negated_auxiliaries", [])),
        relay_marker=fold(r["relay"]["marker"]),
        relay_saying=_set(r["relay"]["saying"] + r["relay"].get("denying", [])),
        relay_denying=_set(r["relay"].get("denying", [])),
        relay_report=_set(r["relay"].get("carries", [])),
        relay_carriers=_set(r["relay"].get("carriers", [])),
        outlet_reports=_set(r["relay"].get("outlet_reports", [])),
        speculation_lead=_phrases(r["speculation"]["lead"]),
        speculation_nouns=_set(r["speculation"]["nouns"]),
        speculation_adjectives=_phrases(r["speculation"]["adjectives"]),
        speculation_links=_set(r["speculation"]["links"]),
        question_heads=_phrases(r["questions"]["heads"]),
        question_about=_phrases(r["questions"]["about"]),
        question_topics=_phrases(r["questions"]["topics"]),
        negators=negators,
        negator_phrases=negator_phrases,
        not_negation=not_negation,
        negation_embedders=_set(negation.get("embedders", [])),
        pronoun_after=_set(negation.get("pronoun_after", [])),
        roles=_set(r["speakers"]["roles"]),
        bodies=_set(r["speakers"]["bodies"]),
        feminine_roles=_set(r["speakers"]["feminine_roles"]),
        honorifics=_set(r["speakers"]["honorifics"]),
        name_particles=_set(r["speakers"].get("name_particles", [])),
        plural_people=_set(r["speakers"].get("plural_people", [])),
        unnamed=_set(r["speakers"].get("unnamed", [])),
        unnamed_after=_set(r["speakers"].get("unnamed_after", [])),
        offices=_phrases(r["speakers"]["offices"]),
        office_fields=_set(r["speakers"].get("office_fields", [])),
        documents=_set(r["speakers"]["documents"]),
        topic_only_lemmas=_set(r["speakers"].get("topic_only", [])),
        np_links=_set(r["speakers"]["links"]),
        np_stops=_set(r["speakers"]["stops"]),
        title_links=_set(r["speakers"].get("title_links", [])),
        source_clause_verbs=_set(r["speakers"].get("source_clause_verbs", [])),
        times=_set(r["speakers"].get("times", [])),
        link_names=_set(r["speakers"].get("link_names", [])),
        manner=_phrases(r["speakers"].get("manner", [])),
        statement_anaphors=_set(r["speakers"].get("statement_anaphors", [])),
        statements=_set(r["speakers"].get("statements", [])),
        source_anaphors=_set(r["speakers"].get("source_anaphors", [])),
        anonymous_heads=_set(r["speakers"].get("anonymous_heads", [])),
        plural_source_anaphors=_set(r["speakers"].get("plural_source_anaphors", [])),
        plural_anonymous_heads=_set(r["speakers"].get("plural_anonymous_heads", [])),
        same_words=_set(r["speakers"].get("same", [])),
        topic_words=_set(r["speakers"].get("topic", [])),
        aside_words=_set(r["speakers"].get("asides", [])),
        the_speaker=_set(r["speakers"].get("the_speaker", [])),
        epithet_heads=_set(r["speakers"].get("epithet_heads", [])),
        occasions=_set(r["speakers"]["occasion_after_fi"]),
        speech_occasions=_set(r["speakers"].get("speech_occasions", [])),
        dated=_set(r["speakers"].get("dated", [])),
        connectives=_phrases(r["speakers"]["connectives"]),
        listeners=_set(r["speakers"]["listeners"]),
        outlets=_set(r["speakers"].get("outlets", [])),
        pronouns=_set(r["speakers"]["pronouns"]),
        object_starts=_set(r["speakers"]["object_starts"]),
        auxiliaries=_set(r["speakers"]["auxiliaries"]),
        object_lemmas=_set(r["objects"]["lemmas"]),
        pronoun_object_forms=_set(r["objects"].get("pronoun_forms", [])),
        verbal_noun_lemmas=_set(r["objects"]["verbal_noun_lemmas"]),
        ba_object_lemmas=_set(r["objects"]["ba_lemmas"]),
        participle_objects=_set(r["participles"].get("objects", [])),
        participle_leads=_set(r["participles"].get("leads", [])),
        participles_to=_set(r["participles"].get("infinitive", [])),
        progressive=_progressive(verbs, _participles(r["participles"]),
                                 _set(r["participles"].get("progressive_only", []))),
        progressive_auxiliaries=_set(r["participles"].get("progressive_after", [])),
        object_nouns=_set(r["objects"].get("nouns", [])),
        ba_prefix=fold(r["objects"]["ba_prefix"]),
        verbal_noun_re=_templates_re(r["objects"]["verbal_noun_templates"]),
        verbal_nouns=_set(r["objects"]["verbal_nouns"]),
        content_stops=_phrases(r["content"]["stops"]),
        parenthetical_not_before=_set(r["content"].get("parenthetical_not_before", [])),
        clause_verbs=_set(r["content"].get("clause_verbs", [])),
        object_cues=_set(r["content"].get("object_cues", [])),
        report_openers=_phrases(r["content"].get("report_openers", [])),
        cue_resumptive=_set(r["content"].get("resumptive", [])),
        issuing=_set(r["content"].get("issuing", [])),
        issued=_set(r["content"].get("issued", [])),
        skip_prefixes=tuple(fold(p) for p in r["lines"]["skip_prefixes"]),
        datelines=tuple(re.compile(p) for p in r["lines"].get("datelines", [])),
        skip_prefix_len=2 * max(len(p) for p in r["lines"]["skip_prefixes"]) + 4,
        max_verb_len=max(len(k) for k in verbs),
        triggers=_triggers(lang, r, verbs),
        negation_firsts=negators | not_negation.firsts() | negator_phrases.firsts(),
        object_topics=_phrases(r.get("object_topics", {}).get("relatives", [])),
        object_topic_suffixes=tuple(fold(x) for x in
                                    r.get("object_topics", {}).get("suffixes", [])),
        occasion_leads=_set(r["content"].get("occasion_leads", [])),
        party_tag=_pattern(r["speakers"].get("party_tag")),
    )


# In a morphological template (وزن) ف ع ل stand for root consonants: any letter but the long
# vowels and ة, so that توفيق or إيمان is not read as تفعيل or إفعال. Other letters are the
# template's own, matched however the hamza seat or ة is spelt.
_ROOT_LETTER = "(?![اويىة])[\u0621-\u064a]"
_SLOTS = frozenset("فعل")


def _templates_re(templates: list[str]) -> re.Pattern | None:
    if not templates:
        return None
    alternatives = ["".join(_ROOT_LETTER if c in _SLOTS else _spellings(c) for c in unmarked(t))
                    for t in templates]
    return re.compile("(?:" + "|".join(alternatives) + ")")


def _spellings(letter: str) -> str:
    """A character class of every Arabic letter that folds to the same as `letter`."""
    same = [chr(c) for c in range(0x0621, 0x064B) if fold(chr(c)) == fold(letter)]
    return "[" + "".join(same or [re.escape(letter)]) + "]"


def _triggers(lang: str, r: dict, verbs: dict[Phrase, Cue]) -> frozenset[str]:
    words_ = {p[0] for p in verbs}
    words_ |= set(_participles(r["participles"]))
    words_ |= _set(r["participles"].get("progressive_only", []))
    words_ |= set(_noun_cues(r.get("noun_cues", {})))
    words_ |= _set(r["speculation"].get("expected", []))
    for key in (("sources", "phrases"), ("speculation", "nouns"), ("speculation", "lead"),
                ("questions", "heads"), ("questions", "topics")):
        words_ |= _phrases(r[key[0]][key[1]]).firsts()
    words_ |= _phrases(r.get("object_topics", {}).get("relatives", [])).firsts()
    if lang == "ar":  # وقال، فأكد: with the clitic, so that one lookup answers
        words_ |= {clitic + w for w in words_ for clitic in ("و", "ف")}
    # Never what a punctuation mark reads as (one character that is no letter, or ''): so that
    # a token's norm alone says whether it triggers, its kind need not be asked first.
    return frozenset(w for w in words_ if w != "''" and (len(w) != 1 or WORD_RE.match(w)))
