"""Step 3, sources: the noun phrase that said it, left of a cue or right of it.

The subject left of the cue is the clause after the last quote, colon or subordinator,
split at commas into a head and its appositions ("Shah Mahmood Qureshi, Pakistani
foreign minister, warned"); after a quote or a sentence adverb it is the noun phrase
right of the cue ("...,” said Michael Kugelman, deputy director ..."); "according to
X" takes X. Set adverbials ("have, in fact, praised") and subjectless adverbial
clauses ("Powell's office, when contacted by Reuters, said") are skipped. "I"/"we"/
"you" outside quotes are the author and reader: not attributed. Each source found
becomes an entity of the article's registry (`source_from_run`).
"""

from __future__ import annotations

import re

from .entities import Registry
from .inflect import verb_forms
from .lexicon import (
    APPROXIMATORS,
    AUTHOR_PRONOUNS,
    AUXILIARIES,
    COMMON_CAPS,
    COMMON_VERBS,
    COORDINATORS,
    COUNTRY_WORDS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    GENERIC_SUBORDINATORS,
    GROUP_QUANTIFIERS,
    HOLDER_NOUNS,
    NUMBER_WORDS,
    OBJECT_PRONOUNS,
    ORG_WORDS,
    PARTICIPLE_DOCUMENTS,
    PARTITIVES,
    PARTY_ADJECTIVES,
    PERSONAL_PRONOUNS,
    PREPOSITIONS,
    RELATIVE_PRONOUNS,
    SOURCE_NOUNS,
    STANDALONE_QUANTIFIERS,
    SUBORDINATE_OPENERS,
    SUBORDINATORS,
    TIME_WORDS,
    WH_COMPLEMENTIZERS,
)
from .limits import MAX_SUBJECT_TOKENS
from .model import MASK, Entity, EntityKind, Form, SegmentKind
from .names import org_name
from .phrases import adverbial_clause, has_verb
from .salience import Salience
from .text import (
    bare,
    clause_prefix,
    drop_parentheticals,
    is_cap,
    is_possessive,
    lower_bare,
    singular,
    strip_full_stop,
    strip_leading_fillers,
)

# A source and the role its sentence states (apposition or title), if any.
Source = tuple[Entity, str | None]

# A day closing a name is when, not who: "Priebus later Thursday told", "Trump on
# Monday night said" (not "a report filed Thursday").
_TRAILING_DAY = re.compile(
    r"(?:\s+(?:early|late|later|earlier|on|last|this|next))*\s+(?:Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?$")
# Segments that keep a source: a noun phrase, a relative clause, "including ...".
_RUN_KINDS = (SegmentKind.NOUN_PHRASE, SegmentKind.RELATIVE, SegmentKind.INCLUDING)
# Words that open a clause right of a cue, never a source ("said that", "says whether").
_CLAUSE_OPENERS = ("that", "whether", "if", "how", "what", "why", "when")
# Words that may open an inverted source ("..., says one GOP source").
_INVERTED_OPENERS = ("a", "an", "the", "one", "two", "three", "several", "some", "many")
# Words that may carry a participle cue as its subject ("those saying", "one saying").
_PARTICIPLE_PRONOUNS = ("those", "one", "others", "many", "some", "anyone", "someone")
# Fractions and ratios that stand for people ("two-thirds support", "one in five say").
_FRACTION = re.compile(r"[a-z]+-(?:thirds?|quarters?|fifths?|halves|half)")
_RATIO = re.compile(r"\b(?:\w+|\d+) (?:in|out of) (?:\w+|\d+)$")


