"""The clean stage's word and phrase lists, read once from `data/*.txt`.

Each file holds one entry a line, after `#` comment lines that say what the list is
for and where it came from. Every file is checked when this module is imported: a
header, no empty line, no entry with surrounding spaces, no upper case (the rules
compare lowercased or casefolded text, or match without case) and no duplicate. A
file that fails stops the import with its name and line number, so a bad edit never
quietly changes what the rules mark.

Lists that a regular expression embeds are turned into an alternation here
(`alternation`), escaped and in file order, so the patterns in `patterns.py` are
built from the data rather than restating it.
"""

from __future__ import annotations

import re
from importlib.resources import files

from ..wordlists import LexiconError, parse_list  # noqa: F401  (LexiconError: this stage's API)


def load_list(name: str) -> tuple[str, ...]:
    """The validated entries of `data/<name>` inside this package."""
    resource = files("pipeline.clean").joinpath("data").joinpath(name)
    return parse_list(resource.read_text(encoding="utf-8"), f"pipeline/clean/data/{name}")


def alternation(entries: tuple[str, ...]) -> str:
    """A regex group matching any entry literally, tried in file order."""
    return "(" + "|".join(re.escape(entry) for entry in entries) + ")"


# Interface strings of news web pages, compared with a casefolded line.
NAV_PHRASES = frozenset(load_list("nav_phrases.txt"))
# Share-bar words: a short line made only of them is navigation.
SOCIAL_WORDS = frozenset(load_list("social_words.txt"))
# Words that are not names even when capitalised.
NOT_NAME = frozenset(load_list("not_name_words.txt"))
# Lowercase parts of personal names ("Ahmad al Hariri", "Ludwig van Beethoven").
NAME_PARTICLES = frozenset(load_list("name_particles.txt"))
# Words and marks that join the capitalised words of a credit or byline.
CREDIT_CONNECTORS = frozenset(load_list("credit_connectors.txt"))
# Tokens that separate the names of a byline ("By A, B and C").
BYLINE_JOINERS = frozenset(load_list("byline_joiners.txt"))
# Verbs of a wire service's note to editors ("UPDATES with ...", "(Adds quotes)").
WIRE_NOTE_VERBS = load_list("wire_notes.txt")
# Words a headline leaves out and prose keeps (a first line ending in a stop).
PROSE_WORDS = frozenset(load_list("prose_words.txt"))
# Words that may join the capitalised words of organisations after a bio's role.
ORG_CONNECTORS = frozenset(load_list("org_connectors.txt"))

# Lists that patterns embed (file order kept: the first alternative that fits wins).
BYLINE_OPENERS = load_list("byline_openers.txt")
PHOTO_AGENCIES = load_list("photo_agencies.txt")
CREDIT_LABELS = load_list("credit_labels.txt")
BIO_ROLES = load_list("bio_roles.txt")
REPORTING_WORDS = load_list("reporting_words.txt")
LEGAL_LINKS = load_list("legal_links.txt")
