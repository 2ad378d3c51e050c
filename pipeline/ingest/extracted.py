"""What an extractor gives back: the text brief analyses and the metadata the file
itself states, each value with where it was found."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .formats import Kind

# The metadata fields of a source, in the order outputs list them.
FIELDS = ("title", "author", "outlet", "date", "url")


@dataclass(frozen=True)
class Found:
    """One metadata value and where it came from ("sources.yaml", "page metadata",
    "PDF document information", "text: byline")."""

    value: str
    origin: str


@dataclass(frozen=True)
class Extracted:
    """A file's text as brief analyses it, and what the file states about itself.

    `text` is what offsets index: for plain text the file decoded (utf-8-sig), for
    other formats the text the extractor wrote, deterministic for the same bytes
    (`brief extract` prints it). `title_span` is where the format itself marks the
    headline in `text` (a page's h1, a Word "Title" paragraph, a PDF's largest type),
    so the clean stage files it as the title whatever its punctuation.
    """

    text: str
    kind: Kind
    found: Mapping[str, Found] = field(default_factory=dict)
    title_span: tuple[int, int] | None = None
    notes: tuple[str, ...] = ()  # what was done to the text ("3 running headers left out")
    warnings: tuple[str, ...] = ()  # what was wrong with it ("not valid UTF-8 ...")


class NotExtractable(Exception):
    """A file of a kind brief reads that holds no text it can use; the message says
    why and how to fix it ("encrypted; save an unprotected copy")."""


def found(values: Mapping[str, str], origin: str) -> dict[str, Found]:
    """The non-empty `values` (whitespace collapsed) as Found from one `origin`."""
    return {key: Found(" ".join(value.split()), origin)
            for key, value in values.items() if value and value.strip()}


def join_blocks(blocks: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Blocks joined by a blank line (the paragraph break the clean stage reads), and
    each block's span in the result."""
    spans: list[tuple[int, int]] = []
    position = 0
    for block in blocks:
        spans.append((position, position + len(block)))
        position += len(block) + 2
    return "\n\n".join(blocks) + ("\n" if blocks else ""), spans
