"""Dates as people and pages write them, read into one form (ISO 8601), or refused.

A date stored as typed ("14/11/2022") is missed by every `--since`, which compares ISO days, so
every date that enters the store or a filter comes through here: ISO (2022-11-14, with or
without a time), day first with digits (14/11/2022, 14-11-2022, 14.11.2022: the order of the
Arab and European press; a month first is never guessed), and a day with a month name in
English or Arabic (14 November 2022, November 14, 2022, 14 تشرين الثاني 2022, ١٤ نوفمبر ٢٠٢٢,
14 تشرين الثاني/نوفمبر 2022). A weekday before it is read past. The month and weekday names are data
(factcheck/data/calendar.toml).

A date that is not known stays None: it is never replaced by the day it was stored.
"""

import re
import tomllib
from datetime import UTC, date, datetime
from functools import cache
from importlib.resources import files

from factcheck.errors import InputError
from factcheck.normalize import fold

FORMS = "2022-11-14, 14/11/2022, 14 November 2022 or 14 تشرين الثاني 2022"
_ISO_RE = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})")
_DAY_FIRST_RE = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")
_PARTIAL_RE = re.compile(r"\d{4}(?:-\d{2})?")
_ISO_DAY_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ORDINAL = r"(?:st|nd|rd|th)?"
_YEAR = r"(\d{4})(?:\s*م)?"  # م: of the common era, as Arabic papers often write after a year


class NotADate(InputError):
    """A date could not be read, or names a day that does not exist."""


def now_iso() -> str:
    """Now, to the second, in UTC: when a record was made or changed."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def parse_date(text: str, *, what: str = "date") -> date:
    """The day `text` names, in any of the forms above; NotADate otherwise (2022-02-30 too)."""
    value = _plain(text)
    found = (_iso(value) or _numeric_day_first(value) or _named(value))
    if found is None:
        raise NotADate(f"{what} {text!r} is not a date: write it as {FORMS}")
    year, month, day = found
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise NotADate(f"{what} {text!r} is not a date ({exc})") from None


def published(text: str | None, *, strict: bool = True, what: str = "date") -> str | None:
    """`text` as a stored publication date: YYYY-MM-DD, or the ISO timestamp when it gives a
    time (a feed's). None when there is no date; when it cannot be read, NotADate if
    `strict` (a person typed it), else None (a page or feed said it: unknown, not refused)."""
    if text is None or not text.strip():
        return None
    timestamp = _timestamp(text.strip())
    if timestamp is not None:
        return timestamp
    try:
        return parse_date(text, what=what).isoformat()
    except NotADate:
        if strict:
            raise
        return None


def bound(text: str, *, what: str = "date") -> str:
    """A filter's bound (--since, --until): an ISO day, or a year or month as YYYY, YYYY-MM."""
    value = text.strip()
    if _PARTIAL_RE.fullmatch(value):
        if value[5:] and not 1 <= int(value[5:]) <= 12:
            raise NotADate(f"{what} {text!r} is not a date: write it as {FORMS}")
        return value
    return parse_date(value, what=what).isoformat()


def is_iso(value: str) -> bool:
    """Whether a stored date is in the one form: an ISO day, or an ISO timestamp."""
    return is_day(value) or _timestamp(value) == value


def is_day(value: str) -> bool:
    """Whether a stored date is an ISO day (2022-02-30 is not: ISO in form, no day)."""
    if not _ISO_DAY_RE.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def day_of(value: str | None) -> str | None:
    """The ISO day of a stored date or timestamp (a speaker's first and last are days)."""
    return value[:10] if value else None


def _plain(text: str) -> str:
    # Folded (Arabic-Indic digits to ASCII, hamza seats, case), commas made spaces, spaces
    # tidied, a weekday before the date left out.
    value = " ".join(re.sub("[,،]", " ", fold(text)).split())
    return _weekday_re().sub("", value, count=1) if value[:1].isalpha() else value


def _timestamp(value: str) -> str | None:
    if not _ISO_RE.match(value) or len(value) <= 10:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except ValueError:
        return None


def _iso(value: str) -> tuple[int, int, int] | None:
    match = _ISO_RE.fullmatch(value) or _ISO_RE.fullmatch(value[:10])
    if match is None or (len(value) > 10 and value[10] not in "tT "):
        return None
    year, month, day = map(int, match.groups())
    return year, month, day


def _numeric_day_first(value: str) -> tuple[int, int, int] | None:
    match = _DAY_FIRST_RE.fullmatch(value)
    if match is None:
        return None
    day, month, year = map(int, match.groups())
    return year, month, day


def _named(value: str) -> tuple[int, int, int] | None:
    day_first, month_first = _named_patterns()
    match = day_first.fullmatch(value)
    if match:
        day, first, second, year = match.groups()
    else:
        match = month_first.fullmatch(value)
        if match is None:
            return None
        first, second, day, year = match.groups()
    months = _months()
    month = months[first]
    # "تشرين الثاني/نوفمبر": two names for one month, as Arabic papers pair them
    if second is not None and months[second] != month:
        return None
    return int(year), month, int(day)


@cache
def _calendar() -> dict:
    return tomllib.loads(files("factcheck").joinpath("data/calendar.toml").read_text("utf-8"))


@cache
def _months() -> dict[str, int]:
    return {fold(name): int(number) for table in _calendar()["months"].values()
            for number, spellings in table.items() for name in spellings}


@cache
def _weekday_re() -> re.Pattern:
    names = sorted((fold(n) for table in _calendar()["weekdays"].values() for n in table),
                   key=len, reverse=True)
    return re.compile(rf"(?:(?:{'|'.join(map(re.escape, names))})\s+)+")


@cache
def _named_patterns() -> tuple[re.Pattern, re.Pattern]:
    # The longest names first, so "تشرين الثاني" is not read as a bare "تشرين".
    names = "|".join(sorted(map(re.escape, _months()), key=len, reverse=True))
    month = rf"({names})(?:\s*[/(]\s*({names})\s*\)?)?"
    day = rf"(\d{{1,2}}){_ORDINAL}"
    return (re.compile(rf"{day}\s*(?:of\s+)?{month}\s+{_YEAR}"),
            re.compile(rf"{month}\s+{day}\s+{_YEAR}"))
