"""Contradictions: which stored claims a new claim clashes with or repeats, and their record.

A pair is only compared when it is about the same matter (factcheck.match), and only called a
contradiction when the relation (factcheck.relate) gives a reason a person can check that is
strong enough for how much the two share: "no such plans" against a reported plan needs a
shared event; a bare negation needs nearly the same statement. Two claims that change more
than one thing of the same frame ("the ring road in Zarqa opens in 12 months" against "the
ring road in Irbid opens in 40 months", or the same template about two subjects) are two
matters, not a contradiction: a clash is one frame with one thing changed. A changed
subject in common words ("the dam" for "the ring road") is another matter too; a changed
name (a town or a person, see relate.common_words) is a different actor or place, a clash only
when the same figure or date pins both claims to one event. A bare phrase asserts nothing. Only
a plan or speculation set against a denial is a clash however differently it is worded.

The learned model runs only for pairs where a reason strong enough could be found
(relate.possible_reasons): most candidate pairs are settled by cheaper readings first.
"""

import hashlib
from dataclasses import dataclass, field
from enum import Enum

from factcheck import collector, concepts, speakers
from factcheck.articles import now_iso
from factcheck.denial import (
    denies_own_part,
    names_source,
    names_speaker,
    one_account,
    refuses_request,
    tells_of_denial,
    tells_of_report,
)
from factcheck.match import Candidate, Forms, Index, read_claim, statement_key, stored_forms
from factcheck.reasons import Reason, possible_reasons
from factcheck.relate import (
    Relation,
    RelationResult,
    denial_of_event,
    denies_prospect,
    relate_statements,
    substitutions,
)
from factcheck.statement import Statement, read_statement
from factcheck.store import Database

TABLE = "contradictions"
# The field of a claim that repeats a statement an earlier article made: that claim's ID.
SAME_AS = "same_as"
# How much a pair must be about the same matter (match.Candidate.matter) for each kind of
# reason to count. Rules about plans and denials need less than a bare word difference.
MIN_MATTER = {
    Reason.PLAN: 0.2,
    Reason.SPECULATION: 0.2,
    Reason.OPPOSITE: 0.45,
    Reason.NUMBER: 0.5,
    Reason.DATE: 0.5,
    Reason.PLACE: 0.5,
    Reason.NAME: 0.5,
    Reason.NEGATION: 0.55,
    Reason.LEARNED: 0.6,
    Reason.FRAME: 0.75,
}
# A repeat is the same statement in other words: very close, and agreeing.
MIN_REPEAT_MATTER = 0.7
# ... or the same speaker saying the same thing (both denying, or both asserting) about the
# same matter in another outlet's words: "all of this is untrue" and "these are fake news".
MIN_SAME_SPEAKER_MATTER = 0.4
# More things changed than this (relate.substitutions) and the two claims are two matters ...
MAX_SUBSTITUTIONS = 1
# ... unless the clash is one of these, which do not rest on a word put in place of another.
ANY_WORDING = frozenset({Reason.PLAN, Reason.SPECULATION})
# Another name or place alone can be two true statements about two things ("the stadium in
# Mafraq was damaged" / "the stadium in Salt was damaged"): it is a clash only when the same
# figure or date pins the two to one event ("the blast in Homs killed 12" / "in Hama killed 12").
NEEDS_PIN = frozenset({Reason.NAME, Reason.PLACE})
# Fewer content words than this (figures aside) and a claim is a phrase, not a statement.
MIN_WORDS_SAID = 3
# ... and a rumour with no source fewer than this (see _rumour_fragment).
MIN_RUMOUR_WORDS = 4
# A denial of reports ("denied reports that ...", "all of this is untrue" about what the
# article reports) against an assertion of that matter needs this much, however differently
# the two are worded: a denial seldom repeats the report's words.
MIN_DENIAL_MATTER = 0.5
# ... and this much when the denial names who made the report ("the Houthi claim", مزاعم صحيفة
# تلغراف) and the other claim is theirs: the denial says itself what it is set against.
MIN_NAMED_DENIAL_MATTER = 0.3
# Below this a pair can only be a plan or speculation denied: nothing else is worth relating.
MIN_WORDED_MATTER = min(MIN_REPEAT_MATTER, *(v for k, v in MIN_MATTER.items()
                                              if k not in ANY_WORDING))


