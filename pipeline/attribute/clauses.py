"""Step 2c, reading a cue in its clause: does it attribute the sentence, and to whom?

The verb form must agree with what precedes it ("Taliban have claims" is a noun). Cues
inside a relative clause ("what he sees as", "who has pledged"), after "to" ("to
persuade ... to deny"), in the passive ("it can be said") or a reduced relative ("the
fighters mentioned in this story"), after a determiner, number or preposition ("a
request for comment") or in an if/unless clause do not count. A cue of the main clause
wins over one in a subordinate clause ("While critics argue ..., Obama has deemed"),
and both over a participle ("..., accusing Afghanistan of").

The broad tier reads more: controlled infinitives ("refused to say"), purposes ("went
on ABC to defend"), subject relatives ("Sanders, who said"), passives with an agent
("a practice criticized by Miller"), participles of documents and people ("a
statement saying", "voters saying"), gerunds after a preposition ("erred in saying"),
quantified subjects ("Some say", "About one in five say"); its source must be able to
hold a view (`sources.holder`), and a negated stance ("hasn't condemned") is none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .complements import Surroundings, agreement, complement_ok
from .cues import CueFinder, cue_text
from .inflect import control_words, object_control_words, strict_verb_forms
from .lexicon import (
    AUXILIARIES,
    BE_FORMS,
    COLLECTIVE_NOUNS,
    COORDINATORS,
    DEGREE_ADVERBS,
    DETERMINERS,
    GERUND_PREPOSITIONS,
    HAVE_FORMS,
    IMPERATIVE_MARKERS,
    INTENSIFIERS,
    INVERTIBLE,
    IRREGULAR_PLURALS,
    NEGATIONS,
    NOT_ADVERBS,
    NUMBER_WORDS,
    PERSONAL_PRONOUNS,
    PREPOSITIONS,
    PROGRESSIVE_BE,
    RAISERS,
    RELATIVE_PRONOUNS,
    SET_ADVERBIALS,
    SKIPPABLE_ADVERBS,
    STANDALONE_QUANTIFIERS,
    SUBJECT_RELATIVES,
    SUBORDINATE_OPENERS,
)
from .limits import (
    INVERTED_SUBJECT_MAX_TOKENS,
    LEFT_WINDOW_CHARS,
    PURPOSE_LOOKBACK_TOKENS,
    RIGHT_WINDOW_CHARS,
)
from .model import ACCORDING_TO, MASK, Cue, EntityKind, Form, Found, Reading
from .sources import Sources, holder, participle_head
from .text import (
    drop_if_before_cue,
    is_cap,
    is_possessive,
    lower_bare,
    split_clitics,
    strip_leading_fillers,
    tokens_of,
)

# Characters that open a new clause for subject search.
_CLAUSE_BOUNDARY = ";:\x00"
# Clause marks before a cue: the clause holding it starts after the last of them.
_CLAUSE_MARKS = ",;:\x00"
# A dash used as a comma ("Clinton -- who ... -- said").
_DASH = re.compile(r"\s+(?:—|–|--)\s*|\s*(?:—|–|--)\s+|\s+-\s+")
# A set adverbial between commas ("have, in fact, praised"): dropped when only
# auxiliaries and adverbs follow it before the cue.
_PARENTHETICAL_ADVERBIAL = re.compile(r",\s+(?:" + SET_ADVERBIALS + r"),(?=\s)")
# A comma closing a scare quote: 'time,"' ends a clause like 'time,'.
_CLOSING_QUOTE_AFTER_COMMA = re.compile(r",(?:[\"”’']|'')+$")
_AGENT = re.compile(r"\s*by\s+[A-Z]")
_BY = re.compile(r"^\s*by\s+")
_BEFORE_QUOTE = re.compile(r"\x00+")
# Words that make "to" after them no purpose of the subject ("it isn't hard to say").
_IMPERSONAL = ("it", "there", "it's")
# Words that make a relative clause's cue a ratio of people ("nine out of 10 say").
_RATIO_PREPOSITIONS = ("in", "of")


@dataclass(frozen=True)
class _Place:
    """Where a cue stands: the masked text left and right of it."""

    left: str  # the clause left of the cue, dashes and set adverbials normalised
    right: str  # RIGHT_WINDOW_CHARS right of the cue
    post_quote: bool  # the clause opens right after a quote
    window_start: int  # where the left window starts in the sentence


@dataclass
class _Verb:
    """The verb group ending at the cue: the tokens left of it, how many belong to the
    subject side (`j`), its auxiliaries (nearest first) and whether a control word
    ("refused to") was stepped over."""

    tokens: list[str]
    j: int
    auxes: list[str]
    controlled: bool = False

    @property
    def verbal(self) -> list[str]:
        return [a for a in self.auxes if a in AUXILIARIES]

    def before(self, back: int = 1) -> str:
        return lower_bare(self.tokens[self.j - back])


def in_fronted_phrase(masked: str, at: int) -> bool:
    """Whether position `at` lies in a prepositional phrase opening the sentence and
    closed by a comma ("In a statement issued Tuesday, Smith said"): the main clause
    after it holds the sentence's own cue."""
    if max(masked.rfind(ch, 0, at) for ch in _CLAUSE_MARKS) >= 0 or "," not in masked[at:]:
        return False
    tokens = strip_leading_fillers(masked[:at].split())
    return len(tokens) > 1 and lower_bare(tokens[0]) in PREPOSITIONS - {"according"}


