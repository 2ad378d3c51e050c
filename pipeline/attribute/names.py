"""What a phrase names: a person (with titles and role words before the name), a
country or organisation, a role, or a descriptor's head noun."""

from __future__ import annotations

import re

from .lexicon import (
    AUXILIARIES,
    COMMON_CAPS,
    COURTESY_TITLES,
    GROUP_QUANTIFIERS,
    NAME_PARTICLES,
    ORG_WORDS,
    PREPOSITIONS,
    QUANTITY_NOUNS,
    RANK_TITLES,
    RELATIVE_PRONOUNS,
    SOURCE_NOUNS,
    TITLE_WORDS,
)
from .model import Gender
from .phrases import Vocabulary, before_relative
from .text import bare, drop_parentheticals, is_cap, is_plural, is_possessive, lower_bare, singular

# Title words that do not end a title run ("former Prime Minister", "then Senator").
_TEMPORAL_TITLES = ("Former", "Then")
# Words that end a descriptor's head search besides prepositions and relatives.
_HEAD_STOPS = ("close", "familiar")
# Determiners and quantifiers that make a descriptor plural ("two officials").
_PLURAL_OPENERS = ("two", "three", "four", "five", "several", "many", "some")
# Role words before a name that are no role noun ("army chief", "national security").
_ROLE_MODIFIERS = ("army", "home", "foreign", "interior", "security", "defense", "defence",
                   "national", "deputy", "senior", "top", "then", "former", "retired", "vice")
_INITIAL = re.compile(r"[A-Z]\.,?")
_ACRONYM = re.compile(r"[A-Z](?:\.?[A-Z])+\.?")

# (name, title or role words before it, gender from a courtesy title)
NamedPerson = tuple[str, str, Gender | None]


def head_noun(text: str) -> tuple[str | None, bool]:
    """Head noun (lowercase singular) of a descriptor and whether it is plural."""
    tokens = text.split()
    cut: list[str] = []
    for k, tok in enumerate(tokens):
        lw = lower_bare(tok)
        if k > 0 and (lw in PREPOSITIONS or lw in RELATIVE_PRONOUNS or lw in _HEAD_STOPS
                      or (lw.endswith("ing") and lw not in SOURCE_NOUNS)):
            if lw == "of" and cut and lower_bare(cut[-1]) in QUANTITY_NOUNS:
                # "A large number of Pakistanis": the source is the "of" object
                rest = tokens[k + 1:]
                if rest:
                    w = lower_bare(rest[0])
                    return singular(w), is_plural(w) or (w.endswith("s") and is_cap(rest[0]))
            break
        cut.append(tok)
    if not cut:
        return None, False
    lowered = [lower_bare(t) for t in cut]
    if len(lowered) == 1 and lowered[0] in GROUP_QUANTIFIERS:
        return lowered[0], True
    for w in reversed(lowered):
        if w in SOURCE_NOUNS or singular(w) in SOURCE_NOUNS:
            return singular(w), is_plural(w)
    w = lowered[-1]
    plural = (w.endswith("s") and not w.endswith("ss")) or lowered[0] in GROUP_QUANTIFIERS \
        or lowered[0] in _PLURAL_OPENERS
    return singular(w), plural


def org_name(seg: str) -> str | None:
    """A country or organisation named by a capitalised run ("India", "The T.T.P.")."""
    tokens = seg.split()
    words = tokens[1:] if tokens and tokens[0].lower() == "the" else tokens
    if not words or len(words) > 6:
        return None
    if not all(is_cap(t) or bare(t).lower() in ("of", "and", "for") for t in words):
        return None
    if bare(words[0]).lower() in COMMON_CAPS or lower_bare(words[0]) in SOURCE_NOUNS:
        return None
    return seg.strip().rstrip(",")


