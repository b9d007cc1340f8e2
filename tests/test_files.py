"""Atomic writes, and the temporary files a killed writer leaves behind."""

import os
import time

import pytest

from factcheck.files import remove_leftovers, write_atomic


def _aged(path, seconds: float):
    path.write_bytes(b"x" * 100)
    when = time.time() - seconds
    os.utime(path, (when, when))
    return path


def test_remove_leftovers_takes_only_old_temporary_files_of_the_one_target(tmp_path):
    target = tmp_path / "claims.json"
    old = _aged(tmp_path / ".claims.json.k3_9xq0a.tmp", 3600)
    live = _aged(tmp_path / ".claims.json.b7mm2p1c.tmp", 5)  # a writer still at it
    cache = _aged(tmp_path / ".claims.json.search.idx.a1b2c3d4.tmp", 3600)  # another target's
    other = _aged(tmp_path / ".notes.json.a1b2c3d4.tmp", 3600)
    mine = _aged(tmp_path / ".claims.json.keep-me.tmp", 3600)  # not a name mkstemp makes
    assert remove_leftovers(target, older_than=60) == [old]
    assert not old.exists()
    assert all(p.exists() for p in (live, cache, other, mine))
    assert remove_leftovers(tmp_path / "claims.json.search.idx", older_than=60) == [cache]


def test_write_atomic_names_its_temporary_file_as_remove_leftovers_finds_it(tmp_path, monkeypatch):
    target = tmp_path / "claims.json"
    seen = []
    real_replace = os.replace

    def killed_before_rename(src, dst):
        seen.append(src)
        raise KeyboardInterrupt  # what kill -9 leaves, less the file write_atomic cleans up

    monkeypatch.setattr(os, "replace", killed_before_rename)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"{}")
    monkeypatch.setattr(os, "replace", real_replace)
    leftover = tmp_path / os.path.basename(seen[0])
    leftover.write_bytes(b"{}")  # as if the process had died without its cleanup
    os.utime(leftover, (time.time() - 120,) * 2)
    assert remove_leftovers(target, older_than=60) == [leftover]
