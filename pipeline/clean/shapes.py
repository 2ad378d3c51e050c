"""Step 2: rules on the shape of one line alone (and of one sentence, for `sentence.py`).

`shape_reason` tries them in order, first match wins: `markup` (no letters), `legal`,
`newsletter`, `navigation` (web-page interface strings, link lines, "click here"),
`byline`, `dateline` (a line that is only a date), `bio` (an author note), `credit` (a
photo credit line), `caption` (a caption ending in its credit), `explainer` (a "Here's
more on" box). The headline, name-line and subhead shapes are used by step 3
(`neighbours.py`), which also looks at the lines around.
"""

from __future__ import annotations

import re

from .dateline import dateline_end
from .lexicon import (
    BYLINE_JOINERS,
    CREDIT_CONNECTORS,
    NAV_PHRASES,
    NOT_NAME,
    ORG_CONNECTORS,
    PROSE_WORDS,
    SOCIAL_WORDS,
)
from .lines import Line
from .patterns import (
    BIO_AFTER_NAME,
    BIO_APPOSITIVE,
    BIO_NOTE,
    BYLINE_START,
    CALL_TO_ACTION,
    CREDIT_FOR,
    CREDIT_JOIN,
    CREDIT_LABEL,
    CREDIT_SLASH,
    DATE_LINE,
    EXPLAINER_CUE,
    LAST_SENTENCE_END,
    LEGAL,
    LEGAL_LINKS_LINE,
    LEGAL_STATUS,
    LINK,
    MARKDOWN_LINK,
    NEWSLETTER,
    PHOTO_AGENCY,
    REPORTING,
    SHARE_BAR_SPLIT,
    WIRE_NOTE,
)
from .thresholds import (
    BIO_MAX_WORDS,
    BYLINE_MAX_WORDS,
    CALL_TO_ACTION_MAX_WORDS,
    CAPTION_MAX_WORDS,
    CREDIT_MAX_WORDS,
    CREDIT_MIN_CAPITALISED,
    DATELINE_MAX_CHARS,
    EXPLAINER_MAX_WORDS,
    LEGAL_MAX_WORDS,
    LINK_LINE_MAX_WORDS,
    LONG_LINE_CHARS,
    NAME_LINE_MAX_TOKENS,
    NAME_LINE_MIN_TOKENS,
    NAV_MAX_WORDS,
    NEWSLETTER_MAX_WORDS,
    SUBHEAD_MAX_CHARS,
    SUBHEAD_MAX_WORDS,
    TITLE_MAX_WORDS,
    WIRE_NOTE_MAX_WORDS,
)
from .words import (
    ends_terminal,
    has_letter,
    is_name_token,
    name_prefix_len,
    starts_upper,
    word_tokens,
)

# A subhead does not end on a function word (the line is cut mid-phrase), but may end
# on these, which can close a heading ("Why It Matters").
_SUBHEAD_CANNOT_END = NOT_NAME - {"it", "this", "that", "here", "there"}


def is_markup(s: str) -> bool:
    return not has_letter(s)


def _is_navigation(line: Line) -> bool:
    s = line.text
    if line.words <= NAV_MAX_WORDS:
        key = s.casefold().strip(" .:|›»>→…•·-–—").strip()
        if key in NAV_PHRASES:
            return True
        words = [w for w in SHARE_BAR_SPLIT.split(key) if w]
        if words and all(w in SOCIAL_WORDS for w in words):
            return True
    if line.words <= CALL_TO_ACTION_MAX_WORDS and CALL_TO_ACTION.search(s):
        return True
    return line.words <= LINK_LINE_MAX_WORDS and bool(LINK.search(s) or MARKDOWN_LINK.search(s))


def _is_legal(line: Line, near_end: bool) -> bool:
    if line.words > LEGAL_MAX_WORDS:
        return False
    if LEGAL.search(line.text) or (near_end and LEGAL_STATUS.search(line.text)):
        return True
    return line.words <= NAV_MAX_WORDS and bool(LEGAL_LINKS_LINE.match(line.text.strip(" .")))


