"""Copies: the same article more than once in a corpus (a wire story re-sent with a
new first line, one story carried verbatim by two outlets, the same file saved as a
page and as a PDF). A copy is shown as one source with its other copies, never as a
second source that corroborates the first.

Texts are compared by their sets of 5-word shingles (lower-cased word 5-grams), the
measure of near-duplicate detection since Broder (1997). Two texts are copies when
most of the smaller one's shingles are in the larger (COPY_CONTAINMENT) and the
smaller is more than an excerpt of the larger (COPY_SIZE_RATIO): a trimmed re-send
is a copy, a short statement quoted whole inside a long report is not.

Comparing every pair is quadratic; MinHash signatures with banded locality-sensitive
hashing find the pairs worth comparing, and each is then measured exactly, so the
decision never rests on the estimate. On DUC 2006 (1,250 newswire articles) the
banding keeps about 60 pairs of the 780,000, and measures them in half a second.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np

SHINGLE_WORDS = 5
# Near copies are looked for among texts of this many words or more: a news brief
# runs 50-100 words; in a shorter text one changed word moves the shared share by
# a tenth or more, so only identical short texts are copies.
COPY_MIN_WORDS = 50
# Share of the smaller text's shingles found in the larger. On DUC 2006 the pairs
# above it are re-sends (0.82-1.00, mostly 1.00); the next lower pairs (0.69-0.78)
# are next-day stories that rewrite half the text.
COPY_CONTAINMENT = 0.8
# The smaller text holds at least this share of the larger's shingles: on DUC 2006 a
# trimmed re-send keeps 0.41-1.00 of the story it was cut from.
COPY_SIZE_RATIO = 0.4
# MinHash: SIGNATURE_SIZE hashes in BANDS bands of rows; a pair lands in one bucket
# with probability 1 - (1 - J^rows)^BANDS, over 0.9 from Jaccard 0.3 (rows = 2), so
# every pair that can pass the thresholds above (Jaccard >= 0.32) is measured.
SIGNATURE_SIZE = 64
BANDS = 32
ROWS = SIGNATURE_SIZE // BANDS
# Fixed seeds: the same texts give the same signatures on every run and machine.
_RANDOM = np.random.default_rng(20261204)
_A = _RANDOM.integers(1, 2**63, SIGNATURE_SIZE, dtype=np.uint64) | np.uint64(1)
_B = _RANDOM.integers(0, 2**63, SIGNATURE_SIZE, dtype=np.uint64)
# Odd 64-bit constants that mix a shingle's word hashes into one (from SplitMix64 and
# xxHash); multiplication wraps modulo 2^64.
_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9,
                 0x27D4EB2F165667C5, 0xFF51AFD7ED558CCD], dtype=np.uint64)
WORD = re.compile(r"\w+")
# Shingle sets kept between builds (`brief watch`): key is the text's digest.
_MEMO: dict[bytes, tuple[np.ndarray, np.ndarray | None]] = {}
MEMO_MAX = 200_000


@dataclass(frozen=True)
class Fingerprint:
    shingles: np.ndarray  # sorted unique uint64 shingle hashes
    signature: np.ndarray | None  # MinHash, None when the text is too short to have one


def fingerprint(text: str) -> Fingerprint:
    key = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
    if key not in _MEMO:
        if len(_MEMO) >= MEMO_MAX:
            _MEMO.clear()
        _MEMO[key] = _compute(text)
    return Fingerprint(*_MEMO[key])


def _compute(text: str) -> tuple[np.ndarray, np.ndarray | None]:
    words = np.array([zlib.crc32(w.encode("utf-8", "surrogatepass"))
                      for w in WORD.findall(text.casefold())], dtype=np.uint64)
    count = len(words) - SHINGLE_WORDS + 1
    if count < 1:
        return np.zeros(0, dtype=np.uint64), None
    mixed = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(SHINGLE_WORDS):
            mixed = mixed + words[j:j + count] * _MIX[j]
        shingles = np.unique(mixed)
        signature = ((_A[:, None] * shingles[None, :] + _B[:, None]) >> np.uint64(32)).min(axis=1)
    return shingles, signature


def _candidates(prints: Sequence[Fingerprint]) -> set[tuple[int, int]]:
    buckets: dict[tuple[int, bytes], list[int]] = defaultdict(list)
    for i, fp in enumerate(prints):
        if fp.signature is None:
            continue
        for band in range(BANDS):
            buckets[band, fp.signature[band * ROWS:(band + 1) * ROWS].tobytes()].append(i)
    return {pair for members in buckets.values() if len(members) > 1
            for pair in combinations(members, 2)}


def is_copy(a: Fingerprint, b: Fingerprint) -> bool:
    small, large = sorted((len(a.shingles), len(b.shingles)))
    if small < COPY_MIN_WORDS - SHINGLE_WORDS + 1 or small < COPY_SIZE_RATIO * large:
        return False
    shared = len(np.intersect1d(a.shingles, b.shingles, assume_unique=True))
    return shared >= COPY_CONTAINMENT * small


def copy_groups(texts: Sequence[str]) -> list[list[int]]:
    """Groups of indexes of `texts` that are copies of one another (two or more each,
    in index order; groups ordered by their first member). Texts identical to the
    character are copies whatever their length."""
    prints = [fingerprint(t) for t in texts]
    parent = list(range(len(texts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    same_text: dict[str, int] = {}
    pairs = set(_candidates(prints))
    for i, text in enumerate(texts):
        pairs.add((same_text.setdefault(text, i), i))
    for i, j in sorted(pairs):
        if i != j and (texts[i] == texts[j] or is_copy(prints[i], prints[j])):
            parent[max(root(i), root(j))] = min(root(i), root(j))
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(texts)):
        groups[root(i)].append(i)
    return [members for _, members in sorted(groups.items()) if len(members) > 1]


def canonical(members: Sequence[int], texts: Sequence[str]) -> int:
    """The copy that stands for the group: the fullest text (a re-send with an added
    paragraph holds everything the first send did), the first in corpus order on a tie."""
    return max(members, key=lambda i: (len(fingerprint(texts[i]).shingles), -i))