# Across languages only the words with a key (a concept, a name, a place, a figure) meet, so
# the same matter measures less: its closeness counts this much more against the bounds above.
ACROSS_MATTER = 1.3
# ... and a denial of a report against the report, across languages, this much more: the
# denial's words are the report's in another language, and seldom all of them have a key.
ACROSS_DENIAL = 1.3


# At most this many new contradictions are stored per new claim, and per statement a run sets
# new claims against (see strongest).
MAX_PER_CLAIM = 3
MAX_PER_MATTER = 3


class Status(str, Enum):
    OPEN = "open"
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"


@dataclass(frozen=True)
class Finding:
    """A new claim and a claim it contradicts or repeats, with the reasons."""

    claim: dict
    other: dict
    relation: Relation
    score: float
    reasons: list[str] = field(default_factory=list)
    matter: float = 0.0
    shared: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {"relation": self.relation.value, "score": round(self.score, 3),
                "matter": self.matter, "reasons": list(self.reasons),
                "shared": list(self.shared), "claim": _brief(self.claim),
                "other": _brief(self.other)}


def _brief(claim: dict) -> dict:
    speaker = claim.get("speaker") or {}
    return {"id": claim.get("id"), "speaker": speaker.get("name"),
            "content": claim["content"]["text"], "context": claim.get("context"),
            "negated": claim.get("negated"), "modality": claim.get("modality"),
            "article": claim.get("article"), "outlet": claim.get("outlet"),
            "url": claim.get("url"), "path": claim.get("path"),
            "published": claim.get("published"), "added": claim.get("added")}


def check_claims(db: Database, claims: list[dict], *, repeats: bool = True,
                 forms: Forms | None = None) -> list[Finding]:
    """For each new claim, the stored claims (and the other new claims) it clashes with or repeats.

    New claims already stored are fine too: a claim is never set against itself, and each pair
    is reported once. Without `repeats`, only contradictions are looked for (what add and
    watch record), which costs less. `forms`: match.stored_forms of `db` as it was before the
    new claims were stored in it (read here when `db` is unchanged).
    """
    finder = getattr(db, "matching_claims", None)
    if finder is not None:  # a SQL store finds the candidates in its tables
        stored, frequencies = finder(claims)
        with collector.paused():
            return _check(stored, claims, repeats=repeats, forms=frequencies.forms,
                          frequencies=frequencies)
    if forms is None and not db.dirty:
        forms = stored_forms(db)
    # The check makes some hundred thousand small tuples and sets (factcheck.collector).
    with collector.paused():
        return _check(db.claims.records(), claims, repeats=repeats, forms=forms)


def _check(stored: list[dict], claims: list[dict], *, repeats: bool,
           forms: Forms | None, frequencies=None) -> list[Finding]:
    findings: list[Finding] = []
    judged: set[frozenset] = set()
    relations: dict = {}  # copies of a statement (wire stories) are related once

    def weigh(claim: dict, cand: Candidate, *, contradictions_only: bool = False) -> None:
        # Each pair once: the other claim may list this one among its candidates too.
        pair = frozenset((_key(claim), _key(cand.claim)))
        if pair in judged:
            return
        judged.add(pair)
        if one_account(claim, cand.claim):
            return  # "X denied reports that P" and P: the article tells that clash itself
        finding = judge(claim, cand, relations=relations,
                        repeats=repeats and not contradictions_only)
        if finding:
            findings.append(finding)

    asked = {statement_key(c): read_claim(c) for c in claims}
    if stored:
        index = Index(stored, read=asked, forms=forms, frequencies=frequencies)
        for claim in claims:
            for cand in index.candidates(claim):
                weigh(claim, cand)
    # New claims already stored (watch stores before it checks) met each other above.
    stored_ids = {c.get("id") for c in stored}
    unstored = [c for c in claims if c.get("id") is None or c.get("id") not in stored_ids]
    within = Index(unstored, read=asked)
    for i, claim in enumerate(unstored):
        for cand in within.candidates(claim):
            if cand.position > i:
                weigh(claim, cand, contradictions_only=True)
    return findings


