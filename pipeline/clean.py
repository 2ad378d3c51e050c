"""Clean: article text -> line-level blocks, each marked body or boilerplate.

Articles copied from web pages carry debris around and inside the story:
navigation strings, photo captions and credits, repeated lines, related-story
teasers with their date lines, newsletter prompts, legal notices, bylines,
author bios, subheads, explainer boxes and the headline itself. This stage
marks that debris; it never deletes anything, so every offset still points
into the original text (`text[block.start:block.end]` is the stripped line).

`classify_blocks` runs in three steps:

1. Split the text into lines ("\\n"; a "\\r" before it is whitespace) and
   strip each; blank lines give no block but are remembered as gaps.
2. Rules on the shape of one line alone, first match wins: `markup` (no
   letters), `legal`, `newsletter`, `navigation` (web-page interface strings,
   link lines, "click here"), `byline`, `dateline` (a line that is only a
   date), `bio` (an author note), `credit` (a photo credit line), `caption`
   (a caption ending in its credit), `explainer` (a "Here's more on" box).
3. Rules on a line's neighbours, in this order: the headline (first block
   past navigation), a line repeated on the very next line (image alt text +
   caption), lines run together with a credit line, the teaser before a date
   line in the middle of the story, duplicates of another block (exact, or a
   lead paragraph later repeated and extended), name-only lines near either
   end, subheads, and the question-led explainer box under a subhead.

`sentence_boilerplate` applies the one-sentence rules (bio, credit, prompt,
lone date, byline, legal) to a sentence of a body block, for debris glued
into a paragraph ("... regional autonomy.Aqil Shah is a visiting scholar ...").

Every rule looks at a bounded prefix of a line or at whole-line hashes, so the
stage runs in linear time: one 20 MB line is one block, found in one pass.

Thresholds were set on the five demo articles (corpus/pakistan-taliban) and
checked on the DUC 2006 newswire (../shared/eval/duc2006, 1,250 clean
articles), where they mark well under 1% of the text; each constant says how.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from .models import Block, Sentence

# --------------------------------------------------------------------------
# Reasons

BOILERPLATE_REASONS: frozenset[str] = frozenset({
    "navigation",  # web-page interface strings, link lines, "click here"
    "overlong",  # a "sentence" too long to be one (sentences.MAX_SENTENCE_CHARS)
    "caption",  # photo captions (and their alt-text copies)
    "credit",  # photo credits: "(Name / Agency)", "Name for The Times"
    "duplicate",  # a block repeated (or extended) elsewhere in the article
    "teaser",  # a related-story teaser, found by the date line after it
    "dateline",  # a line that is only a date: "Aug. 11, 2021", "Published ..."
    "newsletter",  # "Sign up for ...", "Get it sent to your inbox"
    "legal",  # copyright, "undesirable organization", "... saving our content"
    "byline",  # "By Emily Schmall", an author's name alone on a line
    "bio",  # "<Name> is a visiting scholar at ...", "<Name>, associate professor, ..."
    "subhead",  # a short unpunctuated line between paragraphs
    "title",  # the headline
    "explainer",  # an explainer box: question-led text under a subhead
    "markup",  # a line without a single letter: rules, "-0-", "***"
})

# --------------------------------------------------------------------------
# Thresholds (words are whitespace-separated tokens)

# Lines longer than this are never short-line debris: the longest debris line
# in the demo corpus (the RFE/RL legal notice) has 325 characters and the
# longest caption 229, so 2,000 leaves a wide margin. Shape rules look only at
# lines up to this length, which keeps them cheap on a 20 MB line.
LONG_LINE_CHARS = 2000

# A headline: the demo headlines have 6-12 words; news headlines rarely pass
# 20. It must not end like a sentence (final period, comma, colon).
TITLE_MAX_WORDS = 20
# The headline is looked for among this many leading blocks, skipping
# navigation strings ("Accessibility links", "Breaking News" come before the
# RFE/RL headline as blocks 1 and 2).
TITLE_SEARCH_BLOCKS = 4

# A subhead: the demo subheads have 2-6 words ("Uninterrupted Taliban War
# Effort", "Understand the Taliban Takeover in Afghanistan"); 10 words and 80
# characters keep one-line sentences without a final stop out (on DUC every
# line this rule marks is a section label, list item, table row or wire code).
SUBHEAD_MAX_WORDS = 10
SUBHEAD_MAX_CHARS = 80

# Hard-wrapped text (paragraphs broken into lines) is told by its lines of
# five words or more: in it most end mid-sentence; in the demo and DUC text
# (a paragraph a line) 10% and 2% do (8 of 1,255 files pass, all one-line
# wire files or tables). More than half decides.
WRAP_STYLE_MIN_WORDS = 5
WRAPPED_SHARE = 0.5

# A name alone on a line ("Georgi Asatrian"): two to four name tokens.
NAME_LINE_MIN_TOKENS = 2
NAME_LINE_MAX_TOKENS = 4
# A name line counts as a byline (not a subhead) within this many blocks of
# either end of the article, where author lines sit.
NAME_LINE_EDGE_BLOCKS = 4

# A byline ("By Emily Schmall", "By KATE BEEM Knight Ridder Newspapers"): the
# longest seen in DUC has 6 words; 12 allows two authors and an outlet.
BYLINE_MAX_WORDS = 12

# A photo credit: the demo credits have 2-10 words ("Pakistan Prime Minister
# Office, via Agence France-Presse — Getty Images" is the longest).
CREDIT_MAX_WORDS = 12
# Share of a credit's words that must be capitalised (names, agencies);
# "for", "via", "of" and "the" are exempt. 0.75 keeps "He wrote an op-ed for
# The New York Times" (5 lowercase words of 9) out.
CREDIT_MIN_CAPITALISED = 0.75
# A caption: the demo captions have 14-34 words (credit included); 60 leaves
# room for longer captions and stays below an ordinary paragraph.
CAPTION_MAX_WORDS = 60
# Lines run together (no blank line between) with a credit line that are
# taken as its caption: alt text + caption is the longest group seen (AP).
CAPTION_GROUP_MAX_LINES = 2

# A teaser before a date line: the demo teasers have 7-36 words (a headline,
# or a one- or two-sentence summary); 60 is the caption cap again.
TEASER_MAX_WORDS = 60

# A date line: "Published Aug. 13, 2021 Updated Nov. 1, 2021" is 44 chars;
# 80 allows weekday, time and time zone twice.
DATELINE_MAX_CHARS = 80

# A newsletter prompt: the NYT one has 25 words; a body paragraph that
# mentions signing up is longer or lacks the prompt's imperative.
NEWSLETTER_MAX_WORDS = 60
# Navigation strings and "click here" prompts: short by nature; the demo's
# "To find out more, click here." has 6 words.
NAV_MAX_WORDS = 6
CALL_TO_ACTION_MAX_WORDS = 12
# A link line ("On the Net: http://www.cdc.gov", an e-mail address): DUC
# resource and contact lines have up to 11 words; longer lines with a URL are
# sentences that cite it, and stay body.
LINK_LINE_MAX_WORDS = 12

# Legal notices: the RFE/RL notice paragraph has 53 words; 80 keeps an
# ordinary paragraph that mentions copyright out of the pattern rules.
LEGAL_MAX_WORDS = 80
# Status notices count only in the page header (before a headline can come:
# the first two blocks) or footer (the last four blocks; the RFE/RL notice is
# third from last). A story's lead about such a designation stays body.
LEGAL_HEAD_BLOCKS = 2
LEGAL_TAIL_BLOCKS = 4

# Author bios: the demo bios have 14 and 17 words; 50 allows a two-line bio and
# keeps long paragraphs (which merely mention a professor) out.
BIO_MAX_WORDS = 50

# An explainer box under a subhead opens with a short question ("Who are the
# Taliban?", 4 words) and is one short paragraph (the NYT one has 50 words).
EXPLAINER_QUESTION_MAX_WORDS = 8
EXPLAINER_MAX_WORDS = 100

# Duplicates: blocks shorter than this (normalised characters) are never
# called duplicates, so a repeated "he said." or "Reuters" stays as it is;
# the shortest demo duplicate (the asatrian lead) has 150.
DUP_MIN_CHARS = 40
# A block is compared for a word-prefix only with the distinct blocks sharing
# its first DUP_MIN_CHARS normalised characters, at most this many of them, so
# a file of a million lines with one opening stays linear (no real article
# opens more than a few paragraphs alike).
DUP_GROUP_MAX = 20

# --------------------------------------------------------------------------
# Lexicons and patterns (generic web-page and news conventions)

_TERMINAL = ".!?:;,\"'”’»)]…"

# Interface strings of news web pages (casefolded, trailing punctuation off).
_NAV_PHRASES = frozenset("""
accessibility links|skip to content|skip to main content|skip to navigation|skip navigation
breaking news|menu|main menu|search|home|share|share this|share this article|share this story
share on facebook|share on twitter|tweet|email|e-mail|print|comments|advertisement|advertising
sponsored|sponsored content|related|related articles|related stories|related content|related coverage
read more|see more|more stories|more from|most read|most popular|trending|log in|login|sign in
register|subscribe|subscribe now|listen|listen to this article|close|next|previous|back to top
top stories|latest news|latest|show more|load more|follow us|live updates|watch|watch live|video
photos|gallery|loading|continue reading|story continues below|story continues below advertisement
supported by|see all|view comments|jump to|toggle navigation|open menu|close menu
""".replace("\n", "|").strip("|").split("|"))
_SOCIAL_WORDS = frozenset(
    "facebook twitter x email e-mail whatsapp linkedin reddit telegram pinterest print "
    "copy link share messenger flipboard".split()
)

_CALL_TO_ACTION = re.compile(
    r"\b(click|tap) (here|below)\b|\b(find|learn|read) out more\b|^(read|learn|see) more\b"
    r"|\bmore information (here|at)\b",
    re.IGNORECASE,
)
_LINK = re.compile(r"https?://|\bwww\.\w|\b[\w.+-]+(@|\(at\))[\w-]+\.[a-z]{2,}\b", re.IGNORECASE)
_MARKDOWN_LINK = re.compile(r"\[[^\]\n]{1,200}\]\((#[^)\s]*|https?://[^)\s]*|/[^)\s]*)\)")

# In the publisher's voice, so safe anywhere in a text.
_LEGAL = re.compile(
    r"^(copyright|©|\(c\)\s*\d{4})|©|\ball rights reserved\b"
    r"|\bmay not be (published|broadcast|rewritten|redistributed|reproduced)\b"
    r"|\b(sharing|liking|commenting on|saving|republishing|reproducing)\b[^.]{0,80}\bour content\b"
    r"|\bfor contacting us\b|\bfor use by (clients|subscribers)\b",
    re.IGNORECASE,
)
# Status notices ("RFE/RL has been declared an "undesirable organization" ..."):
# news about Russia says the same of others, so only near an end of the text.
_LEGAL_STATUS = re.compile(
    r"\b(undesirable|extremist) organi[sz]ation\b|\bforeign agent\b", re.IGNORECASE
)
# Footer-link lines: only as whole short lines, since a story may mention them.
_LEGAL_LINKS = re.compile(
    r"^(terms (of|and) (use|service|conditions)|privacy( policy| notice)?|cookie (policy|settings)"
    r"|about us|contact us|imprint|editorial standards)$",
    re.IGNORECASE,
)

# The imperative of a newsletter prompt: capital "Sign up" anywhere (a kicker
# may precede it without punctuation), or any case at a sentence start.
_NEWSLETTER = re.compile(
    r"\bSign up (for|to|here|now|today)\b"
    r"|(?i:(^|[.!?:]\s+)sign up\b"
    r"|\b(sent|delivered) (straight )?to your inbox\b|\bin your inbox\b"
    r"|\bsubscribe to (our|the) \w+( \w+){0,3} (newsletter|briefing|email)\b"
    r"|^get (the|our) \w+( \w+){0,5} (newsletter|briefing)\b)"
)
_SENTENCE_NEWSLETTER = re.compile(
    r"^(sign up|subscribe)\b|\b(sent|delivered) (straight )?to your inbox\b", re.IGNORECASE
)

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
_DATE_LINE = re.compile(
    rf"\s*{_DATE_PART}(\s*[|·•,;–—-]?\s*{_DATE_PART}){{0,2}}\s*\.?\s*", re.IGNORECASE
)

# Byline openers.
_BYLINE_START = re.compile(
    r"^(by|(additional )?reporting by|writing by|editing by|written by|words by)\s+", re.IGNORECASE
)

_BYLINE_JOINERS = frozenset({",", ";", "&", "and", "-", "—", "–", "|", "/"})

# Photo-credit cues: agencies and the words that join a photographer to one.
_PHOTO_AGENCIES = re.compile(
    r"\b(getty images|shutterstock|reuters|associated press|agence france-presse|afp|epa"
    r"|ap photo|alamy|bloomberg|anadolu( agency)?|xinhua|sipa|redux|magnum|corbis"
    r"|pool photo|handout)\b",
    re.IGNORECASE,
)
_CREDIT_LABEL = re.compile(
    r"^(photo(graph)?s?|image|picture|illustration|video|credit|source|photo credit"
    r"|photographs?)\s*(by|:|credit:?)\s+\S",
    re.IGNORECASE,
)
_CREDIT_JOIN = re.compile(r"\S\s*/\s*\S|,? via \S|\bfor (the )?\S|\s[—–-]\s\S")
_CREDIT_SLASH = re.compile(r"[^\W\d_]\s*/\s*[^\W\d_]")
# "<Photographer> for The <Outlet>": the name is checked separately.
_CREDIT_FOR = re.compile(r"(?P<name>(\S+ ){1,3}\S+) for The [A-Z]\S*( [A-Z]\S*){0,5}")
_CREDIT_CONNECTORS = frozenset("for via of the and de la du von van al el bin / — – - & ,".split())

# Where a caption's text ends and its credit begins: the last sentence end.
_LAST_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=\S)")

# Words that are not names even when capitalised.
_NOT_NAME = frozenset("""
the a an this that these those he she it they we i you his her its their our my your
there here who what when where why how in on at of for to by with from and or but as
is are was were be not no yes mr mrs ms dr
""".split())
_NAME_PARTICLES = frozenset("al el bin ibn van von der den de da di du la le ul ud ben abu".split())

# Author-bio roles (academic and writing jobs, the roles bios give).
_BIO_ROLE = (
    r"(professor|lecturer|scholar|fellow|researcher|research associate|analyst|author|writer"
    r"|journalist|columnist|correspondent|contributor|editor|doctoral candidate|phd candidate"
    r"|ph\.d\. candidate|phd student|doctoral student|teaching fellow)"
)
_BIO_AFTER_NAME = re.compile(
    rf"(\s+is\s+(a|an|the)\s+([\w’'-]+\s+){{0,4}}?{_BIO_ROLE}s?\b"
    rf"\s+(at|of|in|with|for|to|on)\b)",
    re.IGNORECASE,
)
_BIO_NOTE = re.compile(
    r"\s+is\s+(the\s+)?(co-?)?author\s+of\s"
    r"|\s+(writes|reports)\s+for\s+(the\s+)?[A-Z]"  # an outlet: "writes for the Atlanta ..."
    r"|(['’]s)?\s+e-?mail(\s+address)?\s+is\s"
    r"|\s+can\s+be\s+(reached|contacted|e-?mailed)\s+at\s"
    r"|\s+is\s+on\s+(Twitter|X)\s+at\s"
)
# "<Name>, associate professor, <Organisation> and <Organisation>."
_BIO_APPOSITIVE = re.compile(
    rf",\s+(a\s+|an\s+|the\s+)?([\w’'-]+\s+){{0,3}}?{_BIO_ROLE}s?\s*(,|\s+(at|of|in))\s+",
    re.IGNORECASE,
)
_REPORTING = re.compile(
    r"\b(said|says|told|tells|added|asked|according to|argued|argues|warned|noted|stated"
    r"|explained|believes?|thinks?)\b|[\"“”«»]|``",
    re.IGNORECASE,
)
_ORG_CONNECTORS = frozenset("and of the for in at & de la du on".split())

_EXPLAINER_CUE = re.compile(r"\bhere['’]s (more|what to know|what you need to know) (on|about)\b",
                            re.IGNORECASE)

_NORM_DROP = re.compile(r"[\W_]+")


# --------------------------------------------------------------------------
# Lines


@dataclass
class _Line:
    """One non-blank line, stripped, with what surrounds it."""

    start: int
    end: int
    text: str  # text[start:end], or its first LONG_LINE_CHARS characters
    long: bool  # longer than LONG_LINE_CHARS
    words: int  # word count (LONG_LINE_CHARS-capped; huge for a long line)
    gap_before: bool  # a blank line (or the start of the text) comes before it
    gap_after: bool = True  # a blank line (or the end of the text) comes after it
    reason: str = ""
    kind: str = "paragraph"


_HUGE = 1 << 30


# A non-blank line, without its surrounding whitespace ("\r" included): the
# regex engine skips blank lines in C, so 20 MB of newlines costs little.
_NONBLANK_LINE = re.compile(r"^[^\S\n]*(\S(?:[^\n]*\S)?)", re.MULTILINE)


def _lines(text: str) -> list[_Line]:
    """The non-blank lines of `text`, stripped, with their offsets."""
    lines: list[_Line] = []
    previous_end = 0
    for m in _NONBLANK_LINE.finditer(text):
        start, end = m.span(1)
        # A blank line lies between two lines when two line breaks separate them.
        gap = not lines or text.count("\n", previous_end, start) > 1
        if lines:
            lines[-1].gap_after = gap
        long = end - start > LONG_LINE_CHARS
        shown = text[start:start + LONG_LINE_CHARS] if long else text[start:end]
        words = _HUGE if long else len(shown.split())
        lines.append(_Line(start, end, shown, long, words, gap_before=gap))
        previous_end = end
    return lines


def _full_text(text: str, line: _Line) -> str:
    return text[line.start:line.end]


def _ends_terminal(s: str) -> bool:
    return bool(s) and s[-1] in _TERMINAL


_LETTER = re.compile(r"[^\W\d_]")


def _has_letter(s: str) -> bool:
    return _LETTER.search(s) is not None


def _starts_upper(s: str) -> bool:
    for c in s:
        if c.isalpha():
            return c.isupper()
        if c.isdigit():
            return True
        if c not in "\"'“‘«([¿¡*#•-–— ":
            return False
    return False


def _tokens(s: str) -> list[str]:
    return s.split()


def _is_name_token(tok: str, first: bool) -> bool:
    """A capitalised name word ("Georgi", "Al-Hariri", "J.", "O'Neil"), or a particle."""
    t = tok.strip(",;")
    if not t:
        return False
    if not first and t.lower() in _NAME_PARTICLES:
        return True
    if t.lower() in _NOT_NAME:
        return False
    if not t[0].isupper():
        return False
    return all(c.isalpha() or c in "-'’." for c in t)


def _name_prefix_len(tokens: list[str], max_tokens: int = NAME_LINE_MAX_TOKENS) -> int:
    """How many leading tokens form a personal name (0 if none)."""
    n = 0
    while n < len(tokens) and n < max_tokens and _is_name_token(tokens[n], n == 0):
        n += 1
        if tokens[n - 1].endswith(","):
            break
    return n


# --------------------------------------------------------------------------
# One-line shape rules


def _is_markup(s: str) -> bool:
    return not _has_letter(s)


def _is_navigation(line: _Line) -> bool:
    s = line.text
    if line.words <= NAV_MAX_WORDS:
        key = s.casefold().strip(" .:|›»>→…•·-–—").strip()
        if key in _NAV_PHRASES:
            return True
        words = [w for w in re.split(r"[\s|·•/]+", key) if w]
        if words and all(w in _SOCIAL_WORDS for w in words):
            return True
    if line.words <= CALL_TO_ACTION_MAX_WORDS and _CALL_TO_ACTION.search(s):
        return True
    return line.words <= LINK_LINE_MAX_WORDS and bool(_LINK.search(s) or _MARKDOWN_LINK.search(s))


def _is_legal(line: _Line, near_end: bool) -> bool:
    if line.words > LEGAL_MAX_WORDS:
        return False
    if _LEGAL.search(line.text) or near_end and _LEGAL_STATUS.search(line.text):
        return True
    return line.words <= NAV_MAX_WORDS and bool(_LEGAL_LINKS.match(line.text.strip(" .")))


def _is_newsletter(line: _Line) -> bool:
    return line.words <= NEWSLETTER_MAX_WORDS and bool(_NEWSLETTER.search(line.text))


def _is_byline(s: str, words: int) -> bool:
    """ "By Emily Schmall", "By KATE BEEM Knight Ridder Newspapers", "Reporting by ..." """
    ends_sentence = s.endswith((".", "?", "!", ":")) and not s.endswith((" Jr.", " Sr."))
    if words > BYLINE_MAX_WORDS or ends_sentence:
        return False
    m = _BYLINE_START.match(s)
    if not m:
        return False
    # After "By": names and outlets, all capitalised, joined by "and", commas, "of", ...
    rest = _tokens(s[m.end():].replace(",", " , ").replace(";", " ; "))
    if not rest or not (_is_name_token(rest[0], True) or rest[0].isupper()):
        return False
    return all(
        tok in _BYLINE_JOINERS or tok.lower() in _CREDIT_CONNECTORS or tok[0].isupper()
        or tok[0] in "(["
        for tok in rest
    )


def _is_date_line(s: str) -> bool:
    return len(s) <= DATELINE_MAX_CHARS and bool(_DATE_LINE.fullmatch(s))


def _capitalised_share(tokens: list[str]) -> float:
    counted = [t for t in tokens if t.lower().strip(",") not in _CREDIT_CONNECTORS]
    if not counted:
        return 0.0
    caps = sum(1 for t in counted if t.lstrip("(“\"'")[:1].isupper())
    return caps / len(counted)


def _is_credit(fragment: str) -> bool:
    """A photo credit alone: "(Rahmat Gul / Associated Press)", "M Sadiq/EPA, via Shutterstock",
    "Jim Huylebroek for The New York Times", "Photo: Reuters"."""
    s = fragment.strip()
    if s.startswith("(") and s.endswith(")"):
        s = s[1:-1].strip()
    if not s or s[-1] in ".!?:;,\"”" and not s.endswith(" Inc."):
        return False
    tokens = _tokens(s)
    if not 1 <= len(tokens) <= CREDIT_MAX_WORDS:
        return False
    if _CREDIT_LABEL.match(s):
        return True
    if _capitalised_share(tokens) < CREDIT_MIN_CAPITALISED or not _starts_upper(s):
        return False
    if _PHOTO_AGENCIES.search(s) and (len(tokens) <= 3 or _CREDIT_JOIN.search(s)):
        return True
    # Name/Agency ("Asghar Achakzai/Agence France-Presse"), or a photographer
    # working for an outlet ("Jim Huylebroek for The New York Times").
    if _CREDIT_SLASH.search(s):
        return True
    m = _CREDIT_FOR.fullmatch(s)
    if m is None:
        return False
    name = _tokens(m.group("name"))
    return _name_prefix_len(name) == len(name)


def _caption_with_credit(line: _Line) -> bool:
    """A caption ending in its credit: "Staff at a Chaman hospital ... Asghar Achakzai/AFP"."""
    if line.words > CAPTION_MAX_WORDS + CREDIT_MAX_WORDS:
        return False
    ends = list(_LAST_SENTENCE_END.finditer(line.text))
    if not ends:
        return False
    return _is_credit(line.text[ends[-1].end():])


def _is_name_line(s: str) -> bool:
    """A personal name alone: "Georgi Asatrian". Names are Capitalised, not ALL CAPS."""
    tokens = _tokens(s)
    if not NAME_LINE_MIN_TOKENS <= len(tokens) <= NAME_LINE_MAX_TOKENS:
        return False
    if _name_prefix_len(tokens) != len(tokens) or tokens[-1].endswith(","):
        return False
    return all(not t.isupper() or len(t) <= 2 for t in tokens)  # "J." is fine, "KHAN" is not


def _is_title_case(s: str) -> bool:
    words = [w for w in s.split() if w.lower() not in _NOT_NAME and w[:1].isalpha()]
    return bool(words) and all(w[0].isupper() for w in words)


def _is_headline(line: _Line) -> bool:
    """Short, not ended like a sentence; a question or exclamation only in Title Case
    ("Can Pakistan Rein In the Taliban?"), since a lead may open with a question."""
    s = line.text
    if line.words > TITLE_MAX_WORDS or not _starts_upper(s) or not _has_letter(s):
        return False
    if s.rstrip("\"'”’)").endswith(("?", "!")):
        return _is_title_case(s)
    return not _ends_terminal(s)


def _is_subhead_shape(line: _Line) -> bool:
    s = line.text
    return (
        line.words <= SUBHEAD_MAX_WORDS
        and len(s) <= SUBHEAD_MAX_CHARS
        and not _ends_terminal(s)
        and s[-1] not in "-–—&/"
        and _starts_upper(s)
        and s.split()[-1].lower() not in _NOT_NAME - {"it", "this", "that", "here", "there"}
    )


def _first_sentence(s: str) -> str:
    m = re.search(r"[.!?][\"'”’)]*(\s|$)", s)
    return s[: m.end()].strip() if m else s


def _bio_match(s: str) -> bool:
    """An author bio sentence: "<Name> is a visiting scholar at ...", "<Name> is the author of
    ...", "<Name>, associate professor, <University>.", "<Name>'s e-mail address is ..."."""
    if len(s) > LONG_LINE_CHARS:
        return False
    tokens = _tokens(s)
    if not tokens or len(tokens) > BIO_MAX_WORDS:
        return False
    n = _name_prefix_len(tokens)
    if n == 0:
        return False
    # Offset just after the name (tokens are separated by whitespace).
    cut = 0
    for tok in tokens[:n]:
        cut = s.index(tok, cut) + len(tok)
    name_end = cut - 1 if tokens[n - 1].endswith(",") else cut
    rest = s[name_end:]
    # Author notes that quote a book title or an address come before the
    # reported-speech check; a role alone needs a sentence without speech.
    if _BIO_NOTE.match(rest):
        return True
    if _REPORTING.search(rest):
        return False
    if _BIO_AFTER_NAME.match(rest):
        return True
    m = _BIO_APPOSITIVE.match(rest)
    if m:
        # Only organisations may follow the role: capitalised words and connectors.
        tail = _tokens(rest[m.end():].rstrip(" ."))
        return bool(tail) and all(
            t.lower() in _ORG_CONNECTORS or t.strip(",()")[:1].isupper() for t in tail
        )
    return False


