"""Step 4a, the entity registry of one article: every person, group, organisation and
document that speaks in it, so that later mentions resolve to earlier ones.

* Names with titles or appositions anywhere before ("Balochistan Home Minister Mir
  Ziaullah Langove", "Moeed Yusuf, Pakistan's national security adviser") give full
  names and roles (`register_names`); "Langove", "Mr. Khan", "Ms. Threlkeld" resolve to
  the person with that last name, the one whose role fits an apposition ("Khan, the
  prime minister"), else the most recently mentioned; outline member aliases are the
  fallback (`person`).
* "the cleric", "his relative", "The doctor" resolve to the earlier descriptor with the
  same (or a synonymous) head noun, unless it adds a name ("The PPIC poll" after "a new
  poll" is another poll) (`descriptor`).

Entities are records the registry owns and alone changes: a longer form of a name
renames the entity ("Ziaullah Langove" -> "Mir Ziaullah Langove"), a first stated role
or gender is kept, and every mention moves `last_seen` to the current sentence. Every
sentence attributed to the entity sees those changes (module docstring of model.py).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..outline import Actor
from .lexicon import (
    COLLECTIVE_NOUNS,
    COURTESY_TITLES,
    DETERMINERS,
    DOCUMENT_NOUNS,
    HEAD_SYNONYMS,
    NAME_PARTICLES,
    ORG_WORDS,
    PREPOSITIONS,
    TITLE_WORDS,
)
from .model import Entity, EntityKind, Gender, SegmentKind
from .names import Names, head_noun
from .phrases import Phrases, before_relative
from .text import bare, is_cap, lower_bare

# Determiners and possessives that make a descriptor refer back ("the cleric").
_DEFINITE = ("the", "his", "her", "their", "its", "this", "these", "those")
# Courtesy titles dropped from an outline member's alias ("Mr. Qureshi" -> "Qureshi").
_ALIAS_TITLES = ("Mr. ", "Ms. ", "Mrs. ")
# "Name Surname, role words," anywhere in a sentence: a person and a role.
_APPOSITION = re.compile(
    r"(?<![\w’'])((?:[A-Z][\w’'-]+\s+){1,3}[A-Z][\w’'-]+), ([^,\x00]{3,90}),")
# A chunk of a sentence between clause marks, where a title and a name are looked for.
_CHUNK = re.compile(r"[^,;:\x00]+")
_INITIAL_END = re.compile(r"\b[A-Z]\.$")
_THE = re.compile(r"^(?:the|The)\s+")
_LOWER_WORDS = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def title_name_pattern() -> re.Pattern[str]:
    """A title word followed by two or more capitalised name words."""
    titles = sorted(TITLE_WORDS - set(COURTESY_TITLES) - {"Former", "Then"}, key=len,
                    reverse=True)
    particles = "|".join(sorted(NAME_PARTICLES))
    name_word = r"(?:[A-Z][\w’'-]*\.?|" + particles + r")"
    return re.compile(
        r"(?<![\w.])((?:" + "|".join(re.escape(w) for w in titles) + r"))"
        r"\s+(" + name_word + r"(?:\s+" + name_word + r")+)"
    )


class Registry:
    """The speakers of one article (see the module docstring)."""

    def __init__(self, actors: tuple[Actor, ...], phrases: Phrases, names: Names) -> None:
        self.actors = actors
        self.phrases = phrases
        self.names = names
        self.persons: list[Entity] = []
        self.by_last: dict[str, list[Entity]] = {}
        self.by_token: dict[str, list[Entity]] = {}
        self.full: dict[str, Entity] = {}
        self.descriptors: dict[tuple[str, bool], Entity] = {}  # (head, group) -> latest
        self.orgs: dict[str, Entity] = {}
        # words capitalised inside a sentence somewhere in the article: proper names, as
        # opposed to common words capitalised only because they open one ("Pressure")
        self.proper: set[str] = set()
        self.index = 0  # the sentence being read

    # -- changes to entities ------------------------------------------------
    def seen(self, entity: Entity) -> None:
        """`entity` is mentioned in the current sentence."""
        entity.last_seen = self.index

    def learn_gender(self, entity: Entity, gender: Gender) -> None:
        """A pronoun resolved to a named person tells their gender, if not known."""
        if entity.gender is None and entity.named:
            entity.gender = gender

    def _rename(self, entity: Entity, name: str) -> None:
        """A longer form of a registered name becomes the entity's name."""
        self.full.pop(entity.name, None)
        entity.name = name
        self._index_person(entity)

    # -- people ---------------------------------------------------------------
    def person(self, name: str, role: str | None, gender: Gender | None) -> Entity:
        """The entity for a name, resolving surnames; created when new."""
        name = name.strip()
        tokens = name.split()
        entity: Entity | None = None
        if len(tokens) >= 2 and name in self.full:
            entity = self.full[name]
        elif len(tokens) == 1:
            entity = self.surname(tokens[0], role)
            if entity is None:
                entity = self._member_alias(tokens[0], gender)
        elif len(tokens) >= 2:
            entity = self._longer_or_shorter(name, tokens)
        if entity is None:
            entity = Entity(name=name, kind=EntityKind.PERSON, named=True, role=role,
                            gender=gender)
            self.persons.append(entity)
            self._index_person(entity)
        if entity.role is None and role:
            entity.role = role
        if entity.gender is None and gender:
            entity.gender = gender
        self.seen(entity)
        return entity

    def _longer_or_shorter(self, name: str, tokens: list[str]) -> Entity | None:
        """A longer or shorter form of a registered name ("Ziaullah Langove")."""
        candidates = [e for e in self.by_last.get(tokens[-1], [])
                      if set(tokens) <= set(e.name.split())
                      or set(e.name.split()) <= set(tokens)]
        if not candidates:
            return None
        entity = max(candidates, key=lambda e: e.last_seen)
        if len(tokens) > len(entity.name.split()):
            self._rename(entity, name)
        return entity

    def _index_person(self, entity: Entity) -> None:
        tokens = entity.name.split()
        self.full[entity.name] = entity
        self.by_last.setdefault(tokens[-1], [])
        if entity not in self.by_last[tokens[-1]]:
            self.by_last[tokens[-1]].append(entity)
        for tok in tokens[:-1]:
            self.by_token.setdefault(tok, [])
            if entity not in self.by_token[tok]:
                self.by_token[tok].append(entity)

    def surname(self, surname: str, role_hint: str | None) -> Entity | None:
        """The registered person a last name (or another name word) stands for."""
        candidates = [e for e in self.by_last.get(surname, []) if len(e.name.split()) > 1]
        if not candidates:
            candidates = [e for e in self.by_token.get(surname, []) if len(e.name.split()) > 1]
        if not candidates:
            return None
        if len(candidates) > 1 and role_hint:
            hint = {w for w in _LOWER_WORDS.findall(role_hint.lower())
                    if w not in DETERMINERS and w not in PREPOSITIONS}
            fitting = [e for e in candidates
                       if e.role and hint & set(_LOWER_WORDS.findall(e.role.lower()))]
            if fitting:
                candidates = fitting
        return max(candidates, key=lambda e: e.last_seen)

    def _member_alias(self, surname: str, gender: Gender | None) -> Entity | None:
        """An outline member whose name ends with, or alias is, the surname."""
        for actor in self.actors:
            for member in actor.members:
                aliases = set()
                for alias in member.aliases:
                    for title in _ALIAS_TITLES:
                        alias = alias.replace(title, "")
                    aliases.add(alias)
                if member.name.split()[-1] == surname or surname in aliases:
                    entity = Entity(name=member.name, kind=EntityKind.PERSON, named=True,
                                    gender=gender)
                    self.persons.append(entity)
                    self._index_person(entity)
                    return entity
        return None

    # -- bodies and descriptors -----------------------------------------------
    def org(self, text: str) -> Entity:
        key = _THE.sub("", text).strip()
        entity = self.orgs.get(key)
        if entity is None:
            entity = Entity(name=text.strip(), kind=EntityKind.ORG)
            self.orgs[key] = entity
        self.seen(entity)
        return entity

    def descriptor(self, text: str) -> Entity:
        """An unnamed source; "the X"/"his X" joins an earlier X."""
        text = text.strip().rstrip(",.")
        tokens = text.split()
        display = " ".join(before_relative(tokens))
        head, plural = head_noun(display)
        if " and " in f" {display} " and not re.search(r"\bas well as\b", display):
            plural = True
        kind = EntityKind.PERSON
        if head in DOCUMENT_NOUNS:
            kind = EntityKind.DOCUMENT
        elif plural:
            kind = EntityKind.GROUP
        elif head in COLLECTIVE_NOUNS:
            kind = EntityKind.ORG
        first = lower_bare(tokens[0]) if tokens else ""
        if first in _DEFINITE and head:
            earlier = self._earlier_descriptor(head, kind, tokens)
            if earlier is not None:
                self.seen(earlier)
                return earlier
        entity = Entity(name=display, kind=kind, head=head)
        if head:
            self.descriptors[(head, kind is EntityKind.GROUP)] = entity
        self.seen(entity)
        return entity

    def _earlier_descriptor(self, head: str, kind: EntityKind,
                            tokens: list[str]) -> Entity | None:
        """The most recently mentioned earlier descriptor with the same (or a synonymous)
        head, unless this one adds a name the earlier one lacks."""
        group = next((g for g in HEAD_SYNONYMS if head in g), frozenset({head}))
        earlier = [e for h in group
                   if (e := self.descriptors.get((h, kind is EntityKind.GROUP))) is not None]
        names = {bare(t) for t in tokens[1:] if is_cap(t)}
        earlier = [e for e in earlier if not names - {bare(t) for t in e.name.split()}]
        return max(earlier, key=lambda e: e.last_seen) if earlier else None

    # -- names anywhere in a sentence -------------------------------------------
    def register_names(self, masked: str) -> None:
        """Titles and appositions anywhere in a sentence give full names and roles."""
        for m in _CHUNK.finditer(masked):
            self._register_titled(m.group())
        # apposition: "Moeed Yusuf, Pakistan's national security adviser,"
        for m in _APPOSITION.finditer(masked):
            seg = m.group(2)
            if not self.phrases.role_like(seg) or self.phrases.segment_kind(seg) not in (
                    SegmentKind.NOUN_PHRASE, SegmentKind.RELATIVE):
                continue
            named = self.names.name_in(m.group(1))
            if named is None or len(named[0].split()) < 2:
                continue
            self.person(named[0], self.names.clean_role(seg), named[2])

    def _register_titled(self, chunk: str) -> None:
        """A title and a name: "Deputy Treasury Secretary Lawrence Summers"."""
        for t in title_name_pattern().finditer(chunk):
            name_words = t.group(2).split()
            last_title = max((i for i, w in enumerate(name_words[:-1]) if w in TITLE_WORDS),
                             default=-1)
            titles, name_words = name_words[:last_title + 1], name_words[last_title + 1:]
            if len(name_words) < 2 or any(w in ORG_WORDS for w in name_words):
                continue
            if name_words[0].rstrip(".") in self.names.vocabulary.nationality:
                continue
            name = " ".join(name_words)
            if name.endswith(".") and not _INITIAL_END.search(name):
                name = name[:-1]
            prefix = (chunk[:t.start(2)] + " " + " ".join(titles)).strip()
            # role words just before the name: "Pakistan army chief General"
            self.person(name, self.names.clean_role(self.names.role_prefix(prefix)), None)
