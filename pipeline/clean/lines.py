"""Step 1: the text's non-blank lines, stripped, with their offsets and surroundings.

A line break is "\\n"; a "\\r" before it is whitespace. Blank lines give no line but
are remembered as gaps (`gap_before`, `gap_after`). A line over LONG_LINE_CHARS keeps
only its first LONG_LINE_CHARS characters as `text` for the shape rules, which keeps
one 20 MB line cheap.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import BlockKind
from .patterns import NONBLANK_LINE
from .thresholds import LONG_LINE_CHARS


@dataclass
class Line:
    """One non-blank line, stripped, with what surrounds it; the rules fill `reason`."""

    start: int
    end: int
    text: str  # text[start:end], or its first LONG_LINE_CHARS characters
    long: bool  # longer than LONG_LINE_CHARS
    words: int  # word count (LONG_LINE_CHARS-capped; huge for a long line)
    gap_before: bool  # a blank line (or the start of the text) comes before it
    gap_after: bool = True  # a blank line (or the end of the text) comes after it
    reason: str = ""
    kind: BlockKind = "paragraph"


# The word count given to a long line: more than any word threshold.
_HUGE = 1 << 30


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of `text`, stripped, with their offsets."""
    lines: list[Line] = []
    previous_end = 0
    for m in NONBLANK_LINE.finditer(text):
        start, end = m.span(1)
        # A blank line lies between two lines when two line breaks separate them.
        gap = not lines or text.count("\n", previous_end, start) > 1
        if lines:
            lines[-1].gap_after = gap
        long = end - start > LONG_LINE_CHARS
        shown = text[start:start + LONG_LINE_CHARS] if long else text[start:end]
        words = _HUGE if long else len(shown.split())
        lines.append(Line(start, end, shown, long, words, gap_before=gap))
        previous_end = end
    return lines


def full_text(text: str, line: Line) -> str:
    """The whole of `line` (also past LONG_LINE_CHARS)."""
    return text[line.start:line.end]
