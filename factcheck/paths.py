"""Where the database lives, decided when asked, never at import time."""

import os
from pathlib import Path

DEFAULT_DB = "claims.json"


def db_location(explicit: str | os.PathLike | None = None) -> str:
    """The store given (`--db`, or $CLAIMS_DB through it), else ./claims.json as of now; a URL
    (postgresql://, sqlite:///) is kept as written, where a Path would fold its slashes."""
    return str(explicit) if explicit else str(Path.cwd() / DEFAULT_DB)
