"""Step 5, continuations: sentences of a quote whose cue is in another sentence.

Sentences of one paragraph joined by a quote left open form a quote run; a sentence of
a run with no cue of its own takes the source of the nearest sentence of the run that
has one; a sentence that is all quote and follows an attributed sentence continues it
(cue None); the quotation right before a credit line (`― Jane Doe`) is the credited
speaker's. Then every sentence gets its `Attribution`, with its actor.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from ..models import NO_ATTRIBUTION, Attribution, Sentence
from .actors import ActorMatcher
from .limits import CONTINUATION_MAX_BLOCK_GAP, CONTINUATION_MAX_NARRATIVE_WORDS
from .model import CREDIT_CUE, Found, Quoted

# A sentence's attribution and whether it continues another sentence's quote.
Assigned = tuple[Found, bool]


def _quote_runs(sentences: Sequence[Sentence], quoted: Sequence[Quoted | None]) -> list[int]:
    """For each sentence, the first sentence of its quote run (itself when alone)."""
    run_of = list(range(len(sentences)))
    for i in range(1, len(sentences)):
        previous = quoted[i - 1]
        if (previous is not None and previous.ends_open
                and sentences[i].block == sentences[i - 1].block):
            run_of[i] = run_of[i - 1]
    return run_of


def _continues(sentence: Sentence, q: Quoted, earlier: Sentence) -> bool:
    """Whether `sentence`, nearly all quote, can continue `earlier`'s quote."""
    return (q.quoted_words > 0 and q.narrative_words <= CONTINUATION_MAX_NARRATIVE_WORDS
            and sentence.block - earlier.block <= CONTINUATION_MAX_BLOCK_GAP)


def _assign(sentences: Sequence[Sentence], quoted: Sequence[Quoted | None],
            found: Sequence[Found | None]) -> list[Assigned | None]:
    """Each body sentence's own attribution, or the one it continues."""
    n = len(sentences)
    run_of = _quote_runs(sentences, quoted)
    size: dict[int, int] = {}
    explicit: dict[int, list[int]] = {}  # run -> sentences with their own cue, in order
    for i in range(n):
        size[run_of[i]] = size.get(run_of[i], 0) + 1
        if found[i] is not None and not sentences[i].boilerplate:
            explicit.setdefault(run_of[i], []).append(i)
    result: list[Assigned | None] = [None] * n
    previous_body: int | None = None
    for i, sentence in enumerate(sentences):
        q = quoted[i]
        assert q is not None
        if sentence.boilerplate:  # a headline keeps its own attribution, lends none
            own = found[i]
            result[i] = (own, False) if own is not None else None
            continue
        own = found[i]
        cued = explicit.get(run_of[i], [])
        if own is not None:
            result[i] = (own, False)
        elif size[run_of[i]] > 1 and cued:
            at = bisect.bisect_left(cued, i)
            nearest = min(cued[max(0, at - 1):at + 1], key=lambda k: (abs(k - i), k))
            result[i] = (found[nearest], True)  # type: ignore[assignment]
        elif run_of[i] != i and result[i - 1] is not None and not sentences[i - 1].boilerplate:
            result[i] = (result[i - 1][0], True)  # type: ignore[index]
        elif (previous_body is not None and result[previous_body] is not None
              and _continues(sentence, q, sentences[previous_body])):
            result[i] = (result[previous_body][0], True)  # type: ignore[index]
        previous_body = i
    return result


def _credit_lines(sentences: Sequence[Sentence], quoted: Sequence[Quoted | None],
                  found: Sequence[Found | None], result: list[Assigned | None]) -> None:
    """ "“...” ― Sonya Herridge": a credit line gives its speaker to the quotation right
    before it (sentences that are all quote, with no attribution of their own)."""
    for i, credit in enumerate(found):
        if credit is None or credit.cue != CREDIT_CUE:
            continue
        k = i - 1
        while k >= 0 and not sentences[k].boilerplate:
            assigned = result[k]
            if assigned is not None and not assigned[1]:
                break  # a sentence's own attribution; a credit beats a guessed continuation
            qk = quoted[k]
            if qk is None or not _continues(sentences[i], qk, sentences[k]):
                break
            result[k] = (credit, True)
            k -= 1


def assemble(sentences: Sequence[Sentence], quoted: Sequence[Quoted | None],
             found: Sequence[Found | None], matcher: ActorMatcher) -> tuple[Attribution, ...]:
    """One Attribution per sentence (aligned); boilerplate gets NO_ATTRIBUTION, except a
    headline, which keeps its own."""
    result = _assign(sentences, quoted, found)
    _credit_lines(sentences, quoted, found, result)
    out: list[Attribution] = []
    for i in range(len(sentences)):
        entry = result[i]
        if entry is None:  # boilerplate has none but a headline's own (driver.py)
            out.append(NO_ATTRIBUTION)
            continue
        f, continuation = entry
        entity = f.entity
        role = f.role or entity.role
        q = quoted[i]
        out.append(Attribution(
            speaker=entity.name,
            speaker_role=role,
            cue=None if continuation else f.cue,
            actor=matcher.actor(entity, role),
            quote=bool(q and q.has_quote),
            act=f.act and not continuation,
            speaker_kind=entity.kind.value,
            speaker_named=entity.named,
        ))
    return tuple(out)