class Sources:
    """Finds the source of a cue and registers it (see the module docstring)."""

    def __init__(self, registry: Registry, salience: Salience) -> None:
        self.registry = registry
        self.salience = salience
        self.phrases = registry.phrases
        self.names = registry.names

    # -- from a head segment and its appositions --------------------------------
    def from_run(self, run: list[str]) -> Source | None:
        """Entity and stated role from a head segment and its appositions."""
        run = [strip_full_stop(drop_parentheticals(s).strip()) for s in run]
        if run and len(run[0].split()) > 1:
            day = _TRAILING_DAY.search(run[0])
            if day is not None and is_cap(run[0][:day.start()].split()[-1]):
                run[0] = run[0][:day.start()]  # "Priebus later Thursday told"
        run = [s for s in run if s]
        if not run:
            return None  # only a parenthesis or a full stop: "(AP)", "."
        words = run[0].split()
        lower0 = lower_bare(words[0])
        if len(words) == 1 and lower0 in PERSONAL_PRONOUNS:
            return self._pronoun_source(words[0], lower0)
        apposition_role = self._apposition_role(run)
        named = self._named_source(run, apposition_role)
        if named is not None:
            return named
        for seg in run[:2]:  # a country or an organisation
            org = org_name(seg)
            if org is not None:
                return self.registry.org(org), apposition_role if seg is not run[0] else None
        # a descriptor, extended by "including ..." segments
        descriptor = run[0]
        for seg in run[1:]:
            if self.phrases.segment_kind(seg) is SegmentKind.INCLUDING:
                descriptor += ", " + seg
        role = apposition_role if apposition_role and apposition_role != run[0] else None
        return self.registry.descriptor(descriptor), role

    def _pronoun_source(self, word: str, lower: str) -> Source | None:
        if lower in AUTHOR_PRONOUNS:
            return None  # "I think", "we've asked": the author's own voice
        entity = self.salience.pronoun(lower)
        if entity is None:  # no antecedent: keep the pronoun as written
            entity = Entity(name=bare(word), kind=EntityKind.GROUP if lower == "they"
                            else EntityKind.PERSON)
        return entity, None

    def _apposition_role(self, run: list[str]) -> str | None:
        """The role stated by an apposition that names no one ("..., deputy director")."""
        for seg in run:
            if self.phrases.segment_kind(seg) is SegmentKind.NOUN_PHRASE \
                    and self.phrases.role_like(seg) and self.names.name_in(seg) is None:
                return self.names.clean_role(seg)
        return None

    def _named_source(self, run: list[str], apposition_role: str | None) -> Source | None:
        """A person named in one of the segments."""
        for seg in run:
            if self.phrases.segment_kind(seg) is SegmentKind.INCLUDING:
                continue  # "religious leaders, including Pope John Paul II, called": the group
            named = self.names.name_in(seg)
            if named is None:
                continue
            name, prefix, gender = named
            role = apposition_role or (self.names.clean_role(prefix) if prefix else None)
            return self.registry.person(name, role, gender), role
        return None

    # -- left of a cue ------------------------------------------------------------
    def subject(self, left: str, comma_before: bool) -> Source | None:
        """The source left of a cue: a head with its appositions, or None."""
        segments = [s.strip() for s in drop_parentheticals(left).split(",")]
        segments = [s for s in segments if any(c.isalnum() for c in s)]
        if not segments:
            return None
        if not comma_before and len(segments) > 1 and self.phrases.time_phrase(segments[-1]):
            # a time between the subject and its verb: "Reince Priebus, the GOP chairman,
            # this past week announced"
            return self.subject(", ".join(segments[:-1]) + ",", True)
        if comma_before:
            return self._subject_before_comma(segments)
        if segments[-1].lower() in COORDINATORS and len(segments) > 1:
            np = self.phrases.leading_np(", ".join(segments[:-1]))  # "..., but told"
            return self.from_run([np]) if np and self.phrases.np_ok(np) else None
        if len(segments) > 1 and _unclosed_apposition(segments[-2], segments[-1]):
            # "Dana Whitfield, chief engineer for Governor Ann Smith's water board warned":
            # the writer left out the comma closing the apposition
            return self._subject_before_comma(segments)
        tokens = self._clause_subject_tokens(segments[-1].split())
        if tokens is None:
            return None
        tokens = strip_leading_fillers(tokens)
        if not tokens:
            return None
        if lower_bare(tokens[-1]) in COORDINATORS:
            return self._coordinated_subject(left, tokens)
        text = " ".join(tokens)
        if not self.phrases.np_ok(text):
            # "The report was released and officials said": the clause after "and"
            for k in range(len(tokens) - 1, 0, -1):
                if lower_bare(tokens[k - 1]) in COORDINATORS:
                    tail = " ".join(tokens[k:])
                    if self.phrases.np_ok(tail):
                        return self.from_run([tail])
                    break
            return None
        return self.from_run([text])

    def _subject_before_comma(self, segments: list[str]) -> Source | None:
        """A subject whose last segment closes with a comma before the cue: appositions
        and skippable segments are walked back to the head."""
        if segments[-1].lower() in COORDINATORS:
            # "..., but told city leaders": the verbs share the sentence's subject
            np = self.phrases.leading_np(", ".join(segments[:-1]))
            return self.from_run([np]) if np and self.phrases.np_ok(np) else None
        run: list[str] = []
        for seg in reversed(segments):
            kind = self.phrases.segment_kind(seg)
            if kind is SegmentKind.ADVERB and not run:
                continue  # "Langove, however, denied"
            if kind in (SegmentKind.PREPOSITIONAL, SegmentKind.PARTICIPLE) and not run:
                continue  # "Mr. Trump, in a brief interview on Saturday, said"
            if kind is SegmentKind.STOP and not run and seg is not segments[0] and (
                    adverbial_clause(seg)
                    or lower_bare(seg.split()[0]) in SUBORDINATE_OPENERS - {"that"}):
                continue  # "Powell's office, when contacted by Reuters, said",
                # "Clinton, after the scandal broke in March, initially said"
            if kind in _RUN_KINDS:
                run.insert(0, seg)
                continue
            break
        while run and self.phrases.segment_kind(run[0]) is SegmentKind.RELATIVE:
            run.pop(0)
        if not run:
            return None
        head_tokens = strip_leading_fillers(run[0].split())
        if not head_tokens:
            return None
        run[0] = " ".join(head_tokens)
        if self.phrases.segment_kind(run[0]) is not SegmentKind.NOUN_PHRASE \
                or not self.phrases.np_ok(run[0]):
            return None
        return self.from_run(run)

    def _clause_subject_tokens(self, tokens: list[str]) -> list[str] | None:
        """The subject's tokens in the last segment: a relative clause before the cue
        ("One journalist who requested ... said") keeps its head; "umbrella that they
        believe" embeds the cue; "an interview in which he says" has its own subject.
        Without a relative, the subject starts after the last subordinator or
        complementizer. None: no subject here."""
        for k, tok in enumerate(tokens):
            word = lower_bare(tok)
            if word not in RELATIVE_PRONOUNS:
                continue
            nxt = tokens[k + 1] if k + 1 < len(tokens) else ""
            object_relative = (lower_bare(nxt) in PERSONAL_PRONOUNS
                               or lower_bare(nxt) in DETERMINERS or is_cap(nxt))
            if k > 0 and lower_bare(tokens[k - 1]) in PREPOSITIONS and object_relative:
                return tokens[k + 1:]  # "in which he says"
            if k == 0 and word in ("what", "which"):
                return None
            if k > 0 and object_relative:
                return None
            if k > 0:
                return tokens[:k]
        for k in range(len(tokens) - 1, -1, -1):
            word = lower_bare(tokens[k])
            if word in SUBORDINATORS and k < len(tokens) - 1:
                if lower_bare(tokens[-1]) in COORDINATORS and not has_verb(tokens[k + 1:-1]):
                    # no clause after it: "has cast Clinton as unqualified and accused"
                    # coordinates the verbs of the clause around it
                    continue
                if word in GENERIC_SUBORDINATORS:
                    return None
                return tokens[k + 1:]
            if word == "that" and k < len(tokens) - 1:
                return tokens[k + 1:]
        return tokens

    def _coordinated_subject(self, left: str, tokens: list[str]) -> Source | None:
        """Coordinated verbs share the clause's subject: "Pakistan opposed ... and
        accused"; across appositions: "Donald Trump, her opponent, bemoaned ... and said"."""
        whole = self.phrases.leading_np(left)
        if whole and self.phrases.np_ok(whole):
            source = self.from_run([whole])
            if source is not None and (source[0].named or source[0].kind is EntityKind.ORG):
                return source
        np = self.phrases.leading_np(" ".join(tokens[:-1]))
        if np is None:
            return None
        return self.from_run([np])

    def main_subject(self, left: str) -> Entity | None:
        np = self.phrases.leading_np(left)
        if np is None or not self.phrases.np_ok(np):
            return None
        source = self.from_run([np])
        return source[0] if source else None

    def broad_subject(self, tokens: list[str]) -> Source | None:
        """A subject the clause-level search missed: the noun phrase right before the cue
        ("... which critics said", "what Gilbert called", "than aides say")."""
        segment: list[str] = []
        for tok in reversed(tokens):
            if tok.endswith((",", ";", ":")) and segment:
                break
            segment.insert(0, tok)
        if any(lower_bare(tok) in GENERIC_SUBORDINATORS for tok in segment):
            return None  # "if officials say": no statement
        return self.trailing_np(segment, as_subject=True)

    def antecedent(self, tokens: list[str]) -> Source | None:
        """The head a subject relative clause hangs on: "Mr. Sanders, who said" -> Sanders."""
        if not tokens:
            return None
        if tokens[-1].endswith(","):
            source = self.subject(" ".join(tokens), True)
            if source is not None:
                return source
            tokens = tokens[:-1] + [tokens[-1].rstrip(",")]
        return self.trailing_np(tokens)

    def trailing_np(self, tokens: list[str], as_subject: bool = False) -> Source | None:
        """The noun phrase ending a run of tokens, walking left to a verb, preposition,
        relative pronoun or comma ("67 percent of voters", "Ted Cruz and Marco Rubio").
        As the subject of a cue it may not be the object of a verb or of "to"
        ("to calm Russian fears")."""
        kept, stopper, stop_at = _walk_back_np(tokens)
        if not kept:
            return None
        # a preposition opening the clause ("In a statement issued"), not one inside a
        # noun phrase ("tallies by Kantar Media show")
        forms = verb_forms()
        clause_preposition = stopper in PREPOSITIONS and stopper != "than" and (
            stop_at == 0 or tokens[stop_at - 1][-1:] in ",;:")
        if as_subject and (stopper == "to" or stopper in COMMON_VERBS or clause_preposition or (
                stopper in forms and forms[stopper][1] in (Form.THIRD, Form.PAST))
                or (stopper.endswith("ed") and stopper not in AUXILIARIES)):
            return None  # an object: "worked to calm Russian fears", "In a statement issued"
        kept = strip_leading_fillers(kept)
        if not kept:
            return None
        head = kept[-1]
        word = lower_bare(head)
        if not (is_cap(head) or word in PERSONAL_PRONOUNS or singular(word) in SOURCE_NOUNS
                or word in STANDALONE_QUANTIFIERS or word in PARTITIVES
                or (word.endswith("s") and not word.endswith("ss") and len(word) > 3)):
            return None
        if lower_bare(kept[0]) in AUTHOR_PRONOUNS:
            return None
        if len(kept) > MAX_SUBJECT_TOKENS:
            return None
        return self.from_run([" ".join(kept).rstrip(",")])

    # -- right of a cue -------------------------------------------------------------
    def after(self, right: str) -> tuple[Entity | None, str | None]:
        """The source right of an inverted cue or "according to"."""
        text = clause_prefix(right.split(MASK)[0])
        segments = [s.strip() for s in drop_parentheticals(text).split(",") if s.strip()]
        if not segments:
            return None, None
        tokens = strip_leading_fillers(segments[0].split())
        if not tokens:
            return None, None
        run = [" ".join(tokens)]
        for seg in segments[1:]:
            kind = self.phrases.segment_kind(seg)
            if kind in _RUN_KINDS and (kind is not SegmentKind.NOUN_PHRASE
                                       or self.phrases.role_like(seg)):
                run.append(seg)
            else:
                break
        first = lower_bare(run[0].split()[0])
        if not self.phrases.np_ok(run[0]) or first in OBJECT_PRONOUNS \
                or first in _CLAUSE_OPENERS or all(
                lower_bare(t) in TIME_WORDS or bare(t).isdigit() for t in run[0].split()):
            return None, None  # ("said Friday.": a time, not a source)
        return self.from_run(run) or (None, None)

    def inverted(self, right: str) -> Source | None:
        """The source of an inverted cue closing a sentence ("..., said Larry Sabato,
        director of the Center for Politics.", "..., says one GOP source in the room."):
        a name or a determiner phrase right after the cue, and no clause of its own."""
        first = re.match(r"\s*([\w.’'-]+)", right)
        if first is None or lower_bare(first.group(1)) in TIME_WORDS | WH_COMPLEMENTIZERS \
                or not (is_cap(first.group(1))
                        or lower_bare(first.group(1)) in _INVERTED_OPENERS):
            return None
        clause = right.split(MASK)[0]
        if has_verb(clause.split(",")[0].split()[1:]):
            return None  # "..., said Tuesday that", "..., says Trump is wrong"
        entity, role = self.after(right)
        if entity is None or not (entity.named or entity.kind is not EntityKind.PERSON
                                  or entity.head is not None):
            return None
        return entity, role

    def participle_source(self, tokens: list[str]) -> Source | None:
        """The source of "X issued a statement saying": the clause's subject for a
        document, else the noun phrase carrying the participle ("GOP voters saying")."""
        word = lower_bare(tokens[-1])
        single = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
        if word in PARTICIPLE_DOCUMENTS or single in PARTICIPLE_DOCUMENTS:
            np = self.phrases.leading_np(" ".join(strip_leading_fillers(tokens)))
            if np and self.phrases.np_ok(np) and len(np.split()) < len(tokens):
                source = self.from_run([np])
                if source is not None:
                    return source
        return self.trailing_np(tokens)


