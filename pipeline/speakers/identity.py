"""Who is who across the corpus: the mentions of one person or group get one id.

Persons are grouped by surname, then by given name: "James Comey", "James B. Comey"
and "FBI Director James Comey's" are one person (titles, middle initials and the
possessive are not part of the key); "Mosi Raz" and "Mossi Raz" are one person (a
one-letter variant of a given name of four letters or more), "Len" and "Leonard
Burman" too (a short form); "Bill Clinton" and "Hillary Clinton" are two. A surname
written alone ("Clinton", "Mr. Comey") joins the one person of that surname in the
corpus; when there are several, the one its own article names in full, else the one
whose roles share a word with the mention's role; else it stays a person of its own,
known by the surname only, never merged by surname alone.

Unnamed speakers become groups by their label (names.group_label): "Pakistani
officials", "senior Pakistani officials", "Pakistan officials" and "a senior Pakistani
official" are one group; a plural and its singular ("Republicans", "Republican") too.
Documents ("the letter") and mentions naming no one ("they") get no id.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .names import (
    GroupLabel,
    PersonName,
    clean_role,
    content_words,
    described_name,
    fold,
    given_names_agree,
    group_label,
    head_index,
    person_name,
)

# A role's informativeness counts up to this many content words: longer appositions
# ("director of ... and a professor at ...") say no more for being longer.
ROLE_WORDS_CAP = 6


@dataclass(frozen=True)
class Mention:
    """One attributed sentence's speaker, as its article gives it."""

    doc: int  # index of the article in the corpus
    sentence: int
    speaker: str
    role: str | None
    kind: str | None  # "person", "group", "org", "document" (the attributor's)
    named: bool


@dataclass
class Cluster:
    """The mentions found to be one speaker (built here, frozen into a Speaker later)."""

    kind: str  # "person" | "group"
    key: str
    surname: str = ""  # a person's, as written
    mentions: list[Mention] = field(default_factory=list)
    names: Counter[str] = field(default_factory=Counter)  # forms as written, cleaned
    givens: Counter[str] = field(default_factory=Counter)
    roles: list[tuple[str, int]] = field(default_factory=list)  # (clean role, doc)
    qualifiers: Counter[tuple[str, ...]] = field(default_factory=Counter)


@dataclass(frozen=True)
class Parsed:
    """What one distinct mention reads as: a person's name, a group, or one person
    described ("the Republican presidential nominee"), whom the corpus may name."""

    person: PersonName | None = None
    group: GroupLabel | None = None
    described: bool = False


# Determiners that make a singular description one known person ("the president").
DEFINITE = frozenset({"the", "this", "that"})


def parse(mention: Mention, common_words: Callable[[int], frozenset[str]]) -> Parsed:
    if mention.kind == "document":
        return Parsed()
    if mention.named:
        person = person_name(mention.speaker, common_words(mention.doc))
        if person is not None:
            return Parsed(person=person)
    elif mention.kind in ("person", "org") or " by " in mention.speaker:
        # "U.S. Secretary of State Madeleine Albright", "an analysis by Lily Batchelder"
        person = described_name(mention.speaker, common_words(mention.doc))
        if person is not None:
            return Parsed(person=person)
    first = mention.speaker.split()[0].casefold() if mention.speaker.split() else ""
    described = mention.kind == "person" and first in DEFINITE
    return Parsed(group=group_label(mention.speaker, one_person=mention.kind == "person"
                                    and not described), described=described)


def _group_key(label: GroupLabel) -> str:
    """"Republicans" and "Republican" alike."""
    words = label.key.split()
    if words and len(words[-1]) > 3 and words[-1].endswith("s"):
        words[-1] = words[-1][:-1]
    return " ".join(words)