def _is_newsletter(line: Line) -> bool:
    return line.words <= NEWSLETTER_MAX_WORDS and bool(NEWSLETTER.search(line.text))


def is_byline(s: str, words: int) -> bool:
    """ "By Emily Schmall", "By KATE BEEM Knight Ridder Newspapers", "Reporting by ...",
    and a wire story's closing "(Reporting by Kasia Lund; Editing by Martin Obi)"."""
    if s.startswith("(") and s.endswith(")"):
        parts = [part.strip() for part in s[1:-1].split(";")]
        return all(_one_byline(part, words) for part in parts)
    return _one_byline(s, words)


def _one_byline(s: str, words: int) -> bool:
    ends_sentence = s.endswith((".", "?", "!", ":")) and not s.endswith((" Jr.", " Sr."))
    if words > BYLINE_MAX_WORDS or ends_sentence:
        return False
    m = BYLINE_START.match(s)
    if not m:
        return False
    # After "By": names and outlets, all capitalised, joined by "and", commas, "of", ...
    rest = word_tokens(s[m.end():].replace(",", " , ").replace(";", " ; "))
    if not rest or not (is_name_token(rest[0], True) or rest[0].isupper()):
        return False
    return all(
        tok in BYLINE_JOINERS or tok.lower() in CREDIT_CONNECTORS or tok[0].isupper()
        or tok[0] in "(["
        for tok in rest
    )


def is_date_line(s: str) -> bool:
    return len(s) <= DATELINE_MAX_CHARS and bool(DATE_LINE.fullmatch(s))


def _capitalised_share(tokens: list[str]) -> float:
    counted = [t for t in tokens if t.lower().strip(",") not in CREDIT_CONNECTORS]
    if not counted:
        return 0.0
    caps = sum(1 for t in counted if t.lstrip("(“\"'")[:1].isupper())
    return caps / len(counted)


def is_credit(fragment: str) -> bool:
    """A photo credit alone: "(Rahmat Gul / Associated Press)", "M Sadiq/EPA, via Shutterstock",
    "Jim Huylebroek for The New York Times", "Photo: Reuters"."""
    s = fragment.strip()
    if s.startswith("(") and s.endswith(")"):
        s = s[1:-1].strip()
    if not s or (s[-1] in ".!?:;,\"”" and not s.endswith(" Inc.")):
        return False
    tokens = word_tokens(s)
    if not 1 <= len(tokens) <= CREDIT_MAX_WORDS:
        return False
    if CREDIT_LABEL.match(s):
        return True
    if _capitalised_share(tokens) < CREDIT_MIN_CAPITALISED or not starts_upper(s):
        return False
    if PHOTO_AGENCY.search(s) and (len(tokens) <= 3 or CREDIT_JOIN.search(s)):
        return True
    # Name/Agency ("Asghar Achakzai/Agence France-Presse"), or a photographer
    # working for an outlet ("Jim Huylebroek for The New York Times").
    if CREDIT_SLASH.search(s):
        return True
    m = CREDIT_FOR.fullmatch(s)
    if m is None:
        return False
    name = word_tokens(m.group("name"))
    return name_prefix_len(name) == len(name)


def _caption_with_credit(line: Line) -> bool:
    """A caption ending in its credit: "Staff at a Chaman hospital ... Asghar Achakzai/AFP"."""
    if line.words > CAPTION_MAX_WORDS + CREDIT_MAX_WORDS:
        return False
    ends = list(LAST_SENTENCE_END.finditer(line.text))
    if not ends:
        return False
    return is_credit(line.text[ends[-1].end():])


def is_name_line(s: str) -> bool:
    """A personal name alone: "Georgi Asatrian". Names are Capitalised, not ALL CAPS."""
    tokens = word_tokens(s)
    if not NAME_LINE_MIN_TOKENS <= len(tokens) <= NAME_LINE_MAX_TOKENS:
        return False
    if name_prefix_len(tokens) != len(tokens) or tokens[-1].endswith(","):
        return False
    return all(not t.isupper() or len(t) <= 2 for t in tokens)  # "J." is fine, "KHAN" is not