def _walk_back_np(tokens: list[str]) -> tuple[list[str], str, int]:
    """The tokens of the noun phrase ending `tokens` (walking left), the word that
    stopped the walk and its index (-1 when none)."""
    kept: list[str] = []
    forms = verb_forms()
    for k in range(len(tokens) - 1, -1, -1):
        tok = tokens[k]
        word = lower_bare(tok)
        if kept and tok[-1:] in ",;:":
            break
        if not kept and word in PERSONAL_PRONOUNS:
            kept.append(tok)
            break
        if word in ("of",) and kept and k > 0 and lower_bare(tokens[k - 1]) in PARTITIVES:
            kept.insert(0, tok)
            continue
        if word in APPROXIMATORS and kept and (lower_bare(kept[0]) in PARTITIVES
                                              or lower_bare(kept[0]) in NUMBER_WORDS
                                              or bare(kept[0])[:1].isdigit()
                                              or "-" in kept[0]):
            kept.insert(0, tok)  # "About three-quarters", "nearly 40 percent of"
            continue
        if word in ("and", "&") and kept and k > 0 and is_cap(tokens[k - 1]) \
                and is_cap(kept[0]):
            kept.insert(0, tok)  # "Cruz and Rubio"
            continue
        if (word in AUXILIARIES or word in RELATIVE_PRONOUNS or word in SUBORDINATORS
                or word in PREPOSITIONS or word in PERSONAL_PRONOUNS or word in COORDINATORS
                or word in ("than", "to", "not", "there") or word in COMMON_VERBS
                or (not is_cap(tok) and word in forms
                    and forms[word][1] in (Form.THIRD, Form.PAST))
                or (not is_cap(tok) and word.endswith("ed") and word not in SOURCE_NOUNS)):
            return kept, word, k
        kept.insert(0, tok)
        if word in DETERMINERS:
            break
    return kept, "", -1


