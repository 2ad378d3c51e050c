"""Wire-service datelines at the start of a lead sentence, left out of selected items.

"WASHINGTON (AP) -- The Senate passed ..." is body text, but the dateline is not part of
the statement: the analysis indexes and the selection quotes the sentence without it,
still as a verbatim span of the source.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..models import Sentence

# A wire-service dateline opening a lead sentence: "WASHINGTON (AP) -- ",
# "LAGOS, Nigeria, March 3 (Xinhua) -- ", "JERUSALEM, April 11 (Xinhua) - ",
# "DENVER _ ", or what is left of one
# when the splitter cut after a state abbreviation ("(AP) -- ", "_ ").
DATELINE = re.compile(r"""
    (?: (?P<place> [A-Z][A-Z.'’-]+ (?:\s[A-Z][A-Z.'’-]+)* )   # PLACE in capitals
        (?: ,\s [A-Z][\w.'’-]* (?:\s[A-Z][\w.'’-]*)* ){0,2}    # , State / Country
        (?: ,\s [A-Z][a-z]+\.? \s \d{1,2} )?                   # , Month day
        \s* )?
    (?: \( [A-Z][\w .&-]{0,30} \) \s* )?                       # (Agency)
    (?P<dash> -- | — | – | _ | - ) \s+                         # the dash
""", re.VERBOSE)


def dateline_end(text: str) -> int:
    """Length of a wire dateline opening `text`, 0 if none (what follows must start a
    sentence: a capital or an opening quote)."""
    match = DATELINE.match(text)
    if not match or match.end() >= len(text):
        return 0
    if match["dash"] == "-" and match.start("dash") == 0:
        return 0  # a lone hyphen is a dateline's dash only after a place or an agency
    rest = text[match.end():]
    return match.end() if rest[0].isupper() or rest[0] in "“\"`'‘" else 0


def without_dateline(sentence: Sentence) -> Sentence:
    """The sentence with a leading wire dateline left out (still a verbatim span)."""
    cut = dateline_end(sentence.text)
    if not cut:
        return sentence
    return replace(sentence, start=sentence.start + cut, text=sentence.text[cut:])
