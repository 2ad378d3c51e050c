"""Step 2a, cue words: where a masked sentence may report something.

A lexicon of reporting verbs (data/verbs.tsv, inflected by inflect.py), "according
to", noun cues ("made the outlandish claim that") and stance adjectives ("are
confident that"); the broad tier adds stance phrases ("is critical of", "has been a
dogged defender of") and "made it clear". Whether a cue word found here reports
anything is decided by clauses.py.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .inflect import verb_forms
from .lexicon import (
    CLAUSE_COPULAS,
    CLAUSE_STANCE_ADJECTIVES,
    COPULAS,
    CUE_VERBS,
    NOT_ADVERBS,
    NOUN_CUE_HEADS,
    STANCE_ADJECTIVES,
    STANCE_ROLE_NOUNS,
    TIME_WORDS,
)
from .limits import TELL_OBJECT_MAX_TOKENS
from .model import ACCORDING_TO, MASK, NOUN_CUE, STANCE_CUE, Cue, Form
from .text import bare, lower_bare, tokens_of

# A lowercase word: a cue verb is looked up in `verb_forms` (lowercase only: "States",
# "Post" are names; hyphen-joined words are not verbs).
_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z]+(?![\w-])")
# "according to X": the source follows.
ACCORDING_TO_PATTERN = re.compile(r"(?<![\w-])[Aa]ccording to(?![\w-])")
# Noun cues: "made the (outlandish) claim that", "made a statement".
_NOUN_CUE = re.compile(
    r"(?<![\w-])(?:made|makes|make|making)\s+(?:the|a|an|this|that|his|her|their|its|"
    r"several|many|numerous|similar|repeated)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:" + NOUN_CUE_HEADS + r")s?(?![\w-])")
# What must follow a noun cue for it to report: "that", or a quote ("made a statement:").
_NOUN_CUE_CONTENT = re.compile(r"\s*(?:that\b|[,:]?\s*\x00)")
# Stance adjectives with a clause: "are confident that", "is convinced that".
_STANCE_CUE = re.compile(
    r"(?<![\w-])(?:" + CLAUSE_COPULAS + r")\s+(?:not\s+)?(?:\w+ly\s+)?"
    r"(?:" + CLAUSE_STANCE_ADJECTIVES + r")"
    r"(?=\s+(?:that|whether|he|she|they|we|it)\b)")
# "made it clear that", "makes the case for": a statement of position.
_MAKE_CLEAR = re.compile(
    r"(?<![\w-])(?:made|makes|make|making)\s+(?:(?:it|very|abundantly|perfectly)\s+)*clear"
    r"(?![\w-])|(?<![\w-])(?:made|makes|make|making)\s+(?:the|a|his|her|their|its)\s+"
    r"(?:[\w-]+\s+)?case(?![\w-])")
# Words that end the object of "told" kept in its cue ("told reporters that").
_TELL_OBJECT_STOPS = frozenset((
    "that", "of", "about", "on", "in", "at", "during", "how", "what", "why", "when",
    "whether", "he", "she", "they", "it", "we"))


@lru_cache(maxsize=1)
def broad_stance_pattern() -> re.Pattern[str]:
    """ "is critical of", "are eager to", "has been a dogged defender of": a stance cue."""
    adjectives = "|".join(sorted(STANCE_ADJECTIVES))
    nouns = "|".join(sorted(STANCE_ROLE_NOUNS))
    return re.compile(
        r"(?<![\w-])(?:" + COPULAS + r")\s+(?:not\s+)?(?:\w+ly\s+)?(?:"
        r"(?:" + adjectives + r")(?=\s+(?:of|to|about|that|with|on|over|in|whether)\b)"
        r"|(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:" + nouns + r")s?(?=\s+of\b))")


class CueFinder:
    """Cues of a masked sentence, first tier or both tiers. The verb cues of the last
    sentence are kept: both passes over one sentence look them up once."""

    def __init__(self) -> None:
        self._verb_cues: tuple[str, list[Cue]] | None = None  # (masked, its verb cues)

    def _verbs(self, masked: str) -> list[Cue]:
        if self._verb_cues is None or self._verb_cues[0] is not masked:
            forms = verb_forms()
            found = []
            for m in _LOWER_WORD.finditer(masked):
                entry = forms.get(m.group())
                if entry is not None:
                    found.append(Cue(m.start(), m.end(), entry[0], entry[1], m.group()))
            self._verb_cues = (masked, found)
        return self._verb_cues[1]

    def find(self, masked: str, broad: bool = False) -> list[Cue]:
        cues = [c for c in self._verbs(masked) if broad or c.base in CUE_VERBS]
        for m in ACCORDING_TO_PATTERN.finditer(masked):
            cues.append(_fixed(m, ACCORDING_TO, "according to"))
        for m in _NOUN_CUE.finditer(masked):
            # "made the claim that", "made a statement: “...”"; not "made his remarks during"
            if _NOUN_CUE_CONTENT.match(masked[m.end():]):
                cues.append(_fixed(m, NOUN_CUE, m.group()))
        for m in _STANCE_CUE.finditer(masked):
            cues.append(_fixed(m, STANCE_CUE, m.group()))
        if broad:
            for m in broad_stance_pattern().finditer(masked):
                cues.append(_fixed(m, STANCE_CUE, m.group()))
            for m in _MAKE_CLEAR.finditer(masked):
                cues.append(_fixed(m, NOUN_CUE, m.group()))
        cues.sort(key=lambda c: c.start)
        return _without_overlaps(cues)


def _fixed(m: re.Match[str], base: str, text: str) -> Cue:
    return Cue(m.start(), m.end(), base, Form.FIXED, text)


def _without_overlaps(cues: list[Cue]) -> list[Cue]:
    """A verb inside a noun or stance cue ("made the claim") is that cue."""
    kept: list[Cue] = []
    for cue in cues:
        if kept and cue.start < kept[-1].end:
            if cue.form is Form.FIXED and kept[-1].form is not Form.FIXED:
                kept[-1] = cue
            continue
        kept.append(cue)
    return kept


def cue_text(cue: Cue, right: str) -> str:
    """The cue as the brief shows it: the verb, with its particle ("played down") or the
    addressee of "told" ("told German Magazine Der Spiegel")."""
    if cue.form is Form.FIXED:
        return re.sub(r"\s+", " ", cue.text).strip()
    words = tokens_of(right.split(MASK)[0])
    if cue.base in ("play", "point") and words:
        return f"{cue.text} {bare(words[0])}"
    if cue.base == "tell":
        kept: list[str] = []
        for w in words[:TELL_OBJECT_MAX_TOKENS]:
            lw = lower_bare(w)
            if (lw in _TELL_OBJECT_STOPS
                    or lw in TIME_WORDS or (lw.endswith("ly") and lw not in NOT_ADVERBS)):
                break
            kept.append(bare(w) if w[-1:] in ",.;:" else w)
            if w[-1:] in ",.;:":
                break
        if kept:
            return f"{cue.text} {' '.join(kept)}"
    return cue.text
