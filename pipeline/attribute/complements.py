"""Step 2b, what follows a cue: does the verb report, given the words after it?

Each verb carries what must follow it to count (`Complement`, data/verbs.tsv), which
separates "claimed that" from "claiming towns", "described X as Y" from "described the
scene". The first tier checks that strictly (`strict_ok`); the broad tier asks little
beyond what makes the word a verb at all (`broad_ok`), except for the complements that
stay strict in it. A verb that is also a common noun ("the Afghan state", "police
reports") needs, in its base and -s forms, what makes it a verb: a clause, a quote, an
auxiliary before it or a subject agreeing with it (`agreement`).
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass

from .inflect import strict_verb_forms
from .lexicon import (
    AUXILIARIES,
    BROAD_CUE_VERBS,
    CALL_NOT_SPEECH,
    COMMON_CAPS,
    COUNTRY_WORDS,
    CUE_VERBS,
    DETERMINERS,
    FINITE_AUXILIARIES,
    HOLDER_NOUNS,
    INTRANSITIVE_CUES,
    IRREGULAR_PLURALS,
    NOUN_HOMOGRAPHS,
    OBJECT_PRONOUNS,
    PERSONAL_PRONOUNS,
    PREPOSITIONS,
    SEE_OBJECTS,
    SOURCE_NOUNS,
    SPEECH_OBJECTS,
    TIME_WORDS,
    VERB_PARTICLES,
    VERBAL_AUXILIARIES,
    WH_COMPLEMENTIZERS,
)
from .limits import (
    AS_WINDOW,
    CLAUSE_AUX_WINDOW,
    COLON_QUOTE_WINDOW_CHARS,
    COMPLEMENT_WINDOW,
    FINITE_VERB_WINDOW_CHARS,
)
from .model import MASK, Complement, Cue, Form
from .text import bare, finite_verb_before_determiner, is_cap, lower_bare, singular, skip_adverbs

# A word of the text right of a cue: a run of masked (quoted) characters, or a token.
_WORD = re.compile(r"\x00+|[^\s\x00]+")
# Stands for a quotation among the lowercase words right of a cue.
QUOTE = "<q>"
_QUOTE_MARK = re.compile(r"[“”\"]|``|''")
_COLON_QUOTE = re.compile(r":\s*\x00")
_NOTHING_MORE = re.compile(r"\s*[.!?]?\s*")
_PUNCTUATION_NEXT = re.compile(r"\s*[.,;]")
_QUOTE_AFTER_COMMA = re.compile(r"\s*,\s*\x00")
_QUOTE_AFTER_MARK = re.compile(r"\s*[,:]\s*\x00")
_COMMA_OR_END = re.compile(r"\s*(?:,|[.!?]?\s*$)")
_YEAR = re.compile(r"\d{4}")
# Words before "as" that make it no characterisation ("known as", "such as").
_AS_IDIOMS = ("known", "such", "so", "well", "same", "just")
# Subject pronouns opening a clause after a cue ("felt he was", "shows he won").
_CLAUSE_PRONOUNS = ("he", "she", "they", "we", "i", "it")
# Words that make "reported on/in ..." a time, not a topic ("reported on Wednesday").
_REPORT_TIME_OPENERS = ("on", "in", "last", "earlier", "this")
# Words after "reported" that make it a reporter's credit ("reported from Kabul").
_REPORT_CREDITS = ("from", "on", "for", "to", "in", "at", "back", "live")
# Plural subjects that agree with a base-form noun homograph ("two-thirds support").
_PLURAL_QUANTIFIERS = ("two-thirds", "half", "most", "many", "some", "both", "all")
# Singular subjects that agree with an -s noun homograph ("he says", "which shows").
_SINGULAR_PRONOUNS = ("he", "she", "it", "who", "which", "that")


@dataclass(frozen=True)
class Surroundings:
    """What is around a cue, as the complement checks need it."""

    right: str  # masked text right of the cue (RIGHT_WINDOW_CHARS)
    post_quote: bool  # the cue's clause opens right after a quote
    content_before: bool = False  # a comma before the cue ("..., records show.")
    agrees: int = 0  # `agreement` of the words before the cue (broad tier)
    finite: bool = False  # the cue is plainly the verb of its clause (a name or comma before)
    short_subject: bool = False  # a short noun phrase after that comma


def complement_ok(cue: Cue, around: Surroundings, broad: bool) -> bool:
    """Whether what follows `cue` makes it report (see the module docstring)."""
    if cue.form is Form.FIXED:
        return True
    right = skip_adverbs(around.right)  # "called again for", "said repeatedly that"
    if broad:
        return broad_ok(cue, right, around)
    return strict_ok(cue, right, around.post_quote, around.content_before, around.finite,
                     around.short_subject)


@dataclass(frozen=True)
class _Window:
    """The words right of a first-tier cue and the clues they give."""

    words: list[str]
    lower: list[str]  # lowercase bare words; QUOTE for a quotation
    right: str
    quote_soon: bool  # a quotation within three words, or a colon
    at_end: bool  # nothing but punctuation follows
    quote_in_window: bool  # quoted words within AS_WINDOW words
    that_soon: bool  # "that" opens the complement
    clause: bool  # a clause, a quote or content follows
    as_soon: bool  # "as" introducing a characterisation

    @classmethod
    def of(cls, right: str, post_quote: bool, content_before: bool) -> _Window:
        words = [m.group() for m in _WORD.finditer(right)][:COMPLEMENT_WINDOW]
        forms = strict_verb_forms()
        for k, w in enumerate(words):
            if k > 0 and w in forms and forms[w][1] in (Form.THIRD, Form.PAST):
                words = words[:k]  # "he fears both ... told": "told" starts another clause
                right = right[:right.find(w)]
                break
        lower = [QUOTE if w.startswith(MASK) else lower_bare(w) for w in words]
        quote_soon = QUOTE in lower[:3] or right.lstrip().startswith(":")
        at_end = not words or (words[0].startswith(MASK) is False and right.lstrip()[:1] in ".,;")
        quote_in_window = QUOTE in lower[:AS_WINDOW] or _QUOTE_MARK.search(
            " ".join(words[:AS_WINDOW])) is not None
        # "that" opening the complement, right after the verb or its object, or
        # after a parenthetical: "claimed at a conference ..., Uzbekistan, that"
        that_soon = any(w == "that" and (k <= 2 or words[k - 1].endswith(","))
                        for k, w in enumerate(lower))
        clause = (post_quote or quote_soon or that_soon or "whether" in lower[:2]
                  or (content_before and _NOTHING_MORE.fullmatch(right) is not None)
                  or bool(_COLON_QUOTE.search(right[:COLON_QUOTE_WINDOW_CHARS]))
                  or any(w in FINITE_AUXILIARIES for w in lower[:CLAUSE_AUX_WINDOW])
                  or finite_verb_before_determiner(right[:FINITE_VERB_WINDOW_CHARS]))
        # "as" introducing the characterisation, not "known as", "such as"
        as_soon = any(w == "as" and (k == 0 or lower[k - 1] not in _AS_IDIOMS)
                      for k, w in enumerate(lower[:AS_WINDOW]))
        return cls(words, lower, right, quote_soon, at_end, quote_in_window, that_soon,
                   clause, as_soon)


def strict_ok(cue: Cue, right: str, post_quote: bool, content_before: bool = False,
              finite: bool = False, short_subject: bool = False) -> bool:
    """What must follow a first-tier cue (its `Complement`)."""
    w = _Window.of(right, post_quote, content_before)
    lower = w.lower
    requirement = CUE_VERBS[cue.base]
    if (cue.form in (Form.PAST, Form.PARTICIPLE) and cue.base not in INTRANSITIVE_CUES
            and requirement in (Complement.ANY, Complement.CLAUSE, Complement.OBJECT)
            and not post_quote and not w.clause
            and lower[:1] in (["by"], ["in"], ["on"], ["at"]) and not finite):
        return False  # a reduced relative or passive: "the fighters mentioned in this story"
    if cue.form in (Form.PAST, Form.PARTICIPLE) and lower[:1] == ["as"] and not post_quote:
        return False  # "names mentioned as nominees", "described as": no object, passive
    if (requirement is Complement.CLAUSE and lower[:1] and lower[0] in PREPOSITIONS
            and not w.that_soon and not w.quote_in_window):
        return False  # "Jews fear for their safety"
    if cue.base in NOUN_HOMOGRAPHS and cue.form in (Form.BASE, Form.THIRD):
        # "Police reports from ...", "the Afghan state and ...": a noun unless
        # a clause or a quote follows at once ("reports that", "states: “...")
        strict = (lower[:1] == ["that"] or _QUOTE_AFTER_MARK.match(w.right) is not None
                  or ((post_quote or content_before)  # "..., records show."
                      and _NOTHING_MORE.fullmatch(w.right) is not None
                      and short_subject))
        if not strict and requirement is not Complement.CLAIM:
            return False
    return _requirement_met(requirement, w, post_quote)


def _requirement_met(requirement: Complement, w: _Window, post_quote: bool) -> bool:
    lower, right = w.lower, w.right
    if requirement is Complement.ANY:
        return True
    if requirement is Complement.CLAUSE:
        return w.clause
    if requirement is Complement.END:
        return post_quote or w.quote_soon or w.at_end or (lower[:1] == ["that"])
    if requirement is Complement.THAT:
        return post_quote or w.quote_soon or lower[:1] == ["that"]
    if requirement is Complement.REPORT:
        return _report_ok(lower)
    if requirement is Complement.QUOTED:
        return post_quote or w.quote_soon
    if requirement is Complement.QUOTE_NEAR:
        return post_quote or w.quote_in_window
    if requirement is Complement.AGREE:
        return (post_quote or not lower or lower[0] in ("that", "with")
                or _PUNCTUATION_NEXT.match(right) is not None)
    if requirement is Complement.OBJECT:
        return (post_quote or w.clause or not lower
                or _PUNCTUATION_NEXT.match(right) is not None
                or lower[0].endswith("ing") or w.as_soon
                or any(word in SPEECH_OBJECTS for word in lower[:4]))
    if requirement is Complement.TELL:
        return post_quote or (bool(lower) and lower[0] not in PREPOSITIONS)
    if requirement is Complement.AS:
        return w.as_soon or w.quote_in_window
    if requirement is Complement.TO:  # "compared X favorably to Y", not "compared to Y"
        return lower[:1] not in (["to"], ["with"]) and (
            "to" in lower[:AS_WINDOW] or "with" in lower[:AS_WINDOW])
    return _object_requirement_met(requirement, w)


def _object_requirement_met(requirement: Complement, w: _Window) -> bool:
    """The requirements that look at a particular object or particle."""
    lower = w.lower
    if requirement is Complement.CALL:
        return (lower[:1] in (["on"], ["upon"], ["for"]) or w.quote_in_window
                or any(word in ("a", "an") and lower[k - 1] not in PREPOSITIONS
                       and lower[k - 1] not in AUXILIARIES
                       for k, word in enumerate(lower[1:5], start=1)))
    if requirement is Complement.SEE:
        return w.as_soon or any(word in SEE_OBJECTS for word in lower[:3])
    if requirement is Complement.CLAIM:
        return (w.clause or lower[:1] in (["responsibility"], ["credit"], ["to"])
                or w.as_soon)
    if requirement is Complement.DOWN:
        return lower[:1] == ["down"]
    if requirement is Complement.POINT:
        return lower[:1] == ["out"] or (lower[:1] == ["to"] and w.as_soon)
    return False


def _report_ok(lower: list[str]) -> bool:
    """ "reported" reports unless a reporter's credit follows ("reported from Kabul")."""
    if len(lower) > 1 and lower[0] in _REPORT_TIME_OPENERS and (
            lower[1] in TIME_WORDS or _YEAR.fullmatch(lower[1])
            or (lower[0] != "on" and lower[0] != "in")):
        return True  # a time, not a topic: "reported on Wednesday", "in 2014"
    return lower[:1] not in [[w] for w in _REPORT_CREDITS] and bool(lower)


