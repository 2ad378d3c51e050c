"""The Selector: one term space over the candidates, and every section built from it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
from scipy import sparse

from ..attribute.labels import is_statement
from ..attribute.stance import stance_of
from ..models import Item, Section, SectionKind
from ..outline import Actor, Theme
from ..timex import parse_published
from ..vectors import ConceptSpace, Numbering, Rows, TermSpace, normalise_rows, overlap, terms
from .candidates import Candidate, date_order, quote_in_context, reading_order, stands_alone
from .greedy import MAX_CITATIONS, NEAR_DUPLICATE, POOL_SIZE, ConceptGroups, cover, pick
from .standalone import date_insertions

# --- Relevance ------------------------------------------------------------------
# Pseudo-relevance feedback: the query is expanded with the centroid of its
# FEEDBACK_DOCS best-matching sentences, weighted FEEDBACK_WEIGHT (Rocchio's
# classic setting gives the original query the larger share). DUC 2006:
# ROUGE-2 10.62 with it, 10.41 without.
FEEDBACK_DOCS = 5
FEEDBACK_WEIGHT = 0.5
# Relevance = QUERY_SHARE * sim(expanded query) + (1 - QUERY_SHARE) * sim(centroid):
# the query decides, the centroid breaks ties toward what the corpus is about.
# DUC 2006: 0.5 / 0.8 / 1.0 give ROUGE-2 10.64 / 10.62 / 10.41 (0.8 was the
# setting before; 0.5 is no better beyond noise).
QUERY_SHARE = 0.8
# A sentence is eligible for an actor section's "on theme" score only if it
# shares at least this many distinct content terms with a theme query (fewer
# when the query is shorter): one shared word ("Pakistan") is not evidence
# that a sentence answers a query.
MIN_QUERY_TERMS = 2

# --- Theme pools ---------------------------------------------------------------
# A theme chooses among the sentences whose similarity to its query (as
# written, before expansion) is at least this share of the best similarity
# any of its sentences has. Below it, a sentence matched a common query word
# and nothing specific ("The United States accused Pakistan of supporting the
# Taliban" under a border theme). A share, not a count of shared words, so a
# short query phrased unlike its sources (a name against the sources'
# nickname for it) still finds material: requiring two shared query words
# left one DUC topic with 103 words of 250. Chosen by reading the demo brief's
# themes; on DUC 2006, 0 / 0.15 / 0.25 / 0.35 give ROUGE-2 10.55 / 10.52 /
# 10.62 / 10.06.
MIN_QUERY_SIMILARITY_SHARE = 0.25
# With several themes, a sentence may serve only the theme it is most relevant
# to: otherwise a sentence that matches every query a little (the corpus's
# general subject) turns up under every theme. One-theme outlines: no effect.
EXCLUSIVE_THEMES = True

# A theme may take a sentence whose opening definite description points back at the
# sentence before it in its article ("The agreement calls for ...") when it adds this
# much more than one that reads alone: such a sentence is often the one that states
# the fact, but it leaves the reader asking which agreement. 0.5: it must add twice as
# much. DUC 2006 ROUGE-2: 10.73 / 10.58 / 10.46 at 1.0 / 0.8 / 0.5 (and 10.46 with none
# taken); the demo brief takes two such items at 0.8, none at 0.5.
REFERENCE_PREFERENCE = 0.5

# --- Points of contention ---------------------------------------------------------
# A denial answers a claim when the two share this much (vectors.overlap): checked by
# reading the demo's pairs, where "the United States accused Pakistan of supporting the
# Taliban" against "Pakistani officials deny supporting the Afghan Taliban" scores 0.26
# and pairs on different matters ("accused ... of supporting ISIS") stay under 0.15.
CONTENTION_MIN_OVERLAP = 0.15
DENYING = frozenset({"denies"})
ASSERTING = frozenset({"claims", "accuses", "warns"})

# --- Concepts -----------------------------------------------------------------------
# Below this many articles, article counts say little: concepts count per
# sentence instead.
MIN_ARTICLES_TO_COUNT = 3
# Coverage rests on counts over articles, which are weak evidence when there
# are few of them; relevance to the query is the prior. The greedy step blends
# the two with the relevance share PRIOR_ARTICLES / (PRIOR_ARTICLES + articles):
# 0.07 for DUC's 25 articles, 0.29 for the demo's 5, where without it the
# themes took short sentences on the corpus's general subject over the ones
# answering the query ("a collapse in Afghanistan would carry risks for
# Pakistan" left the blowback theme). Chosen by reading the demo brief; it
# costs a little on DUC 2006: PRIOR_ARTICLES 0 / 1 / 2 / 4 give ROUGE-2
# 10.69 / 10.62 / 10.62 / 10.52.
PRIOR_ARTICLES = 2.0

@dataclass(frozen=True)
class QueryMatch:
    """How every candidate matches one theme query."""

    relevance: np.ndarray  # expanded-query and centroid similarity: ranks candidates
    similarity: np.ndarray  # cosine to the query as written: the theme pool's gate
    eligible: np.ndarray  # shares MIN_QUERY_TERMS query terms: "on theme" for actors



def _rows_in(candidates: Sequence[Candidate], sentences: Sequence[Candidate]) -> list[int]:
    """For each sentence, its row among the candidates (-1 if not one): the candidates
    are the sentences or a subsequence of them, in the same order."""
    rows, k = [], 0
    for sentence in sentences:
        if k < len(candidates) and candidates[k] is sentence:
            rows.append(k)
            k += 1
        else:
            rows.append(-1)
    if k < len(candidates):  # not a subsequence: match by position in the corpus
        row_of = {(c.sentence.doc, c.sentence.start): i for i, c in enumerate(candidates)}
        return [row_of.get((w.sentence.doc, w.sentence.start), -1) for w in sentences]
    return rows



class Selector:
    """Fits one term space over the candidates and builds every section from it."""

    def __init__(self, candidates: tuple[Candidate, ...], all_sentences: Sequence[Candidate],
                 themes: Sequence[Theme],
                 query_terms: Mapping[str, Sequence[str]] | None = None,
                 numbers: Numbering | None = None) -> None:
        self.candidates = candidates
        self.query_terms = query_terms or {}
        self.space = TermSpace([c.terms for c in candidates], numbers)
        self.vectors = self.space.matrix
        self.words = np.array([c.words for c in candidates], dtype=np.int64)
        centroid = normalise_rows(sparse.csr_matrix(self.vectors.sum(axis=0)))
        self.centrality = (self.vectors @ centroid.T).toarray().ravel()
        self.standalone = np.array([c.standalone for c in candidates], bool)
        # a definite description that points back ("The madrassa ...") may still serve a
        # theme, at a discount (`REFERENCE_PREFERENCE`); every other leaning opening may not
        self.referring = np.array([c.leans_on == "reference" and stands_alone(c.sentence.text)
                                   and quote_in_context(c.sentence.text, c.attribution)
                                   for c in candidates], bool)
        self.concept_space = ConceptSpace([c.concepts for c in candidates], numbers)
        self.concepts = self.concept_space.matrix
        docs = sorted({c.sentence.doc for c in candidates})
        self.articles = len(docs)
        doc_ids = {d: k for k, d in enumerate(docs)}
        # The units a concept is counted in: articles, or sentences when too few.
        self.units = (np.array([doc_ids[c.sentence.doc] for c in candidates], np.int64)
                      if self.articles >= MIN_ARTICLES_TO_COUNT
                      else np.arange(len(candidates), dtype=np.int64))
        self._groups = ConceptGroups(self.concepts, self.units)
        self.matches = {t.id: self._match(t.query) for t in themes}
        # candidates already shown in a section, or near-duplicates of one: no section
        # after it takes them (`_show`), so nothing is said twice in the brief
        self.repeats = np.zeros(len(candidates), dtype=bool)
        self._best_relevance = (np.max([m.relevance for m in self.matches.values()], axis=0)
                                if self.matches else np.zeros(len(candidates)))
        # Sentences that may corroborate items: every body sentence, quotable or not.
        # Candidates among them reuse their vectors; the others are transformed.
        rows = _rows_in(candidates, all_sentences)
        known = [j for j, r in enumerate(rows) if r >= 0]
        others = [j for j, r in enumerate(rows) if r < 0]
        self._witnesses = tuple(all_sentences[j] for j in known + others)
        # compared with every item for its citations: binary form and sizes once
        self._witness_rows = Rows.of(sparse.vstack([
            self.vectors[[rows[j] for j in known]],
            self.space.transform([all_sentences[j].terms for j in others]),
        ]).tocsr())

    # -- relevance ---------------------------------------------------------
    def _match(self, query: str) -> QueryMatch:
        """How every candidate matches a query."""
        n = len(self.candidates)
        if self.space.empty or n == 0:
            return QueryMatch(np.zeros(n), np.zeros(n), np.zeros(n, dtype=bool))
        query_terms = self.query_terms.get(query)
        if query_terms is None:
            query_terms = terms(query)
        q = self.space.transform([query_terms])
        direct = (self.vectors @ q.T).toarray().ravel()
        top = np.argsort(-direct, kind="stable")[:FEEDBACK_DOCS]
        top = top[direct[top] > 0]
        expanded = q
        if len(top):
            feedback = normalise_rows(sparse.csr_matrix(self.vectors[top].mean(axis=0)))
            expanded = normalise_rows(q + FEEDBACK_WEIGHT * feedback)
        by_query = (self.vectors @ expanded.T).toarray().ravel()
        relevance = QUERY_SHARE * by_query + (1 - QUERY_SHARE) * self.centrality
        columns = sorted(self.space.columns_of(query_terms))
        needed = max(min(MIN_QUERY_TERMS, len(columns)), 1)
        shared = (np.asarray((self.vectors[:, columns] > 0).sum(axis=1)).ravel()
                  if columns else np.zeros(n))
        eligible = (shared >= needed) & (direct > 0)
        return QueryMatch(relevance, direct, eligible)

    def theme_pool(self, theme: Theme) -> np.ndarray:
        """Candidate indices a theme chooses from, most relevant first (step 1)."""
        match = self.matches[theme.id]
        mine = (self.standalone | self.referring) & (match.similarity > 0) & ~self.repeats
        if EXCLUSIVE_THEMES and len(self.matches) > 1:
            mine &= match.relevance >= self._best_relevance
        if not mine.any():
            return np.zeros(0, dtype=np.int64)
        mine &= match.similarity >= MIN_QUERY_SIMILARITY_SHARE * match.similarity[mine].max()
        ranked = np.argsort(-match.relevance, kind="stable")
        return ranked[mine[ranked]][:POOL_SIZE]

    def concept_weights(self, relevance: np.ndarray) -> np.ndarray:
        """Concept weights for a theme (step 2): over the units (articles) holding a
        concept, the sum of the best relevance of one of its sentences holding it."""
        return self._groups.weights(np.clip(relevance, 0.0, None))

    # -- items -------------------------------------------------------------
    def _item(self, i: int) -> Item:
        c = self.candidates[i]
        a = c.attribution
        citations, more = self._citations(i)
        return Item(
            text=c.sentence.text, doc=c.sentence.doc, start=c.sentence.start,
            end=c.sentence.end, citations=citations, more_sources=more,
            speaker=a.speaker, speaker_role=a.speaker_role, actor=a.actor, cue=a.cue,
            act=a.act, speaker_id=a.speaker_id, insertions=c.insertions + date_insertions(
                c.sentence.text, parse_published(c.published)),
            stance=stance_of(a), published=c.published,
        )

    def _citations(self, i: int) -> tuple[tuple[int, ...], int]:
        """The item's own source, then the other sources with a near-duplicate of it
        (the MAX_CITATIONS - 1 closest, in source order), and how many more there are."""
        own = self.candidates[i].source
        if not self._witnesses:
            return (own,), 0
        sims = overlap(self.vectors[i], self._witness_rows).ravel()
        closest: dict[int, float] = {}
        for j in np.flatnonzero(sims >= NEAR_DUPLICATE):
            source = self._witnesses[j].source
            if source != own and sims[j] > closest.get(source, -1.0):
                closest[source] = float(sims[j])
        ranked = sorted(closest, key=lambda source: (-closest[source], source))
        shown = sorted(ranked[:MAX_CITATIONS - 1])
        return (own, *shown), len(ranked) - len(shown)

    def item(self, i: int, score: float = 0.0) -> Item:
        """Candidate `i` as an item, with its citations and `score`."""
        return replace(self._item(i), score=score)

    def _scored_items(self, chosen: Sequence[int], scores: np.ndarray) -> tuple[Item, ...]:
        return tuple(replace(self._item(i), score=float(scores[i])) for i in chosen)

    # -- sections ----------------------------------------------------------
    def theme(self, theme: Theme) -> Section:
        relevance = self.matches[theme.id].relevance
        pool = self.theme_pool(theme)
        chosen: list[int] = []
        if len(pool):
            vectors = self.vectors[pool]
            share = PRIOR_ARTICLES / (PRIOR_ARTICLES + self.articles)
            taken = cover(self.concepts[pool], self.concept_weights(relevance),
                          relevance[pool], self.words[pool], theme.max_words,
                          overlap(vectors, vectors), share,
                          np.where(self.standalone[pool], 1.0, REFERENCE_PREFERENCE))
            chosen = [int(pool[t]) for t in taken]
        self._show(chosen)
        order = (date_order if theme.order == "date" else reading_order)(self.candidates, chosen)
        items = self._scored_items(order, relevance)
        note = "" if items else "No sentence in the corpus matched this theme's query."
        return Section(kind="theme", id=theme.id, title=theme.title, items=items,
                       query=theme.query, note=note)

    def _show(self, rows: Sequence[int]) -> None:
        """Mark candidates as shown: they and their near-duplicates are taken."""
        if not len(rows):
            return
        self.repeats[list(rows)] = True
        similar = overlap(self.vectors, self.vectors[list(rows)]) >= NEAR_DUPLICATE
        self.repeats |= similar.any(axis=1)

    def _statement_scores(self) -> np.ndarray:
        """How informative a statement is: central to the corpus and on some theme."""
        on_theme = np.zeros(len(self.candidates))
        for match in self.matches.values():
            on_theme = np.maximum(on_theme, np.where(match.eligible, match.relevance, 0.0))
        return 0.5 * self.centrality + 0.5 * on_theme

    def statements(self, kind: SectionKind, section_id: str, title: str, max_items: int,
                   belongs: np.ndarray) -> Section:
        """An actor-like section: statements grouped by speaker, best speaker first."""
        scores = self._statement_scores()
        costs = [1] * len(self.candidates)
        open_ = belongs & ~self.repeats
        # statements that read alone first; those that lean on their article only fill
        # what is left of the section (none when enough read alone)
        chosen = pick(scores, self.vectors, costs, max_items, open_ & self.standalone)
        self._show(chosen)
        if len(chosen) < max_items:
            more = pick(scores, self.vectors, costs, max_items - len(chosen),
                        open_ & ~self.standalone & ~self.repeats)
            self._show(more)
            chosen += more
        best_of: dict[str, float] = {}
        for i in chosen:
            speaker = self._speaker_key(i)
            best_of[speaker] = max(best_of.get(speaker, -1.0), float(scores[i]))
        grouped = sorted(chosen, key=lambda i: (
            -best_of[self._speaker_key(i)], self._speaker_key(i),
            self.candidates[i].source, self.candidates[i].sentence.start))
        items = self._scored_items(grouped, scores)
        note = "" if items else "No attributed statement of this actor was found in the corpus."
        return Section(kind=kind, id=section_id, title=title, items=items, note=note)

    def _speaker_key(self, i: int) -> str:
        """One person or group (speakers/), whatever their names in the articles."""
        a = self.candidates[i].attribution
        return a.speaker_id or a.speaker or ""

    def actor(self, actor: Actor) -> Section:
        # "Who said what": words and beliefs, not positions taken by acts or votes
        # ("Islamabad decided to support ..."), which attribution also reports.
        belongs = np.array([c.attribution.actor == actor.id and is_statement(c.attribution)
                            for c in self.candidates], bool)
        return self.statements("actor", actor.id, actor.title, actor.max_items, belongs)

    def other_voices(self, max_items: int) -> Section:
        # speakers known as a person or group; a document or "they" is nobody's voice
        belongs = np.array([c.attribution.actor is None and c.attribution.speaker_id is not None
                            and is_statement(c.attribution) for c in self.candidates], bool)
        return self.statements("other_voices", "other_voices", "Other voices", max_items,
                               belongs)

    def contention(self, max_pairs: int) -> Section:
        """Points of contention: pairs of statements by two actors on one theme, the
        first claiming or accusing, the second denying it; items come in pairs, in that
        order. A pair may restate statements the themes above show (the pairing is the
        point); the sections after it (actors, other voices) do not repeat them."""
        denials, claims = _contention_roles(self.candidates)
        pairs: list[tuple[float, int, int]] = []
        if denials and claims and max_pairs:
            sims = overlap(self.vectors[denials], self.vectors[claims])
            for a, d in enumerate(denials):
                for b, c in enumerate(claims):
                    if sims[a, b] >= CONTENTION_MIN_OVERLAP and self._one_theme(c, d) and \
                            self.candidates[c].attribution.actor != \
                            self.candidates[d].attribution.actor:
                        pairs.append((-float(sims[a, b]), c, d))
        chosen: list[int] = []
        for _, c, d in sorted(pairs):
            if len(chosen) >= 2 * max_pairs:
                break
            if c in chosen or d in chosen:
                continue
            chosen += [c, d]
        self._show(chosen)
        scores = np.zeros(len(self.candidates))
        note = ("Each pair sets a claim beside the denial that answers it; either may also "
                "appear under a theme above.") if chosen else \
            "No statement of one actor denies another's in the corpus."
        return Section(kind="contention", id="contention", title="Points of contention",
                       items=self._scored_items(chosen, scores), note=note)

    def _one_theme(self, a: int, b: int) -> bool:
        """Whether two statements are on one theme: both share words with its query
        (`QueryMatch.similarity`); with no theme, any two are."""
        return not self.matches or any(m.similarity[a] > 0 and m.similarity[b] > 0
                                       for m in self.matches.values())

    def key_points(self, theme_sections: Sequence[Section], count: int,
                   restate: bool = False) -> Section:
        """Up to `count` items: each theme's best item in turn, then the second best...
        (`restate`: the themes keep them too, and the section says so)."""
        ranked = [sorted(s.items, key=lambda it: -it.score) for s in theme_sections]
        chosen: list[Item] = []
        vectors: list[sparse.csr_matrix] = []
        wanted = {(item.doc, item.start) for items in ranked for item in items}
        row_of = {(c.sentence.doc, c.sentence.start): i for i, c in enumerate(self.candidates)
                  if (c.sentence.doc, c.sentence.start) in wanted}
        for depth in range(max((len(r) for r in ranked), default=0)):
            for items in ranked:
                if len(chosen) >= count or depth >= len(items):
                    continue
                item = items[depth]
                vec = self.vectors[row_of[item.doc, item.start]]
                if any(overlap(vec, v)[0, 0] >= NEAR_DUPLICATE for v in vectors):
                    continue
                if any(c.doc == item.doc and c.start == item.start for c in chosen):
                    continue
                chosen.append(item)
                vectors.append(vec)
        note = ("The strongest statement of each theme, restated from the sections below."
                if restate else "") if chosen else "No theme produced a key point."
        return Section(kind="key_points", id="key_points", title="Key points",
                       items=tuple(chosen), note=note)


def _contention_roles(candidates: Sequence[Candidate]) -> tuple[list[int], list[int]]:
    """Actors' statements that deny, and those that claim or accuse."""
    denials, claims = [], []
    for i, c in enumerate(candidates):
        if c.attribution.actor is None:
            continue
        stance = stance_of(c.attribution)
        if stance in DENYING:
            denials.append(i)
        elif stance in ASSERTING:
            claims.append(i)
    return denials, claims


def without_items(section: Section, items: Sequence[Item]) -> Section:
    """The section without `items` (shown elsewhere already), its note saying so when
    nothing is left."""
    gone = {(item.doc, item.start) for item in items}
    kept = tuple(item for item in section.items if (item.doc, item.start) not in gone)
    if len(kept) == len(section.items):
        return section
    note = section.note or ("" if kept else "This theme's statements are among the key "
                                            "points above.")
    return replace(section, items=kept, note=note)
