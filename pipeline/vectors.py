"""Sparse term vectors for sentences and queries (TF-IDF on scipy.sparse).

Terms are lowercased words, Porter-stemmed (NLTK's stemmer needs no data
files) with English stop words (scikit-learn's list, shipped as
`data/stop_words.txt`) removed, so "recruits", "recruited" and "recruitment"
meet. Vectors are L2-normalised, so a dot product is a cosine.

Term and concept lists are made once per sentence by the analysis stage and
kept in the cache; the spaces here are built from those lists. NLTK is
imported only when a text has to be analysed (imports a rebuild from the
cache does not pay).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib.resources import files
from typing import Any

import numpy as np
from scipy import sparse

from .wordlists import parse_list

# Reporting verbs are attribution, not topic: "said" is in half of all news
# sentences and would make any two quotes look alike.
REPORTING_WORDS = frozenset({"said", "says", "say", "told", "added", "according"})
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# Possessive and contraction endings carry no topic.
_CLITICS = ("'s", "’s", "'", "’")


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """The English stop words of `data/stop_words.txt` and the reporting verbs.

    The file is scikit-learn's ENGLISH_STOP_WORDS (318 words; its header gives the
    provenance and licence), read once and checked like the clean stage's lists: a
    blank line, upper case or a repeated word stops with the file and line.
    """
    resource = files("pipeline").joinpath("data").joinpath("stop_words.txt")
    text = resource.read_text(encoding="utf-8")
    return frozenset(parse_list(text, "pipeline/data/stop_words.txt")) | REPORTING_WORDS


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    from . import nltk_setup

    nltk_setup.prepare()
    from nltk.stem.porter import PorterStemmer
    return PorterStemmer()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _stemmer().stem(word)


def terms(text: str) -> list[str]:
    """Content terms of a text: lowercased, clitics dropped, stop words out, stemmed."""
    stop = stop_words()
    out = []
    for raw in _WORD.findall(text.lower()):
        if "'" in raw or "’" in raw:
            for clitic in _CLITICS:
                if raw.endswith(clitic):
                    raw = raw[: -len(clitic)]
                    break
        if len(raw) > 1 and raw not in stop and not raw.isdigit():
            out.append(stem(raw))
    return out


def word_count(text: str) -> int:
    """Words as a reader counts them (whitespace-separated tokens)."""
    return len(text.split())


class TermSpace:
    """A TF-IDF space fitted on the term lists of some texts (`terms`); transforms
    other term lists into it.

    The weighting is the usual one (scikit-learn's TfidfVectorizer with
    `sublinear_tf=True`): tf = 1 + ln(count), so a term repeated in one sentence
    does not dominate it; idf = 1 + ln((1 + n) / (1 + df)); rows L2-normalised.
    Columns are the terms in sorted order.
    """

    def __init__(self, documents: Sequence[Sequence[str]],
                 numbers: Numbering | None = None) -> None:
        if numbers is None:
            vocabulary = sorted({t for document in documents for t in document})
            self.vocabulary: dict[str, int] = {t: k for k, t in enumerate(vocabulary)}
            counts = self._counts(documents)
        else:  # the same columns from the numbers of the terms, in sorted term order
            flat, lengths = numbers.of(documents)
            used, inverse = np.unique(flat, return_inverse=True)
            words = [numbers.strings[i] for i in used]
            order = sorted(range(len(words)), key=words.__getitem__)
            column = np.empty(len(words), dtype=np.int64)
            column[order] = np.arange(len(words))
            self.vocabulary = {words[k]: j for j, k in enumerate(order)}
            counts = _incidence_flat(column[inverse], lengths, len(words), binary=False)
        df = np.bincount(counts.indices, minlength=len(self.vocabulary))
        self.idf = np.log((1 + len(documents)) / (1 + df)) + 1.0
        self.matrix: sparse.csr_matrix = self._weigh(counts)

    @property
    def empty(self) -> bool:
        return not self.vocabulary

    def _counts(self, documents: Sequence[Sequence[str]]) -> sparse.csr_matrix:
        """Documents x terms counts (terms the space does not know are left out)."""
        vocabulary = self.vocabulary
        known = [[vocabulary[t] for t in document if t in vocabulary] for document in documents]
        return _incidence(known, len(vocabulary), binary=False)

    def _weigh(self, counts: sparse.csr_matrix) -> sparse.csr_matrix:
        np.log(counts.data, out=counts.data)
        counts.data += 1.0
        counts.data *= self.idf[counts.indices]
        return normalise_rows(counts)

    def transform(self, documents: Sequence[Sequence[str]]) -> sparse.csr_matrix:
        return self._weigh(self._counts(documents))

    def columns_of(self, document: Sequence[str]) -> set[int]:
        """Column ids of the document's terms that the space knows."""
        return {self.vocabulary[t] for t in document if t in self.vocabulary}


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
# a few words by chance). A short sentence needs all its terms but one shared, and
# never fewer than MIN_SHARED_TERMS_SHORT: "Land is at the heart of the conflict"
# inside "Land is central to the conflict because ..." says the same (4 of 5 terms).
MIN_SHARED_TERMS = 6
MIN_SHARED_TERMS_SHORT = 4
MIN_CONTAINMENT = 0.8


