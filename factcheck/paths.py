"""Where the database lives, decided when asked, never at import time."""

import os
from pathlib import Path

DB_ENV = "CLAIMS_DB"
DEFAULT_DB = "claims.json"


def db_path(explicit: str | os.PathLike | None = None) -> Path:
    """`--db` wins, then the CLAIMS_DB environment variable, then ./claims.json."""
    if explicit:
        return Path(explicit)
    from_env = os.environ.get(DB_ENV)
    if from_env:
        return Path(from_env)
    return Path.cwd() / DEFAULT_DB
