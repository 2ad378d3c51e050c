"""Whether a sentence reads on its own out of its article, and how it is made to.

An item stays a verbatim span of its source; what makes it read alone is done beside
the text, never inside it:

* a leading discourse connective ("But", "For example,", "In addition,") is left out by
  starting the item after it (the renderer capitalises the first letter by styling);
* an opening subject pronoun that the attribution resolved ("He says ...", with the
  speaker Kevin Sullivan) is left out the same way, and the speaker's name stands in
  square brackets in its place ("[Kevin Sullivan] says ...");
* a person named by surname alone at the start, whom the attribution knows in full
  ("Baker wrote ..."), gets the rest of the name in brackets ("[James] Baker wrote");
* a relative date ("Sunday", "last month") gets the date it means in brackets after it,
  resolved against the article's publication date (`pipeline/timex.py`).

What cannot be resolved is reported (`Opening.leans_on`): an opening pronoun nobody
resolved, a possessive or demonstrative ("His campaign", "This decision"), or a
definite description whose noun the previous sentence of the article names ("The
madrassa had operated ..." after a sentence about the madrassa). Selection prefers
sentences that read alone (select/selector.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from importlib import resources

from ..models import Attribution, Insertion
from ..timex import find_dates
from ..wordlists import Sections

WORDS = Sections({"openings.txt": (resources.files(__package__) / "data" / "openings.txt")
                  .read_text(encoding="utf-8")})
BARE_CONNECTIVES = WORDS.set("bare_connectives")
COMMA_CONNECTIVES = WORDS.lines("comma_connectives")
PRONOUNS = WORDS.set("pronouns")
SUBJECT_PRONOUNS = WORDS.set("subject_pronouns")
DEFINITE_OPENERS = WORDS.set("definite_openers")
WORDS.check_all_used()

_CONNECTIVE = re.compile(
    r"(?:(?P<bare>{bare})\b,?|(?P<comma>{comma}),)\s+".format(
        bare="|".join(sorted(BARE_CONNECTIVES, key=len, reverse=True)),
        comma="|".join(re.escape(c) for c in sorted(COMMA_CONNECTIVES, key=len, reverse=True))),
    re.IGNORECASE)
# A connective may follow another ("But, for example, ..."): at most this many go.
MAX_CONNECTIVES = 2
# A pronoun is the cue's subject when the cue's verb comes within this many words of
# it ("He has long said"): auxiliaries and adverbs between them.
SUBJECT_TO_CUE_WORDS = 4
# Nouns of an opening definite description compared with the previous sentence: a
# noun phrase of more words than this is specific enough to read alone.
DEFINITE_NOUN_WORDS = 3
# Words shorter than this ("the", "new") say nothing about what a description means.
NOUN_MIN_LETTERS = 4
# Words opening a fronted clause that names its own noun ("If the EPA agrees, it ...").
SUBORDINATORS = frozenset("if when whenever as after before because since while although "
                          "though unless until once".split())
QUOTE_MARKS = "“\"‘'`«"
# A fronted phrase before the clause's subject is at most this long ("Last month
# alone, "); a longer stretch before the first comma is the clause itself.
FRONTED_PHRASE_CHARS = 40
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(frozen=True)
class Opening:
    """How an item made from a sentence opens."""

    cut: int  # characters left out at the front: connectives, a resolved pronoun
    insertions: tuple[Insertion, ...]  # offsets into the text after `cut`
    leans_on: str  # "" when it reads alone; else "connective", "pronoun" or "reference"


def connective_end(text: str) -> int:
    """How many characters of leading discourse connectives `text` has ("But, for
    example, " -> 14); 0 when none, or when what follows is no sentence's rest."""
    end = 0
    for _ in range(MAX_CONNECTIVES):
        match = _CONNECTIVE.match(text, end)
        if not match or (not text[end:end + 1].isupper() and end == 0):
            break
        rest = text[match.end():match.end() + 1]
        if not rest or not (rest.isalpha() or rest in "“\"‘'"):
            break
        end = match.end()
    return end


def opening(text: str, attribution: Attribution, previous: str) -> Opening:
    """The opening of a sentence `text` (a dateline already left out), with its
    attribution and the article's previous sentence."""
    cut = connective_end(text)
    rest = text[cut:]
    words = _WORD.findall(rest[:120])
    if not words or rest[:1] in QUOTE_MARKS:
        return Opening(cut, (), "")  # a quote: who speaks is read from its cue
    first = words[0].casefold()
    if first in SUBJECT_PRONOUNS:
        name = _resolved_subject(rest, words, attribution)
        if name:
            skip = rest.index(words[0]) + len(words[0])
            skip += len(rest[skip:]) - len(rest[skip:].lstrip())
            return Opening(cut + skip, (Insertion(0, name, "referent"),), "")
        return Opening(cut, (), "pronoun")
    if first in PRONOUNS:
        return Opening(cut, (), "pronoun")
    if first in DEFINITE_OPENERS and _names_what_came_before(rest, previous) and \
            not _names_the_speaker(rest, attribution):
        return Opening(cut, (), "reference")
    fronted = _after_fronted_phrase(rest)
    if fronted is not None:
        at, pronoun = fronted
        if pronoun.casefold() not in SUBJECT_PRONOUNS:
            return Opening(cut, (), "pronoun")
        name = _resolved_subject(rest[at:], _WORD.findall(rest[at:at + 120]), attribution)
        if not name:
            return Opening(cut, (), "pronoun")
        # "Last month alone, it [the TTP] claimed ...": the pronoun stays, named after it
        return Opening(cut, (Insertion(at + len(pronoun), name, "referent"),), "")
    given = _missing_given_name(rest, words, attribution)
    return Opening(cut, (Insertion(0, given, "name"),) if given else (), "")


def _after_fronted_phrase(rest: str) -> tuple[int, str] | None:
    """A pronoun opening the clause after a fronted phrase ("Last month alone, it
    claimed ..."): its offset and the pronoun; None when there is none."""
    comma = rest.find(", ", 0, FRONTED_PHRASE_CHARS)
    if comma < 0 or any(q in rest[:comma] for q in "“\"”"):
        return None
    opener = rest.split(maxsplit=1)[0].casefold()
    if opener in SUBORDINATORS and any(w[:1].isupper() or w.casefold() == "the"
                                       for w in rest[:comma].split()[1:]):
        return None  # "If the EPA agrees, it could ...": the pronoun's noun is right there
    after = rest[comma + 2:]
    words = _WORD.findall(after[:40])
    if not words or not after.startswith(words[0]) or words[0].casefold() not in PRONOUNS:
        return None
    if words[0].casefold() in ("that", "such", "both"):
        return None  # "..., that is", "..., both sides": no pronoun subject
    return comma + 2, words[0]


def _resolved_subject(rest: str, words: list[str], attribution: Attribution) -> str:
    """The speaker an opening pronoun stands for, when it is the subject of the cue
    the attribution found and the attribution names the speaker; "" otherwise."""
    speaker, cue = attribution.speaker, attribution.cue
    if not speaker or not cue or attribution.act:
        return ""
    if speaker.split()[0].casefold() in PRONOUNS:
        return ""
    verb = cue.split()[0].casefold()
    near = [w.casefold() for w in words[1:1 + SUBJECT_TO_CUE_WORDS]]
    return speaker if verb in near else ""


def _names_what_came_before(rest: str, previous: str) -> bool:
    """Whether an opening "The ..." names a noun the previous sentence named: its
    lowercase words up to the first capitalised or short word or the first comma,
    compared by their first five letters (a plural, a possessive)."""
    nouns = []
    for token in rest.split()[1:1 + DEFINITE_NOUN_WORDS]:
        word = token.strip(",;:.’'")
        if not word.isalpha() or not word.islower() or len(word) < NOUN_MIN_LETTERS:
            break
        nouns.append(word[:5])
        if token[-1:] in ",;:":
            break
    if not nouns or not previous:
        return False
    before = {w.casefold()[:5] for w in _WORD.findall(previous)}
    return any(noun in before for noun in nouns)


def _names_the_speaker(rest: str, attribution: Attribution) -> bool:
    """Whether an opening "The settlers claimed ..." names the statement's own speaker
    (Settler leaders): shown with the item, it needs nothing from the article."""
    if not attribution.speaker:
        return False
    speaker = {w.casefold()[:5] for w in _WORD.findall(attribution.speaker)
               if len(w) >= NOUN_MIN_LETTERS}
    words = [w.casefold()[:5] for w in _WORD.findall(rest)[1:1 + DEFINITE_NOUN_WORDS]]
    return any(w in speaker for w in words)


def _missing_given_name(rest: str, words: list[str], attribution: Attribution) -> str:
    """The given name(s) of a named speaker the sentence opens with by surname alone
    ("Baker wrote ..." for James Baker); "" when it opens otherwise."""
    speaker = attribution.speaker
    if not speaker or not attribution.speaker_named or attribution.speaker_kind != "person":
        return ""
    parts = speaker.split()
    if len(parts) < 2 or words[0] != parts[-1] or not rest.startswith(words[0]):
        return ""
    after = rest[len(words[0]):len(words[0]) + 2]
    if after.startswith(("’s", "'s")):
        return ""  # "Baker's letter": a possessive, not the subject
    return " ".join(parts[:-1])


def date_insertions(text: str, published: date | None) -> tuple[Insertion, ...]:
    """The date each relative date of `text` means, in brackets after it."""
    if published is None:
        return ()
    return tuple(Insertion(ref.end, _missing(ref.shown(), ref.text), "date", ref.value)
                 for ref in find_dates(text, published) if ref.relative and ref.value)


def _missing(shown: str, written: str) -> str:
    """What the bracket adds to the words written: "in August" needs "[1999]", not
    "[August 1999]"; "Sunday" needs the whole "[15 August 2021]"."""
    said = {w.casefold().strip(".,") for w in written.split()}
    rest = [w for w in shown.split() if w.casefold() not in said]
    return " ".join(rest) if rest and len(rest) < len(shown.split()) else shown
