"""Finding a known title in the text: the headline a file's metadata or sources.yaml
names, on one of the first lines, is filed as the title by the clean stage whatever
its shape ("Harlow: the council acted as 'judge and jury' on the plan.")."""

from __future__ import annotations

import re

# The headline is on one of the first lines (after a kicker, a section name or
# "Accessibility links" navigation at most).
TITLE_LINES = 6
# Quote marks are compared straightened: a title typed in sources.yaml with ' matches
# the ’ of the text.
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})


def _same(line: str) -> str:
    return " ".join(line.translate(_QUOTES).split()).casefold().rstrip(".").rstrip()


def title_span(text: str, title: str) -> tuple[int, int] | None:
    """Where `title` stands alone on one of the first TITLE_LINES lines of `text`."""
    wanted = _same(title)
    if not wanted:
        return None
    seen = 0
    for match in re.finditer(r"[^\r\n]+", text):
        line = match.group()
        if not line.strip():
            continue
        if _same(line) == wanted:
            start = match.start() + len(line) - len(line.lstrip())
            return start, match.start() + len(line.rstrip())
        seen += 1
        if seen >= TITLE_LINES:
            return None
    return None
