"""Right-to-left text for terminals that do not do bidi: when to reorder, and the visual order.

A terminal without the Unicode bidirectional algorithm prints Arabic letters left to right, so a
sentence reads backwards. On such a terminal we hand it each line already in visual order. On a
terminal that does bidi itself, reordering would reverse the text a second time, so the mode
is `auto` by default and `auto` only reorders where it is known to help.

Levels come from python-bidi (its pure-Python implementation, which exposes them); the
reordering is done here on grapheme clusters, so that a combining mark (harakat, shadda) stays
after its letter as terminals expect, and so that callers get a permutation they can carry
styles through.
"""

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

from bidi import algorithm as _uba
from bidi.mirror import MIRRORED


class RtlMode(str, Enum):
    AUTO = "auto"
    ON = "on"
    OFF = "off"


# Terminals that reorder right-to-left text themselves (as of 2025): reordering again would
# garble it. VTE (GNOME Terminal, Tilix, ...) does since 0.58.
_VTE_BIDI_SINCE = 5800
_BIDI_TERMINAL_VARS = ("KONSOLE_VERSION", "MLTERM")
_BIDI_TERM_PROGRAMS = {"apple_terminal", "mlterm"}
# Terminals known to print code points left to right, so that they need the visual order.
_PLAIN_TERMINAL_VARS = ("KITTY_WINDOW_ID", "ALACRITTY_WINDOW_ID", "ALACRITTY_SOCKET",
                        "WT_SESSION", "XTERM_VERSION")
_PLAIN_TERM_PROGRAMS = {"vscode", "wezterm", "ghostty", "hyper", "tabby"}
_PLAIN_TERMS = {"xterm-kitty", "alacritty", "foot", "xterm-ghostty", "linux"}
# Multiplexers keep their own grid of cells in logical order and redraw it cell by cell, so the
# terminal outside never sees a line to reorder; the outer terminal's variables (VTE_VERSION,
# KONSOLE_VERSION) are still in the environment and say nothing about what is on screen.
_MULTIPLEXER_VARS = ("TMUX", "STY")
_MULTIPLEXER_TERMS = ("tmux", "screen")

# Explicit embeddings, overrides and isolates: once the order is visual they have done their work,
# and a terminal must not act on them again.
_EXPLICIT_FORMATTING = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def enabled(mode: RtlMode, *, env: Mapping[str, str], isatty: bool) -> bool:
    """Whether to print right-to-left text in visual order.

    `auto` reorders only on a terminal known not to do bidi: output to a pipe or file stays in
    logical order (what programs and editors expect), and an unknown terminal is left alone.
    """
    if mode is RtlMode.ON:
        return True
    if mode is RtlMode.OFF or not isatty:
        return False
    if inside_multiplexer(env):
        return True
    if terminal_does_bidi(env):
        return False
    return terminal_lacks_bidi(env)


def inside_multiplexer(env: Mapping[str, str]) -> bool:
    """Under tmux or GNU screen, which lay text out left to right whatever runs outside them."""
    if any(env.get(name) for name in _MULTIPLEXER_VARS):
        return True
    if env.get("TERM_PROGRAM", "").lower() in _MULTIPLEXER_TERMS:
        return True
    return env.get("TERM", "").lower().startswith(_MULTIPLEXER_TERMS)


def terminal_does_bidi(env: Mapping[str, str]) -> bool:
    vte = env.get("VTE_VERSION", "")
    if vte.isdigit() and int(vte) >= _VTE_BIDI_SINCE:
        return True
    if any(env.get(name) for name in _BIDI_TERMINAL_VARS):
        return True
    return env.get("TERM_PROGRAM", "").lower() in _BIDI_TERM_PROGRAMS


def terminal_lacks_bidi(env: Mapping[str, str]) -> bool:
    vte = env.get("VTE_VERSION", "")
    if vte.isdigit():
        return True  # an older VTE, below the version that does bidi
    if any(env.get(name) for name in _PLAIN_TERMINAL_VARS):
        return True
    if env.get("TERM_PROGRAM", "").lower() in _PLAIN_TERM_PROGRAMS:
        return True
    return env.get("TERM", "").lower() in _PLAIN_TERMS


def has_rtl(text: str) -> bool:
    """Whether the text has a right-to-left letter or an explicit bidi control in it."""
    return any(unicodedata.bidirectional(ch) in ("R", "AL", "RLE", "RLO", "RLI") for ch in text)


def base_level(paragraph: str) -> int:
    """0 when the paragraph reads left to right (its first strong letter), 1 right to left."""
    return _uba.get_base_level(paragraph)


@dataclass(frozen=True)
class Layout:
    """How to print one line: its characters' indices left to right, and which to mirror."""

    order: list[int]
    mirror: frozenset[int]

    def glyphs(self, line: str) -> list[tuple[int, str]]:
        """(index in `line`, character to print) left to right."""
        return [(i, MIRRORED[line[i]] if i in self.mirror else line[i]) for i in self.order]


