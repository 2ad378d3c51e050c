"""Cue labels for selection and rendering: which cues a brief shows, which report words.

These read only the lexicon (no attribution machinery), so the renderer imports this
module and nothing else of the stage.
"""

from __future__ import annotations

import re

from ..models import Attribution
from .inflect import verb_forms
from .lexicon import COPULAS, MEANINGFUL_CUE_LEMMAS, MEANINGFUL_CUE_WORDS, NON_SPEECH_CUE_LEMMAS

_WORDS = re.compile(r"[a-z’'-]+")
_LETTER = re.compile(r"[a-z]")
# A stance cue: a linking verb before the stance ("are confident that", "is critical of").
_STANCE = re.compile(r"(?:^|\s)(?:" + COPULAS + r")\s")
_CASE = re.compile(r"\bcase\b")
# Cues that say nothing beyond attribution: "according to", a colon or dash credit, and
# the prepositions of a poll or viewpoint ("in a CNN poll", "To Sharp, ...").
_PLAIN_CUES = ("according to", ":", "—", "in", "by", "to")


def cue_lemma(cue: str) -> str:
    """The lemma of a cue's reporting word: "has denied" -> "deny", "told X" -> "tell"."""
    forms = verb_forms()
    words = _WORDS.findall(cue.lower())
    for word in words:
        if word in forms:
            return forms[word][0]
    return words[-1] if words else cue.strip()


def cue_carries_meaning(cue: str | None) -> bool:
    """Whether a cue says more than that something was said, so a brief should show it.

    True for denials, accusations, warnings, claims, admissions, promises, threats,
    judgements, beliefs and characterisations ("denied", "accused", "warned",
    "claimed", "insisted", "admitted", "called ... a", "is skeptical of", "made it
    clear"); False for neutral reporting ("said", "says", "told reporters", "added",
    "noted", "wrote", "explained", "according to", a colon or dash credit) and for
    None (a continuation of a quote, whose cue is in another sentence).
    """
    if not cue:
        return False
    text = " ".join(cue.lower().split())
    if text in _PLAIN_CUES or not _LETTER.search(text):
        return False
    if _STANCE.search(" " + text + " ") or "clear" in text or _CASE.search(text):
        return True  # a stance ("are confident that", "is critical of"), "made it clear"
    if set(_WORDS.findall(text)) & MEANINGFUL_CUE_WORDS:
        return True
    return cue_lemma(text) in MEANINGFUL_CUE_LEMMAS


def reports_speech(cue: str | None) -> bool:
    """Whether an attribution reports words or beliefs (True), or a position taken by an
    act, an intention or a vote (False: "decided", "wants", "supported", "voted for").

    Both are attribution (PolNeAR counts both); a "who said what" section may keep
    only the first. None (a continuation of a quote) is speech.
    """
    if not cue:
        return True
    return cue_lemma(cue) not in NON_SPEECH_CUE_LEMMAS


def is_statement(attribution: Attribution) -> bool:
    """Whether an attribution reports what its speaker said or believes: not an act
    (`Attribution.act`) nor a position taken by one (`reports_speech`)."""
    return attribution.speaker is not None and not attribution.act \
        and reports_speech(attribution.cue)
