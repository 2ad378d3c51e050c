"""Metadata a text states about itself, read from the blocks the clean stage found:
the headline, a byline ("By Emily Schmall"), a date line ("Published Aug. 13,
2021") and a wire dateline ("JERUSALEM, April 11 (Xinhua) -"). The lowest rank of
evidence: sources.yaml and the file's own metadata come first (ingest.merge).

Only the top of the article is read for the byline and the date (the blocks before
its first paragraph of body text): a date line lower down dates a related story's
teaser, and a name lower down is a signature only when it closes the article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from importlib import resources

from ..clean import dateline_end
from ..clean.patterns import BYLINE_START
from ..clean.words import name_prefix_len
from ..models import Block, Sentence
from ..wordlists import parse_pairs
from .dates import first_written_date
from .extracted import Found

AGENCIES = parse_pairs(
    resources.files(__package__).joinpath("data/wire_agencies.tsv").read_text("utf-8"),
    "pipeline/ingest/data/wire_agencies.tsv")
# Titles longer than this are cut (words kept whole) in the source list.
MAX_TITLE_CHARS = 120
# Names in a byline: "Emily Schmall and Salman Masood", at most this many.
MAX_BYLINE_NAMES = 4
AGENCY_CREDIT = re.compile(r"\(([^()]{2,40})\)")
# Words that make an unlisted credit an agency's name ("Meridian News Agency").
AGENCY_WORDS = frozenset({"News", "Agency", "Press", "Service", "Wire", "Newswire"})
# Between the names of a byline ("A and B", "A & B", "A, B and C").
NAME_JOINER = re.compile(r",?\s+(?:and|&)\s+|,\s+(?=[^,]+(?:,?\s+(?:and|&)\s+))")


def headline(text: str, blocks: Sequence[Block]) -> str:
    """The block the clean stage filed as the headline, whitespace collapsed and a
    closing full stop left off (some sites end headlines with one); "" when the text
    has no headline (a wire story starts with its lead)."""
    chosen = next((b for b in blocks if b.kind == "title"), None)
    if chosen is None:
        return ""
    line = " ".join(text[chosen.start:chosen.end].split())
    if line.endswith(".") and not line.endswith(".."):
        line = line[:-1]
    if len(line) <= MAX_TITLE_CHARS:
        return line
    return line[:MAX_TITLE_CHARS].rsplit(" ", 1)[0] + "…"


def _name(tokens: list[str]) -> str:
    """A name as a source list shows it: "KATE BEEM" -> "Kate Beem"."""
    return " ".join(t.capitalize() if t.isupper() and len(t) > 2 else t for t in tokens)


def _leading_name(part: str) -> tuple[str, str]:
    """The personal name opening `part`, and what follows it. An all-capitals name
    ends where capitals do ("KATE BEEM Knight Ridder Newspapers")."""
    tokens = part.split(",")[0].split()
    if tokens and tokens[0].isupper() and len(tokens[0]) > 1:
        count = next((i for i, t in enumerate(tokens) if not t.isupper()), len(tokens))
    else:
        count = name_prefix_len(tokens)
    return _name(tokens[:count]), " ".join(tokens[count:])


def byline_names(line: str) -> tuple[str, str]:
    """(authors, outlet) that a byline names: "By KATE BEEM Knight Ridder Newspapers"
    -> ("Kate Beem", "Knight Ridder Newspapers"); "By A and B" -> ("A, B", "")."""
    if line.startswith("(") and line.endswith(")"):  # "(Reporting by Kasia Lund)"
        line = line[1:-1]
    opener = BYLINE_START.match(line)
    rest = line[opener.end():] if opener else line
    rest = re.split(r"\s*;\s*|\s+[|•·]\s+|\s+[-–—]\s+", rest)[0]  # "; Editing by ..."
    names: list[str] = []
    outlet = ""
    for part in NAME_JOINER.split(rest)[:MAX_BYLINE_NAMES]:
        name, after = _leading_name(part)
        if not name:
            break
        names.append(name)
        if after or "," in part:
            outlet = after if after[:1].isupper() and part.split()[0].isupper() else ""
            break
    return ", ".join(names), outlet


def _top(blocks: Sequence[Block]) -> Sequence[Block]:
    """The blocks before the first paragraph of body text."""
    first_body = next((i for i, b in enumerate(blocks) if not b.boilerplate), len(blocks))
    return blocks[:first_body]


def _byline(text: str, blocks: Sequence[Block]) -> dict[str, Found]:
    top = [b for b in _top(blocks) if b.reason == "byline"]
    closing = [b for b in blocks[-1:] if b.reason == "byline"]
    for block in top + closing:
        authors, outlet = byline_names(" ".join(text[block.start:block.end].split()))
        if authors:
            values = {"author": Found(authors, "text: byline")}
            if outlet:
                values["outlet"] = Found(outlet, "text: byline")
            return values
    return {}


def _date(text: str, blocks: Sequence[Block]) -> dict[str, Found]:
    for block in _top(blocks):
        if block.reason == "dateline":
            iso = first_written_date(text[block.start:block.end])
            if iso:
                return {"date": Found(iso, "text: date line")}
    return {}


def _wire_agency(text: str, blocks: Sequence[Block],
                 sentences: Sequence[Sentence]) -> dict[str, Found]:
    """The agency credited in the lead's wire dateline: "(AP) --" -> Associated Press.
    Read on the lead's paragraph, not its first sentence: a dateline's state ("PINE
    RIDGE, S.D. (AP) --") may end a sentence for the splitter. A bracketed word that is
    neither a known agency nor named as one ("MONUMENT (Phoenix) _", "(UNDATED)") is a
    place or a note, not an outlet."""
    lead = next((s for s in sentences if not s.boilerplate), None)
    if lead is None:
        return {}
    paragraph = text[lead.start:blocks[lead.block].end] if lead.block < len(blocks) \
        else lead.text
    cut = dateline_end(paragraph)
    credit = AGENCY_CREDIT.search(paragraph[:cut]) if cut else None
    if credit is None:
        return {}
    code = " ".join(credit.group(1).split())
    known = AGENCIES.get(code.casefold())
    if known is None and not AGENCY_WORDS & set(code.split()):
        return {}
    return {"outlet": Found(known or code, "text: wire dateline")}


def text_metadata(text: str, blocks: Sequence[Block],
                  sentences: Sequence[Sentence]) -> dict[str, Found]:
    """Title, author, date and outlet as the text states them (absent when it does not)."""
    values: dict[str, Found] = {}
    title = headline(text, blocks)
    if title:
        values["title"] = Found(title, "text: headline")
    values.update(_wire_agency(text, blocks, sentences))
    values.update(_byline(text, blocks))  # a byline's outlet is the paper, not the wire
    values.update(_date(text, blocks))
    return values