# --------------------------------------------------------------------------
# Public API


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
    if _is_markup(s):
        return "markup"
    if len(s) > LONG_LINE_CHARS:
        return ""
    words = len(s.split())
    if _is_date_line(s):
        return "dateline"
    if _is_credit(s):
        return "credit"
    if words <= NEWSLETTER_MAX_WORDS and _SENTENCE_NEWSLETTER.search(s):
        return "newsletter"
    if words <= CALL_TO_ACTION_MAX_WORDS and _CALL_TO_ACTION.search(s):
        return "navigation"
    if _bio_match(s):
        return "bio"
    if _is_byline(s, words):
        return "byline"
    if words <= LEGAL_MAX_WORDS and _LEGAL.search(s):
        return "legal"
    return ""


def _normalise(s: str) -> str:
    return _NORM_DROP.sub(" ", s.casefold()).strip()


def _mark_duplicates(text: str, lines: list[_Line]) -> None:
    """Mark a block repeated elsewhere: the later copy of an exact repeat, and the shorter
    copy when a paragraph is repeated and extended (the asatrian lead: "... supporting
    ISIS." then "... supporting ISIS, and the number of armed clashes ...")."""
    norms = [_normalise(_full_text(text, ln)) for ln in lines]
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


def _is_body(line: _Line) -> bool:
    return not line.reason