def in_subordinate_clause(masked: str, at: int) -> bool:
    """Whether the clause holding position `at` opens with a subordinator or a
    relative ("When Sanders said ...", "what Trump says")."""
    start = max(masked.rfind(ch, 0, at) for ch in _CLAUSE_MARKS) + 1
    tokens = strip_leading_fillers(masked[start:at].split())
    return bool(tokens) and lower_bare(tokens[0]) in SUBORDINATE_OPENERS


class CueReader:
    """Reads the cues of one sentence in their clauses (see the module docstring)."""

    def __init__(self, sources: Sources) -> None:
        self.sources = sources
        self.finder = CueFinder()

    def first(self, masked: str, broad: bool) -> Found | None:
        """The first cue of the main clause that attributes the sentence; else the first
        cue of a subordinate clause; a participle only when nothing else."""
        participial: Found | None = None
        subordinate: Found | None = None
        for cue in self.finder.find(masked, broad):
            reading = self.read(masked, cue, broad)
            if reading is None:
                continue
            if broad and not holder(reading.found.entity):
                continue
            if reading.participle:
                participial = participial or reading.found
                continue
            if in_subordinate_clause(masked, cue.start) or in_fronted_phrase(
                    masked, cue.start):
                subordinate = subordinate or reading.found
                continue
            return reading.found
        return subordinate or participial

    # -- one cue ------------------------------------------------------------------
    def read(self, masked: str, cue: Cue, broad: bool = False) -> Reading | None:
        """What `cue` attributes the sentence to, if anything."""
        place = _place(masked, cue)
        if cue.base == ACCORDING_TO:
            entity, role = self.sources.after(place.right)
            return None if entity is None else Reading(Found(entity, ACCORDING_TO, role))
        tokens = [_CLOSING_QUOTE_AFTER_COMMA.sub(",", t)
                  for t in split_clitics(tokens_of(place.left))
                  if any(c.isalnum() for c in t) or t == ","]
        if tokens and tokens[0] == ",":
            tokens = tokens[1:]
        walked = self._verb_group(tokens, cue, place, broad)
        if not isinstance(walked, _Verb):
            return walked
        verb = walked
        if broad and any(a in NEGATIONS or a.endswith("n't") for a in verb.auxes):
            return None  # "hasn't condemned", "doesn't want": no statement
        if broad:
            agent = self._passive_agent(cue, place, verb)
            if agent is not None:
                return agent
        if not _form_fits(cue, verb):
            return None
        return self._read_clause(masked, cue, place, verb, broad)

    def _read_clause(self, masked: str, cue: Cue, place: _Place, verb: _Verb,
                     broad: bool) -> Reading | None:
        gerund = self._gerund(masked, cue, place, verb, broad)
        if isinstance(gerund, Reading) or gerund is None:
            return gerund
        participle, noun_participle = gerund
        tokens, j = verb.tokens, verb.j
        if broad and j > 0 and lower_bare(tokens[j - 1]) in SUBJECT_RELATIVES \
                and not tokens[j - 1].endswith(","):
            return self._relative(cue, place, verb, broad)
        if j > 0 and not tokens[j - 1].endswith(",") and not noun_participle \
                and not _subject_side_ok(cue, verb, broad):
            return None
        if cue.form is Form.BASE and place.left.rstrip().endswith(",") \
                and place.right.lstrip().startswith(","):
            return None  # "no better than, say, Mr. C": an interjection
        if not complement_ok(cue, self._surroundings(cue, place, verb, broad), broad):
            return None
        text = cue_text(cue, place.right)
        if noun_participle:
            source = self.sources.participle_source(tokens[:j])
            return None if source is None else Reading(Found(source[0], text, source[1]))
        return self._subject_of(cue, text, place, tokens[:j], participle, broad)

    def _surroundings(self, cue: Cue, place: _Place, verb: _Verb,
                      broad: bool) -> Surroundings:
        tokens, j, verbal = verb.tokens, verb.j, verb.verbal
        left = place.left
        finite = (bool(verbal) and verbal[0] in HAVE_FORMS) or (j > 0 and (
            is_cap(tokens[j - 1]) or tokens[j - 1].endswith(",")
            or lower_bare(tokens[j - 1]) in PERSONAL_PRONOUNS))
        last_segment = left.rsplit(",", 1)[-1].split() if "," in left else []
        short_subject = 0 < len(last_segment) <= INVERTED_SUBJECT_MAX_TOKENS and not any(
            lower_bare(t) in PREPOSITIONS or is_possessive(t) or lower_bare(t) in AUXILIARIES
            for t in last_segment)  # "..., Federal Election Commission records show."
        agrees = agreement(cue, tokens[:j], verbal, self.sources.registry.by_last) \
            if broad else 0
        return Surroundings(place.right, place.post_quote, content_before="," in left,
                            agrees=agrees, finite=finite, short_subject=short_subject)

    # -- the verb group -------------------------------------------------------------
    def _verb_group(self, tokens: list[str], cue: Cue, place: _Place,
                    broad: bool) -> _Verb | Reading | None:
        """Walk left from the cue over auxiliaries and adverbs (and, in the broad tier, a
        controlling "refused to"). A purpose ("went on ABC to defend") is read at once;
        a cue after "to" otherwise is none (None)."""
        verb = _Verb(tokens, len(tokens), [])
        while verb.j > 0:
            raw = tokens[verb.j - 1]
            word = lower_bare(raw)
            if raw.endswith(","):
                break
            if is_cap(raw) and verb.j > 1 and is_cap(tokens[verb.j - 2]) and \
                    not is_cap(cue.text):
                break  # a capital inside a name ("Peace Now said"), not in a headline
            if _skippable(word, raw, verb):
                if not verb.controlled:  # the controlling word's auxiliaries are not the cue's
                    verb.auxes.append(word)
                verb.j -= 1
                continue
            if word == "to":
                step = self._before_to(cue, place, verb, broad)
                if step is True:
                    continue
                return step
            break
        return verb

    def _before_to(self, cue: Cue, place: _Place, verb: _Verb,
                   broad: bool) -> Literal[True] | Reading | None:
        """A cue right after "to": True when the walk goes on (a raiser or a control
        word stepped over), else the reading of a purpose, or None."""
        tokens, j = verb.tokens, verb.j
        raiser = next((r for r in RAISERS
                       if tuple(lower_bare(t) for t in tokens[j - 1 - len(r):j - 1]) == r),
                      None)
        if raiser is not None:
            verb.j -= 1 + len(raiser)
            return True
        if broad and not verb.controlled and j > 1 and verb.before(2) in control_words():
            # "refused to say", "is expected to announce", "are more likely to say":
            # the subject of the controlling word is the source
            verb.j -= 2
            verb.controlled = True
            return True
        lookback = tokens[max(0, j - 1 - PURPOSE_LOOKBACK_TOKENS):j - 1]
        if broad and not verb.controlled and j > 1 and not any(
                lower_bare(t) in object_control_words() or lower_bare(t) in BE_FORMS
                or lower_bare(t) in _IMPERSONAL for t in lookback):
            # (not after "to persuade X", "is important", "it isn't hard")
            # a purpose: "Ben Carson went on ABC's This Week to defend ...": the
            # clause's subject, as a participle (other cues of the sentence win)
            entity = self.sources.main_subject(" ".join(tokens[:j - 1]))
            if entity is None or not (entity.named or entity.kind is EntityKind.ORG) \
                    or not complement_ok(cue, Surroundings(place.right, place.post_quote),
                                         True):
                return None
            return Reading(Found(entity, cue_text(cue, place.right)), participle=True)
        return None  # "to persuade Pakistani authorities to deny"

    def _passive_agent(self, cue: Cue, place: _Place, verb: _Verb) -> Reading | None:
        """A broad-tier passive with its agent: "a practice criticized by Miller",
        "opposed by House Republicans"."""
        verbal = verb.verbal
        if cue.form in (Form.PAST, Form.PARTICIPLE) and _AGENT.match(place.right) and (
                any(a in BE_FORMS for a in verb.auxes) or (verb.j > 0 and not verbal)):
            entity, role = self.sources.after(_BY.sub("", place.right))
            if entity is not None and (entity.named or entity.kind is EntityKind.ORG):
                return Reading(Found(entity, f"{cue.text} by", role))
        return None

    # -- -ing forms -----------------------------------------------------------------
    def _gerund(self, masked: str, cue: Cue, place: _Place, verb: _Verb,
                broad: bool) -> tuple[bool, bool] | Reading | None:
        """An -ing cue outside a progressive: a participle of the clause's subject
        ("..., accusing", "by saying", "erred in saying"), of a document or person
        before it ("a statement saying"), or no cue (None). Returns (participle,
        noun participle), or a reading at once ("... the “Golden Week,” saying")."""
        if cue.form is not Form.ING or any(a in PROGRESSIVE_BE for a in verb.auxes):
            return False, False
        tokens, j, auxes, verbal = verb.tokens, verb.j, verb.auxes, verb.verbal
        if j > 0 and tokens[j - 1].endswith(",") and (not auxes or (broad and not verbal)):
            return True, False  # "..., accusing", "..., quickly reminding viewers"
        if broad and not verbal and j > 1 and lower_bare(tokens[j - 1]) in ("and", "or"):
            _comma_before(verb)  # "is breaking her silence and talking up his candidacy"
            return True, False
        if j > 0 and lower_bare(tokens[j - 1]) == "by" and not auxes:
            _comma_before(verb, always=False)  # "Obama punctuated his list by saying ..."
            return True, False
        if broad and not verbal and j > 1 and lower_bare(tokens[j - 1]) in GERUND_PREPOSITIONS:
            _comma_before(verb)  # "erred in saying", "was suspended after slamming"
            return True, False
        if broad and not auxes and j == 0 and place.post_quote:
            # "... eliminated the “Golden Week,” saying that": the sentence's subject
            before_quote = _BEFORE_QUOTE.sub(", ", masked[place.window_start:cue.start])
            entity = self.sources.main_subject(before_quote)
            if entity is None or not complement_ok(cue, Surroundings(place.right, True), True):
                return None
            return Reading(Found(entity, cue_text(cue, place.right)), participle=True)
        if broad and not verbal and j > 0 and participle_head(tokens[j - 1]):
            return False, True
        return None  # gerund or adjective: "the signing agreement"

    # -- the subject ----------------------------------------------------------------
    def _relative(self, cue: Cue, place: _Place, verb: _Verb, broad: bool) -> Reading | None:
        """A subject relative: "Mr. Sanders, who said", "a report that found"."""
        tokens, j = verb.tokens, verb.j
        source = self.sources.antecedent(tokens[:j - 1])
        agrees = agreement(cue, tokens[:j - 1], verb.verbal, self.sources.registry.by_last)
        if source is None or not complement_ok(
                cue, Surroundings(place.right, place.post_quote, agrees=agrees), broad):
            return None
        return Reading(Found(source[0], cue_text(cue, place.right), source[1]))

    def _subject_of(self, cue: Cue, text: str, place: _Place, subject_tokens: list[str],
                    participle: bool, broad: bool) -> Reading | None:
        sources = self.sources
        if subject_tokens and lower_bare(subject_tokens[-1]) in IMPERATIVE_MARKERS:
            return None  # "please note that ...", "Just ask him."
        if not strip_leading_fillers([t.rstrip(",") for t in subject_tokens if t.rstrip(",")]):
            # nothing but adverbs before the cue: the source follows it
            if cue.base not in INVERTIBLE or cue.form is Form.ING:
                return None
            entity, role = sources.after(place.right)
            return None if entity is None else Reading(Found(entity, text, role))
        if participle:
            entity = sources.main_subject(" ".join(subject_tokens))
            return None if entity is None else Reading(Found(entity, text), participle=True)
        comma_before = subject_tokens[-1].endswith(",")
        if comma_before and cue.base in INVERTIBLE and cue.form in (Form.PAST, Form.THIRD):
            inverted = sources.inverted(place.right)  # "..., said Larry Sabato, director of"
            if inverted is not None:
                return Reading(Found(inverted[0], text, inverted[1]))
        source = sources.subject(" ".join(subject_tokens), comma_before)
        if source is None and broad and not comma_before:
            source = sources.broad_subject(subject_tokens)
        if source is None and comma_before and cue.base in INVERTIBLE \
                and cue.form is not Form.ING:
            entity, role = sources.after(place.right)  # "Nor are tariffs likely ..., said X"
            if (entity is not None and entity.kind is not EntityKind.PERSON) \
                    or (entity is not None and (entity.named or entity.head is not None)):
                return Reading(Found(entity, text, role))
        if source is None:
            return None
        return Reading(Found(source[0], text, source[1]))


