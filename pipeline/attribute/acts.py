"""The act tier, last: a position taken by an act of the main clause's subject.

When nothing else attributes a sentence, its subject and finite verb ("Mr. Obama set
about persuading President Xi", "Trump didn't apologize for ...", "The Tax Policy
Center ... came to a similar conclusion", "was troubled by") are an attribution as
PolNeAR counts them; so is the named agent of a passive ("a penalty imposed by the
Consumer Financial Protection Bureau"). The result is marked `act`, so a who-said-what
section leaves it out (labels.is_statement).

Not: a subject that cannot take a position (`sources.agent`), a copula that describes
the subject rather than an act of it ("Zach Carter is a co-host", "is in Ohio", "is
expected to"; a progressive "is raising questions" is kept), and outcomes of a contest
("Clinton won both states"): measured on PolNeAR train, these were right in under a
fifth of their sentences.
"""

from __future__ import annotations

import re

from .lexicon import (
    AGENT_OUTCOMES,
    AUXILIARIES,
    COMMON_VERBS,
    DEGREE_ADVERBS,
    DETERMINERS,
    FEELING_COMPLEMENTS,
    FINITE_AUXILIARIES,
    GROUP_QUANTIFIERS,
    HOLDER_NOUNS,
    IRREGULAR_PASTS,
    NEGATIONS,
    NOT_ADVERBS,
    NOT_PARTICIPLES,
    NUMBER_WORDS,
    PREPOSITIONS,
    PROGRESSIVE_BE,
    SKIPPABLE_ADVERBS,
    SOURCE_NOUNS,
    STANCE_COMPLEMENTS,
    TIME_WORDS,
    TIME_WORDS_ORDERED,
)
from .model import MASK, EntityKind, Found
from .phrases import has_verb
from .sources import Sources, agent
from .text import bare, is_adverb, is_cap, lower_bare

# A participle and its agent: "imposed by the Consumer Financial Protection Bureau".
_PASSIVE_AGENT = re.compile(r"\b([a-z]{3,}(?:ed|en))\s+by\s+((?:the\s+)?(?:[A-Z][\w.’'&-]*"
                            r"(?:\s+(?:of|for|and)\s+|\s+)?){1,6})")
