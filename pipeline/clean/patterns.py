"""The clean stage's regular expressions (generic web-page and news conventions).

Patterns that embed a word or phrase list are built from `lexicon` (the lists live in
`data/*.txt`); the rest are grammar (dates, link shapes, prompts) and stay here.
"""

from __future__ import annotations

import re

from .lexicon import (
    BIO_ROLES,
    BYLINE_OPENERS,
    CREDIT_LABELS,
    LEGAL_LINKS,
    PHOTO_AGENCIES,
    REPORTING_WORDS,
    WIRE_NOTE_VERBS,
    alternation,
)

# Characters that end a line like a sentence (or a quotation, or a list item).
TERMINAL = ".!?:;,\"'”’»)]…"

# --------------------------------------------------------------------------
# Navigation and links

CALL_TO_ACTION = re.compile(
    r"\b(click|tap) (here|below)\b|\b(find|learn|read) out more\b|^(read|learn|see) more\b"
    r"|\bmore information (here|at)\b",
    re.IGNORECASE,
)
LINK = re.compile(r"https?://|\bwww\.\w|\b[\w.+-]+(@|\(at\))[\w-]+\.[a-z]{2,}\b", re.IGNORECASE)
MARKDOWN_LINK = re.compile(r"\[[^\]\n]{1,200}\]\((#[^)\s]*|https?://[^)\s]*|/[^)\s]*)\)")

# --------------------------------------------------------------------------
# Legal notices and newsletter prompts

# In the publisher's voice, so safe anywhere in a text.
LEGAL = re.compile(
    r"^(copyright|©|\(c\)\s*\d{4})|©|\ball rights reserved\b"
    r"|\bmay not be (published|broadcast|rewritten|redistributed|reproduced)\b"
    r"|\b(sharing|liking|commenting on|saving|republishing|reproducing)\b[^.]{0,80}\bour content\b"
    r"|\bfor contacting us\b|\bfor use by (clients|subscribers)\b",
    re.IGNORECASE,
)
# Status notices ("RFE/RL has been declared an "undesirable organization" ..."):
# news about Russia says the same of others, so only near an end of the text.
LEGAL_STATUS = re.compile(
    r"\b(undesirable|extremist) organi[sz]ation\b|\bforeign agent\b", re.IGNORECASE
)
# Footer-link lines: only as whole short lines, since a story may mention them.
LEGAL_LINKS_LINE = re.compile(rf"^{alternation(LEGAL_LINKS)}$", re.IGNORECASE)

# The imperative of a newsletter prompt: capital "Sign up" anywhere (a kicker
# may precede it without punctuation), or any case at a sentence start.
NEWSLETTER = re.compile(
    r"\bSign up (for|to|here|now|today)\b"
    r"|(?i:(^|[.!?:]\s+)sign up\b"
    r"|\b(sent|delivered) (straight )?to your inbox\b|\bin your inbox\b"
    r"|\bsubscribe to (our|the) \w+( \w+){0,3} (newsletter|briefing|email)\b"
    r"|^get (the|our) \w+( \w+){0,5} (newsletter|briefing)\b)"
)
SENTENCE_NEWSLETTER = re.compile(
    r"^(sign up|subscribe)\b|\b(sent|delivered) (straight )?to your inbox\b", re.IGNORECASE
)

# --------------------------------------------------------------------------
# Dates

_MONTH = (
    r"(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?"
    r"|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?"
)
_WEEKDAY = r"(mon|tues?|wed(nes)?|thu(rs?)?|fri|sat(ur)?|sun)(day)?\.?"
_DATE = (
    rf"({_MONTH}\s+\d{{1,2}}(st|nd|rd|th)?(,?\s+\d{{4}})?"
    rf"|\d{{1,2}}(st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})"
)
_TIME = r"\d{1,2}([:.]\d{2})?\s*([ap]\.?m\.?)?(\s+[a-z]{2,4}\b)?"
_DATE_PART = (
    rf"((published|updated|posted|last updated|first published|modified)(\s+on)?:?\s*)?"
    rf"({_WEEKDAY},?\s*)?{_DATE}(,?\s*(at\s+)?{_TIME})?"
)
# A line that is only dates, each perhaps with a label, weekday and time.
DATE_LINE = re.compile(
    rf"\s*{_DATE_PART}(\s*[|·•,;–—-]?\s*{_DATE_PART}){{0,2}}\s*\.?\s*", re.IGNORECASE
)

