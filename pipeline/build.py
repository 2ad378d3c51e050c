"""The whole pipeline in one place.

`build_brief(outline_path)` runs, in order:

1. load and validate the outline (outline.py);
2. ingest the corpus folder into Articles (ingest.py);
3. per article: classify blocks as body or boilerplate (clean.py), split
   sentences (sentences.py), attribute each sentence (attribute.py);
4. select the sections: themes, key points, actors, other voices (select.py);
5. assemble the Brief with its numbered sources and method note.

Rendering (render.py) and writing files (cli.py) come after and are separate,
so a caller can build once and render several formats, or render nothing.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .attribute import attribute
from .clean import classify_blocks
from .ingest import ingest
from .models import AnalysedArticle, Article, Brief, MethodNote, Section, Source
from .outline import Actor, LoadedOutline, corpus_where, load_outline
from .select import Selector, gather
from .sentences import split
from .vectors import word_count

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


def analyse_article(article: Article, actors: tuple[Actor, ...],
                    timings: Timings | None = None) -> AnalysedArticle:
    """Clean, split and attribute one article."""
    timings = timings or Timings()
    with timings.stage("clean"):
        blocks = classify_blocks(article.text)
    with timings.stage("split"):
        sentences = split(article.doc, article.text, blocks)
    with timings.stage("attribute"):
        attributions = attribute(article, sentences, actors)
    return AnalysedArticle(article=article, blocks=blocks, sentences=sentences,
                           attributions=attributions)


def analyse(articles: Sequence[Article], actors: tuple[Actor, ...], timings: Timings,
            progress: Callable[[int, int], None] | None = None) -> tuple[AnalysedArticle, ...]:
    out = []
    for done, article in enumerate(articles, 1):
        out.append(analyse_article(article, actors, timings))
        if progress:
            progress(done, len(articles))
    return tuple(out)


def number_sources(articles: Sequence[Article]) -> tuple[Source, ...]:
    """Every article of the corpus, numbered in corpus (path) order from 1."""
    return tuple(
        Source(n=n, doc=a.doc, path=a.path, title=a.meta.title, outlet=a.meta.outlet,
               author=a.meta.author, date=a.meta.date, url=a.meta.url)
        for n, a in enumerate(articles, 1)
    )


METHOD_TEXT = (
    "Every sentence in this brief is quoted verbatim from its source; nothing is paraphrased. "
    "Page furniture (captions, credits, teasers, bylines, notices, subheads) was set aside "
    "first. Theme sections take the sentences most similar to the theme's query (TF-IDF over "
    "stemmed words, the query expanded with its best matches, ties broken by closeness to "
    "the corpus as a whole), chosen greedily within a word budget while skipping sentences "
    "that repeat one already taken. Actor sections take attributed statements of each "
    "actor's speakers, grouped by speaker. A citation lists every source that carries the "
    "same statement."
)


def method_note(analysed: Sequence[AnalysedArticle]) -> MethodNote:
    sentences = [s for a in analysed for s in a.sentences]
    dates = sorted(a.article.meta.date for a in analysed if a.article.meta.date)
    return MethodNote(
        articles=len(analysed),
        sentences=len(sentences),
        boilerplate_sentences=sum(s.boilerplate for s in sentences),
        words=sum(word_count(s.text) for s in sentences if not s.boilerplate),
        date_range=(dates[0], dates[-1]) if dates else None,
        text=METHOD_TEXT,
    )


def compose(loaded: LoadedOutline, analysed: Sequence[AnalysedArticle]) -> Brief:
    """Select every section and assemble the Brief."""
    outline = loaded.outline
    sources = number_sources([a.article for a in analysed])
    numbers = {s.doc: s.n for s in sources}
    candidates = gather(analysed, numbers)
    witnesses = gather(analysed, numbers, only_quotable=False)
    selector = Selector(candidates, witnesses, outline.themes)
    themes = [selector.theme(t) for t in outline.themes]
    sections: list[Section] = []
    if outline.layout.key_points and themes:
        sections.append(selector.key_points(themes, outline.layout.key_points))
    sections.extend(themes)
    sections.extend(selector.actor(a) for a in loaded.actors)
    if outline.layout.other_voices:
        sections.append(selector.other_voices(max_items=8))
    return Brief(
        title=outline.title, subtitle=outline.subtitle, date=outline.date,
        marking=outline.layout.marking, page_size=outline.layout.page_size,
        sections=tuple(sections), sources=sources, method=method_note(analysed),
    )


def build_brief(outline_path: Path | str,
                progress: Callable[[int, int], None] | None = None) -> BuildResult:
    """Outline file -> Brief, with warnings and per-stage timings. Writes nothing."""
    timings = Timings()
    with timings.stage("outline"):
        loaded = load_outline(outline_path)
    with timings.stage("ingest"):
        corpus = ingest(loaded.corpus_dir, loaded.folder, corpus_where(loaded),
                        absolute_paths=Path(loaded.outline.corpus).is_absolute())
    analysed = analyse(corpus.articles, loaded.actors, timings, progress)
    with timings.stage("select"):
        brief = compose(loaded, analysed)
    return BuildResult(loaded=loaded, brief=brief, analysed=analysed,
                       warnings=corpus.warnings, timings=timings)
