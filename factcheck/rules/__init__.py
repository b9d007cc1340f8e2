"""Language rules as data: one TOML table per language, loaded once.

Adding a language is adding a file here, not a code path. Each table holds the words the
extractor and the normaliser need: cue verbs in their inflections, source phrases, negators,
role and body nouns, stop words, the light stemmer's affixes.
"""

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

from factcheck.errors import InputError

LANGS = ("ar", "en")


@dataclass(frozen=True)
class LangRules:
    """The rule tables of one language, as read from its TOML file."""

    lang: str
    raw: dict = field(repr=False)

    def __getattr__(self, name: str):
        try:
            return self.raw[name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def stopwords(self) -> frozenset[str]:
        return self.raw["_stopwords"]


@cache
def rules_for(lang: str) -> LangRules:
    """The rules of `lang` ('ar' or 'en'), parsed on first use."""
    if lang not in LANGS:
        raise InputError(f"unsupported language {lang!r}; expected one of {', '.join(LANGS)}")
    raw = tomllib.loads(files(__package__).joinpath(f"{lang}.toml").read_text(encoding="utf-8"))
    from factcheck.normalize import fold  # the rules are folded as the text will be

    raw["_stopwords"] = frozenset(fold(w) for w in raw["stopwords"]["words"])
    return LangRules(lang, raw)
