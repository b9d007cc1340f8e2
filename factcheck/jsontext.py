"""JSON text that keeps its value wherever it is put: in an HTML script block, on a terminal.

Outside a string JSON is made of ASCII punctuation, digits and letters only, so any other
character in serialised JSON is inside a string, where ``\\uXXXX`` means the same character.
Writing a few characters that way changes the text and never the value.
"""

import re

import orjson

# Patterns over the UTF-8 bytes orjson writes, so that a large document is not decoded and
# encoded again to be searched.
# `</script>` ends a script block wherever it stands, `<!--` and `-->` change how the HTML parser
# reads the rest of it, `&` starts an entity in XHTML; U+2028 and U+2029 end a line in older
# JavaScript.
FOR_HTML = re.compile(rb"[<>&]|\xe2\x80[\xa8\xa9]")
# What a terminal acts on: DEL, C1 controls (U+0080-009F), bidi embeddings and overrides
# (U+202A-202E) and isolates (U+2066-2069). C0 controls are escaped by every JSON writer already.
FOR_TERMINAL = re.compile(rb"\x7f|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]")


def dumps(value, *, escape: re.Pattern, indent: bool = False) -> bytes:
    """`value` as JSON (UTF-8) with every character `escape` matches written as \\uXXXX."""
    data = orjson.dumps(value, option=orjson.OPT_INDENT_2 if indent else 0)
    return escape.sub(_escaped, data)


def _escaped(match: re.Match) -> bytes:
    return b"\\u%04x" % ord(match.group().decode())
