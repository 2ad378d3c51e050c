"""The chronology: dated events of the corpus in time order, each a verbatim sentence
with the date it refers to (`pipeline/timex.py`) at its precision.

An event is a candidate sentence that reads on its own and names a date: an explicit
one ("Aug. 13, 2021", "in November 2014", "the 1990s") or a relative one ("last month",
"on Sunday") that its article's publication date resolves; a sentence with no date, or
only relative ones and no publication date, is never dated. The sentence's first date
is its event's date (news states when before or right after what). Events are chosen
like actor statements (central to the corpus and on theme, never two near-duplicates:
the same event in several sources is one entry citing them all), then put in time
order: a coarser date before the finer ones it holds ("2021" before "2021-08").
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

import numpy as np

from ..models import Item, Section
from ..timex import TimeRef, find_dates, parse_published
from .candidates import Candidate
from .greedy import pick

if TYPE_CHECKING:
    from .selector import Selector

# A date this far after the publication date is a plan, not an event: left out.
# ("next Monday" is fine; "by 2030" in a story of 2021 is no event of the corpus.)
MAX_YEARS_AHEAD = 1


def event_date(candidate: Candidate) -> TimeRef | None:
    """The date a candidate sentence's event happened, or None: the date right after
    its reporting verb ("said Thursday": the statement is the event), else its first
    date in the main clause."""
    published = parse_published(candidate.published)
    text = candidate.sentence.text
    usable = [ref for ref in find_dates(text, published)
              if ref.value and not _ahead(ref, published) and not _bound(text[:ref.start])]
    spoken = _after_cue(usable, text, candidate.attribution.cue)
    if spoken is not None:
        return spoken
    return next((ref for ref in usable if not _in_relative_clause(text[:ref.start])), None)


def _after_cue(refs: list[TimeRef], text: str, cue: str | None) -> TimeRef | None:
    if not cue:
        return None
    verb = re.compile(rf"\b{re.escape(cue.split()[0])}\s+(?:on\s+)?$", re.IGNORECASE)
    return next((ref for ref in refs if verb.search(text[:ref.start])), None)


def _in_relative_clause(before: str) -> bool:
    """Whether a date stands in a relative clause of its own phrase ("the pilot who flew
    the first flight in 1969"): it dates what the clause says about a noun, not the
    sentence's event. The phrase is what follows the last comma, colon, bracket or dash."""
    return any(w.casefold() in RELATIVE_PRONOUNS for w in _phrase(before).split())


PHRASE_BREAK = re.compile(r"[,;:()]|--|\s[-\u2013\u2014]\s")
# "that" is left out: "said that ... in 2014" is the statement's own content.
RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which"})


def _bound(before: str) -> bool:
    """Whether a date is a boundary of the event, not its time ("after 2014", "by
    2030", "since 2017", "following the events of September 11, 2001", "resumed
    flights after the plane crashed on July 25"): such a sentence says what happened
    around it, not when. A boundary word governs the rest of its phrase (up to the
    next comma, colon, bracket or dash)."""
    return any(w.casefold() in BOUNDARY_WORDS for w in _phrase(before).split())


def _phrase(before: str) -> str:
    """The part of `before` after its last comma, colon, bracket or dash."""
    return PHRASE_BREAK.split(before)[-1]


BOUNDARY_WORDS = frozenset({"after", "before", "until", "till", "by", "through", "ahead",
                            "following", "prior", "since"})


def _ahead(ref: TimeRef, published: date | None) -> bool:
    if published is None or ref.precision == "decade":
        return False
    return int(ref.value[:4]) > published.year + MAX_YEARS_AHEAD


def chronology(selector: Selector, entries: int, theme: str = "") -> Section:
    """The chronology section: up to `entries` events, in time order."""
    dates = [event_date(c) if c.standalone else None for c in selector.candidates]
    dated = np.array([d is not None for d in dates], bool)
    scores = _scores(selector, theme)
    if theme:
        dated &= selector.matches[theme].similarity > 0
    chosen = pick(scores, selector.vectors, [1] * len(selector.candidates), entries, dated)
    items = [_dated(selector.item(i, float(scores[i])), dates[i]) for i in chosen]
    items.sort(key=lambda it: (it.date, it.published, it.citations, it.start))
    note = ("Events the sources date, in time order; an entry may repeat a statement "
            "shown above.") if items else "No sentence of the corpus names a date."
    return Section(kind="chronology", id="chronology", title="Chronology",
                   items=tuple(items), note=note)


def _scores(selector: Selector, theme: str) -> np.ndarray:
    """Central to the corpus and relevant to the theme (or to any theme)."""
    if theme:
        relevance = selector.matches[theme].relevance
    elif selector.matches:
        relevance = np.max([m.relevance for m in selector.matches.values()], axis=0)
    else:
        relevance = np.zeros(len(selector.candidates))
    return 0.5 * selector.centrality + 0.5 * np.clip(relevance, 0.0, None)


def _dated(item: Item, ref: TimeRef | None) -> Item:
    assert ref is not None  # chosen only among dated candidates
    return replace(item, date=ref.value, date_precision=ref.precision)