def broad_ok(cue: Cue, right: str, around: Surroundings) -> bool:
    """What must follow a cue of the broad tier: little but what makes it no verb."""
    words = [m.group() for m in _WORD.finditer(right)][:COMPLEMENT_WINDOW]
    lower = [QUOTE if w.startswith(MASK) else lower_bare(w) for w in words]
    first = lower[0] if lower else ""
    post_quote, finite = around.post_quote, around.finite
    requirement = CUE_VERBS.get(cue.base) or BROAD_CUE_VERBS[cue.base]
    if requirement.strict_in_broad:
        return strict_ok(cue, right, post_quote)
    if requirement is Complement.PARTICLE:
        return first in VERB_PARTICLES.get(cue.base, ())
    if requirement is Complement.THAT:  # "felt that", "feel like"; not "felt squeezed"
        return (post_quote or first in ("that", "like", "about", QUOTE)
                or first in _CLAUSE_PRONOUNS)
    if cue.form in (Form.PAST, Form.PARTICIPLE) and not post_quote \
            and cue.base not in INTRANSITIVE_CUES \
            and (first in ("by", "as") or (first in ("in", "on", "at") and not finite)):
        return False  # a reduced relative or passive: "the bill endorsed by", "seen as"
    if cue.base in NOUN_HOMOGRAPHS and cue.form in (Form.BASE, Form.THIRD) \
            and not _verb_not_noun(words, lower, right, around):
        return False
    if requirement is Complement.POINT:
        return first in ("out", "to")
    if requirement is Complement.WH:
        return (post_quote or first in WH_COMPLEMENTIZERS or first == QUOTE
                or any(w in FINITE_AUXILIARIES for w in lower[:CLAUSE_AUX_WINDOW])
                or first in PERSONAL_PRONOUNS)
    if requirement is Complement.CALL:
        return bool(first) and first not in CALL_NOT_SPEECH
    return bool(lower) or post_quote