def participle_head(token: str) -> bool:
    """Whether a word may carry a participle cue: "a statement saying", "voters saying"."""
    if token[-1:] in ",;:":
        return False
    word = lower_bare(token)
    if is_possessive(token):
        return False
    single = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    return (word in PARTICIPLE_DOCUMENTS or single in PARTICIPLE_DOCUMENTS
            or (singular(word) in SOURCE_NOUNS and word not in DOCUMENT_NOUNS)
            or word in _PARTICIPLE_PRONOUNS
            or (is_cap(token) and word not in COMMON_CAPS and word not in TIME_WORDS
                and bare(token) not in COUNTRY_WORDS and word not in PARTY_ADJECTIVES))


def holder(entity: Entity) -> bool:
    """Whether a source found by the broad tier can hold a view: a person, a named
    body, a pronoun, a people noun; not "the death toll" nor "a crackdown"."""
    if entity.named or entity.kind in (EntityKind.ORG, EntityKind.DOCUMENT):
        return True
    words = entity.name.split()
    if len(words) == 1 and lower_bare(words[0]) in PERSONAL_PRONOUNS:
        return True
    head = entity.head
    if head is None:
        return False
    if head.endswith("s") and head[:-1] in HOLDER_NOUNS:
        head = head[:-1]
    if _FRACTION.fullmatch(head) or _RATIO.search(entity.name.lower()):
        return True  # "two-thirds support", "About one in five say"
    return (head in SOURCE_NOUNS or head in HOLDER_NOUNS or head in GROUP_QUANTIFIERS
            or head in PARTITIVES
            or head in STANDALONE_QUANTIFIERS
            or any(is_cap(w) and lower_bare(w).rstrip("s") == head.rstrip("s")
                   for w in words))


