"""The `claims` command: the only place that parses arguments, renders and exits.

Each command group lives in its own module and registers itself on `app`.
"""

from factcheck.cli.app import app
from factcheck.cli import articles as _articles  # noqa: F401  (registers commands)
from factcheck.cli import contradictions as _contradictions  # noqa: F401
from factcheck.cli import review as _review  # noqa: F401  (registers commands)
from factcheck.cli import watch as _watch  # noqa: F401  (registers commands)

__all__ = ["app"]