def _key(claim: dict):
    # Stored claims by ID; claims of an article being checked (no ID yet) by identity.
    return claim.get("id") or id(claim)


def judge(claim: dict, candidate: Candidate, *, relations: dict | None = None,
          repeats: bool = True) -> Finding | None:
    """A finding when the pair contradicts (for a reason strong enough) or, with `repeats`,
    repeats.

    `relations` remembers what each pair of statements is to the other, for copies.
    """
    return judged(claim, candidate, relations=relations, repeats=repeats)[0]


def judged(claim: dict, candidate: Candidate, *, relations: dict | None = None,
           repeats: bool = True) -> tuple[Finding | None, str]:
    """judge, and the step that decided it in words (for tracing a missed pair)."""
    relations = {} if relations is None else relations
    pair = (candidate.asker or statement_key(claim),
            candidate.key or statement_key(candidate.claim))
    reading = relations.get(pair)
    if reading is None:
        reading = relations[pair] = _PairReading(read_claim(claim), read_claim(candidate.claim))
    matter = candidate.matter
    if reading.a.lang != reading.b.lang:
        matter = min(1.0, matter * (ACROSS_DENIAL if reading.report_denied else ACROSS_MATTER))
    if repeats and _said_again(claim, candidate, reading):
        return (Finding(claim, candidate.claim, Relation.AGREES, candidate.matter, [],
                        candidate.matter, candidate.shared), "said again")
    if reading.a.lang != reading.b.lang and bool(reading.a.negators) != bool(
            reading.b.negators) and one_side(claim, candidate.claim):
        # "two US officials" and مسؤولون أمريكيون: one side, which does not deny its own word.
        return None, "one side in two languages"
    if reading.a.lang != reading.b.lang and reading.one_side_negates and _tells_of_report(
            claim, candidate.claim, reading):
        # "Lebanon will sue the paper over a report accusing X of P" against the denial of P:
        # the one that asserts speaks of the report, it does not assert P.
        return None, "a report told of, against its denial"
    if _rumour_fragment(claim, reading.a) or _rumour_fragment(candidate.claim, reading.b):
        return None, "a rumour with no source in a bare phrase"
    if reading.report_denied and any(tells_of_denial(c) or tells_of_report(c)
                                     for c in (claim, candidate.claim)):
        return None, "a denial and a report of a denial or of the report"
    if refuses_request(claim) or refuses_request(candidate.claim):
        return None, "a refused request, no denial"
    if _own_part_only(claim, candidate.claim) or _own_part_only(candidate.claim, claim):
        return None, "a denial of the speaker's own part, against a claim not naming them"
    if _one_speaker_one_article(claim, candidate.claim):
        return None, "one speaker in one article"
    named = (reading.report_denied and not reading.fragment
             and matter >= MIN_NAMED_DENIAL_MATTER
             and (names_source(claim, candidate.claim) or names_source(candidate.claim, claim)))
    # Across languages only the words with a key meet, and a denial seldom repeats the
    # report's: one event with its participants is the matter (within one language the words
    # themselves meet, and the bounds below decide).
    if reading.report_denied and not reading.fragment and reading.a.lang != reading.b.lang:
        found = denial_of_event(reading.a, reading.b)
        if found is not None:
            return (Finding(claim, candidate.claim, found.relation, found.score, found.reasons,
                            candidate.matter, candidate.shared), "a denial of the same event")
    if not (reading.prospect_denied or named) and (matter < MIN_WORDED_MATTER
                                                   or reading.fragment):
        return None, "too little matter or a fragment"
    if named or reading.report_denied and matter >= MIN_DENIAL_MATTER:
        result = reading.relation(source_named=named)
        if result.relation is Relation.CONTRADICTS and Reason.NEGATION in result.kinds:
            return (Finding(claim, candidate.claim, result.relation, result.score,
                            result.reasons, candidate.matter, candidate.shared),
                    "a denial of the report")
    if reading.two_matters and matter < MIN_REPEAT_MATTER:
        return None, f"two matters ({reading.changes} changes)"
    repeat_possible = repeats and matter >= MIN_REPEAT_MATTER
    if not repeat_possible and not reading.may_clash(matter):
        possible = sorted(k.value for k in possible_reasons(reading.a, reading.b))
        return None, f"no reason strong enough at this matter (possible: {possible})"
    result = reading.relation()
    if result.kinds == (Reason.FRAME,):
        return None, "the same frame about another subject"
    if result.kinds and set(result.kinds) <= NEEDS_PIN and not _pinned(reading.a, reading.b):
        return None, "another name or place, unpinned"
    kinds = ANY_WORDING if reading.reworded else None
    if result.relation is Relation.CONTRADICTS and _strong_enough(result, matter,
                                                                  kinds=kinds):
        return (Finding(claim, candidate.claim, result.relation, result.score, result.reasons,
                        candidate.matter, candidate.shared), "contradicts")
    if result.relation is Relation.AGREES and repeat_possible:
        return (Finding(claim, candidate.claim, result.relation, result.score, [],
                        candidate.matter, candidate.shared), "repeats")
    return None, (f"related {result.relation.value} {result.score:.2f} "
                  f"{[k.value for k in result.kinds]}")