class Clustering:
    """Mentions in, clusters out (`clusters()`); see the module docstring."""

    def __init__(self, texts: Sequence[str], synonyms: dict[str, str] | None = None) -> None:
        self.texts = texts
        # words the outline declares one affiliation ("GOP" and "Republican"), folded
        self.synonyms = synonyms or {}
        self._roles_by_head: dict[str, list[tuple[Cluster, frozenset[str]]]] | None = None
        self._common: dict[int, frozenset[str]] = {}
        self.persons: dict[str, list[Cluster]] = defaultdict(list)  # by surname key
        self.groups: dict[str, Cluster] = {}
        self.lone_surnames: list[tuple[Mention, PersonName]] = []

    def common_words(self, doc: int) -> frozenset[str]:
        if doc not in self._common:
            self._common[doc] = frozenset(re.findall(r"\b[a-z]+\b", self.texts[doc]))
        return self._common[doc]

    def add_all(self, mentions: Sequence[Mention]) -> list[Cluster]:
        parsed: dict[tuple[str, str | None, bool, int], Parsed] = {}
        full: list[tuple[Mention, PersonName]] = []
        described: list[tuple[Mention, GroupLabel]] = []
        for m in mentions:
            key = (m.speaker, m.kind, m.named, m.doc)
            if key not in parsed:
                parsed[key] = parse(m, self.common_words)
            found = parsed[key]
            if found.person is not None and found.person.given:
                full.append((m, found.person))
            elif found.person is not None:
                self.lone_surnames.append((m, found.person))
            elif found.group is not None and found.described:
                described.append((m, found.group))
            elif found.group is not None:
                self._add_group(m, found.group)
        # the commonest full forms first, so a variant joins the form most write
        counts = Counter(p.full for _, p in full)
        for m, person in sorted(full, key=lambda mp: (-counts[mp[1].full], mp[1].full)):
            self._add_person(m, person)
        for m, person in self.lone_surnames:
            self._add_surname(m, person)
        for m, label in described:
            person_cluster = self._described(m, label)
            if person_cluster is not None:
                _record(person_cluster, m, canonical_name(person_cluster), None)
            else:
                self._add_group(m, label)
        clusters = [c for bucket in self.persons.values() for c in bucket]
        return clusters + list(self.groups.values())

    def _add_person(self, m: Mention, person: PersonName) -> None:
        bucket = self.persons[fold(person.surname)]
        given = person.given
        cluster = next((c for c in bucket if c.givens and all(
            given_names_agree(given, g) for g in c.givens)), None)
        if cluster is None:
            cluster = Cluster("person", fold(person.full), person.surname)
            bucket.append(cluster)
        _record(cluster, m, person.full, person)
        cluster.givens[given] += 1

    def _add_surname(self, m: Mention, person: PersonName) -> None:
        key = fold(person.surname)
        bucket = self.persons[key]
        named = [c for c in bucket if c.givens]
        if not named and key in self.common_words(m.doc):
            return  # "Peace" alone, a word the article uses as a word: no one known
        cluster = named[0] if len(named) == 1 else self._disambiguate(m, named)
        if cluster is None:
            cluster = next((c for c in bucket if not c.givens), None)
            if cluster is None:
                cluster = Cluster("person", key, person.surname)
                bucket.append(cluster)
        _record(cluster, m, person.full, person)

    def _disambiguate(self, m: Mention, candidates: list[Cluster]) -> Cluster | None:
        """Of several people sharing a surname, the one the mention's article names in
        full, else the one whose roles share a word with the mention's role."""
        if not candidates:
            return None
        text = self.texts[m.doc]
        in_article = [c for c in candidates
                      if any(mm.doc == m.doc for mm in c.mentions)
                      or any(name in text for name in c.names if " " in name)]
        if len(in_article) == 1:
            return in_article[0]
        role = clean_role(m.role)
        if role:
            words = set(fold(role).split())
            sharing = [c for c in (in_article or candidates)
                       if any(words & set(fold(r).split()) for r, _ in c.roles)]
            if len(sharing) == 1:
                return sharing[0]
        return None

    def _described(self, m: Mention, label: GroupLabel) -> Cluster | None:
        """The one person a definite description fits: a person whose role, as the
        corpus gives it, holds the description's words and has its head noun ("the
        president" -> the person known as "President"), preferring those its own
        article quotes; None when no one or several fit."""
        words = [self.synonyms.get(w, w) for w in fold(label.label).split()]
        if not words:
            return None
        if self._roles_by_head is None:
            self._roles_by_head = self._index_roles()
        fits: list[Cluster] = []
        for cluster, role_words in self._roles_by_head.get(words[-1], []):
            if set(words) <= role_words and not any(f is cluster for f in fits):
                fits.append(cluster)
        if len(fits) > 1:
            fits = [c for c in fits if any(mm.doc == m.doc for mm in c.mentions)]
        return fits[0] if len(fits) == 1 else None

    def _index_roles(self) -> dict[str, list[tuple[Cluster, frozenset[str]]]]:
        """Every person's current roles by their head noun (the last word before a
        preposition: "adviser" of "adviser to the campaign"), a role held no longer
        left out: built once, so fitting descriptions costs a lookup each."""
        index: dict[str, list[tuple[Cluster, frozenset[str]]]] = defaultdict(list)
        for bucket in self.persons.values():
            for cluster in bucket:
                for role in dict.fromkeys(r for r, _ in cluster.roles):
                    words = [self.synonyms.get(w, w) for w in fold(role).split()]
                    if not words or PAST_MARKERS & set(words):
                        continue
                    index[words[head_index(words)]].append((cluster, frozenset(words)))
        return index

    def _add_group(self, m: Mention, label: GroupLabel) -> None:
        key = _group_key(label)
        cluster = self.groups.get(key)
        if cluster is None:
            cluster = self.groups[key] = Cluster("group", key)
        _record(cluster, m, label.label, None)
        cluster.qualifiers[label.qualifiers] += 1