def _place(masked: str, cue: Cue) -> _Place:
    window_start = max(0, cue.start - LEFT_WINDOW_CHARS)
    boundary = max(masked.rfind(ch, window_start, cue.start) for ch in _CLAUSE_BOUNDARY)
    post_quote = boundary >= 0 and masked[boundary] == MASK
    left = masked[max(boundary + 1, window_start):cue.start]
    left = _DASH.sub(", ", left)
    left = _PARENTHETICAL_ADVERBIAL.sub(drop_if_before_cue, left)  # "have, in fact, praised"
    right = masked[cue.end:cue.end + RIGHT_WINDOW_CHARS]
    return _Place(left, right, post_quote, window_start)


def _skippable(word: str, raw: str, verb: _Verb) -> bool:
    """Whether a word between the subject and the cue belongs to the verb group: an
    auxiliary, an adverb, an intensifier ("Clinton herself has"), "has since said"."""
    tokens, j = verb.tokens, verb.j
    return (word in AUXILIARIES or word in SKIPPABLE_ADVERBS or word in INTENSIFIERS or (
        word.endswith("ly") and len(word) > 3 and word not in NOT_ADVERBS
        and not is_cap(raw)) or (verb.controlled and word in DEGREE_ADVERBS) or (
        word == "since" and j > 1 and lower_bare(tokens[j - 2]) in HAVE_FORMS))


