"""The whole pipeline in one place.

`build_brief(outline_path)` runs, in order:

1. load and validate the outline (outline.py);
2. ingest the corpus folder into Articles (ingest.py);
3. per article, from the cache or as a map over processes or Dask workers
   (analysis.py): classify blocks as body or boilerplate (clean/), split
   sentences (sentences.py), attribute each sentence (attribute/);
4. identify the speakers across the corpus: one id, name, role and actor per person
   or group (speakers/);
5. select the sections: themes, key points, actors, other voices (select/);
6. assemble the Brief with its numbered sources and method note.

Rendering (render/) and writing files (cli/, publish/) come after and are separate,
so a caller can build once and render several formats, or render nothing.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from .analysis import AnalysisStats, analyse_corpus, analyse_queries
from .cache import AnalysisCache, default_location
from .ingest import completed, ingest, text_metadata
from .models import AnalysedArticle, Brief, MethodNote, Section, Source
from .outline import LoadedOutline, corpus_where, load_outline
from .select import Gathered, Selector, gather, without_items
from .select.charts import charts_section
from .select.chronology import chronology
from .select.people import people_section
from .speakers import Resolved, Speakers, identify, resolve
from .vectors import Numbering, word_count

log = logging.getLogger("brief")

# Progress lines go to stderr every this many articles on long runs.
PROGRESS_EVERY = 200


@dataclass
class Timings:
    """Seconds spent per stage, in the order stages first ran."""

    seconds: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        began = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - began


@dataclass(frozen=True)
class BuildResult:
    loaded: LoadedOutline
    brief: Brief
    analysed: tuple[AnalysedArticle, ...]
    warnings: tuple[str, ...]
    timings: Timings
    stats: AnalysisStats
    notes: tuple[str, ...] = ()  # not problems: copies of one article folded into one
    speakers: Speakers = field(default_factory=lambda: Speakers((), {}))


@dataclass(frozen=True)
class BuildOptions:
    """How to run the per-article analysis (never what the brief says)."""

    jobs: int = 1  # worker processes (or Dask workers for a local cluster)
    engine: str = "local"  # "local" | "dask"
    scheduler: str | None = None  # Dask scheduler address; None = local cluster
    cache: bool = True
    cache_path: Path | None = None  # None: the outline's `cache`, else the default
    cache_writable: bool = True  # False: read the cache, never create or change it


@dataclass
class Memory:
    """What a long-running `brief watch` keeps between builds, so that a rebuild
    after an article changes analyses that article only and does not read the
    cache or redo per-article work for the others. Holds the current corpus's
    entries only; a build with it gives the same brief as one without."""

    analysed: dict[str, AnalysedArticle] = field(default_factory=dict)  # by cache key
    gathered: Gathered = field(default_factory=dict)  # body sentences per analysis
    numbering: Numbering = field(default_factory=Numbering)  # of term and concept lists
    resolved: Resolved = field(default_factory=dict)  # articles with speakers resolved


def cache_location(loaded: LoadedOutline, options: BuildOptions) -> Path:
    if options.cache_path is not None:
        return options.cache_path
    if loaded.outline.cache:
        return loaded.folder / loaded.outline.cache
    return default_location()


def source(n: int, analysed: AnalysedArticle) -> Source:
    """The source-list entry of an article: its metadata from sources.yaml or the file,
    the fields neither gives completed from the text (its headline, byline, date line,
    wire dateline: ingest/textmeta.py), and a date nothing states from the file's name."""
    article = analysed.article
    meta = completed(article.meta,
                     text_metadata(article.text, analysed.blocks, analysed.sentences),
                     article.path)
    return Source(n=n, doc=article.doc, path=article.path, title=meta.title,
                  outlet=meta.outlet, author=meta.author, date=meta.date, url=meta.url,
                  kind=article.kind, fetched=meta.fetched, copies=article.copies,
                  origins=meta.origins)


def number_sources(analysed: Sequence[AnalysedArticle]) -> tuple[Source, ...]:
    """Every article of the corpus, numbered in corpus (path) order from 1 (the
    numbers of the finished brief come from `cited_sources`)."""
    return tuple(source(n, a) for n, a in enumerate(analysed, 1))


def cited_sources(brief: Brief) -> Brief:
    """Keep only the sources the brief cites, renumbered 1..n in order of first
    citation, so a corpus of thousands of articles gives a source list of the
    few dozen the reader can follow up."""
    order: dict[int, int] = {}
    for section in brief.sections:
        for item in section.items:
            for n in item.citations:
                order.setdefault(n, len(order) + 1)
        for person in section.people:
            for n in person.citations:
                order.setdefault(n, len(order) + 1)
    sections = tuple(
        replace(section, items=tuple(
            replace(item, citations=tuple(order[n] for n in item.citations))
            for item in section.items), people=tuple(
            replace(p, citations=tuple(sorted(order[n] for n in p.citations)))
            for p in section.people))
        for section in brief.sections)
    sources = sorted((replace(s, n=order[s.n]) for s in brief.sources if s.n in order),
                     key=lambda s: s.n)
    return replace(brief, sections=sections, sources=tuple(sources))


METHOD_TEXT = (
    "Every sentence in this brief is quoted verbatim from its source; nothing is paraphrased. "
    "Page furniture (captions, credits, teasers, bylines, notices, subheads) was set aside "
    "first. For each theme, the sentences closest to the theme's query (TF-IDF over stemmed "
    "words, the query expanded with its best matches and weighed against the corpus as a "
    "whole) are candidates; among them, sentences were chosen greedily within the word budget "
    "to cover as many of the candidates' word pairs as possible, pairs that several articles "
    "share counting most, never repeating a statement already taken. Actor sections take "
    "attributed statements of each actor's speakers, grouped by speaker, preferring those "
    "that read on their own. No statement, and no close rewording of one, appears twice in "
    "the brief: key points are shown once, at the top. Points of contention pair a claim or "
    "accusation by one actor with another actor's denial of it on the same matter. A "
    "citation lists the sources that carry the same statement (twenty at most, the others "
    "counted); the source list holds the cited sources."
)


