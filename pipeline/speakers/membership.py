"""Which actor a speaker belongs to: one answer per person or group, from all their
mentions together.

Every form of the speaker's name (or group label) is matched with every role the
sources give (attribute/actors.py: members and aliases, descriptors, affiliations,
a country speaking, nationality with role, role alone) together with the party tags
the articles give the person ("Sen. Ted Cruz (R-Tex.)", "Goodlatte, R-Va.,"). The
strongest evidence wins (`HOW_STRENGTH`), and the person an actor's descriptor or
affiliation is named after ("Trump campaign") belongs to it before any role says
otherwise; between actors with equally strong
evidence, the one more mentions support, then the outline's order; a role word that two
actors share ("senator") decides nothing (attribute/actors.py). A one-word alias
("Clinton") admits a person only when their given name does not contradict the
member's ("Bill Clinton" is no alias match for member "Hillary Clinton").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from ..attribute.actors import HOW_STRENGTH, ActorMatcher
from ..attribute.model import Entity, EntityKind
from ..outline import Actor
from .identity import Cluster
from .lexicon import COMMON_CAPS, TITLE_ABBREVIATIONS, TITLE_WORDS
from .names import fold, given_names_agree, person_name

# A party tag after a name: "Jason Chaffetz (R-Utah)", "Bob Goodlatte, R-Va.,",
# "(D-Calif.)": the name's last word, then a party letter (one to three capitals) and a
# state or district.
PARTY_TAG = re.compile(
    r"(?:([A-Z][\w'’-]+)\s+)?([A-Z][\w'’-]+)(?:,\s*|\s*\(\s*)([A-Z]{1,3})\s*[-–]\s*[A-Z][A-Za-z.]+(?:\s[A-Z][a-z.]+)?"
    r"\s*(?:\)|,)")

# What every tag holds: one to three capitals, a dash, a capital ("R-Va", "DFL-Minn").
PARTY_LETTER = re.compile(r"\b[A-Z]{1,3}\s*[-–]\s*[A-Z]")


def party_tags(text: str) -> dict[str, list[tuple[str, str]]]:
    """Surname key -> (the word before it, the party letter) for each tag an article
    gives ("Bobby Scott (D-Va.)" and "Tim Scott (R-S.C.)" are two Scotts)."""
    tags: dict[str, list[tuple[str, str]]] = defaultdict(list)
    if not PARTY_LETTER.search(text):
        return tags  # no "R-Va." anywhere: the full pattern backtracks over every name
    for m in PARTY_TAG.finditer(text):
        tags[fold(m.group(2))].append((m.group(1) or "", m.group(3)))
    return tags


def _looks_like_given(word: str) -> bool:
    """A capitalised word that is neither a title ("Sen.") nor a sentence opener."""
    return (word[:1].isupper() and word not in TITLE_WORDS and word not in TITLE_ABBREVIATIONS
            and word.casefold() not in COMMON_CAPS)


class Membership:
    """The actor of each cluster, for one outline and corpus."""

    def __init__(self, actors: Sequence[Actor], texts: Sequence[str]) -> None:
        self.actors = tuple(actors)
        self.order = {a.id: i for i, a in enumerate(actors)}
        self.matcher = ActorMatcher(self.actors)
        self.texts = texts
        self._tags: dict[int, dict[str, list[tuple[str, str]]]] = {}
        # surname key -> the most quoted person of that surname (`know_people`)
        self.eponyms: dict[str, Cluster] = {}

    def know_people(self, clusters: Sequence[Cluster]) -> None:
        for cluster in sorted(clusters, key=lambda c: -len(c.mentions)):
            if cluster.kind == "person" and cluster.givens:
                self.eponyms.setdefault(fold(cluster.surname), cluster)

    def tags_of(self, cluster: Cluster) -> tuple[str, ...]:
        if cluster.kind != "person":
            return ()
        found: set[str] = set()
        surname = fold(cluster.surname)
        for doc in sorted({m.doc for m in cluster.mentions}):
            if doc not in self._tags:
                self._tags[doc] = party_tags(self.texts[doc])
            for before, letter in self._tags[doc].get(surname, []):
                if cluster.givens and _looks_like_given(before) and not any(
                        given_names_agree(before, g) for g in cluster.givens):
                    continue  # another person of that surname ("Tim Scott (R-S.C.)")
                found.add(letter)
        return tuple(sorted(found))

    def eponym_of(self, cluster: Cluster) -> str | None:
        """The actor whose descriptor or affiliation is named after this person ("Trump
        campaign", "Clinton's team"): their full name, or their surname when they are
        the most quoted person of that surname (Donald, not Ivanka, Trump)."""
        if cluster.kind != "person" or not cluster.givens or not cluster.surname:
            return None
        names = [n for n in cluster.names if " " in n]
        if self.eponyms.get(fold(cluster.surname)) is cluster:
            names.append(cluster.surname)
        for actor in self.actors:
            phrases = (*actor.descriptors, *actor.affiliations)
            if any(n in phrase and re.search(r"(?<![\w])" + re.escape(n) + r"(?![\w])", phrase)
                   for n in names for phrase in phrases):
                return actor.id
        return None

    def actor(self, cluster: Cluster, roles: Sequence[str]) -> tuple[str | None, str]:
        """The actor of a cluster and how it was matched ("" for none)."""
        tags = self.tags_of(cluster)
        support: dict[str, Counter[str]] = defaultdict(Counter)
        eponym = self.eponym_of(cluster)
        if eponym is not None:
            support[eponym]["eponym"] += len(cluster.mentions)
        names = list(cluster.names)
        for name in names:
            entity = self._entity(cluster, name)
            for role in (*roles, None):
                actor, how = self.matcher.match(entity, role, tags)
                if actor is not None and self._alias_fits(cluster, actor, how):
                    support[actor][how] += cluster.names[name]
        if not support:
            return None, ""
        def weight(a: str) -> tuple[int, int]:
            return max(HOW_STRENGTH[h] for h in support[a]), sum(support[a].values())

        ranked = sorted(support, key=lambda a: (weight(a), -self.order[a]), reverse=True)
        best = ranked[0]
        how = max(support[best], key=lambda h: (HOW_STRENGTH[h], support[best][h], h))
        return best, how

    def _entity(self, cluster: Cluster, name: str) -> Entity:
        if cluster.kind == "person":
            return Entity(name=name, kind=EntityKind.PERSON, named=True)
        return Entity(name=name, kind=EntityKind.GROUP, named=False)

    def _alias_fits(self, cluster: Cluster, actor_id: str, how: str) -> bool:
        """A one-word alias matched a surname: the person's given names must agree with
        a member of that actor whose surname it is."""
        if how != "alias" or cluster.kind != "person" or not cluster.givens:
            return True
        actor = next(a for a in self.actors if a.id == actor_id)
        for member in actor.members:
            parsed = person_name(member.name)
            if parsed is None or fold(parsed.surname) != fold(cluster.surname):
                continue
            if all(given_names_agree(parsed.given, g) for g in cluster.givens):
                return True
        surname = fold(cluster.surname)
        return not any(fold(m.name).split()[-1:] == [surname] for m in actor.members)
