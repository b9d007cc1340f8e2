"""Files written whole or not at all: a temporary file beside the target, fsync, rename.

A crash or a full disk midway leaves the old file as it was; a reader sees the old file or the
new one, never half of one.
"""

import os
import re
import tempfile
import time
from pathlib import Path

_TEMP_SUFFIX = ".tmp"
# What mkstemp puts between our prefix and suffix: 8 characters of this alphabet.
_TEMP_NAME = "[a-z0-9_]{8}"


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Replace `path` with `data` atomically, keeping the file's mode. Raises OSError."""
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(target), suffix=_TEMP_SUFFIX, dir=directory)
    try:
        # mkstemp makes the file private (0600); keep the mode the file had, so a desk's cron
        # user and its reviewers can still share the database and its exports.
        os.chmod(tmp, _mode_of(target))
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(directory)


def remove_leftovers(path: str | os.PathLike, *, older_than: float) -> list[Path]:
    """Remove the temporary files write_atomic left beside `path` when killed before its
    rename, and return them: those of `path` itself (not of another file whose name starts
    alike) that nothing has written to for `older_than` seconds.

    A live writer writes its temporary file until the rename, so one untouched for longer
    than any write takes is a leftover; callers that hold the lock every writer of `path`
    takes can use a short bound. A file that cannot be removed is left for a later run.
    """
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    name = re.compile(re.escape(_temp_prefix(target)) + _TEMP_NAME + re.escape(_TEMP_SUFFIX))
    cutoff = time.time() - older_than
    removed = []
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return removed
    for entry in entries:
        if not name.fullmatch(entry.name):
            continue
        try:
            if entry.stat(follow_symlinks=False).st_mtime < cutoff:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue  # gone meanwhile (its writer renamed it), or not ours to remove
    return removed


def _temp_prefix(target: Path) -> str:
    return f".{target.name}."


def _mode_of(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_dir(directory: Path) -> None:
    # The rename is durable only once the directory entry is on disk too.
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
