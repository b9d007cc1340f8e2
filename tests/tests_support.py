"""Paths and helpers shared by the tests."""

from pathlib import Path

from factcheck.extract import extract

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED = next(SEEDS.glob("*.txt"))


def all_claims(text: str) -> list[dict]:
    """The claims of `text` as the JSON contract gives them."""
    return [c.to_dict() for c in extract(text)]


def one_claim(text: str) -> dict:
    """The one claim of `text`; fails, showing what was found, if there is not exactly one."""
    claims = all_claims(text)
    assert len(claims) == 1, [c["content"]["text"] for c in claims]
    return claims[0]