def _shape_reason(line: _Line, near_end: bool) -> str:
    """Step 2: the rule that marks one line on its own shape, first match wins."""
    s = line.text
    if _is_markup(s):
        return "markup"
    if _is_legal(line, near_end):
        return "legal"
    if _is_newsletter(line):
        return "newsletter"
    if _is_navigation(line):
        return "navigation"
    if _is_byline(s, line.words):
        return "byline"
    if _is_date_line(s):
        return "dateline"
    if _bio_match(s):
        return "bio"
    if _is_credit(s):
        return "credit"
    if _caption_with_credit(line):
        return "caption"
    if line.words <= EXPLAINER_MAX_WORDS and _EXPLAINER_CUE.search(s):
        return "explainer"
    return ""


def _mark_title(lines: list[_Line]) -> None:
    """The headline: the first block past any navigation, if headline-shaped."""
    for ln in lines[:TITLE_SEARCH_BLOCKS]:
        if ln.reason in ("navigation", "markup", "legal"):
            continue
        if not ln.reason and not ln.long and _is_headline(ln):
            ln.reason, ln.kind = "title", "title"
        return


def _mark_repeated_lines(lines: list[_Line]) -> None:
    """A line repeated on the very next line (image alt text + caption, a doubled
    author line): both copies go."""
    for a, b in pairwise(lines):
        if a.gap_after or a.long or a.text != b.text or a.words > CAPTION_MAX_WORDS:
            continue
        reason = "byline" if _is_name_line(a.text) else "caption"
        for ln in (a, b):
            if not ln.reason:
                ln.reason = reason


