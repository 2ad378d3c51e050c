"""Shallow syntax of the text left of a cue: comma segments, noun phrases, verbs.

No parser: a segment is classified by its first words (`segment_kind`), a noun phrase
is accepted or refused by what it holds (`np_ok`), and the noun phrase opening a
clause is read up to its verb (`leading_np`). The words an outline adds (its actors'
nationality and role words) come in a `Vocabulary`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..outline import Actor
from .inflect import strict_verb_forms, verb_forms
from .lexicon import (
    APPROXIMATORS,
    AUXILIARIES,
    COMMON_VERBS,
    COUNTRY_WORDS,
    DETERMINERS,
    INCLUDING_WORDS,
    LEADING_FILLERS,
    NOT_ADVERBS,
    NUMBER_WORDS,
    PARTICIPLE_IRREGULARS,
    PERSONAL_PRONOUNS,
    PREPOSITIONS,
    RELATIVE_PRONOUNS,
    ROLE_NOUNS,
    SKIPPABLE_ADVERBS,
    SOURCE_NOUNS,
    STANDALONE_QUANTIFIERS,
    SUBORDINATORS,
    TIME_WORDS,
    US_STATES,
)
from .limits import MAX_SUBJECT_TOKENS
from .model import Form, SegmentKind
from .text import bare, is_cap, lower_bare, singular, strip_leading_fillers

# Words of a segment opener that coordinate it with what came before ("and the ...").
_SEGMENT_CONJUNCTIONS = ("and", "but", "or", "yet", "so")
# Words closing a short segment that make it a time: "Hours later", "Two weeks ago".
_TIME_CLOSERS = ("later", "earlier", "ago")
# Words opening a time between a subject and its verb: "on Sunday", "this past week".
_TIME_OPENERS = ("on", "in", "last", "this", "early", "late")
# Wh-words that open a clause, never a subject.
_WH_OPENERS = ("why", "how", "whether", "when", "where")
# What may follow an approximator in a subject: "about half of", "About 4 in 10".
_APPROXIMATED = NUMBER_WORDS | {"half", "a", "one-third", "two-thirds"}
# A clause: a lowercase -ed verb and a determiner ("independently verified the details").
_ED_VERB_AND_DETERMINER = re.compile(
    r"\b[a-z]+ed\s+(?:the|a|an|this|these|those|his|her|its|their)\s")
# A dateline opening a segment: "New York (AFP)".
_DATELINE = re.compile(r"[A-Z][\w.]*(?: [A-Z][\w.]*)* \([A-Za-z ]+\)")
_YEAR = re.compile(r"\d{4}s?")


@dataclass(frozen=True)
class Vocabulary:
    """The words an outline adds to the lexicon: its actors' nationality words (with
    the countries and demonyms the lexicon knows) and role words."""

    nationality: frozenset[str]
    role_words: frozenset[str]

    @classmethod
    def of(cls, actors: Sequence[Actor]) -> Vocabulary:
        return cls(
            nationality=frozenset(COUNTRY_WORDS | {
                w for a in actors for n in a.nationality for w in n.split()}),
            role_words=frozenset(ROLE_NOUNS | {
                w.lower() for a in actors for r in a.roles for w in r.split()}))


def before_relative(tokens: list[str]) -> list[str]:
    """The tokens before a relative pronoun ("officials who ..." -> "officials")."""
    for k, tok in enumerate(tokens):
        if k > 0 and lower_bare(tok) in RELATIVE_PRONOUNS and not (
                lower_bare(tok) == "that" and lower_bare(tokens[k - 1]) in PREPOSITIONS):
            return tokens[:k]  # not "of that 2013 report": a determiner
    return tokens


def has_verb(tokens: list[str]) -> bool:
    """Whether a clause segment holds a finite verb (an auxiliary, a known verb form,
    a frequent verb or a lowercase -ed word)."""
    forms = verb_forms()
    for k, tok in enumerate(tokens):
        word = lower_bare(tok)
        if word in AUXILIARIES or word in COMMON_VERBS:
            return True
        if k > 0 and not is_cap(tok) and (
                (word in forms and forms[word][1] in (Form.THIRD, Form.PAST))
                or (word.endswith("ed") and word not in SOURCE_NOUNS)):
            return True
    return False


def adverbial_clause(seg: str) -> bool:
    """A subordinator with a participle and no subject: "when asked about X",
    "while being interviewed", "if elected"."""
    tokens = seg.split()
    if len(tokens) < 2 or lower_bare(tokens[0]) not in SUBORDINATORS:
        return False
    second = lower_bare(tokens[1])
    if second in ("being", "not") or (second.endswith("ly") and len(tokens) > 2):
        second = lower_bare(tokens[2]) if second != "being" else "being"
    return second == "being" or ((second.endswith(("ed", "ing")) or second in PARTICIPLE_IRREGULARS)
                                 and second not in SOURCE_NOUNS)


class Phrases:
    """The noun-phrase grammar, with the words of one outline."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary

    def role_like(self, seg: str) -> bool:
        """Whether a segment holds a role word ("Pakistani foreign minister")."""
        words = {lower_bare(t) for t in before_relative(seg.split())}
        role_words = self.vocabulary.role_words
        return any(w in role_words or singular(w) in role_words for w in words)

    def segment_kind(self, seg: str) -> SegmentKind:
        tokens = seg.split()
        if len(tokens) > 1 and lower_bare(tokens[0]) in _SEGMENT_CONJUNCTIONS:
            tokens = tokens[1:]
        first = lower_bare(tokens[0])
        if len(tokens) <= 2 and all(
                lower_bare(t) in SKIPPABLE_ADVERBS | LEADING_FILLERS
                or (lower_bare(t).endswith("ly") and lower_bare(t) not in NOT_ADVERBS)
                for t in tokens):
            return SegmentKind.ADVERB
        if first in RELATIVE_PRONOUNS - {"that", "what"}:
            return SegmentKind.RELATIVE
        if first in INCLUDING_WORDS:
            return SegmentKind.INCLUDING
        if first in PREPOSITIONS and first not in SUBORDINATORS:
            return SegmentKind.PREPOSITIONAL  # "in a statement on Thursday", "of course"
        if first in SUBORDINATORS or first == "to":
            return SegmentKind.STOP
        if first in TIME_WORDS and len(tokens) <= 3:
            return SegmentKind.ADVERB
        if len(tokens) <= 4 and lower_bare(tokens[-1]) in _TIME_CLOSERS:
            return SegmentKind.ADVERB  # a time: "Hours later", "Two weeks ago"
        if first in PERSONAL_PRONOUNS and len(tokens) > 1:
            return SegmentKind.STOP  # a clause: "he underwent training"
        if self._participle_segment(seg, tokens, first):
            return SegmentKind.PARTICIPLE  # "preparing to fight ...", not "acting director"
        if any(lower_bare(t) in AUXILIARIES and (k == 0 or not is_cap(t))
               for k, t in enumerate(before_relative(tokens))):
            return SegmentKind.STOP
        return SegmentKind.NOUN_PHRASE

    def _participle_segment(self, seg: str, tokens: list[str], first: str) -> bool:
        return (first.endswith(("ing", "ed"))
                and first not in SOURCE_NOUNS and singular(first) not in SOURCE_NOUNS
                and not self.role_like(seg)
                and (not is_cap(tokens[0])
                     or (len(tokens) > 1 and tokens[1][:1].islower()))  # "Dashing into ..."
                and not (len(tokens) <= 6 and any(is_cap(t) for t in tokens[1:])
                         and not is_cap(tokens[0])))  # "syndicated radio host Dennis Prager"

    def time_phrase(self, seg: str) -> bool:
        """A time between a subject and its verb: "this past week", "on Sunday"."""
        words = [lower_bare(t) for t in seg.split()]
        if self.segment_kind(seg) is SegmentKind.ADVERB:
            return words[0] in TIME_WORDS
        return (self.segment_kind(seg) is SegmentKind.PREPOSITIONAL and len(words) <= 3
                and words[0] in _TIME_OPENERS and words[-1] in TIME_WORDS)

    def np_ok(self, text: str) -> bool:
        """Whether `text` can be a subject noun phrase, not a clause or a fragment."""
        tokens = before_relative(text.split())
        if not tokens or len(tokens) > MAX_SUBJECT_TOKENS:
            return False
        lower = [lower_bare(t) for t in tokens]
        if not any(w for w in lower):
            return False  # punctuation only: a stray quote mark
        if any(w in PERSONAL_PRONOUNS for w in lower[1:]) or (
                lower[0] in strict_verb_forms() and not is_cap(tokens[0])) \
                or lower[0] in _WH_OPENERS:
            return False  # a clause, not a subject: "said he", "saying they", "why he"
        if len(lower) == 1 and lower[0] not in STANDALONE_QUANTIFIERS and (
                lower[0] in SUBORDINATORS or lower[0] in RELATIVE_PRONOUNS
                or lower[0] in PREPOSITIONS or lower[0] in DETERMINERS):
            return False  # "when asked", "that said": no subject
        if any(w in AUXILIARIES and (k == 0 or not is_cap(t))
               for k, (w, t) in enumerate(zip(lower, tokens))):  # "Will Rogers" is a name
            return False
        if lower[0] in APPROXIMATORS and len(lower) > 1 and (
                lower[1] in _APPROXIMATED or lower[1].replace(",", "").isdigit()):
            lower = lower[1:]  # "about half of Democratic voters", "About 4 in 10"
        return self._np_shape_ok(tokens, lower)

    @staticmethod
    def _np_shape_ok(tokens: list[str], lower: list[str]) -> bool:
        if lower[0] in PREPOSITIONS or lower[-1] in PREPOSITIONS or lower[-1] in DETERMINERS:
            return False
        if lower[0] in PERSONAL_PRONOUNS and len(lower) > 1:
            return False
        if any(w in COMMON_VERBS for w in lower) or lower[0] in ("there", "to"):
            return False  # "Take a look at ... things Donald Trump said", "There have been"
        forms = strict_verb_forms()
        if any(w in forms and forms[w][1] in (Form.THIRD, Form.PAST) and not is_cap(t)
               and k + 1 < len(lower) and lower[k + 1] in DETERMINERS
               for k, (w, t) in enumerate(zip(lower, tokens))):
            return False  # "Clinton maintains a large pledged ...": a clause, not a subject
        if _ED_VERB_AND_DETERMINER.search(" ".join(tokens) + " "):
            return False  # a clause: "Radio Mashaal independently verified the details"
        return lower[-1] not in ("and", "or", "but", "to", "not")

    def leading_np(self, text: str) -> str | None:
        """The noun phrase opening a clause: "Afghan leaders do not ..." -> "Afghan leaders"."""
        segments = [s.strip() for s in text.split(",") if s.strip()]
        after_pp = False
        for n, seg in enumerate(segments):
            kind = self.segment_kind(seg)
            skipped_pp, after_pp = after_pp, False
            more = n + 1 < len(segments)
            if more and ((skipped_pp and (seg in US_STATES or seg.rstrip(".") + "." in US_STATES))
                         or _DATELINE.fullmatch(seg)):
                # the place closing a fronted phrase ("At an event in St. Clairsville, Ohio,
                # Brenda Johnson railed"), a dateline ("New York (AFP) – Joe Biden hit")
                after_pp = skipped_pp
                continue
            if kind is SegmentKind.ADVERB or (more and (
                    kind is SegmentKind.PARTICIPLE  # "Chastened by the analyses, Trump ..."
                    or (re.search(r"[A-Z]{2}", seg) and not re.search(r"[a-z]", seg)))):
                after_pp = kind is SegmentKind.PARTICIPLE  # "Speaking in Salem, N.H., Trump"
                continue  # a dateline or header: "BRUSSELS - European leaders gathered ..."
            tokens = strip_leading_fillers(seg.split())
            if not tokens or lower_bare(tokens[0]) in PREPOSITIONS | SUBORDINATORS:
                after_pp = True
                continue
            if more and self._fronted_time(tokens):
                # "Two weeks after Scalia died, Thomas broke ...", "Back in 1999, Mr. Trump"
                continue
            return self._np_words(tokens)
        return None

    @staticmethod
    def _fronted_time(tokens: list[str]) -> bool:
        return (any(lower_bare(t) in SUBORDINATORS for t in tokens[1:4])
                or (not has_verb(tokens) and any(
                    lower_bare(t) in PREPOSITIONS for t in tokens[1:3]) and any(
                    _YEAR.fullmatch(bare(t)) or lower_bare(t) in TIME_WORDS
                    for t in tokens[1:5])))

    @staticmethod
    def _np_words(tokens: list[str]) -> str | None:
        """The noun phrase a clause opens with: its words up to its verb."""
        kept: list[str] = []
        for k, tok in enumerate(tokens):
            word = lower_bare(tok)
            if word in AUXILIARIES or (k > 0 and (word in strict_verb_forms()
                                                  or word in COMMON_VERBS)
                                       and not (is_cap(tok) and is_cap(tokens[k - 1]))):
                break  # (not inside a name: "The State Department has deemed")
            if k > 0 and not is_cap(tok) and (word.endswith("ed") or (
                    word.endswith("s") and word not in SOURCE_NOUNS
                    and singular(word) == word and kept and is_cap(kept[-1]))
                    or verb_forms().get(word, ("", None))[1] in (Form.PAST, Form.PARTICIPLE)
                    or (word.endswith("ly") and len(word) > 3 and word not in NOT_ADVERBS)):
                break  # "Bernie Sanders spoke ...", "Hillary Clinton clearly erred ..."
            kept.append(tok)
        while len(kept) > 1 and lower_bare(kept[-1]) in SKIPPABLE_ADVERBS:
            kept.pop()  # "Brenda Johnson also railed": not part of the noun phrase
        return " ".join(kept) if kept else None