class Names:
    """Names and roles, with the words of one outline."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary

    def name_in(self, seg: str) -> NamedPerson | None:
        """(name, title/role prefix, gender) when the segment names a person.

        The name is the capitalised run closing the segment's main part (a
        prepositional phrase may follow: "Ms. Threlkeld of the Stimson
        Center"); what precedes it is titles and role words ("Pakistan army
        chief General", "Florida delegate", "then Pakistani Prime Minister").
        """
        tokens = drop_parentheticals(seg).split()
        if not tokens:
            return None
        cut = next((k for k, t in enumerate(tokens)
                    if k > 0 and not is_cap(t) and lower_bare(t) in PREPOSITIONS
                    and lower_bare(t) not in NAME_PARTICLES), len(tokens))
        main = tokens[:cut]
        if any(t.endswith((",", ";", ":")) for t in main[:-1]):
            return None
        prefix, run = self._split_name(main)
        gender: Gender | None = None
        prefix, run, gender = self._titles_off(prefix, run)
        for t in prefix:
            if t in COURTESY_TITLES:
                gender = Gender.parse(COURTESY_TITLES[t])
        if not run or len(run) > 5:
            return None
        if any(lower_bare(t) in AUXILIARIES or lower_bare(t) in RELATIVE_PRONOUNS
               for t in prefix):
            return None
        return self._checked_name(prefix, run, gender)

    @staticmethod
    def _split_name(main: list[str]) -> tuple[list[str], list[str]]:
        """The closing run of capitalised words (and particles, initials), and what
        precedes it; everything up to the last title word is title ("Deputy Treasury
        Secretary X")."""
        k = len(main)
        while k > 0:
            word = bare(main[k - 1])
            if is_cap(main[k - 1]) or (word in NAME_PARTICLES and k < len(main)):
                k -= 1
                continue
            break
        run, prefix = main[k:], main[:k]
        last_title = max((i for i, t in enumerate(run[:-1])
                          if t in TITLE_WORDS and t not in _TEMPORAL_TITLES), default=-1)
        if last_title >= 0:
            prefix, run = prefix + run[:last_title + 1], run[last_title + 1:]
        return prefix, run

    def _titles_off(self, prefix: list[str], run: list[str]
                    ) -> tuple[list[str], list[str], Gender | None]:
        """Titles and nationality words opening the run belong to the prefix."""
        gender: Gender | None = None
        while run:
            word = bare(run[0])
            if run[0] in COURTESY_TITLES or word in COURTESY_TITLES:
                gender = Gender.parse(COURTESY_TITLES.get(run[0], COURTESY_TITLES.get(word)))
                run = run[1:]
                continue
            if (run[0] in TITLE_WORDS or word in TITLE_WORDS
                    or word in self.vocabulary.nationality
                    or word.lower() in COMMON_CAPS or is_possessive(run[0])):
                prefix.append(run[0])
                run = run[1:]
                continue
            break
        return prefix, run, gender

    def _checked_name(self, prefix: list[str], run: list[str],
                      gender: Gender | None) -> NamedPerson | None:
        words = [t.rstrip(",;:") if _INITIAL.fullmatch(t) else bare(t) for t in run]
        if any(is_possessive(t) for t in run) or any(w in ORG_WORDS for w in words):
            return None
        if all(_ACRONYM.fullmatch(w) for w in words):
            return None  # an acronym is an organisation: "the T.T.P.", "NATO"
        if all(w in self.vocabulary.nationality for w in words):
            return None
        if words[0].lower() in SOURCE_NOUNS or singular(words[-1].lower()) in SOURCE_NOUNS:
            return None
        return " ".join(words), " ".join(prefix), gender

    def clean_role(self, text: str) -> str | None:
        """A role phrase: relative clauses, courtesy titles and leading 'then' dropped."""
        tokens = before_relative(drop_parentheticals(text).split())
        tokens = [t for t in tokens if t not in COURTESY_TITLES]
        while tokens and lower_bare(tokens[0]) in ("then", "and"):
            tokens = tokens[1:]
        while len(tokens) > 1 and tokens[-1] in RANK_TITLES and any(
                lower_bare(t) in self.vocabulary.role_words for t in tokens[:-1]):
            tokens = tokens[:-1]
        role = " ".join(tokens).strip(" ,.")
        return role or None

    def role_prefix(self, text: str) -> str:
        """The role words right before a name, back to a clause edge."""
        kept: list[str] = []
        for tok in reversed(text.split()):
            lw = lower_bare(tok)
            if (tok in TITLE_WORDS or bare(tok) in self.vocabulary.nationality
                    or lw in self.vocabulary.role_words or lw in _ROLE_MODIFIERS):
                kept.insert(0, tok)
                continue
            break
        return " ".join(kept)