def with_charts(brief: Brief, charts: Section) -> Brief:
    """The brief with its charts section after the key points (first when none)."""
    sections = list(brief.sections)
    at = 1 if sections and sections[0].kind == "key_points" else 0
    sections.insert(at, charts)
    return replace(brief, sections=tuple(sections))


def method_note(analysed: Sequence[AnalysedArticle], sources: Sequence[Source]) -> MethodNote:
    sentences = [s for a in analysed for s in a.sentences]
    dates = sorted(s.date for s in sources if s.date)
    return MethodNote(
        articles=len(analysed),
        sentences=len(sentences),
        boilerplate_sentences=sum(s.boilerplate for s in sentences),
        words=sum(word_count(s.text) for s in sentences if not s.boilerplate),
        date_range=(dates[0], dates[-1]) if dates else None,
        text=METHOD_TEXT,
    )


def compose(loaded: LoadedOutline, analysed: Sequence[AnalysedArticle],
            query_terms: Mapping[str, Sequence[str]] | None = None,
            memory: Memory | None = None, speakers: Speakers | None = None) -> Brief:
    """Select every section and assemble the Brief (`query_terms`: the themes' queries
    analysed already, by `analyse_queries`; `memory`: see `Memory`)."""
    outline = loaded.outline
    sources = number_sources(analysed)
    numbers = {s.doc: s.n for s in sources}
    witnesses = gather(analysed, numbers, only_quotable=False,
                       memory=memory.gathered if memory is not None else None,
                       published={s.doc: s.date for s in sources})
    candidates = tuple(c for c in witnesses if c.quotable)
    selector = Selector(candidates, witnesses, outline.themes, query_terms,
                        memory.numbering if memory is not None else None)
    if memory is not None:
        memory.numbering.forget_all_but([c.terms for c in candidates] +
                                        [c.concepts for c in candidates])
    themes = [selector.theme(t) for t in outline.themes]
    sections: list[Section] = []
    if outline.layout.key_points and themes:
        key = selector.key_points(themes, outline.layout.key_points,
                                  outline.layout.key_points_restate)
        sections.append(key)
        if not outline.layout.key_points_restate:
            themes = [without_items(t, key.items) for t in themes]
    sections.extend(themes)
    if outline.layout.contention:
        contention = selector.contention(outline.layout.contention)
        if contention.items:  # on by default, shown only when found
            sections.append(contention)
    if outline.layout.chronology is not None:
        sections.append(chronology(selector, outline.layout.chronology.entries,
                                   outline.layout.chronology.theme))
    sections.extend(selector.actor(a) for a in loaded.actors)
    if outline.layout.other_voices:
        sections.append(selector.other_voices(max_items=8))
    if outline.layout.people:
        sections.append(people_section(sections, speakers or Speakers((), {}),
                                       loaded.actors, numbers))
    return Brief(
        title=outline.title, subtitle=outline.subtitle, date=outline.date,
        marking=outline.layout.marking, page_size=outline.layout.page_size,
        sections=tuple(sections), sources=sources, method=method_note(analysed, sources),
        citation_dates=outline.layout.citation_dates,
    )


def build_brief(outline_path: Path | str,
                progress: Callable[[int, int], None] | None = None,
                options: BuildOptions | None = None,
                memory: Memory | None = None,
                before_analysis: Callable[[LoadedOutline], None] | None = None
                ) -> BuildResult:
    """Outline file -> Brief, with warnings, timings and cache stats. Writes no output.
    With a `memory` (`brief watch`), what it holds from the build before is reused.
    `before_analysis` sees the loaded outline before any work (the CLI checks its
    output paths there)."""
    options = options or BuildOptions()
    timings = Timings()
    with timings.stage("outline"):
        loaded = load_outline(outline_path)
    if before_analysis is not None:
        before_analysis(loaded)
    with timings.stage("ingest"):
        corpus = ingest(loaded.corpus_dir, loaded.folder, corpus_where(loaded),
                        absolute_paths=Path(loaded.outline.corpus).is_absolute())
    cache = (AnalysisCache(cache_location(loaded, options), writable=options.cache_writable)
             if options.cache else None)
    try:
        with timings.stage("analyse"):
            analysed, stats = analyse_corpus(
                corpus.articles, loaded.actors, cache=cache, jobs=options.jobs,
                engine=options.engine, scheduler=options.scheduler, progress=progress,
                memory=memory.analysed if memory is not None else None)
            query_terms = analyse_queries([t.query for t in loaded.outline.themes], cache)
    finally:
        if cache is not None:
            cache.close()
    for stage, seconds in stats.seconds.items():
        timings.seconds[f"  {stage}"] = seconds  # worker time, inside "analyse"
    with timings.stage("speakers"):
        speakers = identify(analysed, loaded.actors)
        analysed = resolve(analysed, speakers,
                           memory.resolved if memory is not None else None)
    with timings.stage("select"):
        brief = cited_sources(compose(loaded, analysed, query_terms, memory, speakers))
        if loaded.outline.layout.charts:
            brief = with_charts(brief, charts_section(brief, analysed, loaded.actors))
    return BuildResult(loaded=loaded, brief=brief, analysed=analysed,
                       warnings=corpus.warnings, timings=timings, stats=stats,
                       notes=corpus.notes, speakers=speakers)