@dataclass(frozen=True)
class Rows:
    """Sentence vectors with their binary form and term counts: what `overlap`
    needs of them, computed once for a matrix compared many times."""

    vectors: sparse.csr_matrix
    binary: sparse.csr_matrix
    sizes: np.ndarray

    @classmethod
    def of(cls, matrix: sparse.csr_matrix | Rows) -> Rows:
        if isinstance(matrix, Rows):
            return matrix
        binary = (matrix > 0).astype(np.float64)
        return cls(matrix, binary, np.asarray(binary.sum(axis=1)).ravel())

    @cached_property
    def by_term(self) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
        """The transposed vectors and binary form (terms x rows): an inverted index,
        so comparing a few sentences with all of these reads only the rows that share
        a term with them (the product would otherwise transpose all rows each time)."""
        return self.vectors.T.tocsr(), self.binary.T.tocsr()


def overlap(a: sparse.csr_matrix | Rows, b: sparse.csr_matrix | Rows) -> np.ndarray:
    """Dense |a| x |b| redundancy: the larger of cosine and term containment."""
    a, b = Rows.of(a), Rows.of(b)
    vectors_t, binary_t = b.by_term
    cosine = (a.vectors @ vectors_t).toarray()
    shared = (a.binary @ binary_t).toarray()
    smaller = np.minimum.outer(a.sizes, b.sizes)
    smaller[smaller == 0] = 1.0
    containment = shared / smaller
    needed = np.clip(smaller - 1, MIN_SHARED_TERMS_SHORT, MIN_SHARED_TERMS)
    containment[(shared < needed) | (containment < MIN_CONTAINMENT)] = 0.0
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
    stop = stop_words()
    tokens = _TOKEN.findall(text.lower())
    out = []
    for first, second in itertools.pairwise(tokens):
        if first in stop and second in stop:
            continue
        out.append(f"{stem(first)} {stem(second)}")
    return out


class ConceptSpace:
    """Which concepts each text holds: a binary texts x concepts matrix, from the
    texts' concept lists (`concepts`).

    Columns are numbered in order of first occurrence (`vocabulary`), so the
    matrix is the same for the same texts in the same order.
    """

    def __init__(self, documents: Sequence[Sequence[str]],
                 numbers: Numbering | None = None) -> None:
        self._vocabulary: dict[str, int] | None = None
        if numbers is None:
            vocabulary: dict[str, int] = {}
            ids = [[vocabulary.setdefault(c, len(vocabulary)) for c in document]
                   for document in documents]
            self._vocabulary = vocabulary
            self.matrix: sparse.csr_matrix = _incidence(ids, len(vocabulary), binary=True)
            return
        # the same columns from the numbers of the concepts, in order of first occurrence
        flat, lengths = numbers.of(documents)
        used, first, inverse = np.unique(flat, return_index=True, return_inverse=True)
        order = np.argsort(first, kind="stable")
        column = np.empty(len(used), dtype=np.int64)
        column[order] = np.arange(len(used))
        self._named = (numbers.strings, used[order])
        self.matrix = _incidence_flat(column[inverse], lengths, len(used), binary=True)

    @property
    def vocabulary(self) -> dict[str, int]:
        """Column of each concept (built on demand: selection reads columns only)."""
        if self._vocabulary is None:
            strings, numbered = self._named
            self._vocabulary = {strings[n]: j for j, n in enumerate(numbered)}
        return self._vocabulary


class Numbering:
    """Numbers for strings (terms, concepts), kept by `brief watch` between builds.

    Building a space means a dictionary lookup per word of the corpus; with a
    numbering, each sentence's list is numbered once (`of` remembers it by the
    identity of the list, which the watch memory keeps alive) and a rebuild
    assembles the spaces from arrays. The spaces come out the same as without.
    """

    def __init__(self) -> None:
        self.number: dict[str, int] = {}
        self.strings: list[str] = []
        self._lists: dict[int, tuple[Sequence[str], np.ndarray]] = {}

    def _numbers(self, strings: Sequence[str]) -> np.ndarray:
        known = self._lists.get(id(strings))
        if known is not None and known[0] is strings:
            return known[1]
        number = self.number
        for string in strings:
            if string not in number:
                number[string] = len(self.strings)
                self.strings.append(string)
        array = np.fromiter((number[s] for s in strings), dtype=np.int64, count=len(strings))
        self._lists[id(strings)] = (strings, array)
        return array

    def of(self, documents: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
        """The numbers of all documents' strings, concatenated, and each one's length."""
        arrays = [self._numbers(d) for d in documents]
        lengths = np.fromiter(map(len, arrays), dtype=np.int64, count=len(arrays))
        flat = np.concatenate(arrays) if arrays else np.zeros(0, dtype=np.int64)
        return flat, lengths

    def forget_all_but(self, documents: Sequence[Sequence[str]]) -> None:
        """Drop the remembered lists other than `documents`' (after a build)."""
        keep = {id(d) for d in documents}
        self._lists = {k: v for k, v in self._lists.items() if k in keep}


def _incidence(rows: Sequence[Sequence[int]], columns: int, binary: bool
               ) -> sparse.csr_matrix:
    """A rows x columns matrix counting each row's column ids (1 for any count when
    `binary`), in canonical CSR form (sorted columns, no duplicates)."""
    lengths = np.fromiter((len(r) for r in rows), dtype=np.int64, count=len(rows))
    cols = np.fromiter((c for r in rows for c in r), dtype=np.int64, count=int(lengths.sum()))
    return _incidence_flat(cols, lengths, columns, binary)


def _incidence_flat(cols: np.ndarray, lengths: np.ndarray, columns: int, binary: bool
                    ) -> sparse.csr_matrix:
    """`_incidence` of rows given as their column ids concatenated and their lengths."""
    row_ids = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
    matrix = sparse.csr_matrix((np.ones(len(cols)), (row_ids, cols)),
                               shape=(len(lengths), columns))
    matrix.sum_duplicates()
    matrix.sort_indices()
    if binary:
        matrix.data[:] = 1.0
    return matrix
