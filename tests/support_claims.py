"""Claims stored through the store as the extractor would give them, for search and speakers."""

from factcheck.articles import add_article
from factcheck.ingest import Article
from factcheck.normalize import detect_lang
from factcheck.store import open_store


def claim(speaker: str, cue: str, content: str, *, role: str | None = None,
          context: str | None = None, negated: bool = False, kind: str = "person") -> dict:
    """One claim dict in the extractor's contract, spans into the sentence it writes."""
    sentence = f"{speaker} {cue} {content}"
    start = len(speaker) + 1
    return {
        "speaker": {"name": speaker, "role": role, "kind": kind,
                    "span": [0, len(speaker)], "mention": None},
        "cue": {"text": cue, "span": [start, start + len(cue)]},
        "content": {"text": content, "span": [start + len(cue) + 1, len(sentence)]},
        "direct": False, "negated": negated,
        "modality": "denial" if negated else "assertion",
        "context": context, "context_span": None, "listener": None,
        "sentence_span": [0, len(sentence)], "lang": detect_lang(content),
    }


def store_article(db_file, claims: list[dict], *, outlet: str = "Example News",
                  published: str = "2025-07-09", title: str | None = None) -> list[dict]:
    """Store one article holding `claims`; returns them as stored."""
    text = " ".join(f"{c['speaker']['name']} {c['cue']['text']} {c['content']['text']}."
                    for c in claims) + f" ({outlet} {published} {title})"
    with open_store(db_file).write() as db:
        result = add_article(db, Article(text=text, title=title, published=published,
                                         outlet=outlet), claims=claims)
    return result.claims


def store_desk(db_file) -> None:
    """A small desk: Arabic and English claims from two outlets over two months."""
    store_article(db_file, [
        claim("دميتري بيسكوف", "قال", "في الوقت الراهن لا توجد مثل هذه الخطط",
              role="المتحدث باسم الكرملين", negated=True,
              context="إمكانية زيارة كيم جونغ أون لروسيا"),
        claim("ماريا زاخاروفا", "قالت", "زيارة الوزير تهدف إلى تعزيز التعاون بين البلدين"),
    ], outlet="وكالة الأنباء", published="2025-07-09")
    store_article(db_file, [
        claim("Maria Zakharova", "said", "the minister's trip strengthens cooperation"),
        claim("Lim Eul-chul", "said", "the frequent contacts with Pyongyang are unusual"),
        claim("Alexander Novak", "said", "oil output will rise in August"),
    ], outlet="Example News", published="2025-08-02")