# A sentence opening with a name: the capitalised words before the first lowercase one.
_LEADING_NAME = re.compile(r"\s*((?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.\s+)?"
                           r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'.-]+){0,3})\s+(?=[a-z])")
# A short aside between commas after a subject: "it turned out", "he said", "however".
_ASIDE = re.compile(r"(?:it|he|she|they|we|I)\s+\w+(?:\s+\w+)?|however|though|for instance|"
                    r"for example|in fact|of course|meanwhile|too|also|again", re.I)
# An apposition after the subject ("Tom Clarke, a nursing home owner, concocted").
_APPOSITION = re.compile(r"\s*,\s*([^,]{1,80}?),\s*(.*)", re.S)
# A time between the subject and its verb ("Trump last week invited").
_TIME_AFTER_SUBJECT = re.compile(
    r"^\s*(?:(?:last|this|next|on|early|late)\s+)?(?:{})\b".format("|".join(TIME_WORDS_ORDERED)),
    re.I)
# "It is ...": "it" stands for what follows, not for an agent.
_EXPLETIVE_VERB = re.compile(r"(?:\S+\s+){0,2}(?:is|was|be|been|'s|’s)\b")
# Subjects with which no one takes the position ("Virtually no one buys ...").
_NOBODY = ("no", "nobody", "none", "nothing", "neither")


class Acts:
    """The act tier of one article (see the module docstring)."""

    def __init__(self, sources: Sources) -> None:
        self.sources = sources

    def find(self, masked: str) -> Found | None:
        head = masked.split(MASK)[0]
        if not head.strip():
            return None
        phrases = self.sources.phrases
        np = phrases.leading_np(head)
        if np and phrases.np_ok(np) and head.find(np) >= 0:
            found = self._act_of(head, np)
            if found is not None:
                return found
        by = _PASSIVE_AGENT.search(head)
        if by is not None and lower_bare(by.group(1)) not in NOT_PARTICIPLES:
            # the agent of a passive: "a record penalty imposed by the Consumer Financial
            # Protection Bureau", "six were appointed by Democratic presidents"
            entity, role = self.sources.after(head[by.start(2):])
            if entity is not None and agent(entity, self.sources.registry.proper):
                return Found(entity, f"{by.group(1)} by", role, act=True)
        # a name opening the sentence, where the noun phrase reading failed ("Wilmore
        # also likes to ...": "likes" could be a noun): only a known person or body
        name = _LEADING_NAME.match(head)
        if name is None or name.group(1) == np:
            return None
        found = self._act_of(head, name.group(1))
        if found is None or not (found.entity.named or found.entity.kind is EntityKind.ORG):
            return None
        return found

    def _act_of(self, head: str, np: str) -> Found | None:
        """The act of subject `np` opening `head`, if its verb follows."""
        tokens = np.split()
        for k in range(1, len(tokens)):
            if lower_bare(tokens[k]) in TIME_WORDS and all(is_cap(t) for t in tokens[:k]):
                np = " ".join(tokens[:k])  # "Trump last week invited": the time is no name
                break
        lower = [lower_bare(t) for t in np.split()]
        if lower[0] in _NOBODY:
            return None  # no one takes the position: "Virtually no one buys ..."
        rest = head[head.find(np) + len(np):]
        apposition = _APPOSITION.match(rest)
        run = [np]
        if apposition and not has_verb(apposition.group(1).split()):
            run.append(apposition.group(1))  # "Tom Clarke, a nursing home owner, concocted"
            rest = apposition.group(2)
        elif apposition and _ASIDE.fullmatch(apposition.group(1)):
            rest = apposition.group(2)  # "Mr. Trump, it turned out, knew"
        elif rest.lstrip().startswith(","):
            return None
        else:
            rest = _TIME_AFTER_SUBJECT.sub("", rest)  # "Trump last week invited"
        verb = finite_verb(rest.split())
        if verb is None or (lower == ["it"] and _EXPLETIVE_VERB.match(verb)):
            return None  # "It is important to ...": "it" stands for what follows
        if verb.endswith("s") and " " not in verb and (
                lower[-1] in GROUP_QUANTIFIERS | NUMBER_WORDS | DETERMINERS | {"other"}
                or lower[-1].isdigit() or not (is_cap(np.split()[-1])
                                               or lower[-1] in SOURCE_NOUNS | HOLDER_NOUNS)):
            return None  # a plural noun, not a verb: "Both campaigns", "Two emails"
        source = self.sources.from_run(run)
        if source is None or not agent(source[0], self.sources.registry.proper):
            return None
        return Found(source[0], verb, source[1], act=True)


def finite_verb(tokens: list[str]) -> str | None:
    """The finite verb group opening `tokens` ("set", "didn't apologize", "is
    raising"), or None when the clause does not open with an act of its subject."""
    k = 0
    while k < len(tokens) and is_adverb(lower_bare(tokens[k])):
        k += 1  # "Trump also ...", "Clinton quickly ..."
    if k >= len(tokens) or is_cap(tokens[k]):
        return None
    word = lower_bare(tokens[k])
    if not (word in FINITE_AUXILIARIES or word in COMMON_VERBS or word in IRREGULAR_PASTS
            or (word.endswith("ed") and len(word) > 4)
            or (word.endswith("s") and not word.endswith("ss") and len(word) > 3
                and word not in SOURCE_NOUNS)):
        return None
    group = [tokens[k]]
    for tok in tokens[k + 1:k + 4]:
        if lower_bare(group[-1]) not in AUXILIARIES | SKIPPABLE_ADVERBS | NEGATIONS:
            break
        group.append(tok)  # "didn't apologize", "has long been", "is raising"
    words = [lower_bare(t) for t in group]
    if any(w in AGENT_OUTCOMES for w in words):
        return None
    if not _an_act(words, tokens[k + len(group):k + len(group) + 3]):
        return None
    return " ".join(bare(t) for t in group)


def _an_act(words: list[str], following_tokens: list[str]) -> bool:
    """A verb group with a copula is an act only as a progressive ("is raising") or a
    stance ("is eager to", "are mindful of"); a participle only as a feeling ("was
    troubled by"), not a passive ("is scheduled to", "can be said that")."""
    copula = next((n for n, w in enumerate(words) if w in PROGRESSIVE_BE | {"be", "been"}),
                  None)
    if copula is None:
        return True
    following = [lower_bare(t) for t in following_tokens]
    predicate = [w for w in words[copula + 1:] + following
                 if w not in SKIPPABLE_ADVERBS | NEGATIONS | DEGREE_ADVERBS
                 and not (w.endswith("ly") and w not in NOT_ADVERBS)]
    progressive = bool(predicate) and predicate[0].endswith("ing")  # "is raising"
    stance = (len(predicate) >= 2 and predicate[1] in STANCE_COMPLEMENTS
              and predicate[0] not in DETERMINERS | PREPOSITIONS | NUMBER_WORDS
              and not predicate[0].isdigit()
              and not (predicate[0].endswith("ed")
                       and predicate[1] not in FEELING_COMPLEMENTS))
    return progressive or stance