def agent(entity: Entity, proper: set[str]) -> bool:
    """Whether the subject of an act can take a position: a person, a named body, a
    pronoun, a people noun. Stricter than `holder`: a capitalised word opening the
    sentence is not enough ("Pressure is mounting on Islamabad")."""
    words = entity.name.split()
    if len(words) == 1 and lower_bare(words[0]) in PERSONAL_PRONOUNS:
        return False  # a pronoun with no antecedent: "It is important to ..."
    if len(words) == 1 and not (
            bare(words[0]) in proper or words[0].isupper()
            or words[0].endswith("s") or words[0] in COUNTRY_WORDS
            or words[0] in ORG_WORDS):
        return False  # "Pressure is mounting": capitalised only as the first word
    if entity.named or entity.kind in (EntityKind.ORG, EntityKind.DOCUMENT):
        return True
    head = entity.head or ""
    single = head[:-1] if head.endswith("s") else head
    if head in SOURCE_NOUNS | HOLDER_NOUNS or single in SOURCE_NOUNS | HOLDER_NOUNS:
        return True
    # a capitalised group ("Republicans", "House Democrats"), not a common noun
    # capitalised only because it opens the sentence
    return any(is_cap(w) and lower_bare(w) == head and (k > 0 or head.endswith("s"))
               for k, w in enumerate(words))


def _unclosed_apposition(name: str, role: str) -> bool:
    """Whether "NAME, ROLE" before a cue is a name and its apposition with no closing
    comma: a run of two to four capitalised words (not opening with a preposition or a
    determiner) then a lowercase phrase of two words or more."""
    words, role_words = name.split(), role.split()
    return (2 <= len(words) <= 4 and all(is_cap(w) for w in words)
            and lower_bare(words[0]) not in PREPOSITIONS | DETERMINERS
            and len(role_words) >= 2 and role_words[0][:1].islower()
            and lower_bare(role_words[0]) not in PERSONAL_PRONOUNS)

