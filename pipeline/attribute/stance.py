"""Stance labels: the cue of a statement read as one of a few things a speaker does
with words (`data/stances.txt`), so a reader can scan a section for who denies and who
accuses. The verbatim cue stays in the JSON beside its label."""

from __future__ import annotations

import re
from importlib import resources

from ..models import Attribution
from ..wordlists import Sections
from .labels import cue_lemma, is_statement

_WORDS = Sections({"stances.txt": (resources.files(__package__) / "data" / "stances.txt")
                   .read_text(encoding="utf-8")})
# The labels in the legend's order; "says" is every other statement.
LABELS = ("says", "claims", "denies", "accuses", "warns", "demands", "admits", "promises",
          "believes")
LABEL_OF: dict[str, str] = {lemma: label for label in LABELS[1:]
                            for lemma in _WORDS.set(label)}
_WORDS.check_all_used()
_WORD = re.compile(r"[a-z]+")
_NEGATION = re.compile(r"\b(?:not|never|no)\b|n[’']t\b", re.IGNORECASE)

# What each label means, for the legend in the Method section.
LEGEND = {
    "says": "states or reports, in neutral terms",
    "claims": "asserts something others may dispute",
    "denies": "denies, rejects or dismisses",
    "accuses": "blames, criticises or condemns",
    "warns": "warns or threatens",
    "demands": "demands, urges or calls for",
    "admits": "admits or concedes",
    "promises": "promises or vows",
    "believes": "believes, expects or fears",
}


def stance_of(attribution: Attribution) -> str | None:
    """The stance label of an attributed statement; None for no statement (an act, a
    vote, no speaker)."""
    if not is_statement(attribution):
        return None
    cue = attribution.cue or ""
    if not cue or _NEGATION.search(cue):
        return "says"
    label = LABEL_OF.get(cue_lemma(cue))
    if label is None:  # a stance adjective: "is critical of", "are confident that"
        label = next((LABEL_OF[w] for w in _WORD.findall(cue.casefold()) if w in LABEL_OF),
                     "says")
    return label
