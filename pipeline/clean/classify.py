"""The block cascade: `classify_blocks` composes the three steps of the clean stage."""

from __future__ import annotations

from ..models import Block
from .lines import full_text, split_lines
from .neighbours import (
    mark_capital_notes,
    mark_caption_groups,
    mark_duplicates,
    mark_explainers,
    mark_names_and_subheads,
    mark_repeated_lines,
    mark_teasers,
    mark_title,
)
from .shapes import is_markup, shape_reason
from .thresholds import LEGAL_HEAD_BLOCKS, LEGAL_TAIL_BLOCKS


def classify_blocks(text: str, title_span: tuple[int, int] | None = None
                    ) -> tuple[Block, ...]:
    """Split `text` into line blocks and mark the boilerplate ones, in three steps:

    1. Split the text into lines ("\\n"; a "\\r" before it is whitespace) and strip
       each; blank lines give no block but are remembered as gaps (`lines.py`).
    2. Rules on the shape of one line alone, first match wins (`shapes.py`); on a line
       over LONG_LINE_CHARS only letterless-ness is judged.
    3. Rules on a line's neighbours, in this order (`neighbours.py`): the headline
       (where the file marks it, `title_span`, else by its shape),
       a line repeated on the very next line, lines run together with a credit line,
       teasers before a mid-story date line, duplicates, name-only lines and subheads,
       explainer boxes under a subhead, and what is left of short lines in capitals
       only (a wire editor's note, a desk label).
    """
    lines = split_lines(text)
    count = len(lines)
    for i, ln in enumerate(lines):
        if ln.long:  # only letterless-ness is judged on a long line
            ln.reason = "markup" if is_markup(full_text(text, ln)) else ""
        else:
            near_end = i < LEGAL_HEAD_BLOCKS or count - i <= LEGAL_TAIL_BLOCKS
            ln.reason = shape_reason(ln, near_end)
    mark_title(lines, title_span)
    mark_repeated_lines(lines)
    mark_caption_groups(lines)
    mark_teasers(lines)
    mark_duplicates(text, lines)
    mark_names_and_subheads(lines)
    mark_explainers(lines)
    mark_capital_notes(lines)
    return tuple(Block(ln.start, ln.end, bool(ln.reason), ln.reason, ln.kind) for ln in lines)
