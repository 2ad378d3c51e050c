"""Dates as sources write them, read into ISO 8601 calendar dates (YYYY-MM-DD).

A source's date is sorted and compared with others (the method note gives the
range of the corpus), so only a date that names one calendar day is kept: a value
that cannot be read as one, or that could be read as two ("06/05/1998": 6 May or
June 5?), is refused with the reason, never kept as a string that sorts as if it
were a date. Dates keep the calendar day the source wrote, whatever its time zone
("2021-08-13T23:30:00-05:00" is 2021-08-13), since that is the day its readers saw.

Written here rather than taken from a date library because the forms are few and
the rules must not depend on the clock, the locale or the time zone of the machine
(relative dates such as "yesterday" are refused, not resolved).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass

# English month names and their usual abbreviations (AP style: "Aug.", "Sept.").
MONTHS = {
    name: number
    for number, names in enumerate((
        ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
        ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
        ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
        ("december", "dec"),
    ), 1)
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_WEEKDAY = r"(?:[A-Za-z]{3,9}\.?,?\s+)?"
# Written forms, whole value: "March 3, 2026", "Mar. 3 2026", "Tuesday, March 3, 2026",
# "3 March 2026", "3rd of March, 2026"; a time after the date is allowed and ignored.
_TIME_TAIL = (r"(?:,?\s+(?:at\s+)?\d{1,2}(?:[:.]\d{2}){0,2}\s*(?:[ap]\.?m\.?)?"
              r"(?:\s+[A-Za-z]{2,5})?)?")
WRITTEN_DATES = (
    re.compile(rf"{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}{_TIME_TAIL}\.?", re.IGNORECASE),
    re.compile(rf"{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}{_TIME_TAIL}\.?",
               re.IGNORECASE),
)
# ISO 8601 and RFC 3339: a calendar date, perhaps with a time and zone after it; also
# year first with slashes or dots ("2021/08/13"), which is never day first.
ISO_DATE = re.compile(r"(?P<year>\d{4})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})"
                      r"(?!\d|[/.]\d)(?:[T ][\d:.]+"
                      r"(?:Z|[+-]\d{2}:?\d{2})?)?", re.IGNORECASE)
# Compact forms: PDF dates "D:20260303120000+01'00'", and "20260303".
COMPACT_DATE = re.compile(r"(?:D:)?(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})[\d+\-Z']*")
# Numeric with slashes or dots: "13/05/1998", "05/13/1998", "13.05.1998".
NUMERIC_DATE = re.compile(r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>\d{4})")
# Years outside this range are typing slips, not the dates of news (a PDF's
# "D:00000101" default, a year 3021).
EARLIEST_YEAR, LATEST_YEAR = 1800, 2200


@dataclass(frozen=True)
class ParsedDate:
    """The ISO date read from a value, or why none could be."""

    iso: str = ""
    problem: str = ""  # empty when `iso` is set


def _calendar(year: int, month: int, day: int) -> ParsedDate:
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        return ParsedDate(problem=f"year {year} is out of range")
    try:
        return ParsedDate(iso=dt.date(year, month, day).isoformat())
    except ValueError:
        return ParsedDate(problem="no such day")


def _numeric(match: re.Match[str]) -> ParsedDate:
    first, second, year = int(match["a"]), int(match["b"]), int(match["year"])
    if first > 12 >= second:  # day first
        return _calendar(year, second, first)
    if second > 12 >= first:  # month first (US)
        return _calendar(year, first, second)
    if first == second:
        return _calendar(year, first, second)
    return ParsedDate(problem=f"ambiguous: day {first} of month {second}, or month {first} "
                              f"day {second}")


def parse_date(value: str) -> ParsedDate:
    """The calendar day `value` names, in the forms sources write dates in."""
    text = " ".join(value.split())
    if not text:
        return ParsedDate(problem="empty")
    for pattern in (ISO_DATE, COMPACT_DATE):
        if match := pattern.fullmatch(text):
            return _calendar(int(match["year"]), int(match["month"]), int(match["day"]))
    if match := NUMERIC_DATE.fullmatch(text):
        return _numeric(match)
    for pattern in WRITTEN_DATES:
        if (match := pattern.fullmatch(text)) and match["month"].lower() in MONTHS:
            return _calendar(int(match["year"]), MONTHS[match["month"].lower()],
                             int(match["day"]))
    rfc = email.utils.parsedate_tz(text)  # "Tue, 03 Mar 2026 10:00:00 GMT" (feeds, mail)
    if rfc is not None:
        return _calendar(*rfc[:3])
    return ParsedDate(problem="not a date in a form brief reads")


DATE_FORMS_HINT = "write it as YYYY-MM-DD"


def first_written_date(text: str) -> str:
    """The first calendar date written inside `text` ("Published Aug. 13, 2021 Updated
    Nov. 1, 2021" -> 2021-08-13), or "" when none names a year."""
    candidates = []
    for pattern in (ISO_DATE, *WRITTEN_DATES):
        for match in pattern.finditer(text):
            candidates.append((match.start(), match))
    for _, match in sorted(candidates, key=lambda pair: pair[0]):
        month = match["month"]
        number = int(month) if month.isdigit() else MONTHS.get(month.lower().rstrip("."))
        if number is None:
            continue
        parsed = _calendar(int(match["year"]), number, int(match["day"]))
        if parsed.iso:
            return parsed.iso
    return ""


# A date in a file's name, the way archives and people name saved articles
# ("APW20000725.0086.txt", "2021-08-13 dawn.html", "nyt_2021_08_13.pdf"): year first,
# eight digits or separated by "-", "_" or ".", with no digit touching either end (a
# longer run of digits is an id, not a date).
NAME_DATE = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)(?P<sep>[-_.]?)(?P<month>\d\d)(?P=sep)"
                       r"(?P<day>\d\d)(?!\d)")


def name_date(name: str) -> str:
    """The first valid calendar date in a file name, or ""."""
    for match in NAME_DATE.finditer(name):
        parsed = _calendar(int(match["year"]), int(match["month"]), int(match["day"]))
        if parsed.iso:
            return parsed.iso
    return ""
