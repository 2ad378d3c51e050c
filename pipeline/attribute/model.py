"""The attributor's own types: the tags of its lexicon and the records of one article.

Enums replace the string tags the first version passed around ("pp" was a past
participle in one place and a prepositional phrase in another). `Entity` is the one
mutable record: entities belong to the article's registry (entities.py), which alone
changes them; every sentence attributed to an entity sees those changes, which is what
coreference means ("Langove" said, later "Mir Ziaullah Langove": both sentences name
the full name).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

# Stands in for every character of quoted text in the masked narrative.
MASK = "\x00"


class Tier(enum.Enum):
    """Which pass of cue reading a verb takes part in (data/verbs.tsv, column 2)."""

    CUE = "cue"  # first tier: reporting verbs
    BROAD = "broad"  # second tier: stance, support, intention, cognition
    NONE = "-"  # no cue (a verb that controls an infinitive cue)


class Complement(enum.Enum):
    """What must follow a cue verb for it to count as reporting, checked on the masked
    narrative right of the verb (complements.py)."""

    ANY = "any"  # nothing: the verb is unambiguous ("said")
    CLAUSE = "clause"  # "that", a finite clause, or a quote ("maintained the war ... is")
    END = "end"  # after a quote, "that", or nothing ("he added.", "added that")
    AS = "as"  # "as" soon after ("described X as Y", "cast X as Y")
    TO = "to"  # "to"/"with" soon after ("compared X favorably to Y")
    CALL = "call"  # "called on/for", "called X a Y"
    SEE = "see"  # "see X as Y", "sees some chance/risk"
    CLAIM = "claim"  # a clause, "responsibility", "credit", "as", "to"
    DOWN = "down"  # "played down"
    POINT = "point"  # "pointed out", "point to X as ..."
    REPORT = "report"  # anything but "reported from/on ..." (a reporter's credit)
    THAT = "that"  # "that" or a quote right after ("felt that", not "didn't feel well")
    TELL = "tell"  # an addressee or a clause: "told reporters", not "is telling in"
    OBJECT = "object"  # a clause, an -ing form, "as", or a speech noun: "denied the charges"
    AGREE = "agree"  # alone, "that" or "with": "Paradis agrees.", not "agree to work"
    QUOTED = "quoted"  # after a quote or before one: "Issa continued, “Yes."
    QUOTE_NEAR = "quote_near"  # quoted words soon after: "mocked Rubio for “having ...”"
    WH = "wh"  # a clause or a wh-word: "knows what you mean", "wondered whether"
    PARTICLE = "particle"  # one of the verb's particles right after: "voted against"

    @property
    def strict_in_broad(self) -> bool:
        """Kept as strict in the broad tier ("told" needs an addressee, "reported from"
        is a byline, "claiming towns" is no claim)."""
        return self in (Complement.TELL, Complement.REPORT, Complement.DOWN,
                        Complement.QUOTED, Complement.CLAIM)


class VerbFlag(enum.Enum):
    """Properties of a verb (data/verbs.tsv, last column; documented there)."""

    DOUBLES = "doubles"
    NOUN = "noun"
    ALONE = "alone"
    INVERTS = "inverts"
    MEANINGFUL = "meaningful"
    POSITION = "position"
    CONTROL = "control"
    OBJECT_CONTROL = "object-control"


class Form(enum.Enum):
    """The inflection of a cue word found in a sentence."""

    BASE = "base"
    THIRD = "3sg"  # third person singular present
    PAST = "past"  # simple past (or a participle with the same form)
    PARTICIPLE = "pp"  # a participle distinct from the past ("written", "seen")
    ING = "ing"
    FIXED = "fixed"  # no verb: "according to", a noun or a stance cue


# The `base` of a cue that is no verb.
ACCORDING_TO = "according to"
NOUN_CUE = "noun"
STANCE_CUE = "stance"
# The cue of a credit line ("“...” ― Sonya Herridge").
CREDIT_CUE = "—"


class EntityKind(enum.Enum):
    PERSON = "person"
    GROUP = "group"
    ORG = "org"
    DOCUMENT = "document"


class Gender(enum.Enum):
    MALE = "m"
    FEMALE = "f"

    @staticmethod
    def of_pronoun(word: str) -> Gender:
        """The gender of "he" or "she"."""
        return Gender.MALE if word == "he" else Gender.FEMALE

    @staticmethod
    def parse(value: str | None) -> Gender | None:
        return Gender(value) if value else None


class SegmentKind(enum.Enum):
    """What a comma-separated segment left of a cue is (phrases.segment_kind)."""

    ADVERB = "adverb"  # "however", "Hours later"
    RELATIVE = "relative"  # "who ...", "which ..."
    INCLUDING = "including"  # "including ...", "particularly ..."
    PREPOSITIONAL = "prepositional"  # "in a statement on Thursday", "of course"
    STOP = "stop"  # a clause: "he underwent training", "to ...", "because ..."
    PARTICIPLE = "participle"  # "preparing to fight ..."
    NOUN_PHRASE = "np"


@dataclass
class Entity:
    """A source in one article: a person, a group, an organisation or a document.
    Changed only by the article's `Registry` (see the module docstring)."""

    name: str  # full name or descriptor as written
    kind: EntityKind
    named: bool = False  # a person's name (not a descriptor)
    role: str | None = None
    head: str | None = None  # head noun of a descriptor, lowercase singular
    gender: Gender | None = None
    last_seen: int = -1  # index of the sentence that last mentioned it


@dataclass(frozen=True)
class Found:
    """An explicit attribution found in one sentence."""

    entity: Entity
    cue: str | None
    role: str | None = None  # role stated in this sentence (apposition/title)
    act: bool = False  # a position taken by an act, found by acts.agent_pass


@dataclass(frozen=True)
class Reading:
    """What one cue of a sentence gives: the attribution, and whether it came from a
    participle ("..., accusing Afghanistan of"), which yields to a finite cue."""

    found: Found
    participle: bool = False


@dataclass(frozen=True)
class Quoted:
    """A sentence with its quotations masked (quotes.parse_quotes)."""

    masked: str  # sentence text with quoted spans replaced by MASK
    has_quote: bool  # carries quoted words
    starts_open: bool  # begins inside a quote opened earlier
    ends_open: bool  # ends inside a quote that continues
    narrative_words: int  # words outside quotes
    quoted_words: int  # words inside quotes


@dataclass(frozen=True)
class Cue:
    """A cue word (or fixed cue phrase) found in a masked sentence."""

    start: int
    end: int
    base: str  # verb lemma, or ACCORDING_TO / NOUN_CUE / STANCE_CUE
    form: Form
    text: str
