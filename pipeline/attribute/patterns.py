"""Step 2d, attributions with no cue verb, tried when no cue of either tier attributes a
sentence: a credit line after a quote (`” ― Jane Doe`), a name and a verb closing a
quote (`“...,” Trump shot back.`), a headline colon (`Trump: ...`, `Q: ...`), "To
Sharp, ...", "in a CNN poll", a reply withheld ("did not immediately respond to a
request for comment"), a possessor and a statement noun ("Pence's call for", "his
criticism of"). Also two corrections of what a cue found: a share of people ("67
percent of voters said ... in a Post poll") is the poll's, and "..., according to X."
closing a sentence makes X the outer source of all it reports.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import inflect
from .cues import ACCORDING_TO_PATTERN
from .lexicon import (
    AUXILIARIES,
    COLON_LABELS,
    COMMON_CAPS,
    CUE_NOUN_FOLLOWERS,
    CUE_NOUNS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    INVERTIBLE,
    POLL_NOUNS,
    PREPOSITIONS,
    SHARE_OPENERS,
    SOURCE_NOUNS,
)
from .limits import COLON_QUOTE_MIN_CHARS, CUE_NOUN_LOOKAHEAD_CHARS
from .model import ACCORDING_TO, CREDIT_CUE, MASK, EntityKind, Form, Found
from .names import head_noun, org_name
from .sources import Sources, holder
from .text import lower_bare


# A short capitalised head before a colon opening the sentence: "Trump: I'll win",
# "Q: Did you ...", "Paul Ryan: FBI Decision Defies Explanation".
def _inverted_verb(head: str) -> str:
    """The reporting verb an inverted colon head opens with ("Says McCarty", "Adds
    Smith"), lowercased, or "": an invertible cue verb (data/verbs.tsv) in the third
    person or past, then at least one more word."""
    words = head.split()
    if len(words) < 2:
        return ""
    found = inflect.verb_forms().get(words[0].lower())
    if found and found[0] in INVERTIBLE and found[1] in (Form.THIRD, Form.PAST):
        return words[0].lower()
    return ""


_COLON_HEAD = re.compile(
    r"\s*((?:[A-Z][\w.’'&-]*\s+){0,3}[A-Z][\w.’'&-]*)\s*:\s+(?=\S)")
# Words (or a quotation) after a colon head: at least two make it a statement.
_WORD_OR_QUOTE = re.compile(r"[^\W\d_]{2,}|\x00+")
# A viewpoint opener: "To Sharp, Trump is ...", "For many Democrats, the decision ...".
_VIEWPOINT = re.compile(r"\s*(To)\s+([^,\x00]{2,60}?),\s+(?=\S)")
# A poll or study as the source: "led ... in a CNN national poll", "in Monday's poll".
POLL_SOURCE = re.compile(
    r"(?<![\w-])(in|by|In|By)\s+"
    r"((?:a|an|the|this|that|its|his|her|their|last|[A-Z][\w.-]*(?:'s|’s))"
    r"\s+(?:(?!(?:of|to|in|on|for|and)\s)[^\s\x00,;:]+\s+){0,6}?"
    r"(?:" + POLL_NOUNS + r"))(?![\w-])(?!\s+(?:to|of)\b)")
# A reply withheld: "did not immediately respond to", "declined to comment".
_NO_RESPONSE = re.compile(
    r"(?<![\w-])(?:(?:did|does|do|has|have|had|could|would)(?: not|n[’']t)\s+"
    r"(?:immediately\s+|yet\s+)?(?:"
    r"(?:respond|reply)(?:ed)?(?=\s+to\b)"  # "did not respond to"
    r"|(?:respond|reply|return)(?:ed)?(?=\s+(?:a|an|the|his|her|their|several|repeated)\s+"
    r"(?:\w+\s+)?(?:requests?|calls?|messages?|emails?|e-mails?|questions?|inquir\w+)\b)"
    r")|declined to comment)(?![\w-])")
# A statement noun and its content: "Rubio's response was that ...", "his answer is:".
_CONTENT_COPULA = re.compile(r"\s*(?:was|is|has been|had been)\s*(?:that\b|:|\x00)")
# The word after a statement noun.
_NEXT_WORD = re.compile(r"\s*(\x00|[,:.;]|[\w’'-]+)")
_POSSESSIVE_END = re.compile(r"(?:’s|'s|’|')$")
# A closing quote and a dash crediting the speaker, closing the sentence:
# "“... our greatest shame.” ― Sonya Herridge".
_DASH_CREDIT = re.compile(
    r"(?:^[\s\x00”\"’']*|\x00\s*|[”\"]\s*)[―—–]\s*"
    r"([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})"
    r"[.,]?\s*$")
# After a quote, a name and a past or present verb closing the sentence ("“...,” Trump
# shot back.") or the verb first ("“...,” opined the Plain Dealer.").
_QUOTE_THEN_VERB = re.compile(
    r"\s*\x00[\x00\s,]*(?P<np>(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*|[Hh]e|[Ss]he|[Tt]hey)"
    r"\s+(?P<v>[a-z]{3,}(?:ed|s)|[a-z]{3,}(?=\s+(?:back|up|out|off)\b))"
    r"(?:\s+(?:back|on|up|out|in|off|again|later|[a-z]+ly|"
    r"[A-Z][a-z]+day))*\s*[.!]?\s*")
_QUOTE_VERB_FIRST = re.compile(
    r"\s*\x00[\x00\s,]*(?P<v>[a-z]{3,}ed)\s+(?P<np>(?:[A-Z][\w.’'-]*\s+){0,3}"
    r"[A-Z][\w.’'-]*)\s*[.!]?\s*")
# A source named by numbers: a share of people ("67 percent of voters").
_SHARE = re.compile(r"(?:\w+\s+)?(?:\d|" + SHARE_OPENERS + r")")
# "..., according to X." closing a sentence: X and nothing more.
_FINAL_SOURCE = re.compile(r"[^,;:]{3,120}?[.!?]?[”\"’']*")
# Possessive pronouns before a statement noun, and the pronoun each stands for.
_POSSESSOR_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}
# Pronouns that may close a quote as its speaker ("“...,” he said.").
_QUOTE_PRONOUNS = frozenset({"he", "she", "they"})


@lru_cache(maxsize=1)
def noun_cue_pattern() -> re.Pattern[str]:
    """A possessor and a noun of statement: "Pence's call for", "his support for"."""
    nouns = "|".join(sorted(CUE_NOUNS, key=len, reverse=True))
    return re.compile(
        r"(?<![\w’'-])((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.-]*(?:’s|'s|’|')|[Hh]is|[Hh]er|"
        r"[Tt]heir|[Ii]ts)\s+(?:[a-z-]+\s+){0,2}?(" + nouns + r")(?![\w-])")


class Patterns:
    """The cue-less patterns of one article (see the module docstring)."""

    def __init__(self, sources: Sources) -> None:
        self.sources = sources

    def colon_head(self, masked: str) -> Found | None:
        """ "Trump: ...", "Q: ...": a short capitalised head and a colon open the sentence."""
        m = _COLON_HEAD.match(masked)
        if m is None:
            return None
        head = m.group(1)
        verb = _inverted_verb(head)
        if verb:  # "Says McCarty: ..." (inverted): McCarty says it
            head = head.split(None, 1)[1]
        if head.isupper() and len(head.split()) > 1 and any(
                lower_bare(t) in AUXILIARIES | PREPOSITIONS | DETERMINERS
                for t in head.split()):
            return None  # a shouted label, not a name: "FIX IS IN:", "STAT OF THE WEEK:"
        rest = masked[m.end():]
        if lower_bare(head.split()[-1]) not in COLON_LABELS \
                and (len(_WORD_OR_QUOTE.findall(rest)) >= 2
                     or rest.startswith(MASK * COLON_QUOTE_MIN_CHARS)):
            # (or a quotation follows the head: 'Clinton: "Our goal is ..."')
            source = self.sources.from_run([head])
            if source is not None:
                return Found(source[0], verb or ":", source[1])
        return None

    def find(self, masked: str) -> Found | None:
        """The first cue-less pattern that attributes the sentence (the colon head was
        tried before the cue passes)."""
        for pattern in (self._dash_credit, self._quote_then_verb, self._viewpoint,
                        self._poll, self._no_response, self._statement_noun):
            found = pattern(masked)
            if found is not None:
                return found
        return None

    def _dash_credit(self, masked: str) -> Found | None:
        m = _DASH_CREDIT.search(masked)
        if m is None:
            return None
        source = self.sources.from_run([m.group(1)])
        if source is not None and (source[0].named or source[0].kind is EntityKind.ORG):
            return Found(source[0], CREDIT_CUE, source[1])
        return None

    def _quote_then_verb(self, masked: str) -> Found | None:
        m = _QUOTE_THEN_VERB.fullmatch(masked) or _QUOTE_VERB_FIRST.fullmatch(masked)
        if m is None or lower_bare(m.group("np")) in COMMON_CAPS - _QUOTE_PRONOUNS:
            return None
        source = self.sources.from_run([m.group("np")])
        return None if source is None else Found(source[0], m.group("v"), source[1])

    def _viewpoint(self, masked: str) -> Found | None:
        m = _VIEWPOINT.match(masked)
        if m is None:
            return None
        holder = m.group(2)
        head, _plural = head_noun(holder)
        named = self.sources.names.name_in(holder)
        if (named is not None or org_name(holder) is not None
                or (head in SOURCE_NOUNS and head not in DOCUMENT_NOUNS)):
            source = self.sources.from_run([holder])
            if source is not None:
                return Found(source[0], m.group(1).lower(), source[1])
        return None

    def _poll(self, masked: str) -> Found | None:
        m = POLL_SOURCE.search(masked)
        if m is None:
            return None
        source = self.sources.from_run([m.group(2)])
        return None if source is None else Found(source[0], m.group(1).lower(), source[1])

    def _no_response(self, masked: str) -> Found | None:
        """ "The mayor's office did not immediately respond to a request for comment": a
        reply withheld is a position the source takes."""
        m = _NO_RESPONSE.search(masked)
        if m is None:
            return None
        clause = masked[:m.start()]
        clause = clause[max(clause.rfind(ch) for ch in ";:\x00") + 1:]
        entity = self.sources.main_subject(clause) if clause.strip() else None
        if entity is not None and holder(entity):
            return Found(entity, m.group(0).strip())
        return None

    def _statement_noun(self, masked: str) -> Found | None:
        """ "Pence's call for a special prosecutor", "his support for the bill"."""
        for m in noun_cue_pattern().finditer(masked):
            after = masked[m.end():m.end() + CUE_NOUN_LOOKAHEAD_CHARS]
            nxt = _NEXT_WORD.match(after)
            if nxt is None or not (nxt.group(1) in ("\x00", ":") or lower_bare(nxt.group(1))
                                   in CUE_NOUN_FOLLOWERS or _CONTENT_COPULA.match(after)):
                continue
            owner = m.group(1)
            pronoun = _POSSESSOR_PRONOUNS.get(owner.lower())
            if pronoun is not None:
                entity = self.sources.salience.pronoun(pronoun)
                if entity is None:
                    continue
                return Found(entity, m.group(2))
            source = self.sources.from_run([_POSSESSIVE_END.sub("", owner)])
            if source is not None and holder(source[0]):
                return Found(source[0], m.group(2), source[1])
        return None

    # -- corrections of what a cue found ------------------------------------------
    def poll_for_share(self, found: Found, masked: str) -> Found:
        """A share of people ("67 percent of voters said ... in a Post poll") speaks for
        the poll that measured it."""
        entity = found.entity
        if entity.kind in (EntityKind.GROUP, EntityKind.PERSON) and not entity.named \
                and _SHARE.match(entity.name.lower()):
            poll = POLL_SOURCE.search(masked)
            if poll is not None:
                source = self.sources.from_run([poll.group(2)])
                if source is not None:
                    return Found(source[0], found.cue, source[1])
        return found

    def final_according_to(self, masked: str) -> Found | None:
        """ "..., according to X." closing a sentence with no quotation: X is the outer
        source of all the sentence reports ("The White House is considering ..., according
        to military officials"). Quoted words stay with the one who spoke them."""
        last = None
        for match in ACCORDING_TO_PATTERN.finditer(masked):
            last = match
        if last is None or last.start() == 0 or MASK in masked:
            return None
        before = masked[:last.start()].rstrip()
        tail = masked[last.end():].strip()
        if not before.endswith(",") or not _FINAL_SOURCE.fullmatch(tail):
            return None
        entity, role = self.sources.after(masked[last.end():])
        if entity is None:
            return None
        return Found(entity, ACCORDING_TO, role)