class _PairReading:
    """Two statements read against each other; the learned relation only when asked."""

    def __init__(self, a: Statement, b: Statement):
        self.a, self.b = a, b
        self.prospect_denied = denies_prospect(a, b)
        # One side denies reports of the matter, the other asserts it.
        self.report_denied = (a.denial and not b.negators) or (b.denial and not a.negators)
        # One side negates (a denial the extractor read, or a negator in its words).
        self.one_side_negates = bool(a.negators) != bool(b.negators)
        # A bare noun phrase ("the Turkish lira", "77 billion dollars") asserts nothing to
        # contradict or repeat: a statement says something of something.
        self.fragment = min(a.said, b.said) < MIN_WORDS_SAID
        self._changes: int | None = None
        self._relation: RelationResult | None = None

    @property
    def changes(self) -> int:
        """How many things one says in place of the other's (relate.substitutions)."""
        if self._changes is None:
            self._changes = substitutions(self.a, self.b)
        return self._changes

    @property
    def reworded(self) -> bool:
        """More than one thing changed. Across languages the words are not compared one by
        one (only those with a key meet): there the relation's own bounds decide."""
        return self.a.lang == self.b.lang and self.changes > MAX_SUBSTITUTIONS

    @property
    def two_matters(self) -> bool:
        # More than one thing changed, and no plan or speculation denied: two matters.
        return self.reworded and not self.prospect_denied

    def may_clash(self, matter: float) -> bool:
        """Whether judge could call the pair a contradiction at this closeness: a reason
        strong enough is possible, and it is not a lone unpinned change of name or place."""
        possible = possible_reasons(self.a, self.b)
        if not possible or (possible <= NEEDS_PIN and not _pinned(self.a, self.b)):
            return False
        allowed = ANY_WORDING if self.reworded else possible
        return any(matter >= MIN_MATTER[kind] for kind in possible & allowed)

    def relation(self, *, source_named: bool = False) -> RelationResult:
        if source_named:  # seldom: not kept
            return relate_statements(self.a, self.b, source_named=True)
        if self._relation is None:
            self._relation = relate_statements(self.a, self.b)
        return self._relation


def _tells_of_report(claim: dict, other: dict, reading: "_PairReading") -> bool:
    asserting = other if reading.a.negators else claim
    return concepts.names_report(asserting["content"]["text"])


def one_side(a: dict, b: dict) -> bool:
    """Whether two claims in two languages are spoken by one side: the same name in either
    script, or the same description (an official of one country, one ministry)."""
    ka, kb = _speaker_keys(a), _speaker_keys(b)
    if not ka or not kb:
        return False
    names_a = {k for k in ka if k.startswith("n:")}
    names_b = {k for k in kb if k.startswith("n:")}
    if names_a and names_b:
        return bool(names_a & names_b)
    # "two US officials" reads as officials only: the one description holds the other.
    return not names_a and not names_b and (ka <= kb or kb <= ka)


