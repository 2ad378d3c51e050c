"""Select: analysed articles + outline -> the brief's sections.

Every section is built the same way (`pick`): rank candidates, take them
greedily while skipping near-duplicates of what is already taken (maximal
marginal relevance) until the budget is spent, then restore reading order.
What differs per section kind is only the candidates and their relevance:

* theme: TF-IDF similarity to the theme query, expanded with the sentences
  that match it best (pseudo-relevance feedback), mixed with similarity to the
  corpus centroid (what the corpus as a whole is about);
* actor: attributed statements of the actor's speakers, ranked by how central
  and how on-theme they are, grouped by speaker;
* key points: the best item of each theme, across themes.

Items are never rewritten: each is a sentence span of its source. A
near-duplicate of an item in another source adds that source to the item's
citations (corroboration) instead of appearing again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
from scipy import sparse

from .models import AnalysedArticle, Attribution, Item, Section, Sentence
from .outline import Actor, Theme
from .vectors import TermSpace, normalise_rows, overlap, terms, word_count

# --- Candidate filters -------------------------------------------------------
# Sentences shorter than this are datelines, fragments or headings; longer
# than the cap are run-ons from pages whose punctuation was lost.
MIN_SENTENCE_WORDS = 6
MAX_SENTENCE_WORDS = 90
# A sentence starting with one of these leans on the previous sentence for its
# subject; quoted alone under a theme heading it reads as a riddle. Actor
# sections keep them, because the resolved speaker is shown beside them.
DANGLING_STARTS = frozenset("""
he she they it his her their its this these those that such both
""".split())
CLOSING_MARKS = ".!?\"'”’)]"

# --- Relevance ------------------------------------------------------------------
# Pseudo-relevance feedback: the query is expanded with the centroid of its
# FEEDBACK_DOCS best-matching sentences, weighted FEEDBACK_WEIGHT (Rocchio's
# classic setting gives the original query the larger share).
FEEDBACK_DOCS = 5
FEEDBACK_WEIGHT = 0.5
# Relevance = QUERY_SHARE * sim(expanded query) + (1 - QUERY_SHARE) * sim(centroid):
# the query decides, the centroid breaks ties toward what the corpus is about.
QUERY_SHARE = 0.8
# A sentence is eligible for a theme only if it shares at least this many
# distinct content terms with the query (fewer when the query is shorter):
# one shared word ("Pakistan") is not evidence that a sentence answers a query.
MIN_QUERY_TERMS = 2

# --- Redundancy -----------------------------------------------------------------
# MMR trade-off between relevance and novelty (0.7 is the usual setting).
MMR_LAMBDA = 0.7
# Redundancy (vectors.overlap: cosine, or containment of the shorter sentence's
# terms) above which two sentences say the same thing: never both in a section,
# and across sources the second one corroborates the first. Checked by reading
# pairs on the demo corpus: 0.6 joins reworded repeats, not merely same-topic.
NEAR_DUPLICATE = 0.6
# Only the best-ranked candidates enter the quadratic MMR loop.
MMR_POOL = 300


@dataclass(frozen=True)
class Candidate:
    sentence: Sentence
    attribution: Attribution
    source: int  # source number
    position: float  # 0.0 = first sentence of its article, 1.0 = last


def quotable(text: str) -> bool:
    """Whether a sentence can stand alone as an item at all."""
    words = text.split()
    if not MIN_SENTENCE_WORDS <= len(words) <= MAX_SENTENCE_WORDS:
        return False
    first = text.lstrip("“\"'‘`(")[:1]
    if not first or first.islower():  # a fragment cut from its sentence
        return False
    return text.rstrip()[-1] in CLOSING_MARKS


def stands_alone(text: str) -> bool:
    """Whether a sentence reads without the one before it (themes, key points)."""
    if text.rstrip().endswith("?") or text.rstrip().endswith("?”"):
        return False  # rhetorical questions state nothing
    first_word = text.lstrip("“\"'‘`(").split(maxsplit=1)[:1]
    return not first_word or first_word[0].lower().strip(",") not in DANGLING_STARTS


def gather(analysed: Sequence[AnalysedArticle], numbers: dict[str, int],
           only_quotable: bool = True) -> tuple[Candidate, ...]:
    """Body sentences (those that can be items, unless told otherwise) with source numbers."""
    out: list[Candidate] = []
    for article in analysed:
        total = max(len(article.sentences) - 1, 1)
        for sentence, attribution in article.body():
            if not only_quotable or quotable(sentence.text):
                out.append(Candidate(sentence, attribution, numbers[article.article.doc],
                                     sentence.index / total))
    return tuple(out)


def reading_order(candidates: Sequence[Candidate], chosen: Sequence[int]) -> list[int]:
    """Chosen indices in reading order: by source number, then position in it."""
    return sorted(chosen, key=lambda i: (candidates[i].source, candidates[i].sentence.start))


def pick(relevance: np.ndarray, vectors: sparse.csr_matrix, costs: Sequence[int], budget: int,
         eligible: np.ndarray) -> list[int]:
    """Greedy MMR within a budget; returns indices in the order they were taken.

    `costs[i]` is what candidate i spends of `budget` (words, or 1 per item).
    Candidates that would overspend are passed over, smaller ones may still fit.
    """
    order = [int(i) for i in np.argsort(-relevance, kind="stable") if eligible[i]][:MMR_POOL]
    if not order:
        return []
    pool = vectors[order]
    similarity = overlap(pool, pool)
    taken: list[int] = []  # positions in `order`
    max_sim = np.zeros(len(order))
    spent = 0
    alive = np.ones(len(order), dtype=bool)
    rel = relevance[order]
    while alive.any():
        mmr = MMR_LAMBDA * rel - (1 - MMR_LAMBDA) * max_sim
        mmr[~alive] = -np.inf
        best = int(np.argmax(mmr))
        alive[best] = False
        if spent + costs[order[best]] > budget:
            continue
        taken.append(best)
        spent += costs[order[best]]
        max_sim = np.maximum(max_sim, similarity[best])
        alive &= similarity[best] < NEAR_DUPLICATE
    return [order[t] for t in taken]


class Selector:
    """Fits one term space over the candidates and builds every section from it."""

    def __init__(self, candidates: tuple[Candidate, ...], all_sentences: Sequence[Candidate],
                 themes: Sequence[Theme]) -> None:
        self.candidates = candidates
        self.space = TermSpace([c.sentence.text for c in candidates])
        self.vectors = self.space.matrix
        self.words = [word_count(c.sentence.text) for c in candidates]
        centroid = normalise_rows(sparse.csr_matrix(self.vectors.sum(axis=0)))
        self.centrality = (self.vectors @ centroid.T).toarray().ravel()
        self.standalone = np.array([stands_alone(c.sentence.text) for c in candidates], bool)
        self.theme_relevance = {t.id: self._query_relevance(t.query) for t in themes}
        # Sentences that may corroborate items: every body sentence, quotable or not.
        self._witnesses = tuple(all_sentences)
        self._witness_vectors = self.space.transform([c.sentence.text for c in all_sentences])

    # -- relevance ---------------------------------------------------------
    def _query_relevance(self, query: str) -> tuple[np.ndarray, np.ndarray]:
        """(relevance, eligible) of every candidate for a query."""
        n = len(self.candidates)
        if self.space.empty or n == 0:
            return np.zeros(n), np.zeros(n, dtype=bool)
        q = self.space.transform([query])
        direct = (self.vectors @ q.T).toarray().ravel()
        top = np.argsort(-direct, kind="stable")[:FEEDBACK_DOCS]
        top = top[direct[top] > 0]
        expanded = q
        if len(top):
            feedback = normalise_rows(sparse.csr_matrix(self.vectors[top].mean(axis=0)))
            expanded = normalise_rows(q + FEEDBACK_WEIGHT * feedback)
        by_query = (self.vectors @ expanded.T).toarray().ravel()
        relevance = QUERY_SHARE * by_query + (1 - QUERY_SHARE) * self.centrality
        query_terms = self.space.vocabulary_of(query)
        needed = min(MIN_QUERY_TERMS, len(query_terms))
        shared = np.asarray(
            (self.vectors[:, sorted(query_terms)] > 0).sum(axis=1)).ravel() if query_terms \
            else np.zeros(n)
        eligible = (shared >= max(needed, 1)) & (direct > 0)
        return relevance, eligible

    # -- items -------------------------------------------------------------
    def _item(self, i: int) -> Item:
        c = self.candidates[i]
        a = c.attribution
        return Item(
            text=c.sentence.text, doc=c.sentence.doc, start=c.sentence.start,
            end=c.sentence.end, citations=self._citations(i),
            speaker=a.speaker, speaker_role=a.speaker_role, actor=a.actor, cue=a.cue,
        )

    def _citations(self, i: int) -> tuple[int, ...]:
        """The item's own source, then every other source with a near-duplicate of it."""
        own = self.candidates[i].source
        if not self._witnesses:
            return (own,)
        sims = overlap(self._witness_vectors, self.vectors[i]).ravel()
        others = {self._witnesses[j].source for j in np.flatnonzero(sims >= NEAR_DUPLICATE)}
        return (own, *sorted(others - {own}))

    def _scored_items(self, chosen: Sequence[int], scores: np.ndarray) -> tuple[Item, ...]:
        return tuple(replace(self._item(i), score=float(scores[i])) for i in chosen)

    # -- sections ----------------------------------------------------------
    def theme(self, theme: Theme) -> Section:
        relevance, eligible = self.theme_relevance[theme.id]
        chosen = pick(relevance, self.vectors, self.words, theme.max_words,
                      eligible & self.standalone)
        items = self._scored_items(reading_order(self.candidates, chosen), relevance)
        note = "" if items else "No sentence in the corpus matched this theme's query."
        return Section(kind="theme", id=theme.id, title=theme.title, items=items,
                       query=theme.query, note=note)

    def _statement_scores(self) -> np.ndarray:
        """How informative a statement is: central to the corpus and on some theme."""
        on_theme = np.zeros(len(self.candidates))
        for relevance, eligible in self.theme_relevance.values():
            on_theme = np.maximum(on_theme, np.where(eligible, relevance, 0.0))
        return 0.5 * self.centrality + 0.5 * on_theme

    def statements(self, kind: str, section_id: str, title: str, max_items: int,
                   belongs: np.ndarray) -> Section:
        """An actor-like section: statements grouped by speaker, best speaker first."""
        scores = self._statement_scores()
        chosen = pick(scores, self.vectors, [1] * len(self.candidates), max_items, belongs)
        best_of: dict[str, float] = {}
        for i in chosen:
            speaker = self.candidates[i].attribution.speaker or ""
            best_of[speaker] = max(best_of.get(speaker, -1.0), float(scores[i]))
        grouped = sorted(chosen, key=lambda i: (
            -best_of[self.candidates[i].attribution.speaker or ""],
            self.candidates[i].attribution.speaker or "",
            self.candidates[i].source, self.candidates[i].sentence.start))
        items = self._scored_items(grouped, scores)
        note = "" if items else "No attributed statement of this actor was found in the corpus."
        return Section(kind=kind, id=section_id, title=title, items=items, note=note)

    def actor(self, actor: Actor) -> Section:
        belongs = np.array([c.attribution.actor == actor.id for c in self.candidates], bool)
        return self.statements("actor", actor.id, actor.title, actor.max_items, belongs)

    def other_voices(self, max_items: int) -> Section:
        belongs = np.array([c.attribution.actor is None and c.attribution.speaker is not None
                            for c in self.candidates], bool)
        return self.statements("other_voices", "other_voices", "Other voices", max_items,
                               belongs)

    def key_points(self, theme_sections: Sequence[Section], count: int) -> Section:
        """Up to `count` items: each theme's best item in turn, then the second best..."""
        ranked = [sorted(s.items, key=lambda it: -it.score) for s in theme_sections]
        chosen: list[Item] = []
        vectors: list[sparse.csr_matrix] = []
        for depth in range(max((len(r) for r in ranked), default=0)):
            for items in ranked:
                if len(chosen) >= count or depth >= len(items):
                    continue
                item = items[depth]
                vec = self.space.transform([item.text])
                if any(overlap(vec, v)[0, 0] >= NEAR_DUPLICATE for v in vectors):
                    continue
                if any(c.doc == item.doc and c.start == item.start for c in chosen):
                    continue
                chosen.append(item)
                vectors.append(vec)
        note = "" if chosen else "No theme produced a key point."
        return Section(kind="key_points", id="key_points", title="Key points",
                       items=tuple(chosen), note=note)


def query_terms_of(text: str) -> list[str]:
    """The content terms a query is matched on (for the method note and tests)."""
    return terms(text)
