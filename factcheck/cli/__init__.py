"""The `claims` command: the only place that parses arguments, renders and exits.

Each command group lives in its own module and registers itself on `app`.
"""

# Each module registers its commands on `app` when imported.
from factcheck.cli import (  # noqa: F401
    articles,
    contradictions,
    doctor,
    migrate,
    review,
    search,
    speakers,
    watch,
)
from factcheck.cli.app import app

__all__ = ["app"]