# --------------------------------------------------------------------------
# Wire notes to editors: "UPDATES with minister's comments", "(Adds quotes, paragraphs 5-7)"

WIRE_NOTE = re.compile(
    rf"(?:{alternation(tuple(v.upper() for v in WIRE_NOTE_VERBS))}\b(?:\s+\d+)?\s+[a-z0-9(]"
    rf"|\((?i:{alternation(WIRE_NOTE_VERBS)})\b[^()]*\)$)")

# --------------------------------------------------------------------------
# Bylines and photo credits

BYLINE_START = re.compile(rf"^{alternation(BYLINE_OPENERS)}\s+", re.IGNORECASE)

# Photo-credit cues: agencies and the words that join a photographer to one.
PHOTO_AGENCY = re.compile(rf"\b{alternation(PHOTO_AGENCIES)}\b", re.IGNORECASE)
CREDIT_LABEL = re.compile(rf"^{alternation(CREDIT_LABELS)}\s*(by|:|credit:?)\s+\S", re.IGNORECASE)
CREDIT_JOIN = re.compile(r"\S\s*/\s*\S|,? via \S|\bfor (the )?\S|\s[—–-]\s\S")
CREDIT_SLASH = re.compile(r"[^\W\d_]\s*/\s*[^\W\d_]")
# "<Photographer> for The <Outlet>": the name is checked separately.
CREDIT_FOR = re.compile(r"(?P<name>(\S+ ){1,3}\S+) for The [A-Z]\S*( [A-Z]\S*){0,5}")

# Where a caption's text ends and its credit begins: the last sentence end.
LAST_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=\S)")

# --------------------------------------------------------------------------
# Author bios and explainer boxes

_BIO_ROLE = alternation(BIO_ROLES)
BIO_AFTER_NAME = re.compile(
    rf"(\s+is\s+(a|an|the)\s+([\w’'-]+\s+){{0,4}}?{_BIO_ROLE}s?\b"
    rf"\s+(at|of|in|with|for|to|on)\b)",
    re.IGNORECASE,
)
BIO_NOTE = re.compile(
    r"\s+is\s+(the\s+)?(co-?)?author\s+of\s"
    r"|\s+(writes|reports)\s+for\s+(the\s+)?[A-Z]"  # an outlet: "writes for the Atlanta ..."
    r"|(['’]s)?\s+e-?mail(\s+address)?\s+is\s"
    r"|\s+can\s+be\s+(reached|contacted|e-?mailed)\s+at\s"
    r"|\s+is\s+on\s+(Twitter|X)\s+at\s"
)
# "<Name>, associate professor, <Organisation> and <Organisation>."
BIO_APPOSITIVE = re.compile(
    rf",\s+(a\s+|an\s+|the\s+)?([\w’'-]+\s+){{0,3}}?{_BIO_ROLE}s?\s*(,|\s+(at|of|in))\s+",
    re.IGNORECASE,
)
REPORTING = re.compile(rf"\b{alternation(REPORTING_WORDS)}\b|[\"“”«»]|``", re.IGNORECASE)

EXPLAINER_CUE = re.compile(r"\bhere['’]s (more|what to know|what you need to know) (on|about)\b",
                           re.IGNORECASE)

# First sentence end of a block (an explainer's opening question).
FIRST_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(\s|$)")

# --------------------------------------------------------------------------
# Lines and words

# A non-blank line, without its surrounding whitespace ("\r" included): the
# regex engine skips blank lines in C, so 20 MB of newlines costs little.
NONBLANK_LINE = re.compile(r"^[^\S\n]*(\S(?:[^\n]*\S)?)", re.MULTILINE)
LETTER = re.compile(r"[^\W\d_]")
# What separates the words of a share bar ("Facebook | Twitter · Email").
SHARE_BAR_SPLIT = re.compile(r"[\s|·•/]+")
# Dropped (with case) before comparing blocks for duplicates.
NORM_DROP = re.compile(r"[\W_]+")
