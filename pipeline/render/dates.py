"""Dates: the brief's date as the title block shows it and as the document's
metadata, taken from the brief (or SOURCE_DATE_EPOCH, or a fixed epoch),
never from the clock, so the same `Brief` gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping

# Used for the PDF's creation/modification dates when the brief has no date
# and SOURCE_DATE_EPOCH is unset: the ZIP/reproducible-builds convention.
FALLBACK_DATE = "1980-01-01"
FALLBACK_EPOCH = "315532800"  # FALLBACK_DATE at 00:00 UTC, in Unix seconds

# Environment variable of the reproducible-builds convention: a Unix time to
# use instead of "now" in anything a build writes.
SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"

# An ISO calendar date, the only form of `brief.date` used as metadata.
ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")

# A valid SOURCE_DATE_EPOCH value: ASCII digits only (str.isdigit would also
# accept superscripts and other scripts' digits).
EPOCH_SECONDS = re.compile(r"[0-9]+")

# English month names for the title block's date, independent of the locale.
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def parse_iso_date(text: str) -> dt.date | None:
    """The calendar date `text` names in YYYY-MM-DD form, or None.

    Stricter than "looks like a date": 2021-02-30 is refused, because it
    would be rejected (or worse, shown) downstream.
    """
    match = ISO_DATE.fullmatch(text)
    if not match:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def display_date(iso: str) -> str:
    """'2026-11-21' -> '21 November 2026'; anything else is shown as given.

    Month names come from a table, not `strftime`, so the output does not
    depend on the host's locale.
    """
    date = parse_iso_date(iso)
    if date is None:
        return iso
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def metadata_date(brief_date: str, environ: Mapping[str, str] | None = None) -> str:
    """The W3C date written as the document's created/modified date.

    Taken from the brief when it holds a valid ISO date, else from
    SOURCE_DATE_EPOCH (reproducible-builds convention), else a fixed epoch:
    never the clock, so two renders give the same bytes.
    """
    if parse_iso_date(brief_date) is not None:
        return brief_date
    env = os.environ if environ is None else environ
    epoch = env.get(SOURCE_DATE_EPOCH, "").strip()
    if EPOCH_SECONDS.fullmatch(epoch):
        try:
            stamp = dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
        except (OverflowError, OSError, ValueError):  # beyond what datetime can hold
            return FALLBACK_DATE
        return stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    return FALLBACK_DATE
