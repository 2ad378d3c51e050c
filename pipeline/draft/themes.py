"""Proposed themes: the corpus's sentences clustered by what they are about, each
cluster named and queried by its own salient terms.

Sentences (the candidates a brief chooses from) are TF-IDF rows over their stemmed
terms (`vectors.TermSpace`, the space selection uses), reduced by a truncated SVD
(latent semantic analysis: sentences that share no word but share context land near
each other) and clustered by k-means on the unit sphere, for each k from MIN_THEMES to
MAX_THEMES; the k with the best mean silhouette wins. A cluster's salient terms are
those whose weight in it most exceeds their weight in the corpus; they become the
theme's query (in the words the articles write, not stems) and, the first three, its
title. Deterministic: a fixed start vector for the SVD, a fixed seed for k-means.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from ..attribute.lexicon import TITLE_WORDS
from ..outline import RESERVED_IDS
from ..timex import MONTHS, WEEKDAYS
from ..vectors import TermSpace, stem, stop_words

MIN_THEMES, MAX_THEMES = 4, 8
# Dimensions kept by the SVD: enough for a few dozen topics, few enough that k-means
# is not lost in noise; fewer when the corpus has fewer terms or sentences.
SVD_DIMENSIONS = 40
# A term in fewer sentences than this says nothing about a cluster (a name in passing).
MIN_TERM_SENTENCES = 3
# Silhouettes are computed on at most this many sentences (every n-th, in order).
SILHOUETTE_SAMPLE = 2000
QUERY_TERMS = 10
# Each neighbouring sentence of the same article adds this much of its terms to a
# sentence's row before clustering.
NEIGHBOUR_WEIGHT = 0.5
# The prior's total weight, in sentences (how much evidence a term needs to stand out).
PRIOR_WEIGHT = 100.0
TITLE_TERMS = 3
SEED = 20261205
# A noun phrase "determiner + word" that ends right there (a function word or a
# punctuation mark follows) makes the word a noun: "the vote was", "a site of"; "the
# old building" does not make "old" one. A term never used so is no title word.
PHRASE_ENDERS = frozenset({"of", "in", "to", "and", "or", "was", "is", "are", "were", "has",
                           "have", "had", "for", "with", "that", "on", "at", "by", "from",
                           "as", "will", "would", "said", "says", "which", "who"})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their",
                         "his", "her", "our", "my", "your", "whose", "each", "every"})
# Two capitalised terms written side by side at least MIN_PAIR times, and in at least
# PAIR_SHARE of the uses of the rarer one, are one name ("United States").
MIN_PAIR = 3
PAIR_SHARE = 0.6

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@dataclass(frozen=True)
class ProposedTheme:
    id: str
    title: str
    query: str
    share: float  # of the sentences clustered
    sentences: int
    examples: tuple[int, ...]  # indexes of the sentences closest to its centre


@dataclass(frozen=True)
class Words:
    """How the texts write each stem: its commonest form, whether it is used as a noun
    (a determiner or possessive stands right before it at least once, or it is mostly
    capitalised: a name), and the stems that follow it as a fixed pair ("United
    States")."""

    form: dict[str, str]
    nouns: frozenset[str]
    pairs: dict[str, str]  # stem -> the stem that follows it in a frequent pair


def read_words(texts: Sequence[str]) -> Words:
    stop = stop_words()
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    after_determiner: set[str] = set()
    adjacent: Counter[tuple[str, str]] = Counter()
    for text in texts:
        previous, previous_stem, pending = "", "", ""
        for match in _WORD.finditer(text):
            word = match.group()
            lower = word.lower()
            if pending and (lower in PHRASE_ENDERS or text[match.start() - 1] in ",;:"):
                after_determiner.add(pending)  # "the vote was", "the site, ..."
            pending = ""
            key = stem(lower) if len(lower) > 1 and lower not in stop else ""
            if key:
                seen[key][word] += 1
                if previous in DETERMINERS:
                    pending = key
                    if text[match.end():match.end() + 1] in (".", ",", ";", ":", ")"):
                        after_determiner.add(key)
                if previous_stem and word[:1].isupper():
                    adjacent[previous_stem, key] += 1
            previous, previous_stem = lower, (key if word[:1].isupper() else "")
    form, nouns = {}, set(after_determiner)
    for key, counts in seen.items():
        lowered: Counter[str] = Counter()
        for word, n in counts.items():
            lowered[word.lower()] += n
        word = min(lowered, key=lambda w: (-lowered[w], w))
        capitalised = sum(n for w, n in counts.items() if w[:1].isupper() and w.lower() == word)
        if capitalised > lowered[word] / 2:  # a name: its commonest capitalised form
            form[key] = min((w for w in counts if w[:1].isupper() and w.lower() == word),
                            key=lambda w: (-counts[w], w))
            nouns.add(key)
        else:
            form[key] = word
    pairs = {a: b for (a, b), n in sorted(adjacent.items())
             if n >= MIN_PAIR and n >= PAIR_SHARE * min(sum(seen[a].values()),
                                                        sum(seen[b].values()))}
    return Words(form, frozenset(nouns), pairs)


def phrases(stems: Sequence[str], words: Words) -> list[str]:
    """The stems as the texts write them, a frequent pair joined ("United States")
    where both halves are among them."""
    out: list[str] = []
    used: set[str] = set()
    before = {b: a for a, b in words.pairs.items()}
    for key in stems:
        if key in used:
            continue
        after = words.pairs.get(key, "")
        first, second = (key, after) if after in stems else (before.get(key, ""), key)
        if first in stems and second in stems and not {first, second} & used:
            out.append(f"{words.form.get(first, first)} {words.form.get(second, second)}")
            used |= {first, second}
        else:
            out.append(words.form.get(key, key))
            used.add(key)
    return out


def propose_themes(term_lists: Sequence[Sequence[str]], texts: Sequence[str],
                   articles: Sequence[int]) -> tuple[ProposedTheme, ...]:
    """4-8 themes for the sentences whose terms, texts and articles (an id each, the
    sentences of one article consecutive) are given, largest first."""
    kept = [i for i, t in enumerate(term_lists) if t]
    if len(kept) < MIN_THEMES * 3:
        return ()
    space = TermSpace([term_lists[i] for i in kept])
    matrix = _in_context(_frequent_columns(space.matrix), [articles[i] for i in kept])
    points = _reduced(matrix)
    labels = _best_clustering(points)
    words = read_words([texts[i] for i in kept])
    stems = {column: term for term, column in space.vocabulary.items()}
    calendar = np.array(sorted(c for t, c in space.vocabulary.items() if t in calendar_stems()),
                        dtype=np.int64)
    themes = []
    for label in sorted(set(labels.tolist()), key=lambda lab: (-(labels == lab).sum(), lab)):
        members = np.flatnonzero(labels == label)
        salient = [stems[c] for c in _salient_columns(space.matrix, members, calendar)]
        terms = phrases(salient, words)
        named = [p for p in phrases(salient, words)
                 if p.split()[-1] not in TITLE_WORDS and any(
                     stem(w.lower()) in words.nouns for w in p.split())]
        if not terms:
            continue
        examples = _closest(points, members)
        themes.append(ProposedTheme(
            id="", title=_title((named or terms)[:TITLE_TERMS]), query=" ".join(terms),
            share=len(members) / len(kept), sentences=len(members),
            examples=tuple(kept[i] for i in examples)))
    return _with_ids(themes)


def calendar_stems() -> frozenset[str]:
    """Stems of month and weekday names."""
    return frozenset(stem(w) for w in (*MONTHS, *WEEKDAYS))


def _frequent_columns(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    """The matrix without the columns of terms in fewer than MIN_TERM_SENTENCES rows."""
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    keep = np.flatnonzero(df >= MIN_TERM_SENTENCES)
    return matrix[:, keep] if keep.size else matrix


def _in_context(matrix: sparse.csr_matrix, articles: Sequence[int]) -> sparse.csr_matrix:
    """Each sentence's row plus NEIGHBOUR_WEIGHT times its neighbours' in the same
    article: a sentence alone has a handful of terms; its paragraph says what it is
    about ("He denied it" is about what the sentence before names)."""
    n = matrix.shape[0]
    rows, cols, weights = list(range(n)), list(range(n)), [1.0] * n
    for i in range(n - 1):
        if articles[i] == articles[i + 1]:
            rows += [i, i + 1]
            cols += [i + 1, i]
            weights += [NEIGHBOUR_WEIGHT, NEIGHBOUR_WEIGHT]
    mix = sparse.csr_matrix((weights, (rows, cols)), shape=(n, n))
    return (mix @ matrix).tocsr()


def _reduced(matrix: sparse.csr_matrix) -> np.ndarray:
    """Rows in the SVD's latent space, scaled by the singular values, unit length."""
    from scipy.sparse.linalg import svds

    k = min(SVD_DIMENSIONS, min(matrix.shape) - 1)
    if k < 2:
        dense = matrix.toarray()
    else:
        start = np.ones(min(matrix.shape)) / np.sqrt(min(matrix.shape))
        u, s, _ = svds(matrix.astype(np.float64), k=k, v0=start, random_state=SEED)
        order = np.argsort(-s)
        dense = u[:, order] * s[order]
    norms = np.linalg.norm(dense, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return dense / norms


def _best_clustering(points: np.ndarray) -> np.ndarray:
    """k-means labels for the k in MIN_THEMES..MAX_THEMES with the best silhouette."""
    from scipy.cluster.vq import kmeans2

    sample = points[::max(1, len(points) // SILHOUETTE_SAMPLE)]
    best: tuple[float, np.ndarray] | None = None
    for k in range(MIN_THEMES, min(MAX_THEMES, len(points) // 3) + 1):
        _, labels = kmeans2(points, k, minit="++", seed=SEED, iter=30)
        score = _silhouette(sample, labels[::max(1, len(points) // SILHOUETTE_SAMPLE)])
        if best is None or score > best[0] + 1e-9:
            best = (score, labels)
    assert best is not None
    return best[1]


def _silhouette(points: np.ndarray, labels: np.ndarray) -> float:
    """Mean silhouette with cosine distance (points are unit length)."""
    distance = 1.0 - points @ points.T
    scores = []
    clusters = sorted(set(labels.tolist()))
    if len(clusters) < 2:
        return -1.0
    for i in range(len(points)):
        own = labels == labels[i]
        if own.sum() < 2:
            scores.append(0.0)
            continue
        a = distance[i, own].sum() / (own.sum() - 1)
        b = min(distance[i, labels == c].mean() for c in clusters if c != labels[i])
        scores.append((b - a) / max(a, b) if max(a, b) > 0 else 0.0)
    return float(np.mean(scores))


def _salient_columns(matrix: sparse.csr_matrix, members: np.ndarray,
                     calendar_columns: np.ndarray) -> list[int]:
    """The terms most typical of the cluster against the rest of the corpus: the
    log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn
    2008, "Fightin' Words"), as a z-score, on the number of sentences holding each
    term; a term in fewer than MIN_TERM_SENTENCES of the cluster's sentences is left
    out. Frequent words everywhere score low; words of this cluster score high."""
    present = (matrix > 0).astype(np.float64).tocsr()
    inside = np.asarray(present[members].sum(axis=0)).ravel()
    total = np.asarray(present.sum(axis=0)).ravel()
    outside = total - inside
    prior = PRIOR_WEIGHT * total / total.sum()
    a0, n_in, n_out = prior.sum(), inside.sum(), outside.sum()
    delta = (np.log((inside + prior) / (n_in + a0 - inside - prior))
             - np.log((outside + prior) / (n_out + a0 - outside - prior)))
    z = delta / np.sqrt(1.0 / (inside + prior) + 1.0 / (outside + prior))
    z[inside < MIN_TERM_SENTENCES] = -np.inf
    z[calendar_columns] = -np.inf  # "March", "Monday": when, not what about
    order = np.lexsort((np.arange(len(z)), -z))
    return [int(c) for c in order[:QUERY_TERMS] if z[c] > 0]


def _closest(points: np.ndarray, members: np.ndarray, n: int = 2) -> list[int]:
    centre = points[members].mean(axis=0)
    closeness = points[members] @ centre
    order = np.lexsort((members, -closeness))
    return [int(members[i]) for i in order[:n]]


def _title(terms: Sequence[str]) -> str:
    words = list(terms)
    text = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
    return text[:1].upper() + text[1:]


def _with_ids(themes: list[ProposedTheme]) -> tuple[ProposedTheme, ...]:
    taken: set[str] = set(RESERVED_IDS)  # section ids the brief itself uses
    out = []
    for theme in themes:
        first = theme.title.split(",")[0].split(" and ")[0]
        base = re.sub(r"[^a-z0-9]+", "-", first.lower()).strip("-") or "theme"
        ident, n = base[:40], 2
        while ident in taken:
            ident, n = f"{base[:36]}-{n}", n + 1
        taken.add(ident)
        out.append(ProposedTheme(ident, theme.title, theme.query, theme.share,
                                 theme.sentences, theme.examples))
    return tuple(out)
