"""Where the database lives, decided when asked, never at import time."""

import os
from pathlib import Path

DEFAULT_DB = "claims.json"


def db_path(explicit: str | os.PathLike | None = None) -> Path:
    """The path given (`--db`, or $CLAIMS_DB through it), else ./claims.json as of now."""
    if explicit:
        return Path(explicit)
    return Path.cwd() / DEFAULT_DB