# A role held no longer does not make its holder "the president".
PAST_MARKERS = frozenset({"former", "retired", "ex", "late", "then"})


def _record(cluster: Cluster, m: Mention, name: str, person: PersonName | None) -> None:
    cluster.mentions.append(m)
    cluster.names[name] += 1
    role = clean_role(m.role)
    if role:
        cluster.roles.append((role, m.doc))
    if person is not None and person.titles:
        titled = clean_role(" ".join(person.titles))
        if titled:
            cluster.roles.append((titled, m.doc))


def canonical_name(cluster: Cluster) -> str:
    """A person's fullest form (most words), then the commonest, then the first in
    order; a group's commonest label, with the qualifiers all its mentions share."""
    if cluster.kind == "group":
        label = max(cluster.names, key=lambda n: (cluster.names[n], n))
        label = " ".join(w for w in (_shared_qualifiers(cluster), label) if w)
        return label[:1].upper() + label[1:]
    return max(cluster.names, key=lambda n: (len(n.split()), cluster.names[n], n))


def _shared_qualifiers(cluster: Cluster) -> str:
    """Qualifiers every mention of a group carries ("senior"): part of its label."""
    if len(cluster.qualifiers) == 1:
        (only,) = cluster.qualifiers
        return " ".join(only)
    return ""


def canonical_role(cluster: Cluster, surnames: frozenset[str] = frozenset()
                   ) -> tuple[str | None, tuple[str, ...]]:
    """The most informative role the sources give: the one more articles give, weighed
    then by how much it says; and every role, best first. A role naming another person of
    the corpus (`surnames`: theirs, as written) is a phrase the attributor cut from the
    wrong place ("Presidential candidates Hillary Clinton" for Donald Trump)."""
    docs: dict[str, set[int]] = defaultdict(set)
    counts: Counter[str] = Counter()
    others = surnames - {cluster.surname}
    for role, doc in cluster.roles:
        if others and any(w.strip(",.’'") in others for w in role.split()):
            continue
        docs[role].add(doc)
        counts[role] += 1
    ranked = sorted(docs, key=lambda r: (-len(docs[r]), -min(content_words(r), ROLE_WORDS_CAP),
                                         -counts[r], len(r), r))
    return (ranked[0] if ranked else None), tuple(ranked)
