"""`brief init`: a working, commented outline drafted from a corpus nobody has read.

The corpus goes through the build's own stages (ingest, analysis with no actors, the
speakers stage, the candidate sentences selection draws from); themes.py clusters the
sentences into proposed themes, actors.py groups the speakers into proposed actors, and
outline_yaml.py writes them as YAML with a comment on every key. The same corpus gives
the same text.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..analysis import analyse_corpus
from ..build import BuildOptions, number_sources
from ..ingest import ingest
from ..models import AnalysedArticle, Source
from ..select.candidates import gather
from ..speakers import identify
from ..speakers.lexicon import NATIONALITY_OF
from .actors import ProposedActor, propose_actors
from .themes import (
    ProposedTheme,
    Words,
    calendar_stems,
    phrases,
    propose_themes,
    read_words,
)

TITLE_TERMS = 3


@dataclass(frozen=True)
class Draft:
    """What `brief init` proposes for a corpus."""

    title: str
    subtitle: str
    date: str  # the latest source date, or ""
    corpus: str  # as the outline writes it: relative to the outline's folder
    articles: int
    themes: tuple[ProposedTheme, ...]
    examples: dict[int, str]  # sentence index -> text, for the themes' comments
    actors: tuple[ProposedActor, ...]


def draft_outline(corpus_dir: Path, outline_path: Path,
                  options: BuildOptions | None = None) -> Draft:
    """Draft the outline for the corpus at `corpus_dir`, to be written at `outline_path`."""
    options = options or BuildOptions(cache=False)
    folder = outline_path.parent
    where = _corpus_text(corpus_dir, folder)
    corpus = ingest(corpus_dir, folder, where, absolute_paths=Path(where).is_absolute())
    analysed, _ = analyse_corpus(corpus.articles, (), jobs=options.jobs, engine=options.engine,
                                 scheduler=options.scheduler)
    sources = number_sources(analysed)
    candidates = gather(analysed, {s.doc: s.n for s in sources},
                        published={s.doc: s.date for s in sources})
    texts = [c.sentence.text for c in candidates]
    themes = propose_themes([c.terms for c in candidates], texts,
                            [c.source for c in candidates])
    examples = {i: texts[i] for t in themes for i in t.examples}
    actors = propose_actors(identify(analysed, ()).speakers,
                            [a.article.text for a in analysed])
    dates = sorted(s.date for s in sources if s.date)
    return Draft(title=_title(analysed, read_words(texts)),
                 subtitle=_subtitle(sources, dates), date=dates[-1] if dates else "",
                 corpus=where, articles=len(analysed), themes=themes, examples=examples,
                 actors=actors)


def _corpus_text(corpus_dir: Path, folder: Path) -> str:
    """The corpus folder relative to the outline's folder when that is a short way."""
    try:
        relative = os.path.relpath(corpus_dir.resolve(), folder.resolve())
    except ValueError:  # another drive
        return str(corpus_dir.resolve())
    # two levels up or more: the absolute path reads better and survives a move
    climbs = relative.startswith(os.path.join(os.pardir, os.pardir))
    return str(corpus_dir.resolve()) if climbs else relative


def _title(analysed: Sequence[AnalysedArticle], words: Words) -> str:
    """The names the most articles use, one per country ("Afghan" and "Afghanistan"
    are one), e.g. "Taliban, Pakistan and Afghanistan"."""
    spread: Counter[str] = Counter()  # articles using the name
    uses: Counter[str] = Counter()  # and how often in all: the tie-break
    skip = calendar_stems()
    for article in analysed:
        used = [t for terms in article.terms for t in terms
                if t in words.nouns and t not in skip]
        spread.update(set(used))
        uses.update(used)
    ranked = [t for t, _ in sorted(spread.items(), key=lambda kv: (-kv[1], -uses[kv[0]], kv[0]))
              if words.form.get(t, t)[:1].isupper()]
    top: list[str] = []
    countries: set[str] = set()
    for form in phrases(ranked[:TITLE_TERMS * 3], words):  # "Air France" one name
        country = NATIONALITY_OF.get(form.casefold())
        if not form[:1].isupper() or (country and country in countries):
            continue
        countries.add(country or form)
        top.append(form)
        if len(top) == TITLE_TERMS:
            break
    if not top:
        return "Brief"
    text = top[0] if len(top) == 1 else ", ".join(top[:-1]) + " and " + top[-1]
    return text[:1].upper() + text[1:]


def _subtitle(sources: Sequence[Source], dates: Sequence[str]) -> str:
    span = (f", {dates[0]} to {dates[-1]}" if dates and dates[0] != dates[-1]
            else f", {dates[0]}" if dates else "")
    many = len(sources) != 1
    return f"What {len(sources)} source{'s' * many} say{'' if many else 's'}{span}"