def _mark_caption_groups(lines: list[_Line]) -> None:
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


def _mark_teasers(lines: list[_Line]) -> None:
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


def _is_hard_wrapped(lines: list[_Line]) -> bool:
    """Whether paragraphs are broken into lines: most lines of some length do not end
    a sentence. Then only blank lines, not line ends, separate paragraphs."""
    sized = [ln for ln in lines if ln.words >= WRAP_STYLE_MIN_WORDS]
    # A line too long to be a wrapped line is a paragraph: evidence against.
    unended = sum(1 for ln in sized if not ln.long and not _ends_terminal(ln.text))
    return bool(sized) and unended > WRAPPED_SHARE * len(sized)


def _mark_names_and_subheads(lines: list[_Line]) -> None:
    """Name-only lines near either end are author lines; short unpunctuated lines that
    stand alone between paragraphs are subheads."""
    count = len(lines)
    wrapped = _is_hard_wrapped(lines)
    for i, ln in enumerate(lines):
        if ln.reason or ln.long:
            continue
        prev = lines[i - 1] if i > 0 else None
        nxt = lines[i + 1] if i + 1 < count else None
        if _is_name_line(ln.text):
            near_edge = i < NAME_LINE_EDGE_BLOCKS or count - i <= NAME_LINE_EDGE_BLOCKS
            beside_author = any(x is not None and x.reason in ("bio", "byline") for x in (prev, nxt))
            if near_edge or beside_author:
                ln.reason = "byline"
                continue
        if not _is_subhead_shape(ln):
            continue
        # Alone: a blank line around it, or (paragraph-per-line text) a sentence
        # end before it and a capital after it.
        alone_before = ln.gap_before or prev is None or (not wrapped and _ends_terminal(prev.text))
        alone_after = ln.gap_after or nxt is None or (not wrapped and _starts_upper(nxt.text))
        if alone_before and alone_after:
            ln.reason, ln.kind = "subhead", "heading"


