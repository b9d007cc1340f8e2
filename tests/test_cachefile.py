"""Cache files of plain data: read back as written, and refused when damaged or foreign."""

from array import array

import pytest

from factcheck import cachefile
from factcheck.cachefile import Damaged

SECTIONS = {"claims": b'{"id":"a1"}', "offsets": array("Q", [0, 11]),
            "plain": {"vocabulary": ["كيم", "summit"], "size": 1}}


def _written(tmp_path, signature=("search", 1)):
    path = tmp_path / "claims.json.search.idx"
    cachefile.write(path, signature, SECTIONS)
    return path


def _accept_all(signature):
    return True


def test_sections_are_read_back_as_written(tmp_path):
    got = cachefile.read(_written(tmp_path), lambda found: found == ("search", 1))
    assert got == SECTIONS
    assert got["offsets"].typecode == "Q"


def test_a_file_of_another_signature_is_not_read(tmp_path):
    assert cachefile.read(_written(tmp_path), lambda found: found == ("search", 2)) is None


def test_no_file_is_no_sections(tmp_path):
    assert cachefile.read(tmp_path / "none.idx", _accept_all) is None


@pytest.mark.parametrize("damage", [
    lambda data: data[:-3],                                   # cut short
    lambda data: data.replace(b'"json"', b'"code"'),          # a kind we do not read
    lambda data: data + b"\0",                                # longer than its sections
    lambda data: b"\x80\x04garbage" + data,                   # not ours at all
    lambda data: data.replace(b'"little"', b'"big"   '),       # arrays of another machine
])
def test_a_damaged_file_is_refused(tmp_path, damage):
    path = _written(tmp_path)
    path.write_bytes(damage(path.read_bytes()))
    with pytest.raises(Damaged):
        cachefile.read(path, _accept_all)