def _form_fits(cue: Cue, verb: _Verb) -> bool:
    """Whether the cue's form agrees with the auxiliaries before it."""
    verbal = verb.verbal
    nearest = verbal[0] if verbal else None  # the auxiliary closest to the cue
    if cue.form in (Form.PAST, Form.PARTICIPLE) and any(a in BE_FORMS for a in verb.auxes):
        return False  # passive: "it can be said", "as the border is called"
    if cue.form is Form.PARTICIPLE and nearest not in HAVE_FORMS:
        return False  # a bare participle: "the biases shown in the report"
    if cue.form is Form.THIRD and nearest is not None:
        return False  # a noun after a verb: "Taiwan have claims"
    if cue.form is Form.BASE and nearest is None and _singular_noun_subject(verb):
        return False  # a noun: "the great federalist hope whom ..."
    # not "has claims", "is report"
    return not (cue.form is Form.BASE and nearest is not None
                and (nearest in HAVE_FORMS or nearest in PROGRESSIVE_BE))


def _singular_noun_subject(verb: _Verb) -> bool:
    """Whether the words before a bare-form cue are a singular noun phrase ("the great
    federalist"), which a present-tense verb without -s cannot follow: "a", "an" or
    "the", then a few lowercase words that are neither pronouns, nor function words,
    nor verbs, the last no plural."""
    words = [lower_bare(t) for t in verb.tokens[:verb.j]]
    opener = max((i for i, w in enumerate(words) if w in ("a", "an", "the")), default=-1)
    phrase = verb.tokens[opener + 1:verb.j]
    if opener < 0 or not phrase or len(phrase) > SINGULAR_SUBJECT_MAX_WORDS:
        return False
    for token in phrase:
        word = lower_bare(token)
        if (is_cap(token) or not word.isalpha() or token.endswith(",")
                or word in PERSONAL_PRONOUNS or word in _FUNCTION_WORDS
                or word in strict_verb_forms() or word.endswith(("ing", "ed"))):
            return False
    last = lower_bare(phrase[-1])
    return not (last.endswith("s") or last in IRREGULAR_PLURALS or last in COLLECTIVE_NOUNS)