def _mark_explainers(lines: list[_Line]) -> None:
    """An explainer box: a short block right under a subhead, led by a short question
    ("Who are the Taliban? The Taliban arose in 1994 ...")."""
    for prev, ln in pairwise(lines):
        if ln.reason or prev.reason != "subhead" or ln.words > EXPLAINER_MAX_WORDS:
            continue
        first = _first_sentence(ln.text)
        if (first.endswith("?") and len(first.split()) <= EXPLAINER_QUESTION_MAX_WORDS
                and len(first) < len(ln.text)):
            ln.reason = "explainer"


def classify_blocks(text: str) -> tuple[Block, ...]:
    """Split `text` into line blocks and mark the boilerplate ones (see module docstring)."""
    lines = _lines(text)
    count = len(lines)
    for i, ln in enumerate(lines):
        if ln.long:  # only letterless-ness is judged on a long line
            ln.reason = "markup" if _is_markup(_full_text(text, ln)) else ""
        else:
            near_end = i < LEGAL_HEAD_BLOCKS or count - i <= LEGAL_TAIL_BLOCKS
            ln.reason = _shape_reason(ln, near_end)
    _mark_title(lines)
    _mark_repeated_lines(lines)
    _mark_caption_groups(lines)
    _mark_teasers(lines)
    _mark_duplicates(text, lines)
    _mark_names_and_subheads(lines)
    _mark_explainers(lines)
    return tuple(Block(ln.start, ln.end, bool(ln.reason), ln.reason, ln.kind) for ln in lines)