def _one_country(a: dict, b: dict) -> bool:
    """Whether two speakers named for no person speak for the same countries and no others
    ("US officials" and "the United States")."""
    ka, kb = _speaker_keys(a), _speaker_keys(b)
    if any(k.startswith("n:") for k in ka | kb):
        return False
    places_a = {k for k in ka if k.startswith("p:")}
    return bool(places_a) and places_a == {k for k in kb if k.startswith("p:")}


def _speaker_keys(claim: dict) -> frozenset[str]:
    speaker = claim.get("speaker") or {}
    return frozenset(k for k in read_statement(speaker.get("name") or "").key_set
                     if not k.startswith("#"))


def _own_part_only(denial: dict, other: dict) -> bool:
    """"X denied any role in the meeting" against "the meeting was arranged" or "the
    minister met her counterpart": X says nothing of whether it happened, only of X's part,
    which the other claim does not speak of."""
    return denies_own_part(denial) and not names_speaker(denial, other)


def _one_speaker_one_article(a: dict, b: dict) -> bool:
    """Two claims one speaker makes in one article are one position told in parts ("these
    claims are lies"; "we regret a British paper treating the airport so"), not a clash: a
    speaker is set against what they said before, in another article."""
    if not a.get("article") or a.get("article") != b.get("article"):
        return False
    mine, theirs = (a.get("speaker") or {}).get("id"), (b.get("speaker") or {}).get("id")
    # ... and so are two claims of one side the article names two ways ("senior Turkish
    # official", "senior Turkish government official"; مسؤولون أمريكيون, الولايات المتحدة)
    return bool(mine) and mine == theirs or one_side(a, b) or _one_country(a, b)


def _said_again(claim: dict, candidate: Candidate, reading: "_PairReading") -> bool:
    """The same speaker, in another article, saying the same of the same matter."""
    mine, theirs = (claim.get("speaker") or {}).get("id"), (
        candidate.claim.get("speaker") or {}).get("id")
    return (bool(mine) and mine == theirs and claim.get("article") != candidate.claim.get("article")
            and candidate.matter >= MIN_SAME_SPEAKER_MATTER
            and bool(reading.a.negators) == bool(reading.b.negators)
            and reading.relation().relation is not Relation.CONTRADICTS)


def _rumour_fragment(claim: dict, read: Statement) -> bool:
    """A rumour no one is named for ("amid reports of the minister's resignation") told in a
    bare phrase: the article's aside about what circulates, no statement a denial answers."""
    return (not (claim.get("speaker") or {}).get("name") and read.said < MIN_RUMOUR_WORDS
            and claim.get("modality") in ("speculation", "prediction"))


def _pinned(a: Statement, b: Statement) -> bool:
    """The same figure or the same month in both: one event, told two ways."""
    return bool(a.numbers & b.numbers or a.months & b.months)


def _strong_enough(result: RelationResult, matter: float, *,
                   kinds: frozenset[Reason] | None = None) -> bool:
    return any(matter >= MIN_MATTER[kind] for kind in result.kinds
               if kinds is None or kind in kinds)


def contradiction_id(a: str, b: str) -> str:
    """The same ID for a pair whichever claim came first."""
    key = "|".join(sorted((a, b)))
    return hashlib.blake2b(key.encode(), digest_size=6).hexdigest()


def statement_of(db: Database, claim_id: str, memo: dict | None = None,
                 pending: dict[str, str] | None = None) -> str:
    """The claim that first made the statement `claim_id` is an appearance of (itself if none).
    `memo`: claims already read, by ID, for a caller asking of many claims that share roots;
    `pending`: SAME_AS marks decided but not written yet, which count before the store's."""
    seen = set()
    while claim_id not in seen:
        seen.add(claim_id)
        after = (pending or {}).get(claim_id) or _claim(db, claim_id, memo).get(SAME_AS)
        if not after:
            return claim_id
        claim_id = after
    return claim_id


