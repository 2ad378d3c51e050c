"""The view model: what the templates (and the Markdown) need, computed once
in Python.

Sections with their anchors and speaker groups, the labels shown beside items
(the unnamed speaker, "and N more sources"), the method note's figures, the
sources' details, the internal links' labels, and the consistency checks every
format runs first: a broken link in a printed brief cannot be clicked away.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from ..attribute.stance import LABELS, LEGEND
from ..models import Brief, Copy, Item, MethodNote, Section, Source
from .options import RenderError

# CSS `size` values for the page sizes the outline allows.
PAGE_SIZES = {"A4": "A4", "Letter": "letter"}

# Section kinds whose items are statements grouped by speaker.
SPEAKER_KINDS = frozenset({"actor", "other_voices"})

# Words of a speaker shorter than this ("a", "the", "of", "Mr") do not show
# that an item's text names its speaker.
SPEAKER_WORD_MIN = 4


@dataclass(frozen=True)
class SpeakerGroup:
    """Consecutive items by one speaker, shown under a single lead-in."""

    speaker: str | None
    speaker_role: str | None
    items: tuple[Item, ...]


@dataclass(frozen=True)
class SectionView:
    """A section plus its HTML anchor and speaker groups."""

    section: Section
    anchor: str
    groups: tuple[SpeakerGroup, ...]
    by_speaker: bool


def section_anchor(section: Section) -> str:
    """HTML id of a section; prefixed so it can never collide with `src-N`."""
    return f"sec-{section.id}"


def source_anchor(n: int) -> str:
    """HTML id of source list entry `n`, the target of `[n]` citations."""
    return f"src-{n}"


def speaker_groups(items: Iterable[Item]) -> tuple[SpeakerGroup, ...]:
    """Split items into runs by the same speaker (and role).

    The select stage already orders actor sections by speaker; grouping only
    consecutive runs keeps that order instead of re-sorting.
    """
    runs = itertools.groupby(items, key=lambda item: item.speaker_id or
                             (item.speaker, item.speaker_role))
    return tuple(
        SpeakerGroup(speaker=group[0].speaker, speaker_role=group[0].speaker_role,
                     items=group)
        for group in (tuple(run) for _, run in runs)
    )


def unnamed_speaker(item: Item) -> str | None:
    """The item's resolved speaker when its text does not name them.

    Outside actor sections an item like "“We are fencing this border,” he
    said." would leave the reader asking who "he" is; the attribute stage knows,
    so the brief says it after the sentence (never inside the quoted text).
    A speaker counts as named when any of its longer words ("Langove",
    "cleric", "analysts") occurs in the text, whatever the case.
    """
    if not item.speaker or any(i.kind == "referent" for i in item.insertions):
        return None  # (an insertion names who the opening pronoun is already)
    words = [w for w in re.findall(r"[^\W\d_]+", item.speaker) if len(w) >= SPEAKER_WORD_MIN]
    text = " ".join([item.text, *(i.text for i in item.insertions)]).lower()
    if any(re.search(rf"\b{re.escape(w.lower())}\b", text) for w in words):
        return None
    return item.speaker


@dataclass(frozen=True)
class Piece:
    """A run of an item as shown: verbatim text, or an editorial insertion (shown in
    square brackets, styled apart)."""

    text: str
    inserted: bool = False
    lead: str = ""  # spaces printed before an insertion's brackets
    trail: str = ""  # and after them
    capital: bool = False  # a lowercase first letter the HTML capitalises by styling


def item_pieces(item: Item) -> tuple[Piece, ...]:
    """The item's text cut at its insertions, each insertion in its place, with a
    space between it and a word it touches ("Sunday [15 August 2021]", "[Kevin
    Sullivan] says")."""
    pieces: list[Piece] = []
    at = 0
    for insertion in sorted(item.insertions, key=lambda i: i.at):
        if insertion.at > at:
            pieces.append(Piece(item.text[at:insertion.at]))
            at = insertion.at
        before = item.text[insertion.at - 1:insertion.at]
        after = item.text[insertion.at:insertion.at + 1]
        pieces.append(Piece(insertion.text, inserted=True,
                            lead=" " if before and not before.isspace() else "",
                            trail=" " if after and after.isalnum() else ""))
    if at < len(item.text):
        pieces.append(Piece(item.text[at:]))
    if opens_lowercase(item):
        first = pieces[0].text
        pieces[0:1] = [Piece(first[0], capital=True), *([Piece(first[1:])] if first[1:] else [])]
    return tuple(pieces)


def opens_lowercase(item: Item) -> bool:
    """Whether the item starts with a lowercase letter (it starts after a connective,
    "But the court said" -> "the court said"): the renderers capitalise it by styling."""
    first = item.insertions and min(i.at for i in item.insertions) == 0
    return not first and item.text[:1].islower()