def layout(line: str, *, base: int | None = None) -> Layout:
    """The visual layout of `line` (one line, no newline) on a terminal that does not do bidi.

    `base` is the paragraph direction (0 left to right, 1 right to left); by default the line's
    own. Explicit bidi formatting characters are left out; a combining mark follows its letter;
    brackets in a right-to-left run are mirrored.
    """
    if not line:
        return Layout([], frozenset())
    base = base_level(line) if base is None else base
    levels = _levels(line, base)
    clusters = _clusters(line, levels)
    for level in range(max(c[0] for c in clusters), _lowest_odd(clusters) - 1, -1):
        clusters = _reverse_runs(clusters, level)
    order = [i for _, indices in clusters for i in indices if line[i] not in _EXPLICIT_FORMATTING]
    mirror = frozenset(i for i in order if levels[i] % 2 and line[i] in MIRRORED)
    return Layout(order, mirror)


def visual(line: str, *, base: int | None = None) -> str:
    """`line` in visual order: what a terminal without bidi should be given."""
    return "".join(ch for _, ch in layout(line, base=base).glyphs(line))


# python-bidi's pure-Python algorithm predates isolates (Unicode 6.3) and fails an assertion on
# one ("RLI not allowed here"). Each is given to it as the embedding of the same direction, one
# character for one so that indices hold: the same levels inside, and only the neutrals at its
# edges may resolve otherwise than a full implementation would.
_ISOLATE_AS_EMBEDDING = {"\u2066": "\u202a", "\u2067": "\u202b", "\u2069": "\u202c"}
_FSI, _PDI = "\u2068", "\u2069"


def _without_isolates(line: str) -> str:
    if not any(ch in _EXPLICIT_FORMATTING for ch in line):
        return line
    out = []
    for i, ch in enumerate(line):
        if ch == _FSI:  # first strong: the direction of the isolated text's first letter
            inside = line[i + 1:].split(_PDI, 1)[0]
            ch = "\u202b" if _uba.get_base_level(inside) else "\u202a"
        out.append(_ISOLATE_AS_EMBEDDING.get(ch, ch))
    return "".join(out)


def _levels(line: str, base: int) -> list[int]:
    """The resolved embedding level of each character (rules X1-I2 and L1)."""
    storage = _uba.get_empty_storage()
    storage["base_level"] = base
    storage["base_dir"] = ("L", "R")[base]
    _uba.get_embedding_levels(_without_isolates(line), storage)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index
    resolved = list(storage["chars"])
    _uba.explicit_embed_and_overrides(storage)
    _uba.resolve_weak_types(storage)
    _uba.resolve_neutral_types(storage, False)
    _uba.resolve_implicit_levels(storage, False)
    # Characters removed by X9 (embedding controls, zero-width joiners) keep the level of the one
    # before them, as UAX #9 suggests for display.
    levels = [-1] * len(line)
    for char in storage["chars"]:
        levels[char["index"]] = char["level"]
    previous = base
    for i, level in enumerate(levels):
        levels[i] = previous = level if level >= 0 else previous
    return _reset_trailing(resolved, levels, base)


def _reset_trailing(chars: list[dict], levels: list[int], base: int) -> list[int]:
    """Rule L1: separators, and whitespace before them or at the end of the line, at base level."""
    at_end = True
    for char in reversed(chars):
        i, kind = char["index"], char["orig"]
        if kind in ("S", "B"):
            levels[i] = base
            at_end = True
        elif at_end and kind in ("WS", "BN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI",
                                 "FSI", "PDI"):
            levels[i] = base
        else:
            at_end = False
    return levels


def _clusters(line: str, levels: list[int]) -> list[tuple[int, list[int]]]:
    """(level, indices) for each letter with the combining marks and joiners that follow it."""
    clusters: list[tuple[int, list[int]]] = []
    for i, ch in enumerate(line):
        if clusters and _clings(ch):
            clusters[-1][1].append(i)
        else:
            clusters.append((levels[i], [i]))
    return clusters


def _clings(ch: str) -> bool:
    return unicodedata.category(ch) in ("Mn", "Me") or ch in "\u200c\u200d"


def _lowest_odd(clusters: list[tuple[int, list[int]]]) -> int:
    odd = [level for level, _ in clusters if level % 2]
    return min(odd) if odd else max(c[0] for c in clusters) + 1


def _reverse_runs(clusters: list, level: int) -> list:
    """Rule L2 for one level: reverse every run of clusters at that level or higher."""
    out, run = [], []
    for cluster in clusters:
        if cluster[0] >= level:
            run.append(cluster)
        else:
            out += reversed(run)
            run = []
            out.append(cluster)
    out += reversed(run)
    return out
