"""Speakers: one identity per person or group across the corpus, between the
per-article analysis and selection.

The attributor works one article at a time, so it gives each sentence's speaker as
that article writes it. This stage reads all the attributed sentences of the corpus
together and:

1. reads each mention as a person's name or a group's label (names.py);
2. groups the mentions of one person or group (identity.py) and gives each group an
   id, a canonical name (the fullest form, no titles, no trailing words) and a role
   (the most informative one the sources give, cleaned);
3. finds the actor of each person or group once, from all their mentions and the
   party tags the articles give them (membership.py);
4. rewrites every attribution with `speaker_id`, the canonical `speaker` and
   `speaker_role`, and the identity's `actor` (`resolve`).

Runs in the driver over records the analysis cached; its cost is a dictionary pass over
the attributed sentences.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..models import AnalysedArticle, Attribution
from ..outline import Actor
from .identity import Cluster, Clustering, Mention, canonical_name, canonical_role
from .membership import Membership
from .names import fold

__all__ = ["Resolved", "Speaker", "Speakers", "identify", "resolve"]


@dataclass(frozen=True)
class Speaker:
    """One person or group across the corpus."""

    id: str  # "p:james-comey", "g:pakistani-officials"
    name: str  # canonical: "James B. Comey", "Pakistani officials"
    kind: str  # "person" | "group"
    role: str | None  # the most informative role the sources give
    roles: tuple[str, ...]  # every clean role, best first
    tags: tuple[str, ...]  # party tags the articles give ("R")
    actor: str | None
    matched_by: str  # how the actor was found (attribute/actors.py HOW_STRENGTH), or ""
    statements: int  # attributed sentences
    docs: tuple[str, ...]  # articles quoting them, by doc id, in corpus order
    variants: tuple[str, ...]  # the forms the articles write, commonest first


@dataclass(frozen=True)
class Speakers:
    """Every speaker of a corpus, most statements first, and the id of each mention."""

    speakers: tuple[Speaker, ...]
    of_sentence: dict[tuple[int, int], str]  # (article index, sentence index) -> id

    def by_id(self) -> dict[str, Speaker]:
        return {s.id: s for s in self.speakers}


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "x"


def mentions_of(analysed: Sequence[AnalysedArticle]) -> list[Mention]:
    return [Mention(doc=d, sentence=i, speaker=a.speaker, role=a.speaker_role,
                    kind=a.speaker_kind, named=a.speaker_named)
            for d, article in enumerate(analysed)
            for i, a in enumerate(article.attributions) if a.speaker]


def affiliation_synonyms(actors: Sequence[Actor]) -> dict[str, str]:
    """One-word forms of each actor's affiliations, folded -> the first of them: the
    outline says "GOP" and "Republican" are one, so "the GOP candidate" fits a
    "Republican presidential candidate"."""
    synonyms: dict[str, str] = {}
    for actor in actors:
        words = [fold(a) for a in actor.affiliations if len(a.split()) == 1]
        for word in words:
            synonyms.setdefault(word, words[0])
    return synonyms


def identify(analysed: Sequence[AnalysedArticle], actors: Sequence[Actor]) -> Speakers:
    """The speakers of a corpus (see the module docstring)."""
    texts = [a.article.text for a in analysed]
    clusters = Clustering(texts, affiliation_synonyms(actors)).add_all(mentions_of(analysed))
    membership = Membership(actors, texts)
    membership.know_people(clusters)
    speakers: list[Speaker] = []
    of_sentence: dict[tuple[int, int], str] = {}
    taken: set[str] = set()
    surnames = frozenset(c.surname for c in clusters if c.givens)
    for cluster in sorted(clusters, key=lambda c: (-len(c.mentions), c.kind, c.key)):
        speaker = _speaker(cluster, membership, analysed, taken, surnames)
        speakers.append(speaker)
        for m in cluster.mentions:
            of_sentence[(m.doc, m.sentence)] = speaker.id
    return Speakers(tuple(speakers), of_sentence)


def _speaker(cluster: Cluster, membership: Membership, analysed: Sequence[AnalysedArticle],
             taken: set[str], surnames: frozenset[str]) -> Speaker:
    name = canonical_name(cluster)
    role, roles = canonical_role(cluster, surnames)
    actor, how = membership.actor(cluster, roles)
    base = f"{cluster.kind[0]}:{_slug(name)}"
    ident, n = base, 1
    while ident in taken:  # two people of one name kept apart
        n += 1
        ident = f"{base}-{n}"
    taken.add(ident)
    docs = sorted({m.doc for m in cluster.mentions})
    variants = Counter(m.speaker for m in cluster.mentions)
    return Speaker(
        id=ident, name=name, kind=cluster.kind, role=role, roles=roles,
        tags=membership.tags_of(cluster), actor=actor, matched_by=how,
        statements=len(cluster.mentions), docs=tuple(analysed[d].article.doc for d in docs),
        variants=tuple(v for v, _ in sorted(variants.items(), key=lambda kv: (-kv[1], kv[0]))))


Resolved = dict[int, tuple[AnalysedArticle, AnalysedArticle]]


def resolve(analysed: Sequence[AnalysedArticle], speakers: Speakers,
            memory: Resolved | None = None) -> tuple[AnalysedArticle, ...]:
    """Every attribution with its speaker's id, canonical name, role and actor; a
    speaker that names no one (a document, "they") keeps its words, no id and no actor.
    An article whose attributions do not change is returned as it was (so `brief
    watch`'s per-article memory still knows it); with a `memory` (kept by `brief watch`
    between builds), an article resolved as the build before resolved it is the same
    object as then."""
    by_id = speakers.by_id()
    out: list[AnalysedArticle] = []
    kept: Resolved = {}
    for d, article in enumerate(analysed):
        attributions = tuple(_resolved(a, speakers.of_sentence.get((d, i)), by_id)
                             for i, a in enumerate(article.attributions))
        known = memory.get(id(article)) if memory is not None else None
        if attributions == article.attributions:
            result = article
        elif known is not None and known[0] is article and \
                known[1].attributions == attributions:
            result = known[1]
        else:
            result = replace(article, attributions=attributions)
        kept[id(article)] = (article, result)
        out.append(result)
    if memory is not None:
        memory.clear()
        memory.update(kept)
    return tuple(out)


def _resolved(attribution: Attribution, ident: str | None,
              by_id: dict[str, Speaker]) -> Attribution:
    if not attribution.speaker:
        return attribution
    if ident is None:
        return replace(attribution, actor=None, speaker_id=None,
                       speaker_text=attribution.speaker)
    speaker = by_id[ident]
    return replace(attribution, speaker=speaker.name, speaker_role=speaker.role,
                   actor=speaker.actor, speaker_id=ident, speaker_text=attribution.speaker)
