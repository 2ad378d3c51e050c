"""Step 4b, pronouns: who "he", "she", "they" and "it" stand for, by salience.

* "he"/"she" -> the most recent singular person source, or the registered person who
  is the subject opening the current sentence ("Trump made the reference as he
  discussed ...");
* "they" -> the plural subject opening the current sentence ("Democrats also focused
  on what they said"), else the most recent group (a source, or the plural people
  subject of an unattributed sentence: "The central authorities were afraid ... They
  decided"), else a recent organisation;
* "it" -> the most recent organisation or country subject ("the T.T.P. appeared ... it
  claimed"), else the most recent thing;
* an unresolved pronoun is kept as written (sources.py).

Resolving "he" or "she" to a named person whose gender is unknown records that gender
(`Registry.learn_gender`), so a later "she" does not resolve to him.
"""

from __future__ import annotations

from dataclasses import dataclass

from .entities import Registry
from .lexicon import (
    APPROXIMATORS,
    COLLECTIVE_NOUNS,
    DOCUMENT_NOUNS,
    GROUP_QUANTIFIERS,
    NUMBER_WORDS,
    PERSONAL_PRONOUNS,
    PREPOSITIONS,
    SKIPPABLE_ADVERBS,
    SOURCE_NOUNS,
)
from .limits import CENTRE_GROUP_MAX_TOKENS
from .model import MASK, Entity, EntityKind, Gender, Quoted
from .names import head_noun, org_name
from .text import is_cap, lower_bare, singular


@dataclass
class _Latest:
    """The latest entity of each kind, and the sentences of the latest things."""

    person: Entity | None = None
    group: Entity | None = None
    thing: Entity | None = None
    thing_index: int = -1
    subject_org: Entity | None = None
    subject_org_index: int = -1


class _Unset:
    """A lead not looked for yet in the current sentence (looking registers names)."""


_UNSET = _Unset()


