"""One article's analysis as a JSON-able record, and back.

Workers (local processes or Dask) return records, and the cache stores them.
A record read back is data from outside this process (a cache file another
version wrote, or one altered by hand or by a failing disk), so `from_record`
checks every field before it builds an `AnalysedArticle`: types, aligned
lengths, offsets inside the article's text and in order. A record that fails
raises `BadRecord`, and the article is analysed again.

Sentence texts are not stored: the article's text gives them back, which keeps
them verbatim by construction.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, get_args

from .models import AnalysedArticle, Article, Attribution, Block, BlockKind, Sentence

BLOCK_KINDS = get_args(BlockKind)


class BadRecord(ValueError):
    """A stored record that does not describe the article it is stored for."""


def to_record(blocks: Sequence[Block], sentences: Sequence[Sentence],
              attributions: Sequence[Attribution], terms: Sequence[Sequence[str]],
              concepts: Sequence[Sequence[str]], seconds: dict[str, float]) -> dict[str, Any]:
    """A JSON-able record of one article's analysis."""
    return {
        "blocks": [[b.start, b.end, b.boilerplate, b.reason, b.kind] for b in blocks],
        "sentences": [[s.start, s.end, s.block, s.boilerplate, s.reason] for s in sentences],
        "attributions": [[a.speaker, a.speaker_role, a.cue, a.actor, a.quote, a.act,
                          a.speaker_kind, a.speaker_named] for a in attributions],
        "terms": [list(t) for t in terms],
        "concepts": [list(c) for c in concepts],
        "seconds": seconds,
    }


def _require(condition: bool, what: str) -> None:
    if not condition:
        raise BadRecord(what)


def _rows(record: dict[str, Any], field: str, width: int) -> list[list[Any]]:
    rows = record.get(field)
    if not isinstance(rows, list):
        raise BadRecord(f"{field} is not a list")
    for row in rows:
        _require(isinstance(row, list) and len(row) == width,
                 f"a row of {field} does not have {width} fields")
    return rows


def _is_offset(value: object, limit: int) -> bool:
    return type(value) is int and 0 <= value <= limit


def _span_rows(rows: list[list[Any]], limit: int, what: str) -> None:
    """Spans (the first two fields of each row) inside the text and in order: none
    starts before the previous one ended."""
    previous_end = 0
    for row in rows:
        start, end = row[0], row[1]
        _require(_is_offset(start, limit) and _is_offset(end, limit) and start <= end,
                 f"a {what} span lies outside the text")
        _require(start >= previous_end, f"{what} spans overlap or are out of order")
        previous_end = end


def _optional_texts(row: Sequence[Any]) -> bool:
    return all(value is None or type(value) is str for value in row)


def _word_lists(record: dict[str, Any], field: str, count: int) -> tuple[tuple[str, ...], ...]:
    lists = record.get(field)
    if not isinstance(lists, list) or len(lists) not in (0, count):
        raise BadRecord(f"{field} is not one list per sentence")
    for words in lists:
        _require(isinstance(words, list) and all(type(w) is str for w in words),
                 f"{field} holds something other than words")
    return tuple(tuple(words) for words in lists)


def _blocks(record: dict[str, Any], limit: int) -> tuple[Block, ...]:
    rows = _rows(record, "blocks", 5)
    _span_rows(rows, limit, "block")
    for row in rows:
        _require(type(row[2]) is bool and type(row[3]) is str and row[4] in BLOCK_KINDS,
                 "a block's flags are not of the right types")
    return tuple(Block(start=s, end=e, boilerplate=bp, reason=r, kind=k)
                 for s, e, bp, r, k in rows)


def _sentences(record: dict[str, Any], article: Article, blocks: int) -> tuple[Sentence, ...]:
    rows = _rows(record, "sentences", 5)
    _span_rows(rows, len(article.text), "sentence")
    for row in rows:
        _require(type(row[2]) is int and 0 <= row[2] < blocks,
                 "a sentence names a block that does not exist")
        _require(type(row[3]) is bool and type(row[4]) is str,
                 "a sentence's flags are not of the right types")
    text = article.text
    return tuple(
        Sentence(doc=article.doc, index=i, start=s, end=e, text=text[s:e], block=b,
                 boilerplate=bp, reason=r)
        for i, (s, e, b, bp, r) in enumerate(rows))


def _attributions(record: dict[str, Any], count: int) -> tuple[Attribution, ...]:
    rows = _rows(record, "attributions", 8)
    _require(len(rows) == count, "not one attribution per sentence")
    for row in rows:
        _require(_optional_texts((*row[:4], row[6])) and type(row[4]) is bool
                 and type(row[5]) is bool and type(row[7]) is bool,
                 "an attribution's fields are not of the right types")
    return tuple(Attribution(speaker=sp, speaker_role=ro, cue=cu, actor=ac, quote=q, act=act,
                             speaker_kind=kind, speaker_named=named)
                 for sp, ro, cu, ac, q, act, kind, named in rows)


def from_record(record: object, article: Article) -> AnalysedArticle:
    """The analysis a record holds, its sentence texts cut from `article.text`;
    raises BadRecord when the record does not fit the article."""
    _require(isinstance(record, dict), "the record is not a mapping")
    assert isinstance(record, dict)
    blocks = _blocks(record, len(article.text))
    sentences = _sentences(record, article, len(blocks))
    attributions = _attributions(record, len(sentences))
    seconds = record.get("seconds", {})
    _require(isinstance(seconds, dict) and all(
        type(v) in (int, float) for v in seconds.values()), "stage timings are not numbers")
    return AnalysedArticle(article=article, blocks=blocks, sentences=sentences,
                           attributions=attributions,
                           terms=_word_lists(record, "terms", len(sentences)),
                           concepts=_word_lists(record, "concepts", len(sentences)))


def stage_seconds(record: dict[str, Any]) -> dict[str, float]:
    """Seconds per analysis stage that a (checked) record carries."""
    return {str(k): float(v) for k, v in record.get("seconds", {}).items()}
