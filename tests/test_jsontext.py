"""JSON written with some characters as \\uXXXX: the same value, none of those characters."""

import json

from factcheck import jsontext

VALUE = {"quote": "قال </script> <!-- x & y -->\u2028", "bidi": "\u202eevil\u2069", "n": [1, 2.5]}


def test_html_escaping_keeps_the_value_and_drops_the_characters():
    data = jsontext.dumps(VALUE, escape=jsontext.FOR_HTML, indent=True).decode()
    assert json.loads(data) == VALUE
    assert '"quote": "\\u0642' not in data  # Arabic stays as it is
    assert "\\u003c/script\\u003e \\u003c!-- x \\u0026 y --\\u003e\\u2028" in data


def test_terminal_escaping_writes_bidi_controls_and_c1_as_escapes():
    data = jsontext.dumps({"t": "a\u202eb\x85c\u2067d"}, escape=jsontext.FOR_TERMINAL)
    assert data == b'{"t":"a\\u202eb\\u0085c\\u2067d"}'


def test_every_character_keeps_its_value_and_only_the_chosen_ones_are_escaped():
    text = "".join(chr(c) for c in range(0x20, 0x3000))
    for escape, chosen in ((jsontext.FOR_HTML, "<>&\u2028\u2029"),
                           (jsontext.FOR_TERMINAL, "\x7f" + "".join(map(chr, range(0x80, 0xa0)))
                            + "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")):
        data = jsontext.dumps({"t": text}, escape=escape).decode()
        assert json.loads(data) == {"t": text}
        assert set(data) & set(chosen) == set()
        assert set(text) - set(chosen) <= set(data)  # every other character written as it is