# A wire-service dateline opening a lead sentence: "WASHINGTON (AP) -- ",
# "LAGOS, Nigeria, March 3 (Xinhua) -- ", "DENVER _ ", or what is left of one
# when the splitter cut after a state abbreviation ("(AP) -- ", "_ ").
DATELINE = re.compile(r"""
    (?: [A-Z][A-Z.'’-]+ (?:\s[A-Z][A-Z.'’-]+)*                 # PLACE in capitals
        (?: ,\s [A-Z][\w.'’-]* (?:\s[A-Z][\w.'’-]*)* ){0,2}    # , State / Country
        (?: ,\s [A-Z][a-z]+\.? \s \d{1,2} )?                   # , Month day
        \s* )?
    (?: \( [A-Z][\w .&-]{0,30} \) \s* )?                       # (Agency)
    (?: -- | — | – | _ ) \s+                                   # the dash
""", re.VERBOSE)


def dateline_end(text: str) -> int:
    """Length of a wire dateline opening `text`, 0 if none (what follows must start a
    sentence: a capital or an opening quote)."""
    match = DATELINE.match(text)
    if not match or match.end() >= len(text):
        return 0
    rest = text[match.end():]
    return match.end() if rest[0].isupper() or rest[0] in "“\"`'‘" else 0


def without_dateline(sentence: Sentence) -> Sentence:
    """The sentence with a leading wire dateline left out (still a verbatim span)."""
    cut = dateline_end(sentence.text)
    if not cut:
        return sentence
    return replace(sentence, start=sentence.start + cut, text=sentence.text[cut:])