def shown_stance(item: Item) -> str | None:
    """The stance label shown before a statement in a speaker's group: every label but
    the neutral "says" (the Method section's legend says so)."""
    return item.stance if item.stance and item.stance != "says" else None


def stance_legend(brief: Brief) -> tuple[tuple[str, str], ...]:
    """The stance labels the brief shows, with what each means, in the legend's order."""
    shown = {shown_stance(item) for section in brief.sections if section.kind in SPEAKER_KINDS
             for item in section.items}
    return tuple((label, LEGEND[label]) for label in LABELS if label in shown)


def short_date(iso: str) -> str:
    """An ISO date as printed beside a citation: "15 Aug 2021"."""
    try:
        day = date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return f"{day.day} {day.strftime('%b')} {day.year}"


def section_view(section: Section) -> SectionView:
    """Wrap a section for the template."""
    by_speaker = section.kind in SPEAKER_KINDS
    groups = (
        speaker_groups(section.items) if by_speaker else (SpeakerGroup(None, None, section.items),)
    )
    return SectionView(section, section_anchor(section), groups, by_speaker)


def method_figures(method: MethodNote) -> tuple[str, ...]:
    """The method note's figures as short phrases, e.g. '5 articles'."""
    if method.date_range:
        earliest, latest = method.date_range
        dates = "dated " + (earliest if earliest == latest else f"{earliest} to {latest}")
    else:
        dates = "undated"
    return (
        _count(method.articles, "article"),
        _count(method.sentences, "sentence"),
        _count(method.boilerplate_sentences, "boilerplate sentence") + " set aside",
        _count(method.words, "word"),
        dates,
    )


def _count(n: int, noun: str) -> str:
    """'1 article', '1,204 sentences': thousands separated, plural when needed."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


UNTITLED = "(untitled)"


def source_details(source: Source | Copy) -> tuple[str, ...]:
    """Outlet, author and date of a source, leaving out the empty ones; and when it was
    fetched (`brief fetch`)."""
    meta = source.meta if isinstance(source, Copy) else source
    parts = tuple(part for part in (meta.outlet, meta.author, meta.date) if part)
    return (*parts, f"retrieved {meta.fetched}") if meta.fetched else parts


def copies_text(source: Source) -> str:
    """The other files holding the same article: "Also in: b.html (Dawn, 2021-08-13);
    c.pdf." ("" when none)."""
    if not source.copies:
        return ""
    entries = []
    for copy in source.copies:
        details = source_details(copy)
        entries.append(f"{copy.path} ({', '.join(details)})" if details else copy.path)
    return f"Same article also in: {'; '.join(entries)}."


def more_sources_text(count: int) -> str:
    """What stands for the sources an item does not list (select.MAX_CITATIONS)."""
    return f"and {count:,} more source{'s' if count != 1 else ''}"


def link_labels(brief: Brief) -> dict[str, str]:
    """What each internal link target is, for the links' /Contents in
    tagged PDFs (WeasyPrint would use the bare anchor, e.g. "src-3")."""
    labels = {section_anchor(section): section.title for section in brief.sections}
    labels.update({"method": "Method", "sources": "Sources", "contents": "Contents"})
    for source in brief.sources:
        title = f": {source.title}" if source.title else ""
        labels[source_anchor(source.n)] = f"Source {source.n}{title}"
    return labels


# --------------------------------------------------------------------------
# Consistency checks: a broken link in a printed brief cannot be clicked away.
# --------------------------------------------------------------------------


def check_brief(brief: Brief) -> None:
    """Refuse briefs whose parts do not fit together, whatever the format,
    so the CLI fails the same way for each.

    Raises `RenderError` for an unknown page size, duplicate source numbers
    or section ids, and citations of sources that are not in the list.
    """
    if brief.page_size not in PAGE_SIZES:
        raise RenderError(
            f"unknown page size {brief.page_size!r}; expected one of {', '.join(PAGE_SIZES)}"
        )
    numbers = [source.n for source in brief.sources]
    _refuse_duplicates(numbers, "source number")
    _refuse_duplicates([section.id for section in brief.sections], "section id")
    known = set(numbers)
    for section in brief.sections:
        cited: list[tuple[int, ...]] = [i.citations for i in section.items]
        cited += [p.citations for p in section.people]
        for citations in cited:
            missing = sorted(set(citations) - known)
            if missing:
                raise RenderError(
                    f"section {section.id!r} cites source(s) {missing} missing from the list"
                )


def _refuse_duplicates(values: Sequence[object], what: str) -> None:
    """Raise `RenderError` naming the first value that occurs twice."""
    seen: set[object] = set()
    for value in values:
        if value in seen:
            raise RenderError(f"duplicate {what} {value!r}")
        seen.add(value)
