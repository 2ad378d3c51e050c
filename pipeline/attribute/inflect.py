"""Inflections of the lexicon's verbs, built once from data/verbs.tsv."""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import (
    BROAD_CUE_VERBS,
    CONTROL_ADJECTIVES,
    CONTROL_VERBS,
    CUE_VERBS,
    DOUBLED_FINAL_CONSONANT,
    IRREGULAR_FORMS,
    OBJECT_CONTROL_VERBS,
)
from .limits import HEADLINE_CAPITALISED_SHARE, HEADLINE_MIN_WORDS
from .model import Form

VOWELS = "aeiou"


def regular_forms(base: str) -> tuple[str, str, str]:
    """Third person singular, past and -ing of a regular verb."""
    stem = base + base[-1] if base in DOUBLED_FINAL_CONSONANT else base
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = base + "es"
    elif base.endswith("y") and base[-2] not in VOWELS:
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    if base.endswith("e"):
        past, ing = base + "d", base[:-1] + "ing"
    elif base.endswith("y") and base[-2] not in VOWELS:
        past, ing = base[:-1] + "ied", base + "ing"
    else:
        past, ing = stem + "ed", stem + "ing"
    return third, past, ing


def _irregular(base: str, forms: tuple[str, ...]) -> list[tuple[str, Form]]:
    """3sg, past, participles distinct from the past ("written"), -ing."""
    return ([(forms[0], Form.THIRD), (forms[1], Form.PAST)]
            + [(form, Form.PARTICIPLE) for form in forms[2:-1]] + [(forms[-1], Form.ING)])


@lru_cache(maxsize=1)
def verb_forms() -> dict[str, tuple[str, Form]]:
    """Every inflected form of every cue verb -> (lemma, form). A form two verbs share
    goes to the first in data/verbs.tsv (first tier before the broad tier)."""
    forms: dict[str, tuple[str, Form]] = {}
    for base in (*CUE_VERBS, *BROAD_CUE_VERBS):
        forms[base] = (base, Form.BASE)
        if base in IRREGULAR_FORMS:
            inflections = _irregular(base, IRREGULAR_FORMS[base])
        else:
            third, past, ing = regular_forms(base)
            inflections = [(third, Form.THIRD), (past, Form.PAST), (ing, Form.ING)]
        for form, tag in inflections:
            forms.setdefault(form, (base, tag))
    return forms


@lru_cache(maxsize=1)
def strict_verb_forms() -> dict[str, tuple[str, Form]]:
    """The forms of first-tier cue verbs only, for telling clauses from noun phrases."""
    return {form: v for form, v in verb_forms().items() if v[0] in CUE_VERBS}


def _all_forms(base: str) -> tuple[str, ...]:
    return (base, *(IRREGULAR_FORMS.get(base) or regular_forms(base)))


@lru_cache(maxsize=1)
def object_control_words() -> frozenset[str]:
    """Every form of the verbs flagged object-control ("persuade", "urge" ...)."""
    return frozenset(form for base in OBJECT_CONTROL_VERBS for form in _all_forms(base))


@lru_cache(maxsize=1)
def control_words() -> frozenset[str]:
    """Every form of the verbs flagged control, and the control adjectives ("likely")."""
    return CONTROL_ADJECTIVES | {form for base in CONTROL_VERBS for form in _all_forms(base)}


_LONG_WORD = re.compile(r"(?<![\w’'-])[^\W\d_][\w’'-]{3,}")
_CAPITALISED_WORD = re.compile(r"(?<![\w’'-])[A-Z][a-z]+(?![\w’'-])")


def headline_verbs(masked: str) -> str:
    """A title-case headline with its capitalised cue verbs lowercased ("Trump Says" ->
    "Trump says"); same length, so offsets hold. Other sentences are returned as they are."""
    words = _LONG_WORD.findall(masked)
    if len(words) < HEADLINE_MIN_WORDS:
        return masked
    if sum(w[0].isupper() for w in words) < HEADLINE_CAPITALISED_SHARE * len(words):
        return masked
    forms = verb_forms()

    def lower(m: re.Match[str]) -> str:
        word = m.group()
        entry = forms.get(word.lower())
        if m.start() == 0 or entry is None or entry[1] not in (Form.THIRD, Form.PAST):
            return word
        return word.lower()
    return _CAPITALISED_WORD.sub(lower, masked)
