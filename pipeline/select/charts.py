"""The numbers behind the "At a glance" charts, from the finished brief (its source
numbers are final) and the analysed corpus.

* Share of voice: attributed statements per actor in the corpus, split by source (the
  sources quoting an actor most get a part of its bar each, the rest one part "other
  sources"). Words and beliefs only, as actor sections count them, not acts.
* Coverage: which sources feed which theme: per source of the list and per theme, how
  many of the theme's items the source is cited for (its own or as corroboration).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..attribute.labels import is_statement
from ..models import AnalysedArticle, Brief, Chart, Section
from ..outline import Actor

# A bar is split into at most this many sources, the rest added up as one part: more
# parts than a greyscale print can tell apart help no one.
MAX_SOURCE_PARTS = 5
# The coverage matrix shows at most this many sources, those cited most.
MAX_COVERAGE_ROWS = 20
OTHER_SOURCES = "other sources"


def charts_section(brief: Brief, analysed: Sequence[AnalysedArticle],
                   actors: Sequence[Actor]) -> Section:
    numbers = {s.doc: s.n for s in brief.sources}
    charts = tuple(c for c in (share_of_voice(analysed, actors, numbers),
                               coverage(brief)) if c.rows)
    note = "" if charts else "Nothing to chart: no actor is quoted and no theme has items."
    return Section(kind="charts", id="charts", title="At a glance", items=(), note=note,
                   charts=charts)


def share_of_voice(analysed: Sequence[AnalysedArticle], actors: Sequence[Actor],
                   numbers: dict[str, int]) -> Chart:
    by_actor: dict[str, Counter[str]] = {a.id: Counter() for a in actors}
    for article in analysed:
        for a in article.attributions:
            if a.actor in by_actor and is_statement(a):
                by_actor[a.actor][_source_label(article.article.doc, numbers)] += 1
    totals: Counter[str] = Counter()
    for counts in by_actor.values():
        totals.update(counts)
    named = [s for s, _ in sorted(totals.items(), key=lambda kv: (-kv[1], _order(kv[0])))
             if s != OTHER_SOURCES][:MAX_SOURCE_PARTS]
    named.sort(key=_order)  # bar parts and legend in source-list order
    columns = (*named, OTHER_SOURCES) if len(totals) > len(named) else tuple(named)
    rows, values = [], []
    for actor in actors:
        counts = by_actor[actor.id]
        if not counts:
            continue
        rest = sum(n for s, n in counts.items() if s not in named)
        rows.append(actor.title)
        values.append(tuple(counts[s] for s in named) + ((rest,) if len(columns) >
                                                          len(named) else ()))
    return Chart(id="share-of-voice", title="Share of voice",
                 description="Attributed statements in the corpus per actor, each bar "
                             "split by the sources quoting the actor (numbers as in the "
                             "source list).",
                 rows=tuple(rows), columns=columns, values=tuple(values))


def _source_label(doc: str, numbers: dict[str, int]) -> str:
    n = numbers.get(doc)
    return f"[{n}]" if n is not None else OTHER_SOURCES


def _order(label: str) -> int:
    return int(label.strip("[]")) if label.startswith("[") else 1 << 30


def coverage(brief: Brief) -> Chart:
    themes = [s for s in brief.sections if s.kind in ("key_points", "theme")]
    counts: Counter[tuple[int, str]] = Counter()
    for section in themes:
        for item in section.items:
            for n in item.citations:
                counts[n, section.id] += 1
    per_source: Counter[int] = Counter()
    for (n, _), k in counts.items():
        per_source[n] += k
    rows = sorted(per_source, key=lambda n: (-per_source[n], n))[:MAX_COVERAGE_ROWS]
    rows.sort()
    left_out = len(per_source) - len(rows)
    return Chart(id="coverage", title="Sources by theme",
                 description="Items of the key points and of each theme (columns) for "
                             "which each source (rows) is cited, its own or as "
                             "corroboration." + (f" The {len(rows)} sources cited most are "
                                                 f"shown; {left_out} others are not."
                                                 if left_out else ""),
                 rows=tuple(f"[{n}]" for n in rows),
                 columns=tuple(s.title for s in themes),
                 values=tuple(tuple(counts[n, s.id] for s in themes) for n in rows))
