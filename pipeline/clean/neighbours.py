"""Step 3: rules on a line's neighbours, run by `classify_blocks` in this order.

The headline (first block past navigation), a line repeated on the very next line
(image alt text + caption), lines run together with a credit line, the teaser before a
date line in the middle of the story, duplicates of another block (exact, or a lead
paragraph later repeated and extended), name-only lines near either end, subheads, and
the question-led explainer box under a subhead. Each rule marks only lines that no
earlier rule marked, except where it says otherwise.
"""

from __future__ import annotations

from itertools import pairwise

from .lines import Line, full_text
from .patterns import FIRST_SENTENCE_END, NORM_DROP
from .shapes import is_headline, is_name_line, is_stopped_headline, is_subhead_shape
from .thresholds import (
    CAPTION_GROUP_MAX_LINES,
    CAPTION_MAX_WORDS,
    DUP_GROUP_MAX,
    DUP_MIN_CHARS,
    EXPLAINER_MAX_WORDS,
    EXPLAINER_QUESTION_MAX_WORDS,
    NAME_LINE_EDGE_BLOCKS,
    TEASER_MAX_WORDS,
    TITLE_SEARCH_BLOCKS,
    WIRE_NOTE_MAX_WORDS,
    WRAP_STYLE_MIN_WORDS,
    WRAPPED_SHARE,
)
from .words import ends_terminal, starts_upper


def _is_body(line: Line) -> bool:
    return not line.reason


def mark_title(lines: list[Line], title_span: tuple[int, int] | None = None) -> None:
    """The headline: the line where the file marks it (`title_span`: a page's h1, a
    known title on a first line), else the first block past any navigation, if
    headline-shaped; a headline ended with a full stop only when more text follows."""
    if title_span is not None:
        start, end = title_span
        marked = next((ln for ln in lines if ln.start < end and start < ln.end), None)
        if marked is not None:
            marked.reason, marked.kind = "title", "title"
            return
    for i, ln in enumerate(lines[:TITLE_SEARCH_BLOCKS]):
        if ln.reason in ("navigation", "markup", "legal"):
            continue
        # a stopped headline stands apart: a blank line or a byline or date line follows
        stands_apart = i + 1 < len(lines) and (
            ln.gap_after or lines[i + 1].reason in ("byline", "dateline"))
        stopped = stands_apart and is_stopped_headline(ln)
        if not ln.reason and not ln.long and (is_headline(ln) or stopped):
            ln.reason, ln.kind = "title", "title"
        return


def mark_repeated_lines(lines: list[Line]) -> None:
    """A line repeated on the very next line (image alt text + caption, a doubled
    author line): both copies go."""
    for a, b in pairwise(lines):
        if a.gap_after or a.long or a.text != b.text or a.words > CAPTION_MAX_WORDS:
            continue
        reason = "byline" if is_name_line(a.text) else "caption"
        for ln in (a, b):
            if not ln.reason:
                ln.reason = reason


def mark_caption_groups(lines: list[Line]) -> None:
    """Lines run together (no blank line between) with a credit line are its caption."""
    for i, ln in enumerate(lines):
        if ln.reason not in ("credit", "caption"):
            continue
        j = i
        while j > 0 and i - j < CAPTION_GROUP_MAX_LINES and not lines[j - 1].gap_after:
            prev = lines[j - 1]
            if prev.reason or prev.words > CAPTION_MAX_WORDS:
                break
            prev.reason = "caption"
            j -= 1


def mark_teasers(lines: list[Line]) -> None:
    """A date line in the middle of the story dates a related-story teaser: the short
    block before it. At the top (under the headline) or at the end it dates the story."""
    count = len(lines)
    # body_after[i]: a body block follows block i. Marking a teaser changes only
    # blocks before the current date line, so this stays true as we go.
    body_after = [False] * (count + 1)
    for i in range(count - 1, -1, -1):
        body_after[i] = body_after[i + 1] or (i + 1 < count and _is_body(lines[i + 1]))
    body_seen = False  # a body block not itself followed by a date line
    for i, ln in enumerate(lines):
        if ln.reason == "dateline" and i > 0 and body_seen and body_after[i]:
            prev = lines[i - 1]
            if _is_body(prev) and prev.words <= TEASER_MAX_WORDS:
                prev.reason = "teaser"
        if _is_body(ln) and i + 1 < count and lines[i + 1].reason != "dateline":
            body_seen = True


def _normalise(s: str) -> str:
    return NORM_DROP.sub(" ", s.casefold()).strip()