def _verb_not_noun(words: list[str], lower: list[str], right: str,
                   around: Surroundings) -> bool:
    """Whether a noun homograph of the broad tier is a verb here: "polls show Sanders
    ahead", "Sanders wants to"; not "support for", "plans."."""
    first = lower[0] if lower else ""
    second = lower[1] if len(lower) > 1 else ""
    content_before = around.content_before and around.short_subject
    np_next = (around.post_quote or first in ("that", QUOTE) or first in DETERMINERS
               or first in OBJECT_PRONOUNS or (words and is_cap(words[0]))
               or first.replace(",", "").replace(".", "").isdigit()
               or (first == "to" and second.isalpha() and second not in DETERMINERS)
               or _QUOTE_AFTER_COMMA.match(right) is not None
               or first in _CLAUSE_PRONOUNS  # "shows he won"
               or (content_before and _COMMA_OR_END.match(right)
                   is not None))  # "Democrats, Frank notes, applaud", "records show."
    agreeing = bool(around.agrees) and bool(first) and (first not in PREPOSITIONS
                                                        or around.agrees == 2)
    if not (np_next or agreeing):
        return False  # ("can comment about": an auxiliary lets a preposition follow)
    # a word closing with punctuation is no object ("plans."), unless a quote follows
    return not (words and words[0][-1:] in ",.;:" and not _QUOTE_AFTER_COMMA.match(right)
                and not (np_next and content_before))


