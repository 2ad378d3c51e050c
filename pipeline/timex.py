"""Dates in text: explicit ones ("Aug. 13, 2021", "in November 2014", "the 1990s") and
relative ones ("Sunday", "last month", "earlier this year"), resolved against the
article's publication date when it is known.

Every date found keeps its span in the text and its precision (day, month, year or
decade): "in 2014" is never made a day. A relative date is resolved the way news is
written, looking back from the publication date: "Sunday" in a story of Tuesday 17
August 2021 is 15 August; "in March" is the last March on or before the publication
month. A relative date with no publication date to resolve it stays unresolved (an
empty `value`): no date is ever invented.

The items use the relative ones (an editorial insertion beside the words: "Sunday [15
August 2021]"); the chronology uses all of them.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Precision = Literal["day", "month", "year", "decade"]

MONTHS = {name.casefold(): i for i, name in enumerate(calendar.month_name) if name}
MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
                       "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = {name.casefold(): i for i, name in enumerate(calendar.day_name)}
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "a": 1}
# The seasons by the months they end in (northern hemisphere, as the news the tool
# was written against): "this spring" is a year, shown with its season.
SEASONS = ("spring", "summer", "fall", "autumn", "winter")

# Years a news text is likely to mean by four digits after a preposition.
FIRST_YEAR, LAST_YEAR = 1800, 2199

_MONTH = (r"(?P<month>January|February|March|April|May|June|July|August|September|"
          r"October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|"
          r"Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[89]\d\d|2[01]\d\d)"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# In the order tried: a longer pattern wins over a shorter one at the same place.
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern)) for name, pattern in (
        ("month_day_year", rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),
        ("day_month_year", rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b"),
        ("iso", r"\b(?P<year>1[89]\d\d|2[01]\d\d)-(?P<m>[01]\d)-(?P<day>[0-3]\d)\b"),
        ("month_year", rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b"),
        ("decade", r"\b[Tt]he\s+(?P<decade>1[89]\d|20\d)0s\b"),
        ("year", rf"\b(?:in|since|by|during|until|of|from|before|after|early|late|mid-)"
                 rf"\s*{_YEAR}\b(?![-/]\d)"),
        ("month_day", rf"\b{_MONTH}\s+{_DAY}\b(?!,?\s+\d)"),
        ("weekday", rf"\b(?P<which>[Ll]ast\s+|[Nn]ext\s+|[Tt]his\s+(?:past\s+)?)?{_WEEKDAY}\b"),
        ("day_word", r"\b(?P<word>[Yy]esterday|[Tt]oday|[Tt]onight)\b"),
        ("relative_unit", r"\b(?P<which>(?:[Ee]arlier|[Ll]ater)\s+this|[Ll]ast|[Tt]his|[Nn]ext)"
                          r"\s+(?P<unit>month|year)\b"),
        ("season", r"\b(?P<which>[Tt]his|[Ll]ast)\s+(?P<season>spring|summer|fall|autumn|"
                   r"winter)\b"),
        ("ago", r"\b(?P<count>\d+|(?i:one|two|three|four|five|six|seven|eight|nine|ten|a))\s+"
                r"(?P<unit>day|month|year)s?\s+ago\b"),
        ("in_month", rf"\b(?:in|since|by|until|during|early|late)\s+{_MONTH}\b(?!\s+\d)"),
    ))


@dataclass(frozen=True)
class TimeRef:
    """A date a text refers to: its span and words, and the date at its precision."""

    start: int
    end: int
    text: str
    value: str  # ISO 8601 at `precision` ("2021-08-13", "2021-08", "2021"; a decade
    # as its first three digits, "199"); empty when it could not be resolved
    precision: Precision
    relative: bool  # resolved against the publication date ("Sunday", "last month")

    def shown(self) -> str:
        """The date as a reader sees it: "15 August 2021", "August 2021", "2021",
        "the 1990s"."""
        return shown(self.value, self.precision)


def shown(value: str, precision: Precision) -> str:
    if not value:
        return ""
    if precision == "decade":
        return f"the {value}0s"
    parts = [int(p) for p in value.split("-")]
    if precision == "year":
        return str(parts[0])
    if precision == "month":
        return f"{calendar.month_name[parts[1]]} {parts[0]}"
    return f"{parts[2]} {calendar.month_name[parts[1]]} {parts[0]}"


def shown_date(value: str, precision: str) -> str:
    """A chronology date as printed: "13 Aug 2021", "Aug 2021", "2021", "1990s"."""
    if precision == "decade":
        return f"{value}0s"
    parts = value.split("-")
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
              "Dec")
    if precision == "day":
        return f"{int(parts[2])} {months[int(parts[1]) - 1]} {parts[0]}"
    if precision == "month":
        return f"{months[int(parts[1]) - 1]} {parts[0]}"
    return parts[0]


def parse_published(text: str) -> date | None:
    """A publication date as the metadata gives it (ISO 8601, day precision), or None."""
    try:
        return date.fromisoformat(text[:10]) if len(text) >= 10 else None
    except ValueError:
        return None


def find_dates(text: str, published: date | None) -> tuple[TimeRef, ...]:
    """Every date `text` refers to, in text order; spans never overlap (the longer
    reading wins: "Aug. 13, 2021" is one date, not "Aug. 13" and "2021")."""
    found: list[TimeRef] = []
    taken: list[tuple[int, int]] = []
    for name, pattern in PATTERNS:
        for match in pattern.finditer(text):
            start, end = _span(name, match)
            if any(start < e and s < end for s, e in taken):
                continue
            ref = _resolve(name, match, published)
            if ref is None:
                continue
            value, precision, relative = ref
            found.append(TimeRef(start, end, text[start:end], value, precision, relative))
            taken.append((start, end))
    return tuple(sorted(found, key=lambda r: r.start))


def _span(name: str, match: re.Match[str]) -> tuple[int, int]:
    """The words of the date itself: "in 2014" is dated by "2014"."""
    if name == "year":
        return match.span("year")
    if name == "in_month":
        return match.span("month")
    return match.span()


def _month_number(word: str) -> int:
    key = word.casefold().rstrip(".")
    return MONTHS.get(key) or MONTH_ABBREVIATIONS[key]


def _resolve(name: str, m: re.Match[str], published: date | None
             ) -> tuple[str, Precision, bool] | None:
    if name in ("month_day_year", "day_month_year", "iso"):
        month = int(m["m"]) if name == "iso" else _month_number(m["month"])
        value = _day(int(m["year"]), month, int(m["day"]))
        return (value, "day", False) if value else None
    if name == "month_year":
        return f"{int(m['year']):04d}-{_month_number(m['month']):02d}", "month", False
    if name == "decade":
        return m["decade"], "decade", False
    if name == "year":
        year = int(m["year"])
        return (str(year), "year", False) if FIRST_YEAR <= year <= LAST_YEAR else None
    return _relative(name, m, published)


def _day(year: int, month: int, day: int) -> str:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return ""  # "February 30": no such day, no date


def _relative(name: str, m: re.Match[str], published: date | None
              ) -> tuple[str, Precision, bool] | None:
    precision: Precision = "day"
    if name in ("relative_unit", "ago"):
        precision = "month" if m["unit"] == "month" else "year" if m["unit"] == "year" \
            else "day"
    elif name in ("season", "in_month"):
        precision = "year" if name == "season" else "month"
    if published is None:
        return "", precision, True
    resolved = RESOLVERS[name](m, published)
    if resolved is None:
        return None
    return resolved, precision, True


def _month_day(m: re.Match[str], published: date) -> str | None:
    """"Aug. 13" with no year: the last such day on or before the publication date,
    or within a month after it (a date a story announces)."""
    month, day = _month_number(m["month"]), int(m["day"])
    for year in (published.year, published.year - 1):
        value = _day(year, month, day)
        if value and date.fromisoformat(value) <= published + timedelta(days=31):
            return value
    return None


def _weekday(m: re.Match[str], published: date) -> str:
    """"Sunday" is the last Sunday before the publication day (the day itself when it
    is one: "on Tuesday" in Tuesday's paper); "next Sunday" the first after it."""
    wanted = WEEKDAYS[m["weekday"].casefold()]
    which = (m["which"] or "").strip().casefold()
    if which == "next":
        ahead = (wanted - published.weekday()) % 7 or 7
        return (published + timedelta(days=ahead)).isoformat()
    back = (published.weekday() - wanted) % 7
    if which == "last" and back == 0:
        back = 7
    return (published - timedelta(days=back)).isoformat()


def _day_word(m: re.Match[str], published: date) -> str:
    back = 1 if m["word"].casefold() == "yesterday" else 0
    return (published - timedelta(days=back)).isoformat()


def _relative_unit(m: re.Match[str], published: date) -> str:
    which = m["which"].split()[0].casefold()
    step = -1 if which == "last" else 1 if which == "next" else 0
    if m["unit"] == "year":
        return str(published.year + step)
    month = published.month - 1 + step
    return f"{published.year + month // 12:04d}-{month % 12 + 1:02d}"


def _season(m: re.Match[str], published: date) -> str:
    return str(published.year - (1 if m["which"].casefold() == "last" else 0))


def _ago(m: re.Match[str], published: date) -> str | None:
    count = NUMBERS.get(m["count"].casefold()) or int(m["count"])
    if m["unit"] == "day":
        return (published - timedelta(days=count)).isoformat()
    if m["unit"] == "year":
        return str(published.year - count)
    month = published.month - 1 - count
    return f"{published.year + month // 12:04d}-{month % 12 + 1:02d}"


def _in_month(m: re.Match[str], published: date) -> str:
    """"in March": the last March on or before the publication month."""
    month = _month_number(m["month"])
    year = published.year if month <= published.month else published.year - 1
    return f"{year:04d}-{month:02d}"


RESOLVERS = {"month_day": _month_day, "weekday": _weekday, "day_word": _day_word,
             "relative_unit": _relative_unit, "season": _season, "ago": _ago,
             "in_month": _in_month}