# A singular subject noun phrase this long at most: "the great federalist"; a longer
# run is rarely one noun phrase ending right at the verb.
SINGULAR_SUBJECT_MAX_WORDS = 3
_FUNCTION_WORDS = (PREPOSITIONS | COORDINATORS | DETERMINERS | RELATIVE_PRONOUNS
                   | SUBORDINATE_OPENERS | AUXILIARIES | {"to", "not", "no", "where", "when"})


def _comma_before(verb: _Verb, always: bool = True) -> None:
    """The word before the cue ("and", "by", "in") is dropped and the subject side closed
    with a comma, as a participle's subject is read ("..., saying")."""
    tokens = verb.tokens
    verb.j -= 1
    if (always or verb.j > 0) and not tokens[verb.j - 1].endswith(","):
        tokens[verb.j - 1] += ","


def _subject_side_ok(cue: Cue, verb: _Verb, broad: bool) -> bool:
    """Whether the word right before the cue (no comma between) lets it be a verb: not
    a determiner, preposition, number or possessive ("a claim", "for comment"), unless
    a quantified subject ("Some say", "About one in five say"); not a degree adverb
    ("very worried"), nor a relative pronoun ("a birther who has repeatedly pledged")."""
    tokens, j = verb.tokens, verb.j
    before = lower_bare(tokens[j - 1])
    quantifier = (broad and before in STANDALONE_QUANTIFIERS and cue.form is not Form.ING
                  and (j == 1 or tokens[j - 2].endswith(",")
                       or lower_bare(tokens[j - 2]) in COORDINATORS))
    # "About one in five say", "nine out of 10 say": a ratio of people
    quantifier = quantifier or (
        broad and cue.form in (Form.BASE, Form.PAST) and j > 2
        and (before in NUMBER_WORDS or before.isdigit())
        and lower_bare(tokens[j - 2]) in _RATIO_PREPOSITIONS)
    if (before in DETERMINERS or before in PREPOSITIONS or before in NUMBER_WORDS
            or before.replace(",", "").isdigit() or is_possessive(tokens[j - 1])) \
            and not quantifier:
        return False
    if before in DEGREE_ADVERBS:
        return False
    return before not in RELATIVE_PRONOUNS
