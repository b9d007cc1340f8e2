"""JSON text that keeps its value wherever it is put: in an HTML script block, on a terminal.

Outside a string JSON is made of ASCII punctuation, digits and letters only, so any other
character in serialised JSON is inside a string, where ``\\uXXXX`` means the same character.
Writing a few characters that way changes the text and never the value.
"""

import re

import orjson

# `</script>` ends a script block wherever it stands, `<!--` and `-->` change how the HTML parser
# reads the rest of it, `&` starts an entity in XHTML; U+2028 and U+2029 end a line in older
# JavaScript.
FOR_HTML = "<>&\u2028\u2029"
# What a terminal acts on: DEL, C1 controls, bidi embeddings, overrides and isolates (C0 controls
# are escaped by every JSON writer already).
FOR_TERMINAL = "\x7f-\x9f\u202a-\u202e\u2066-\u2069"


def dumps(value, *, escape: str, indent: bool = False) -> bytes:
    """`value` as JSON (UTF-8) with every character of `escape` (a regex class body) as \\uXXXX."""
    data = orjson.dumps(value, option=orjson.OPT_INDENT_2 if indent else 0)
    return _pattern(escape).sub(_escaped, data.decode()).encode()


def _escaped(match: re.Match) -> str:
    return f"\\u{ord(match.group()):04x}"


_PATTERNS: dict[str, re.Pattern] = {}


def _pattern(escape: str) -> re.Pattern:
    if escape not in _PATTERNS:
        _PATTERNS[escape] = re.compile(f"[{escape}]")
    return _PATTERNS[escape]