def _claim(db: Database, claim_id: str, memo: dict | None) -> dict:
    # A statement's first claim lists every appearance: read once per pass, not per finding.
    if memo is None:
        return db.claims.get(claim_id) or {}
    found = memo.get(claim_id)
    if found is None:
        found = memo[claim_id] = db.claims.get(claim_id) or {}
    return found


def record_appearances(db: Database, findings: list[Finding], order: dict[str, int]) -> None:
    """A new claim repeating a statement another article made before it is an appearance of
    that statement: marked `same_as` the first claim that made it, and listed (with its
    source) in that claim's `appearances`. `order`: the position of each new claim's article
    in the add; stored claims come before all of them.

    Each claim changed is written once at the end: a statement a templated feed repeats
    thousands of times would otherwise have its growing list rewritten once per copy."""
    memo: dict[str, dict] = {}
    marks: dict[str, str] = {}
    listed: dict[str, list[dict]] = {}
    for f in findings:
        if f.relation is not Relation.AGREES or f.claim.get("article") == f.other.get("article"):
            continue
        later, earlier = (f.claim, f.other) if order.get(f.claim["id"], -1) >= order.get(
            f.other["id"], -1) else (f.other, f.claim)
        if later["id"] not in order or later["id"] in marks or _claim(
                db, later["id"], memo).get(SAME_AS):
            continue
        root = statement_of(db, earlier["id"], memo, marks)
        if root == later["id"]:
            continue
        marks[later["id"]] = root
        listed.setdefault(root, []).append(_appearance(later))
    # In ID order, each list read again under its row lock: another writer may have added
    # an appearance of the same statement since it was read.
    for claim_id in sorted({*marks, *listed}):
        fields: dict = {SAME_AS: marks[claim_id]} if claim_id in marks else {}
        if claim_id in listed:
            fields["appearances"] = [
                *(db.claims.get_for_update(claim_id) or {}).get("appearances", ()),
                *listed[claim_id]]
        db.claims.update(claim_id, fields)


def _appearance(claim: dict) -> dict:
    return {"claim": claim["id"], "article": claim.get("article"), "outlet": claim.get("outlet"),
            "url": claim.get("url"), "published": claim.get("published"),
            "path": claim.get("path"), "speaker": (claim.get("speaker") or {}).get("name")}


def strongest(db: Database, findings: list[Finding]) -> list[Finding]:
    """The contradictions among `findings` worth a reviewer's time, in their order: at most
    MAX_PER_CLAIM of the strongest for each new claim, and MAX_PER_MATTER for each statement
    it is set against, so a feed of near-identical items (one template, another figure each)
    stores a few pairs per item, not one per pair of items."""
    clashes = [f for f in findings if f.relation is Relation.CONTRADICTS]
    memo: dict[str, dict] = {}
    per_claim: dict[str, int] = {}
    per_matter: dict[str, int] = {}
    kept: set[int] = set()
    for i in sorted(range(len(clashes)), key=lambda i: (-clashes[i].score, -clashes[i].matter)):
        claim, matter = clashes[i].claim["id"], statement_of(db, clashes[i].other["id"], memo)
        if per_claim.get(claim, 0) >= MAX_PER_CLAIM or per_matter.get(matter, 0) >= MAX_PER_MATTER:
            continue
        per_claim[claim] = per_claim.get(claim, 0) + 1
        per_matter[matter] = per_matter.get(matter, 0) + 1
        kept.add(i)
    return [f for i, f in enumerate(clashes) if i in kept]


