"""Cache files of plain data: numbers, text and JSON, never anything that can run code.

A cache kept beside the store (claims.json.search.idx) lives in a folder a desk shares, so it
is untrusted input: whoever can write there can replace it. It was a pickle, and loading a
pickle runs whatever the file says. These files hold only named sections, each raw bytes, a
typed array (`array.array`, read back with `frombytes`) or JSON, so the worst a replaced file
can do is fail its checks and be made again.

Layout: MAGIC, the header's length (8 bytes, little-endian), the header (JSON: the signature
the cache was made under, the sections' names, kinds and lengths, and the byte order the
arrays were written in), then the sections end to end.

A file is only ever written whole (write_atomic), so a file cut short, padded or of another
kind is told by its lengths, and its values are checked by the codec that reads them. There is
no checksum: a CRC over a 70 MB index costs twice what the rest of its load does, and would
not stop anyone who can write the file anyway.
"""

import sys
from array import array
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import orjson

from factcheck.files import write_atomic

MAGIC = b"factcheck-cache 1\n"
_LENGTH_BYTES = 8
_NUMBER_TYPES = "bBhHiIlLqQfd"  # array typecodes of numbers (not of characters)

# name -> bytes, an array.array, or data orjson writes (dict, list, str, int, float, bool, None)
Sections = dict[str, object]


class Damaged(ValueError):
    """A cache file is not one this version wrote, or its parts do not fit together."""


class Codec(NamedTuple):
    """How a derived value becomes sections and back. `decode` raises ValueError (Damaged),
    TypeError, KeyError or IndexError on sections that do not make a value: the cache is
    then made again."""

    encode: Callable[[object], Sections]
    decode: Callable[[Sections], object]


# A value that is JSON data already.
JSON = Codec(encode=lambda value: {"value": value}, decode=lambda sections: sections["value"])


def write(path: Path, signature: tuple, sections: Sections) -> None:
    """Write the sections atomically under `signature` (JSON data). Raises OSError."""
    parts, described = [], []
    for name, value in sections.items():
        kind, typecode, blob = _encoded(value)
        parts.append(blob)
        described.append([name, kind, typecode, len(blob)])
    header = orjson.dumps({"signature": list(signature), "byteorder": sys.byteorder,
                           "sections": described})
    write_atomic(path, b"".join([MAGIC, len(header).to_bytes(_LENGTH_BYTES, "little"), header,
                                 *parts]))


def read(path: Path, accept: Callable[[tuple], bool]) -> Sections | None:
    """The sections of the file at `path` if its signature is one `accept` takes; None when
    there is no such file. Raises Damaged for a file that is not whole and ours."""
    try:
        fh = path.open("rb")
    except FileNotFoundError:
        return None
    with fh:
        header = _header(fh)
        if not accept(tuple(header["signature"])):
            return None
        # Each section read straight into its own object: a whole-payload read and the
        # slicing after it would copy a 70 MB index twice.
        sections = {name: _section(fh, kind, typecode, length)
                    for name, kind, typecode, length in header["sections"]}
        if fh.read(1):
            raise Damaged(f"{path}: longer than its sections")
    return sections


def _header(fh) -> dict:
    if fh.read(len(MAGIC)) != MAGIC:
        raise Damaged("not a factcheck cache file")
    length = int.from_bytes(fh.read(_LENGTH_BYTES), "little")
    try:
        header = orjson.loads(fh.read(length))
    except orjson.JSONDecodeError:
        raise Damaged("a cache header that is not JSON") from None
    if not isinstance(header, dict) or header.get("byteorder") != sys.byteorder \
            or not isinstance(header.get("signature"), list):
        raise Damaged("a cache header of another kind or machine")
    return header


def _encoded(value) -> tuple[str, str, bytes]:
    if isinstance(value, bytes):
        return "bytes", "", value
    if isinstance(value, array):
        return "array", value.typecode, value.tobytes()
    return "json", "", orjson.dumps(value)


def _section(fh, kind: str, typecode: str, length: int):
    """One section read from `fh`."""
    if kind == "array":
        if typecode not in _NUMBER_TYPES:
            raise Damaged(f"an array of unexpected type {typecode!r}")
        numbers = array(typecode)
        count, rest = divmod(length, numbers.itemsize)
        if rest:
            raise Damaged("an array section of a length no whole number of items")
        try:
            numbers.fromfile(fh, count)
        except EOFError:
            raise Damaged("a cache section runs past the end of the file") from None
        return numbers
    blob = fh.read(length)
    if len(blob) != length:
        raise Damaged("a cache section runs past the end of the file")
    if kind == "bytes":
        return blob
    if kind == "json":
        try:
            return orjson.loads(blob)
        except orjson.JSONDecodeError:
            raise Damaged("a JSON cache section that is not JSON") from None
    raise Damaged(f"a cache section of unknown kind {kind!r}")