def agreement(cue: Cue, tokens: list[str], verbal: list[str],
              surnames: Container[str]) -> int:
    """Whether the words before a noun-homograph cue make it a verb: 2 after an
    auxiliary ("will support"), 1 after a subject agreeing in number ("voters
    support", "Sanders wants"), else 0. `surnames`: the article's registered last names."""
    if verbal:
        return 2 if verbal[0] in VERBAL_AUXILIARIES else 0
    if not tokens or tokens[-1][-1:] in ",;:":
        return 0
    word = lower_bare(tokens[-1])
    if cue.form is Form.BASE:
        return int(word in ("they", "we", "i", "you") or word in IRREGULAR_PLURALS
                   or (word.endswith("s") and not word.endswith(("ss", "'s", "’s"))
                       and word not in DETERMINERS and len(word) > 2)
                   or word in _PLURAL_QUANTIFIERS)
    if cue.form is Form.THIRD:
        # a name: not a capitalised first word alone ("Some states", "Coastal states")
        name = (is_cap(tokens[-1]) and word not in COMMON_CAPS
                and bare(tokens[-1]) not in COUNTRY_WORDS
                and (bare(tokens[-1]) in surnames  # a registered surname
                     or (len(tokens) > 1 and is_cap(tokens[-2])  # "Bernie Sanders"
                         and lower_bare(tokens[-2]) not in COMMON_CAPS)
                     or (len(tokens) > 1 and not word.endswith("s"))))
        return int(word in _SINGULAR_PRONOUNS or name
                   or (singular(word) == word and word in SOURCE_NOUNS | HOLDER_NOUNS))
    return 0
