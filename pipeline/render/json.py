"""JSON: the brief as data, every item with its source document and
character offsets, keys in contract order."""

from __future__ import annotations

import json
from typing import Any

from ..models import Brief, Chart, Copy, Item, MethodNote, PersonEntry, Section, Source
from .view import check_brief

# The version of schemas/brief.schema.json this output follows; a change that removes or
# renames a field gives a new one.
SCHEMA_VERSION = "1"


def item_json(item: Item, dated: bool = False) -> dict[str, Any]:
    """One item in contract key order (`score` is internal and left out); `dated`: a
    chronology entry, which adds the date it refers to and that date's precision."""
    return {
        "text": item.text,
        "doc": item.doc,
        "start": item.start,
        "end": item.end,
        "citations": list(item.citations),
        "more_sources": item.more_sources,
        "speaker": item.speaker,
        "speaker_id": item.speaker_id,
        "speaker_role": item.speaker_role,
        "actor": item.actor,
        "cue": item.cue,
        "stance": item.stance,
        "act": item.act,
        "published": item.published,
        "insertions": [{"at": i.at, "text": i.text, "kind": i.kind, "value": i.value}
                       for i in item.insertions],
    } | ({"date": item.date, "date_precision": item.date_precision} if dated else {})


def person_json(person: PersonEntry) -> dict[str, Any]:
    """One row of a `people` section."""
    return {
        "speaker_id": person.speaker_id,
        "speaker": person.speaker,
        "kind": person.kind,
        "roles": list(person.roles),
        "affiliation": person.affiliation,
        "actor": person.actor,
        "statements": person.statements,
        "in_brief": person.in_brief,
        "citations": list(person.citations),
        "more_sources": person.more_sources,
    }


def chart_json(chart: Chart) -> dict[str, Any]:
    """One chart's numbers: `values[r][c]` for row r, column c."""
    return {"id": chart.id, "title": chart.title, "description": chart.description,
            "rows": list(chart.rows), "columns": list(chart.columns),
            "values": [list(row) for row in chart.values]}


def section_json(section: Section) -> dict[str, Any]:
    """One section in contract key order."""
    return {
        "kind": section.kind,
        "id": section.id,
        "title": section.title,
        "note": section.note,
        "items": ([person_json(p) for p in section.people] if section.kind == "people"
                  else [item_json(item, section.kind == "chronology")
                        for item in section.items]),
    } | ({"charts": [chart_json(c) for c in section.charts]}
         if section.kind == "charts" else {})


def source_json(source: Source) -> dict[str, Any]:
    """One source list entry in contract key order."""
    return {
        "n": source.n,
        "doc": source.doc,
        "path": source.path,
        "title": source.title,
        "outlet": source.outlet,
        "author": source.author,
        "date": source.date,
        "url": source.url,
        "fetched": source.fetched,
        "kind": source.kind,
        "metadata_from": dict(source.origins),
        "copies": [copy_json(copy) for copy in source.copies],
    }


def copy_json(copy: Copy) -> dict[str, Any]:
    """Another file with the same article as a source (never cited on its own)."""
    return {
        "path": copy.path,
        "kind": copy.kind,
        "title": copy.meta.title,
        "outlet": copy.meta.outlet,
        "author": copy.meta.author,
        "date": copy.meta.date,
        "url": copy.meta.url,
    }


def method_json(method: MethodNote) -> dict[str, Any]:
    """The method note's figures; `date_range` is [earliest, latest] or null."""
    return {
        "articles": method.articles,
        "sentences": method.sentences,
        "boilerplate_sentences": method.boilerplate_sentences,
        "words": method.words,
        "date_range": list(method.date_range) if method.date_range else None,
        "text": method.text,
    }


def brief_json(brief: Brief) -> dict[str, Any]:
    """The whole JSON contract as plain data, keys in contract order."""
    return {
        "schema_version": SCHEMA_VERSION,
        "title": brief.title,
        "subtitle": brief.subtitle,
        "date": brief.date,
        "sections": [section_json(section) for section in brief.sections],
        "sources": [source_json(source) for source in brief.sources],
        "method": method_json(brief.method),
    }


def render_json(brief: Brief) -> str:
    """The brief as JSON: contract key order (readable, not sorted), 2-space
    indent, non-ASCII kept as is, trailing newline."""
    check_brief(brief)
    return json.dumps(brief_json(brief), ensure_ascii=False, indent=2) + "\n"
