"""A denial and what it denies, when its words name only "the report".

"It's all untrue", "هذه الأنباء عارية من الصحة", "the Houthi claim is false": such a denial
says nothing of its matter but that it is false; the article around it says what is denied
(as the question a speaker answered says what "no such plans" is about). Its matter is what
the article reports: the first claim of the article that says what it denies or reports it
("the Kremlin denied a report that P" gives P, read without its frame: see
factcheck.relate), kept as the claim's `denies` and read as its context when claims are
matched and related.
"""

from factcheck import concepts
from factcheck.normalize import words

DENIAL = "denial"


def with_denied_matter(claims: list[dict]) -> list[dict]:
    """The claims of one article, each bare denial given what the article reports (`denies`);
    claims that have one already, or say what they deny, are as they were."""
    matter = article_matter(claims)
    if matter is None:
        return claims
    return [{**c, "denies": matter}
            if is_bare_denial(c) and not c.get("denies") and c["content"]["text"] != matter
            else c for c in claims]


def article_matter(claims: list[dict]) -> str | None:
    """What the article reports: the first denial that names its matter, else the first
    report that is no bare denial."""
    ordered = sorted(claims, key=lambda c: (c["content"].get("span") or (0, 0))[0])
    explicit = [c for c in ordered if not is_bare_denial(c) and _said(c) > 0]
    for claim in explicit:
        if _denies(claim):
            return claim["content"]["text"]
    return explicit[0]["content"]["text"] if explicit else None


def is_bare_denial(claim: dict) -> bool:
    """A denial whose words, its frame ("the reports", "false", لا صحة) aside, say little."""
    return _denies(claim) and _said(claim) <= concepts.MAX_ANAPHORIC_WORDS


def _denies(claim: dict) -> bool:
    if claim.get("modality") == DENIAL or claim.get("negated"):
        return True
    return any(concepts.calls_false(w) for w in words(claim["content"]["text"]))


def _said(claim: dict) -> int:
    """Content words that are neither stop words nor a denial's frame."""
    stop = concepts.stopwords()
    return sum(1 for w in words(claim["content"]["text"])
               if w not in stop and not concepts.is_frame_word(w) and not w.isdigit())