def _is_title_case(s: str) -> bool:
    words = [w for w in s.split() if w.lower() not in NOT_NAME and w[:1].isalpha()]
    return bool(words) and all(w[0].isupper() for w in words)


def is_headline(line: Line) -> bool:
    """Short, not ended like a sentence; a question or exclamation only in Title Case
    ("Can Pakistan Rein In the Taliban?"), since a lead may open with a question."""
    s = line.text
    if line.words > TITLE_MAX_WORDS or not starts_upper(s) or not has_letter(s):
        return False
    if s.rstrip("\"'”’)").endswith(("?", "!")):
        return _is_title_case(s)
    return not ends_terminal(s)


# A second sentence inside the line: a word (not an abbreviation such as "U.S." or
# "Gov.") closed by a stop, then a capital.
_SECOND_SENTENCE = re.compile(r"[^\W\d_]{4,}[.!?][\"'”’)]*\s+[\"“‘']?[A-Z]")
# "Pence: Gennifer Flowers Won't Be at Debate." - a speaker or topic, a colon, the claim.
_LABELLED = re.compile(r"^[^.:!?]{2,40}:\s+\S")


def is_stopped_headline(line: Line) -> bool:
    """A headline some sites end with a full stop ("Poll finds Clinton would beat out
    Trump and Cruz."): short, one sentence, and in headline grammar: Title Case, a
    "Label: claim" shape, or none of the words headlines drop (PROSE_WORDS)."""
    s = line.text
    if line.words > TITLE_MAX_WORDS or not s.endswith(".") or s.endswith(".."):
        return False
    body = s[:-1]
    if not starts_upper(s) or _SECOND_SENTENCE.search(body) or dateline_end(s):
        return False
    words = {w.casefold() for w in re.findall(r"[^\W\d_]+", body)}
    return _is_title_case(body) or bool(_LABELLED.match(body)) or not words & PROSE_WORDS


def is_subhead_shape(line: Line) -> bool:
    s = line.text
    return (
        line.words <= SUBHEAD_MAX_WORDS
        and len(s) <= SUBHEAD_MAX_CHARS
        and not ends_terminal(s)
        and s[-1] not in "-–—&/"
        and starts_upper(s)
        and s.split()[-1].lower() not in _SUBHEAD_CANNOT_END
    )


def bio_match(s: str) -> bool:
    """An author bio sentence: "<Name> is a visiting scholar at ...", "<Name> is the author of
    ...", "<Name>, associate professor, <University>.", "<Name>'s e-mail address is ..."."""
    if len(s) > LONG_LINE_CHARS:
        return False
    tokens = word_tokens(s)
    if not tokens or len(tokens) > BIO_MAX_WORDS:
        return False
    n = name_prefix_len(tokens)
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
    if BIO_NOTE.match(rest):
        return True
    if REPORTING.search(rest):
        return False
    if BIO_AFTER_NAME.match(rest):
        return True
    m = BIO_APPOSITIVE.match(rest)
    if m:
        # Only organisations may follow the role: capitalised words and connectors.
        tail = word_tokens(rest[m.end():].rstrip(" ."))
        return bool(tail) and all(
            t.lower() in ORG_CONNECTORS or t.strip(",()")[:1].isupper() for t in tail
        )
    return False


def shape_reason(line: Line, near_end: bool) -> str:
    """Step 2: the rule that marks one line on its own shape, first match wins."""
    s = line.text
    if is_markup(s):
        return "markup"
    if _is_legal(line, near_end):
        return "legal"
    if _is_newsletter(line):
        return "newsletter"
    if _is_navigation(line):
        return "navigation"
    if line.words <= WIRE_NOTE_MAX_WORDS and WIRE_NOTE.match(s):
        return "wire"
    if is_byline(s, line.words):
        return "byline"
    if is_date_line(s):
        return "dateline"
    if bio_match(s):
        return "bio"
    if is_credit(s):
        return "credit"
    if _caption_with_credit(line):
        return "caption"
    if line.words <= EXPLAINER_MAX_WORDS and EXPLAINER_CUE.search(s):
        return "explainer"
    return ""
