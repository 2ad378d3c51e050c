"""Word-level tests shared by the rules: sentence ends, capitals, letters, names."""

from __future__ import annotations

from .lexicon import NAME_PARTICLES, NOT_NAME
from .patterns import LETTER, TERMINAL
from .thresholds import NAME_LINE_MAX_TOKENS


def ends_terminal(s: str) -> bool:
    return bool(s) and s[-1] in TERMINAL


def has_letter(s: str) -> bool:
    return LETTER.search(s) is not None


def starts_upper(s: str) -> bool:
    for c in s:
        if c.isalpha():
            return c.isupper()
        if c.isdigit():
            return True
        if c not in "\"'“‘«([¿¡*#•-–— ":
            return False
    return False


def word_tokens(s: str) -> list[str]:
    return s.split()


def is_name_token(tok: str, first: bool) -> bool:
    """A capitalised name word ("Georgi", "Al-Hariri", "J.", "O'Neil"), or a particle."""
    t = tok.strip(",;")
    if not t:
        return False
    if not first and t.lower() in NAME_PARTICLES:
        return True
    if t.lower() in NOT_NAME:
        return False
    if not t[0].isupper():
        return False
    return all(c.isalpha() or c in "-'’." for c in t)


def name_prefix_len(tokens: list[str], max_tokens: int = NAME_LINE_MAX_TOKENS) -> int:
    """How many leading tokens form a personal name (0 if none)."""
    n = 0
    while n < len(tokens) and n < max_tokens and is_name_token(tokens[n], n == 0):
        n += 1
        if tokens[n - 1].endswith(","):
            break
    return n
