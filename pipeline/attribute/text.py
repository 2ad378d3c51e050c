"""Small text helpers: tokens, their bare and lowercase forms, and phrase matching.

The attributor reads masked sentences (quoted spans replaced by MASK) as runs of
white-space separated tokens; punctuation sticks to tokens and is trimmed when a
word is compared with a word list.
"""

from __future__ import annotations

import functools
import re
from functools import lru_cache

from .lexicon import (
    AUXILIARIES,
    CLITICS,
    IRREGULAR_PLURALS,
    LEADING_FILLERS,
    NOT_ADVERBS,
    NOT_FINITE_S_ED,
    PREPOSITIONS,
    SINGULARS,
    SKIPPABLE_ADVERBS,
    SOURCE_NOUNS,
    TIME_WORDS,
)

# A token of masked text (quoted spans split tokens); punctuation trimmed from words.
_TOKEN = re.compile(r"[^\s\x00]+")
_PUNCT = ",.;:!?()[]\"“”‘’'`«»"
# A pronoun with a clitic: "He’s", "they're".
_CLITIC = re.compile(r"(he|she|it|that|who|there|they|we|i|you)('s|'re|'ve|'d|'ll)",
                     re.IGNORECASE)
# Tokens ending in "." that do not end a clause: titles, initials, "U.S.".
_ABBREVIATION = re.compile(r"(?:[A-Z][a-z]{0,3}|(?:[A-Za-z]\.)+[A-Za-z]?|[A-Z])\.")
# A finite lexical verb opening a zero-"that" clause is guessed from an -s/-ed
# word of four letters or more followed by a determiner ("claims ample
# evidence, including confessions and videos, supports these accusations").
_VERB_BEFORE_DETERMINER = re.compile(
    r"(?<![\w’'-])([a-z]{2,}(?:s|ed))\s+(?:the|a|an|these|those|this|its|their|his|her|our|"
    r"my|your)(?![\w-])")
# A closing full stop that belongs to the word: an initialism or a short abbreviation.
_KEPT_FULL_STOP = re.compile(r"(?:\b[A-Z]\.){2,}$|\b(?:Jr|Sr|Inc|Co|Corp|Ltd)\.$")
# Words opening a time phrase at the start of a subject ("On Thursday", "Last month").
_TIME_PHRASE_OPENERS = PREPOSITIONS | {"last", "this", "next", "on", "in"}


def bare(token: str) -> str:
    return token.strip(_PUNCT)