def record_contradictions(db: Database, findings: list[Finding]) -> list[dict]:
    """Store the contradictions not stored before; a pair seen before (even dismissed) stays.
    A pair is recorded between the statements, by the claims that first made them: the same
    clash carried by several outlets is one contradiction."""
    table = db.table(TABLE)
    created = []
    memo: dict[str, dict] = {}
    for f in strongest(db, findings):
        a, b = sorted((statement_of(db, f.claim["id"], memo),
                       statement_of(db, f.other["id"], memo)))
        first_a, first_b = _claim(db, a, memo), _claim(db, b, memo)
        if a == b or one_account(first_a, first_b) or _one_speaker_one_article(first_a, first_b):
            continue
        cid = contradiction_id(a, b)
        if cid in table:
            continue
        record = {"id": cid, "a": a, "b": b, "relation": f.relation.value,
                  "score": round(f.score, 3), "reasons": list(f.reasons),
                  "status": Status.OPEN.value, "created": now_iso(), "history": []}
        if table.insert_new(record):  # not if another writer found the pair meanwhile
            created.append(record)
    return created


def check_added(db: Database, added: list, *, forms: Forms | None = None) -> list[list[dict]]:
    """Record what newly added articles (articles.AddResult, in the order added) contradict,
    stored before or among themselves; the new records of each article, in the same order.

    One pass for all: the index over the store is built once, not once per article. A pair
    is listed under the later of its two articles, the one that brought the clash. `forms`:
    match.stored_forms of `db` before the articles were added.
    """
    article_of = {c["id"]: n for n, result in enumerate(added) if result.new
                  for c in result.claims}
    out: list[list[dict]] = [[] for _ in added]
    if not article_of:
        return out
    new_claims = [c for result in added if result.new for c in result.claims]
    findings = check_claims(db, new_claims, forms=forms)
    record_appearances(db, findings, article_of)
    for record in record_contradictions(db, findings):
        out[max(_article_of(db, record["a"], article_of),
                _article_of(db, record["b"], article_of))].append(record)
    return out


def _article_of(db: Database, claim_id: str, article_of: dict[str, int]) -> int:
    # A statement first made before this add may have its clash brought by a new appearance.
    found = article_of.get(claim_id, -1)
    for seen in (db.claims.get(claim_id) or {}).get("appearances", ()):
        found = max(found, article_of.get(seen["claim"], -1))
    return found


def one_per_statement(db: Database, findings: list[Finding]) -> list[Finding]:
    """Findings with each stored statement once per new claim: the first claim that made it
    stands for its appearances in other outlets."""
    out, seen = [], set()
    memo: dict[str, dict] = {}
    for f in findings:
        root = statement_of(db, f.other["id"], memo) if f.other.get("id") else None
        key = (statement_key(f.claim), root or id(f.other), f.relation)
        if key in seen:
            continue
        seen.add(key)
        other = _claim(db, root, memo) or None if root and root != f.other.get("id") else None
        out.append(Finding(f.claim, other or f.other, f.relation, f.score, f.reasons,
                           f.matter, f.shared) if other else f)
    return out


def with_claims(db: Database, record: dict) -> dict:
    """A contradiction record with a brief of each of its two claims."""
    pair = [db.claims.get(record["a"]), db.claims.get(record["b"])]
    return {**record, "claims": [_brief(c) if c else None for c in pair]}


def list_contradictions(db: Database, *, status: Status | None = None,
                        speaker: str | None = None) -> list[dict]:
    """Stored contradictions, newest first, each with its two claims."""
    claims = db.claims
    # the registry's identity: "Peskov" finds بيسكوف's pairs too, in any spelling or script
    speaker_ids = {r["id"] for r in speakers.matching(db, speaker)} if speaker else set()
    out = []
    for rec in db.table(TABLE).all():
        if status is not None and rec.get("status") != status.value:
            continue
        pair = [claims.get(rec["a"]) or {}, claims.get(rec["b"]) or {}]
        if speaker and not any(_spoken_by(c, speaker, speaker_ids) for c in pair):
            continue
        out.append(with_claims(db, rec))
    out.sort(key=lambda r: r.get("created") or "", reverse=True)
    return out


def _spoken_by(claim: dict, name: str, speaker_ids: set[str]) -> bool:
    spoken = claim.get("speaker") or {}
    if spoken.get("id") in speaker_ids:
        return True
    # also any part of the name as written: ليم finds ليم يول-تشول
    return bool(spoken.get("name")) and speakers.speaker_key(name) in speakers.speaker_key(
        spoken["name"])
