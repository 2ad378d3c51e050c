"""One sentence of a body block judged on its own, for debris glued into a paragraph.

"... regional autonomy.Aqil Shah is a visiting scholar ..." is one line, so the block
rules keep it; the sentence splitter cuts it, and `sentence_boilerplate` then marks the
bio sentence.
"""

from __future__ import annotations

from .patterns import CALL_TO_ACTION, LEGAL, SENTENCE_NEWSLETTER
from .shapes import bio_match, is_byline, is_credit, is_date_line, is_markup
from .thresholds import (
    CALL_TO_ACTION_MAX_WORDS,
    LEGAL_MAX_WORDS,
    LONG_LINE_CHARS,
    NEWSLETTER_MAX_WORDS,
)


def sentence_boilerplate(text: str) -> str:
    """Why one sentence of a body block is boilerplate on its own, or "".

    Conservative: only author bios ("<Name> is a visiting scholar at ..."),
    photo credits, newsletter and "click here" prompts, lone dates, bylines,
    legal notices and letterless fragments. Reported speech ("Rubin says
    that ...", "X, a professor at Y, said ...") never matches.
    """
    s = text.strip()
    if not s:
        return ""
    if is_markup(s):
        return "markup"
    if len(s) > LONG_LINE_CHARS:
        return ""
    words = len(s.split())
    if is_date_line(s):
        return "dateline"
    if is_credit(s):
        return "credit"
    if words <= NEWSLETTER_MAX_WORDS and SENTENCE_NEWSLETTER.search(s):
        return "newsletter"
    if words <= CALL_TO_ACTION_MAX_WORDS and CALL_TO_ACTION.search(s):
        return "navigation"
    if bio_match(s):
        return "bio"
    if is_byline(s, words):
        return "byline"
    if words <= LEGAL_MAX_WORDS and LEGAL.search(s):
        return "legal"
    return ""
