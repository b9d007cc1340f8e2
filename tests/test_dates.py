"""Dates read into one form (ISO 8601) from the forms desks and pages write, or refused."""

from datetime import date

import pytest

from factcheck.dates import NotADate, bound, day_of, parse_date, published
from factcheck.errors import InputError

NOV_14 = date(2022, 11, 14)


@pytest.mark.parametrize("text", [
    "2022-11-14", "2022/11/14", " 2022-11-14 ", "14/11/2022", "14-11-2022", "14.11.2022",
    "14 November 2022", "14 Nov 2022", "14th November 2022", "November 14, 2022",
    "Monday, 14 November 2022", "14 تشرين الثاني 2022", "14 تشرين الثاني/نوفمبر 2022",
    "14 نوفمبر 2022", "14 نونبر 2022", "١٤ تشرين الثاني ٢٠٢٢", "۱۴ نوفمبر ۲۰۲۲",
    "الاثنين، 14 تشرين الثاني 2022", "يوم الإثنين 14 نوفمبر 2022م", "14 تشرين الثاني (نوفمبر) 2022",
])
def test_the_forms_news_copy_writes_a_day_in(text):
    assert parse_date(text) == NOV_14


@pytest.mark.parametrize("text, day", [
    ("3 كانون الثاني 2024", date(2024, 1, 3)), ("3 شباط 2024", date(2024, 2, 3)),
    ("3 آذار 2024", date(2024, 3, 3)), ("3 اذار 2024", date(2024, 3, 3)),
    ("3 نيسان 2024", date(2024, 4, 3)), ("3 أيار 2024", date(2024, 5, 3)),
    ("3 حزيران 2024", date(2024, 6, 3)), ("3 تموز 2024", date(2024, 7, 3)),
    ("3 آب 2024", date(2024, 8, 3)), ("3 أيلول 2024", date(2024, 9, 3)),
    ("3 تشرين الأول 2024", date(2024, 10, 3)), ("3 تشرين الاول 2024", date(2024, 10, 3)),
    ("3 كانون الأول 2024", date(2024, 12, 3)), ("3 جانفي 2024", date(2024, 1, 3)),
    ("3 جويلية 2024", date(2024, 7, 3)), ("3 أغسطس 2024", date(2024, 8, 3)),
])
def test_every_levantine_month_and_the_other_arabic_names(text, day):
    assert parse_date(text) == day


@pytest.mark.parametrize("text, reason", [
    ("2022-02-30", r"'2022-02-30' is not a date \(day is out of range for month\)"),
    ("30/02/2022", r"is not a date \(day is out of range for month\)"),
    ("11/14/2022", r"is not a date \(month must be in 1..12\)"),  # a month first is not guessed
    ("yesterday", "'yesterday' is not a date: write it as 2022-11-14, 14/11/2022"),
    ("14 تشرين 2022", "is not a date: write it as"),  # تشرين alone is two months
    ("14 تشرين الثاني/ديسمبر 2022", "is not a date"),  # two names for two months
    ("14/11/22", "is not a date"),  # which century is not guessed either
    ("", "is not a date"),
])
def test_what_is_no_day_is_refused_in_one_line(text, reason):
    with pytest.raises(NotADate, match=reason) as caught:
        parse_date(text, what="--published")
    assert isinstance(caught.value, InputError) and "\n" not in str(caught.value)
    assert str(caught.value).startswith("--published ")


def test_published_keeps_a_feeds_time_and_makes_a_typed_day_iso():
    assert published("2022-11-14T10:30:00Z") == "2022-11-14T10:30:00+00:00"
    assert published("2022-11-14 10:30") == "2022-11-14T10:30:00"
    assert published("14/11/2022") == "2022-11-14"
    assert published(None) is None and published("  ") is None


def test_a_date_a_page_gives_that_cannot_be_read_is_unknown_not_refused():
    assert published("sometime last week", strict=False) is None
    assert published("2022-02-30", strict=False) is None
    with pytest.raises(NotADate):
        published("2022-02-30")


def test_a_filter_bound_may_be_a_year_or_a_month():
    assert [bound("2025"), bound("2025-07"), bound("9/7/2025")] == ["2025", "2025-07",
                                                                   "2025-07-09"]
    with pytest.raises(NotADate):
        bound("2025-13")


def test_a_stored_timestamp_and_a_day_are_one_form_as_days():
    assert day_of("2025-07-09T10:00:00+00:00") == day_of("2025-07-09") == "2025-07-09"
    assert day_of(None) is None
