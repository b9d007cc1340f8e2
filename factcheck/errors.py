"""Domain errors: the CLI turns each into a one-line message and an exit code."""

from enum import Enum
from typing import TypeVar

E = TypeVar("E", bound=Enum)


class FactcheckError(Exception):
    """Base of every error that is the user's input or environment, not a bug."""

    exit_code = 2


class InputError(FactcheckError):
    """An article, file or argument could not be read or understood."""


class DatabaseError(FactcheckError):
    """The claims database is damaged, of an unknown schema, or cannot be written."""


class OutputError(FactcheckError):
    """Standard output could not be written whole (a full disk, a closed pipe)."""


class LockTimeout(FactcheckError):
    """Another claims process held the database lock for too long."""


class NotFound(FactcheckError):
    """No stored record matches the given ID or name."""


class AmbiguousID(FactcheckError):
    """An ID prefix matches more than one stored record."""


class FetchError(FactcheckError):
    """A feed or page could not be fetched, or what came back could not be used."""

    # Whether asking again later may give another answer (a server down, not a page gone).
    transient = False


class Unreachable(FetchError):
    """A server did not answer, or not in time: asking again later may work."""

    transient = True


class HTTPStatusError(FetchError):
    """A server answered a fetch with an HTTP error status (4xx or 5xx)."""

    def __init__(self, message: str, *, status: int):
        super().__init__(message)
        self.status = status
        # 5xx, timeout and too-many-requests pass; 404 or 410 is the page's standing answer.
        self.transient = status >= 500 or status in (408, 425, 429)


class BadRecord(DatabaseError):
    """A stored or imported record does not have the shape its kind of record must have."""


def member(kind: type[E], value, refusal: str) -> E:
    """value as one of the closed set kind, or an InputError giving refusal and the choices."""
    try:
        return kind(value)
    except ValueError:
        names = ", ".join(m.value for m in kind)
        raise InputError(f"{refusal}; use one of {names}") from None
