"""Sparse term vectors for sentences and queries (scikit-learn TF-IDF).

Terms are lowercased words, Porter-stemmed (NLTK's stemmer needs no data
files) with English stop words removed, so "recruits", "recruited" and
"recruitment" meet. Vectors are L2-normalised, so a dot product is a cosine.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from nltk.stem.porter import PorterStemmer
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

# Reporting verbs are attribution, not topic: "said" is in half of all news
# sentences and would make any two quotes look alike.
REPORTING_WORDS = frozenset({"said", "says", "say", "told", "added", "according"})
STOP_WORDS = ENGLISH_STOP_WORDS | REPORTING_WORDS
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_STEMMER = PorterStemmer()
# Possessive and contraction endings carry no topic.
_CLITICS = ("'s", "’s", "'", "’")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _STEMMER.stem(word)


def terms(text: str) -> list[str]:
    """Content terms of a text: lowercased, clitics dropped, stop words out, stemmed."""
    out = []
    for raw in _WORD.findall(text.lower()):
        if "'" in raw or "’" in raw:
            for clitic in _CLITICS:
                if raw.endswith(clitic):
                    raw = raw[: -len(clitic)]
                    break
        if len(raw) > 1 and raw not in STOP_WORDS and not raw.isdigit():
            out.append(stem(raw))
    return out


def word_count(text: str) -> int:
    """Words as a reader counts them (whitespace-separated tokens)."""
    return len(text.split())


class TermSpace:
    """A TF-IDF space fitted on a set of texts; transforms other texts into it."""

    def __init__(self, texts: Sequence[str]) -> None:
        # sublinear tf: a term repeated in one sentence should not dominate it.
        self._vectorizer = TfidfVectorizer(
            analyzer=terms, sublinear_tf=True, norm="l2", dtype=np.float64
        )
        self.matrix: sparse.csr_matrix = (
            self._vectorizer.fit_transform(texts) if texts else sparse.csr_matrix((0, 0))
        )

    @property
    def empty(self) -> bool:
        return self.matrix.shape[1] == 0

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        if self.empty or not texts:
            return sparse.csr_matrix((len(texts), self.matrix.shape[1]))
        return self._vectorizer.transform(texts)

    def vocabulary_of(self, text: str) -> set[int]:
        """Column ids of the text's terms that the space knows."""
        vocab = self._vectorizer.vocabulary_ if not self.empty else {}
        return {vocab[t] for t in terms(text) if t in vocab}


def normalise_rows(matrix: sparse.spmatrix) -> sparse.csr_matrix:
    """L2-normalise each row (zero rows stay zero)."""
    matrix = sparse.csr_matrix(matrix, dtype=np.float64)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)


# Containment: share of the shorter sentence's terms found in the longer one.
# A sentence repeated inside a longer one ("X accused Y." and "X accused Y,
# and ...") has a modest cosine but full containment. It counts only from
# MIN_CONTAINMENT up (two sentences on one topic share two thirds of their
# terms easily: "fighters", "border", "fence", "Pakistan", "Afghanistan"), and
# only for pairs sharing at least MIN_SHARED_TERMS terms (short sentences share
# a few words by chance).
MIN_SHARED_TERMS = 6
MIN_CONTAINMENT = 0.8


def overlap(a: sparse.csr_matrix, b: sparse.csr_matrix) -> np.ndarray:
    """Dense |a| x |b| redundancy: the larger of cosine and term containment."""
    cosine = (a @ b.T).toarray()
    a_bin = (a > 0).astype(np.float64)
    b_bin = (b > 0).astype(np.float64)
    shared = (a_bin @ b_bin.T).toarray()
    sizes_a = np.asarray(a_bin.sum(axis=1)).ravel()
    sizes_b = np.asarray(b_bin.sum(axis=1)).ravel()
    smaller = np.minimum.outer(sizes_a, sizes_b)
    smaller[smaller == 0] = 1.0
    containment = shared / smaller
    containment[(shared < MIN_SHARED_TERMS) | (containment < MIN_CONTAINMENT)] = 0.0
    return np.maximum(cosine, containment)


# --- Concepts -------------------------------------------------------------------
# A concept is a pair of adjacent word stems ("tribal sovereignti"): the unit of
# information that concept-coverage summarisers (Gillick & Favre 2009) count,
# and the unit ROUGE-2 counts. Every run of letters or digits is a token (so
# "it's" is "it" + "s" and "1.2" is "1" + "2"), stemmed; pairs of two stop words
# ("of the") say nothing and are dropped, pairs with one ("the reservation")
# stay, because they tell the phrase apart from other uses of its word.
_TOKEN = re.compile(r"[^\W_]+")


def concepts(text: str) -> list[str]:
    """The stemmed word pairs of a text, without stop-word-only pairs."""
    tokens = _TOKEN.findall(text.lower())
    out = []
    for first, second in zip(tokens, tokens[1:]):
        if first in STOP_WORDS and second in STOP_WORDS:
            continue
        out.append(f"{stem(first)} {stem(second)}")
    return out


class ConceptSpace:
    """Which concepts each text holds: a binary texts x concepts matrix.

    Columns are numbered in order of first occurrence (`vocabulary`), so the
    matrix is the same for the same texts in the same order.
    """

    def __init__(self, texts: Sequence[str]) -> None:
        self.vocabulary: dict[str, int] = {}
        indices: list[int] = []
        indptr = [0]
        for text in texts:
            columns = {self.vocabulary.setdefault(c, len(self.vocabulary))
                       for c in concepts(text)}
            indices.extend(sorted(columns))
            indptr.append(len(indices))
        self.matrix: sparse.csr_matrix = sparse.csr_matrix(
            (np.ones(len(indices)), np.array(indices, dtype=np.int64),
             np.array(indptr, dtype=np.int64)),
            shape=(len(texts), len(self.vocabulary)))
