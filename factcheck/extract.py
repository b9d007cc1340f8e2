"""Attributed statements out of article text (placeholder until the extractor lands)."""

from factcheck.model import Claim


def extract(text: str, *, lang: str | None = None) -> list[Claim]:
    return []