class Salience:
    """Pronoun resolution over one article (see the module docstring)."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.phrases = registry.phrases
        self.names = registry.names
        self.latest = _Latest()
        self._sentence = ""
        self._lead_person: Entity | _Unset | None = _UNSET
        self._lead_group: Entity | _Unset | None = _UNSET

    def begin(self, masked: str) -> None:
        """A new sentence: its leading subject is looked for only when a pronoun needs it."""
        self._sentence = masked
        self._lead_person = _UNSET
        self._lead_group = _UNSET

    def pronoun(self, word: str) -> Entity | None:
        if word in ("he", "she"):
            return self._person_for(word)
        if word == "they":
            if isinstance(self._lead_group, _Unset):
                self._lead_group = self._leading_group(self._sentence)
            if self._lead_group is not None:
                return self._lead_group  # "Democrats also focused on what they said was"
            latest = self.latest
            return latest.group or (latest.thing if latest.thing
                                    and latest.thing.kind is EntityKind.ORG else None)
        if word == "it":
            latest = self.latest
            if latest.subject_org is not None and \
                    latest.subject_org_index >= latest.thing_index:
                return latest.subject_org
            return latest.thing or latest.subject_org
        return None  # "I", "we", "you" outside quotes: the author

    def _person_for(self, word: str) -> Entity | None:
        gender = Gender.of_pronoun(word)
        person = self.latest.person
        if isinstance(self._lead_person, _Unset):
            self._lead_person = self._leading_person(self._sentence)
        lead = self._lead_person
        if lead is not None and lead is not person and (
                lead.gender is None or lead.gender is gender):
            person = lead  # "Trump made the reference as he discussed ..."
        if person is None:
            return None
        if person.gender and person.gender is not gender:
            return None
        self.registry.learn_gender(person, gender)
        return person

    def note(self, entity: Entity) -> None:
        """An attributed sentence's source becomes the latest of its kind."""
        self.registry.seen(entity)
        if entity.kind is EntityKind.PERSON:
            self.latest.person = entity
        elif entity.kind is EntityKind.GROUP:
            self.latest.group = entity
        else:
            self.latest.thing = entity
            self.latest.thing_index = self.registry.index

    def centre(self, quoted: Quoted) -> None:
        """An unattributed sentence's subject becomes salient for pronouns."""
        np = self.phrases.leading_np(quoted.masked.split(MASK)[0])
        if not np:
            return
        named = self.names.name_in(np)
        if named is not None:  # a registered person: "Last month Bajwa accompanied ..."
            self._centre_person(np, named)
            return
        head, plural = head_noun(np)
        if (plural and head in SOURCE_NOUNS and head not in DOCUMENT_NOUNS
                and len(np.split()) <= CENTRE_GROUP_MAX_TOKENS
                and singular(lower_bare(np.split()[-1])) == head and self.phrases.np_ok(np)):
            # "The central authorities ... were afraid ... They decided": "they"
            self.latest.group = self.registry.descriptor(np)
            return
        entity: Entity | None
        if head in COLLECTIVE_NOUNS and not plural and self.phrases.np_ok(np):
            entity = self.registry.descriptor(np)  # "the government of ..." -> "it"
        else:
            org = org_name(np)  # "Pakistan has tried ...", "the T.T.P. appeared ..."
            entity = self.registry.org(org) if org is not None else None
        if entity is not None:
            self.latest.subject_org = entity
            self.latest.subject_org_index = self.registry.index

    def _centre_person(self, np: str, named: tuple[str, str, Gender | None]) -> None:
        registry = self.registry
        name = named[0]
        entity = registry.full.get(name) or (
            registry.surname(name, None) if len(name.split()) == 1 else None)
        if entity is None and len(name.split()) >= 2 and np.split()[-1].strip(",") \
                == name.split()[-1]:
            # a full name as the subject: "Bernie Sanders spoke in Iowa. His ..."
            entity = registry.person(
                name, self.names.clean_role(named[1]) if named[1] else None, named[2])
        if entity is not None:
            registry.seen(entity)
            self.latest.person = entity

    def _leading_person(self, masked: str) -> Entity | None:
        """The registered person named by the subject opening a sentence, when no other
        name comes before the first comma: "he" later in it is most likely them."""
        np = self.phrases.leading_np(masked.split(MASK)[0])
        if not np:
            return None
        named = self.names.name_in(np)
        if named is None:
            return None
        name = named[0]
        if len(name.split()) >= 2:
            return self.registry.full.get(name) or self.registry.person(
                name, self.names.clean_role(named[1]) if named[1] else None, named[2])
        return self.registry.surname(name, None)

    def _leading_group(self, masked: str) -> Entity | None:
        """The plural subject opening a sentence ("Democrats", "Trump and other
        Republicans", "the candidates' aides"): "they" later in it is most likely them."""
        np = self.phrases.leading_np(masked.split(MASK)[0].split(",")[0])
        if not np or len(np.split()) > CENTRE_GROUP_MAX_TOKENS or not self.phrases.np_ok(np):
            return None
        tokens = np.split()
        while len(tokens) > 1 and lower_bare(tokens[-1]) in SKIPPABLE_ADVERBS:
            tokens.pop()  # "Democrats also focused on"
        np = " ".join(tokens)
        lower = [lower_bare(t) for t in tokens]
        if lower[0] in PERSONAL_PRONOUNS or lower[0] in GROUP_QUANTIFIERS | NUMBER_WORDS \
                or lower[0] in APPROXIMATORS or any(w in PREPOSITIONS for w in lower):
            return None
        coordinated = "and" in lower[1:-1]
        noun, plural = head_noun(np)
        if not coordinated and not (plural and noun and (
                noun in SOURCE_NOUNS or is_cap(tokens[-1]))):
            return None
        org = org_name(np)
        if org is not None:
            return self.registry.org(org)
        entity = self.registry.descriptor(np)
        return entity if entity.kind is EntityKind.GROUP else None
