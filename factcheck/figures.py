"""Figures written over several words, read as one number: the one form of a figure in both
languages. "11,300" and "11300", "2.5 million" and "2.5 مليون" and "2500000", "ثلاثة آلاف" and
"3,000", "ألف و500" and "1,500" each give one value; Arabic-Indic digits are folded to ASCII
before (factcheck.normalize). A figure of one word is read by statement.read_word alone."""

from typing import NamedTuple

from factcheck.contrast import lexicon, without_proclitic

# What may stand between the digit groups of one figure: thousands (11,300, ١١٬٣٠٠) ...
THOUSANDS = frozenset({",", "٬", "'"})
# ... and the decimal point (2.5, ٢٫٥).
DECIMAL = frozenset({".", "٫"})
# Number words that multiply the figure before them (11 ألف, 2.5 million, ثلاثة آلاف).
MULTIPLIERS = frozenset({100, 1000, 1_000_000, 1_000_000_000})


class Figure(NamedTuple):
    """One figure: its value as compared, and the tokens [first, end) that write it."""

    value: str
    first: int
    end: int


def _value(norm: str) -> float | None:
    bare = without_proclitic(norm)
    if norm.isdigit():
        return float(norm)
    if bare.isdigit():
        return float(bare)
    found = lexicon().numbers.get(norm) or lexicon().numbers.get(bare)
    return float(found) if found is not None else None


def _as_text(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def figures(text: str, toks: list) -> list[Figure]:
    """The figures of `text` (tokenised as `toks`) written over more than one token."""
    out = []
    i = 0
    while i < len(toks):
        start = _value(toks[i].norm)
        if start is None:
            i += 1
            continue
        value, j, decimal, grouped = start, i + 1, False, False
        digits = toks[i].norm.isdigit()
        while j < len(toks):
            gap = text[toks[j - 1].end:toks[j].start]
            norm = toks[j].norm
            if digits and not decimal and gap in THOUSANDS and norm.isdigit() and len(norm) == 3:
                value, grouped = value * 1000 + int(norm), True
            elif digits and not decimal and not grouped and gap in DECIMAL and norm.isdigit():
                value, decimal = float(f"{_as_text(value)}.{norm}"), True
            elif not gap.strip() and (step := _value(norm)) is not None and step in MULTIPLIERS \
                    and value < step and without_proclitic(norm) == norm:
                value, digits = value * step, False
            elif not gap.strip() and norm != without_proclitic(norm) and norm[0] == "و" and \
                    (part := _value(norm)) is not None and value >= 1000 and part < value:
                value, digits = value + part, True  # ألف و500: one figure, not two
            else:
                break
            j += 1
        if j > i + 1:
            out.append(Figure(_as_text(value), i, j))
        i = j
    return out