def mark_duplicates(text: str, lines: list[Line]) -> None:
    """Mark a block repeated elsewhere: the later copy of an exact repeat, and the shorter
    copy when a paragraph is repeated and extended (the asatrian lead: "... supporting
    ISIS." then "... supporting ISIS, and the number of armed clashes ...")."""
    norms = [_normalise(full_text(text, ln)) for ln in lines]
    first_seen: dict[str, int] = {}
    # Distinct texts grouped by their first DUP_MIN_CHARS normalised
    # characters: a text can only be a word-prefix of a text in its own group.
    groups: dict[str, list[str]] = {}
    for i, key in enumerate(norms):
        if len(key) < DUP_MIN_CHARS or key in first_seen:
            continue
        first_seen[key] = i
        group = groups.setdefault(key[:DUP_MIN_CHARS], [])
        if len(group) < DUP_GROUP_MAX:
            group.append(key)
    for i, ln in enumerate(lines):
        key = norms[i]
        if ln.reason or len(key) < DUP_MIN_CHARS:
            continue
        if first_seen[key] < i:  # an exact repeat: the later copy goes
            ln.reason = "duplicate"
            continue
        for other in groups[key[:DUP_MIN_CHARS]]:
            if len(other) > len(key) and other.startswith(key) and other[len(key)] == " ":
                ln.reason = "duplicate"  # extended later or earlier: the short copy goes
                break


def _is_hard_wrapped(lines: list[Line]) -> bool:
    """Whether paragraphs are broken into lines: most lines of some length do not end
    a sentence. Then only blank lines, not line ends, separate paragraphs."""
    sized = [ln for ln in lines if ln.words >= WRAP_STYLE_MIN_WORDS]
    # A line too long to be a wrapped line is a paragraph: evidence against.
    unended = sum(1 for ln in sized if not ln.long and not ends_terminal(ln.text))
    return bool(sized) and unended > WRAPPED_SHARE * len(sized)


def mark_names_and_subheads(lines: list[Line]) -> None:
    """Name-only lines near either end are author lines; short unpunctuated lines that
    stand alone between paragraphs are subheads."""
    count = len(lines)
    wrapped = _is_hard_wrapped(lines)
    for i, ln in enumerate(lines):
        if ln.reason or ln.long:
            continue
        prev = lines[i - 1] if i > 0 else None
        nxt = lines[i + 1] if i + 1 < count else None
        if is_name_line(ln.text):
            near_edge = i < NAME_LINE_EDGE_BLOCKS or count - i <= NAME_LINE_EDGE_BLOCKS
            beside_author = any(x is not None and x.reason in ("bio", "byline")
                                for x in (prev, nxt))
            if near_edge or beside_author:
                ln.reason = "byline"
                continue
        if not is_subhead_shape(ln):
            continue
        # Alone: a blank line around it, or (paragraph-per-line text) a sentence
        # end before it and a capital after it.
        alone_before = ln.gap_before or prev is None or (not wrapped and ends_terminal(prev.text))
        alone_after = ln.gap_after or nxt is None or (not wrapped and starts_upper(nxt.text))
        if alone_before and alone_after:
            ln.reason, ln.kind = "subhead", "heading"


def _first_sentence(s: str) -> str:
    m = FIRST_SENTENCE_END.search(s)
    return s[: m.end()].strip() if m else s


def mark_explainers(lines: list[Line]) -> None:
    """An explainer box: a short block right under a subhead, led by a short question
    ("Who are the Taliban? The Taliban arose in 1994 ...")."""
    for prev, ln in pairwise(lines):
        if ln.reason or prev.reason != "subhead" or ln.words > EXPLAINER_MAX_WORDS:
            continue
        first = _first_sentence(ln.text)
        if (first.endswith("?") and len(first.split()) <= EXPLAINER_QUESTION_MAX_WORDS
                and len(first) < len(ln.text)):
            ln.reason = "explainer"


def mark_capital_notes(lines: list[Line]) -> None:
    """A short line in capitals only that no rule above took (not the headline, not a
    subhead): a wire editor's note or a desk label ("(BEGIN OPTIONAL TRIM)", "(STORY CAN
    END HERE. OPTIONAL MATERIAL FOLLOWS)", "ENDIT", "INTERNATIONAL"). Prose always has
    lowercase letters; such a line never has one."""
    for ln in lines:
        if ln.reason or ln.long or ln.words > WIRE_NOTE_MAX_WORDS:
            continue
        letters = [c for c in ln.text if c.isalpha()]
        if letters and not any(c.islower() for c in letters):
            ln.reason = "wire"
