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

from ..clean.dateline import DATELINE
from .lexicon import GOVERNMENT_NOUNS, INSTITUTION_NOUNS, NATIONALITY_OF, RANK_QUALIFIERS
from .names import (
    NAME_PREFIX,
    POSSESSIVE,
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
    # (a name with a lowercase particle, "Seyyid al-Masri", is one the attributor may
    # not have seen as a name)
    if mention.named or any(NAME_PREFIX.match(t) for t in mention.speaker.split()):
        person = person_name(mention.speaker, common_words(mention.doc))
        if person is not None:
            return Parsed(person=person)
    elif mention.kind in ("person", "org") or " by " in mention.speaker:
        # "U.S. Secretary of State Madeleine Albright", "an analysis by Lily Batchelder"
        person = described_name(mention.speaker, common_words(mention.doc))
        if person is not None:
            return Parsed(person=person)
    first = mention.speaker.split()[0] if mention.speaker.split() else ""
    # "the president", "Connecticut's tax commissioner": one known person
    described = mention.kind == "person" and (
        first.casefold() in DEFINITE or bool(POSSESSIVE.search(first)))
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
        """The words one article writes in lowercase."""
        if doc not in self._common:
            self._common[doc] = frozenset(re.findall(r"\b[a-z]+\b", self.texts[doc]))
        return self._common[doc]

    def _placed(self, doc: int, label: GroupLabel) -> GroupLabel:
        """"The army" of a story datelined JERUSALEM is the Israeli army: an institution
        named by its noun alone belongs to the country of its article's wire dateline."""
        if label.label.casefold() not in INSTITUTION_NOUNS:
            return label
        match = DATELINE.match(self.texts[doc][:DATELINE_MAX_CHARS])
        if not match or not match["place"]:
            return label
        adjective = NATIONALITY_OF.get(match["place"].split(",")[0].strip().casefold())
        if adjective is None:
            return label
        placed = group_label(f"{adjective} {label.label}")
        return GroupLabel(placed.label, label.qualifiers) if placed else label

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
                self._add_group(m, self._placed(m.doc, found.group))
        # the commonest full forms first, so a variant joins the form most write
        counts = Counter(p.full for _, p in full)
        for m, person in sorted(full, key=lambda mp: (-counts[mp[1].full], mp[1].full)):
            self._add_person(m, person)
        for m, person in self.lone_surnames:
            self._add_surname(m, person)
        introduced = _introductions(full)
        for m, label in described:
            person_cluster = self._described(m, label) or self._named_next(m, introduced)
            if person_cluster is not None:
                _record(person_cluster, m, canonical_name(person_cluster), None)
            else:
                self._add_group(m, label)
        self._merge_group_names()
        self._merge_common_groups()
        self._merge_extensions()
        clusters = [c for bucket in self.persons.values() for c in bucket]
        return clusters + list(self.groups.values())

    def _merge_group_names(self) -> None:
        """A "person" whose name is a group's label elsewhere in the corpus ("Peace Now
        said", read as given name and surname) is that group."""
        for surname, bucket in list(self.persons.items()):
            for cluster in list(bucket):
                group = self.groups.get(fold(canonical_name(cluster)))
                if group is None:
                    continue
                bucket.remove(cluster)
                group.mentions.extend(cluster.mentions)
                group.roles.extend(cluster.roles)
                group.names[canonical_name(group)] += len(cluster.mentions)
            if not bucket:
                del self.persons[surname]

    def _merge_common_groups(self) -> None:
        """A group named by common nouns ("the 9-member court", "a peace group") whose
        head noun is the head of the name or of a role of exactly one named speaker its
        own article quotes ("Supreme Court of Canada"; Peace Now, "an Israeli group")
        is that speaker: news names a body once and then describes it. When its article
        quotes none, the one named group of the corpus with that head is, if there is
        exactly one."""
        named = [c for bucket in self.persons.values() for c in bucket] + [
            c for c in self.groups.values() if _is_proper(_written(c))]
        heads: dict[int, dict[str, list[Cluster]]] = defaultdict(lambda: defaultdict(list))
        for cluster in named:
            for doc in {mm.doc for mm in cluster.mentions}:
                for head in _heads(cluster, doc):
                    if cluster not in heads[doc][head]:
                        heads[doc][head].append(cluster)
        # the named groups of the whole corpus by their name's head: "the court" of an
        # article that names none is the one court the corpus names, if it names one
        corpus_heads: dict[str, list[Cluster]] = defaultdict(list)
        for cluster in named:
            if cluster.kind == "group":
                words = fold(canonical_name(cluster)).split()
                corpus_heads[_singular(words[head_index(words)])].append(cluster)
        for key, cluster in list(self.groups.items()):
            if _is_proper(_written(cluster)):
                continue
            head = _singular(fold(canonical_name(cluster)).split()[-1])
            kept = []
            for m in cluster.mentions:
                fits = heads[m.doc].get(head) or corpus_heads.get(head, [])
                if len(fits) == 1:
                    _record(fits[0], m, canonical_name(fits[0]), None)
                else:
                    kept.append(m)
            if not kept:
                del self.groups[key]
            elif len(kept) < len(cluster.mentions):
                self.groups[key] = _refilled(cluster, kept)

    def _merge_extensions(self) -> None:
        """A group label that is another's with words in front ("Jewish settler leaders",
        "settler leaders") is that group when it is the only such longer label of the
        corpus: the corpus then means one group by both. A bare generic noun
        ("officials") is never merged into: it stands for many groups."""
        longer: dict[str, list[str]] = defaultdict(list)
        for key in self.groups:
            words = key.split()
            for i in range(1, len(words)):
                shorter = " ".join(words[i:])
                if shorter in self.groups:
                    longer[shorter].append(key)
        for shorter, keys in longer.items():
            if len(keys) != 1 or shorter in GOVERNMENT_NOUNS or \
                    _singular(shorter) in {_singular(g) for g in GOVERNMENT_NOUNS}:
                continue
            source = self.groups.pop(keys[0])
            target = self.groups[shorter]
            target.mentions.extend(source.mentions)
            target.names.update(source.names)
            target.roles.extend(source.roles)
            target.qualifiers.update(source.qualifiers)

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
            # "Farmers said": a word the article uses as a word, a group if anything
            label = group_label(m.speaker)
            if label is not None and person.surname.endswith("s"):
                self._add_group(m, label)
            return  # "Peace" alone: no one known
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

    def _named_next(self, m: Mention,
                    introduced: dict[int, list[tuple[int, PersonName, bool]]]
                    ) -> Cluster | None:
        """A news lead that describes its speaker ("Connecticut's tax commissioner says
        ...") before naming anyone, then names them in the next statement ("Kevin
        Sullivan says ..."): the person introduced there, with no role of their own."""
        for sentence, person, has_role in introduced.get(m.doc, []):
            if sentence <= m.sentence:
                return None  # someone was named before: not a lead describing its speaker
            if sentence - m.sentence > LEAD_NAMING_SENTENCES or has_role:
                return None
            bucket = self.persons.get(fold(person.surname), [])
            return next((c for c in bucket if person.given in c.givens), None)
        return None

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


def _introductions(full: list[tuple[Mention, PersonName]]
                   ) -> dict[int, list[tuple[int, PersonName, bool]]]:
    """Per article, the persons it names in full for the first time: the sentence, the
    name, and whether a role stands beside it there."""
    seen: set[tuple[int, str]] = set()
    out: dict[int, list[tuple[int, PersonName, bool]]] = defaultdict(list)
    for m, person in sorted(full, key=lambda mp: (mp[0].doc, mp[0].sentence)):
        key = (m.doc, fold(person.surname))
        if key not in seen:
            seen.add(key)
            out[m.doc].append((m.sentence, person, bool(m.role or person.titles)))
    return out


def _written(cluster: Cluster) -> str:
    """A group's commonest label as the articles write it (not capitalised for a
    heading, as `canonical_name` does)."""
    return max(cluster.names, key=lambda n: (cluster.names[n], n))


def _is_proper(label: str) -> bool:
    """A label naming a speaker ("Peace Now", "Supreme Court of Canada"), as opposed to
    describing one ("army", "peace group"): every word of four letters or more
    capitalised, the first word too."""
    words = [w for w in label.split() if len(w) > 3]
    return bool(words) and label[:1].isupper() and all(w[:1].isupper() for w in words)


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") \
        else word


def _heads(cluster: Cluster, doc: int) -> set[str]:
    """The head nouns a named speaker is known by in one article: its name's and its
    roles' there ("court" for "Supreme Court of Canada", "group" for "an Israeli group
    opposed to ...")."""
    phrases = [canonical_name(cluster)] if cluster.kind == "group" else []
    phrases += [role for role, d in cluster.roles if d == doc]
    heads = set()
    for phrase in phrases:
        words = fold(phrase).split()
        if words and not PAST_MARKERS & set(words):
            heads.add(_singular(words[head_index(words)]))
    return heads


def _refilled(cluster: Cluster, mentions: list[Mention]) -> Cluster:
    """The cluster with only `mentions` left (the others joined a named speaker). Its
    name forms are kept whole: they are counts of one label, which stays its label."""
    kept = Cluster(cluster.kind, cluster.key, cluster.surname, list(mentions),
                   Counter(cluster.names), qualifiers=Counter(cluster.qualifiers))
    docs = {m.doc for m in mentions}
    kept.roles = [(r, d) for r, d in cluster.roles if d in docs]
    return kept


# A lead's described speaker is named in the statement right after it, or the one
# after that (a paragraph of context between them); later, it is someone else.
LEAD_NAMING_SENTENCES = 2

# A wire dateline ("JERUSALEM, April 11 (Xinhua) -- ") fits in this many characters.
DATELINE_MAX_CHARS = 120

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
    """Rank qualifiers every mention of a group carries ("senior"): part of its label."""
    if len(cluster.qualifiers) == 1:
        (only,) = cluster.qualifiers
        return " ".join(q for q in only if q in RANK_QUALIFIERS)
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
