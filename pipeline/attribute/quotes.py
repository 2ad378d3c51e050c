"""Step 1, quotes: quotation marks tracked across the sentences of a paragraph.

ASCII `"`, typographic `“ ”` and newswire ``` `` ... '' ``` are recognised, so a quote
that opens in one sentence and closes in the next is one quote. Quoted text is masked
(each character replaced by MASK): cues are only looked for in the narrative around
the quotes, so `“Bajwa has told interlocutors ...”` inside Rubin's quote stays
Rubin's. A quote of one or two words inside the narrative (a title or scare quote,
`the NBC executive in charge of ''Today,'' reminded`) is read as narrative.
"""

from __future__ import annotations

import re

from .limits import SCARE_QUOTE_MAX_WORDS
from .model import MASK, Quoted

_QUOTE_CHARS = re.compile(r"``|''|[“”\"]")
_WORD_2 = re.compile(r"[^\W\d_]{2,}")
_LETTER = re.compile(r"[^\W\d_]")


def _regions(text: str, starts_open: bool) -> tuple[list[tuple[int, int]], int, bool]:
    """Quoted spans of `text` (a quote may start before and end after it), the start
    of the last quote opened, and whether a quote is still open at the end."""
    regions: list[tuple[int, int]] = []
    in_quote = starts_open
    start = 0
    n = len(text)
    for m in _QUOTE_CHARS.finditer(text):
        i, mark = m.start(), m.group()
        if mark in ("``", "“"):
            if not in_quote:
                in_quote, start = True, i
        elif mark == "''":
            if in_quote:
                regions.append((start, i + 2))
                in_quote = False
            elif i + 2 < n and not text[i + 2].isspace():
                in_quote, start = True, i  # archive style opens with '' as well
        elif mark == "”":
            if in_quote:
                regions.append((start, i + 1))
                in_quote = False
            else:  # closing mark with its opener lost: quote from the last boundary
                regions.append((regions[-1][1] if regions else 0, i + 1))
        elif in_quote:  # '"'
            regions.append((start, i + 1))
            in_quote = False
        else:
            in_quote, start = True, i
    if in_quote:
        regions.append((start, n))
    return regions, start, in_quote


def parse_quotes(text: str, starts_open: bool) -> Quoted:
    """Mask quoted spans; a quote may start before and end after the sentence."""
    regions, last_start, ends_open = _regions(text, starts_open)
    n = len(text)
    pieces: list[str] = []
    quoted_words = narrative_words = 0
    last = 0
    for s, e in regions:
        words = len(_WORD_2.findall(text, s, e))
        quoted_words += words
        narrative_words += len(_WORD_2.findall(text, last, s))
        pieces.append(text[last:s])
        last = e
        if (words <= SCARE_QUOTE_MAX_WORDS and e < n and s > 0 and (s, e) != (last_start, n)
                and _LETTER.search(text, 0, s) and not starts_open):
            # a title or scare quote inside the narrative ("the NBC executive in charge
            # of ''Today,'' reminded"): read as narrative, marks and all
            pieces.append(text[s:e])
            continue
        pieces.append(MASK * (e - s))
    narrative_words += len(_WORD_2.findall(text, last))
    pieces.append(text[last:])
    return Quoted(masked="".join(pieces), has_quote=quoted_words > 0, starts_open=starts_open,
                  ends_open=ends_open, narrative_words=narrative_words,
                  quoted_words=quoted_words)