@lru_cache(maxsize=65536)
def lower_bare(token: str) -> str:
    """A token as the word lists hold it: lowercase, punctuation and possessive 's
    trimmed, curly apostrophes straightened; clitics and negations kept."""
    if token in CLITICS:
        return token
    word = bare(token).lower().replace("’", "'")
    if word.endswith("n't"):
        return word
    for suffix in ("’s", "'s"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def tokens_of(text: str) -> list[str]:
    return _TOKEN.findall(text)


def split_clitics(tokens: list[str]) -> list[str]:
    """ "He’s predicting" -> "He", "'s", "predicting" (pronouns only: "Pakistan’s" stays)."""
    out: list[str] = []
    for tok in tokens:
        m = _CLITIC.fullmatch(tok.replace("’", "'"))
        if m:
            out.extend([tok[:len(m.group(1))], m.group(2).lower()])
        else:
            out.append(tok)
    return out


def norm(text: str) -> str:
    """Apostrophes and quotes made ASCII, spaces collapsed: for matching."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split())


def is_cap(token: str) -> bool:
    word = bare(token)
    return bool(word) and word[0].isupper()


def is_possessive(token: str) -> bool:
    word = token.rstrip(",.;:)")
    return word.endswith(("’s", "'s", "s’", "s'"))


def is_adverb(word: str) -> bool:
    """A lowercase word that is a skippable adverb or ends in -ly (not "family")."""
    return word in SKIPPABLE_ADVERBS or (word.endswith("ly") and word not in NOT_ADVERBS)


def clause_prefix(text: str) -> str:
    """Text up to the first ";", ":" or sentence-final "." that ends a word."""
    out: list[str] = []
    for tok in text.split():
        if tok.endswith((";", ":")):
            out.append(tok[:-1])
            break
        if tok.endswith((".", "!", "?")) and not _ABBREVIATION.fullmatch(tok):
            out.append(tok[:-1])
            break
        out.append(tok)
    return " ".join(out)


def finite_verb_before_determiner(text: str) -> bool:
    return any(len(m.group(1)) >= 4 and m.group(1) not in NOT_FINITE_S_ED
               for m in _VERB_BEFORE_DETERMINER.finditer(text))


def drop_if_before_cue(m: re.Match[str]) -> str:
    """A set adverbial between commas is dropped when only auxiliaries and adverbs follow
    it before the cue ("officials have, in fact, praised"), else kept."""
    rest = m.string[m.end():].split()
    if all(lower_bare(t) in AUXILIARIES or lower_bare(t) in SKIPPABLE_ADVERBS
           or lower_bare(t).endswith("ly") for t in rest):
        return " "
    return m.group()


def skip_adverbs(right: str) -> str:
    """The text right of a cue without the adverbs opening it ("again for" -> "for")."""
    pos = 0
    for m in re.finditer(r"\s*([a-z]+)", right):
        if m.start() != pos:
            break
        word = m.group(1)
        if word in SKIPPABLE_ADVERBS or (word.endswith("ly") and len(word) > 3
                                         and word not in NOT_ADVERBS):
            pos = m.end()
            continue
        break
    return right[pos:]


def strip_full_stop(text: str) -> str:
    """`text` without a closing full stop, kept when it ends an initialism ("the T.T.P.",
    "U.S.") or a short abbreviation ("Jr.")."""
    if _KEPT_FULL_STOP.search(text):
        return text
    return text.rstrip(".")


def drop_parentheticals(text: str) -> str:
    return re.sub(r"\s*\([^()]*\)", "", text)


@lru_cache(maxsize=4096)
@functools.lru_cache(maxsize=8192)
def phrase_re(phrase: str, ignore_case: bool, plural: bool) -> re.Pattern[str]:
    """A phrase as whole words (plural -s/-es allowed when `plural`)."""
    body = re.escape(norm(phrase))
    if plural:
        body += r"(?:s|es)?"
    return re.compile(r"(?<![\w])" + body + r"(?![\w])", re.IGNORECASE if ignore_case else 0)


def singular(word: str) -> str:
    if word in IRREGULAR_PLURALS:
        return SINGULARS[word]
    if word.endswith("ies") and word[:-3] + "y" in SOURCE_NOUNS:
        return word[:-3] + "y"
    if word.endswith("s") and word[:-1] in SOURCE_NOUNS:
        return word[:-1]
    return word


def is_plural(word: str) -> bool:
    return word in IRREGULAR_PLURALS or (word != singular(word))


def strip_leading_fillers(tokens: list[str]) -> list[str]:
    """Drop conjunctions, sentence adverbs and time phrases opening a subject."""
    i = 0
    while i < len(tokens):
        word = lower_bare(tokens[i])
        if word in LEADING_FILLERS or (word.endswith("ly") and word not in NOT_ADVERBS
                                        and len(word) > 3 and i + 1 < len(tokens)):
            i += 1
            continue
        if word in _TIME_PHRASE_OPENERS and i + 1 < len(tokens):
            # a time phrase: "On Thursday", "In March", "Last month"
            j = i + 1 if word in PREPOSITIONS else i
            k = j
            while k < len(tokens) and (lower_bare(tokens[k]) in TIME_WORDS
                                       or bare(tokens[k]).isdigit()):
                k += 1
            if k > j and k < len(tokens):
                i = k
                continue
        break
    return tokens[i:]
