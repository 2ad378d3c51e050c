"""Dates in text, at their precision, resolved against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.timex import find_dates, parse_published

TUESDAY = date(2021, 8, 17)


@pytest.mark.parametrize(("text", "found"), [
    ("It met on Aug. 13, 2021.", [("Aug. 13, 2021", "2021-08-13", "day", False)]),
    ("It met on 13 August 2021.", [("13 August 2021", "2021-08-13", "day", False)]),
    ("It began in November 2014.", [("November 2014", "2014-11", "month", False)]),
    ("It began in 2014.", [("2014", "2014", "year", False)]),
    ("Trade grew in the 1990s.", [("the 1990s", "199", "decade", False)]),
    ("It met on Sunday.", [("Sunday", "2021-08-15", "day", True)]),
    ("It met on Tuesday.", [("Tuesday", "2021-08-17", "day", True)]),
    ("It meets next Monday.", [("next Monday", "2021-08-23", "day", True)]),
    ("It met last month.", [("last month", "2021-07", "month", True)]),
    ("It grew earlier this year.", [("earlier this year", "2021", "year", True)]),
    ("It met yesterday.", [("yesterday", "2021-08-16", "day", True)]),
    ("It met in March.", [("March", "2021-03", "month", True)]),
    ("It met in September.", [("September", "2020-09", "month", True)]),
    ("It met three days ago.", [("three days ago", "2021-08-14", "day", True)]),
    ("It met on Aug. 20.", [("Aug. 20", "2021-08-20", "day", True)]),
    ("The count was 2,014 votes, and 1999 people came.", []),
    ("It was due on February 30, 2021.", []),
])
def test_dates_and_their_precision(text, found):
    refs = find_dates(text, TUESDAY)
    assert [(r.text, r.value, r.precision, r.relative) for r in refs] == found
    for r in refs:
        assert text[r.start:r.end] == r.text


def test_no_publication_date_no_resolved_relative_date():
    refs = find_dates("It met on Sunday, on Aug. 13, 2021.", None)
    assert [(r.text, r.value) for r in refs] == [("Sunday", ""), ("Aug. 13, 2021", "2021-08-13")]


def test_shown_and_published():
    refs = find_dates("in November 2014, on Aug. 13, 2021, in 2014, the 1990s", TUESDAY)
    assert [r.shown() for r in refs] == ["November 2014", "13 August 2021", "2014", "the 1990s"]
    assert parse_published("2021-08-17") == TUESDAY
    assert parse_published("") is None and parse_published("2021-13-01") is None
