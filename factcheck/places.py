"""Places a statement names: the longest phrase of the contrast lists' places at each word,
and the country it stands for (موسكو and Moscow name Russia)."""

from functools import cache, lru_cache

from factcheck.contrast import Lexicon, lexicon, word_forms


def find_places(text: str, toks: list, lex: Lexicon, found: set, marks: dict,
                 at: dict | None = None) -> set[int]:
    """Mark the countries `toks` name (longest phrase first); the positions of their words
    (and, in `at`, the country each position names)."""
    covered: set[int] = set()
    i = 0
    while i < len(toks):
        size = 0
        for phrase, country in _place_phrases(toks[i].norm):
            if len(phrase) > size and _continues(phrase, toks, i):
                size, best = len(phrase), country
        if size:
            mark(found, marks, best, text[toks[i].start : toks[i + size - 1].end])
            covered.update(range(i, i + size))
            if at is not None:
                at.update((j, best) for j in range(i, i + size))
            i += size
        else:
            i += 1
    return covered


@lru_cache(maxsize=65_536)
def _place_phrases(word: str) -> tuple:
    """The place phrases (and their countries) a word can begin, in any of its forms."""
    starts = _places_by_first_word()
    return tuple(found for form in sorted(word_forms(word) & lexicon().place_words)
                 for found in starts.get(form, ()))


def _continues(phrase: tuple[str, ...], toks: list, i: int) -> bool:
    if len(phrase) == 1:
        return True
    following = toks[i + 1 : i + len(phrase)]
    return len(following) == len(phrase) - 1 and all(
        word in word_forms(tok.norm) for word, tok in zip(phrase[1:], following, strict=True))


@cache
def _places_by_first_word() -> dict[str, tuple]:
    out: dict[str, list] = {}
    for phrase, country in lexicon().places.items():
        out.setdefault(phrase[0], []).append((phrase, country))
    return {k: tuple(v) for k, v in out.items()}


def mark(found: set, marks: dict, key: str, written: str) -> None:
    found.add(key)
    marks.setdefault(key, written)
