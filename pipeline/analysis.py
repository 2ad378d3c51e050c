"""Per-article analysis as a map over documents: serial, local processes, or Dask.

Each article is analysed on its own (clean -> split -> attribute, plus the
term list of every sentence), so the work is a plain map: one process, a pool
of local processes (`--jobs N`), or the workers of a Dask cluster (`--engine
dask`). Whatever runs the map, results come back as the cache's JSON records
(cache.py) in corpus order, so output is byte-identical for any engine and any
number of workers. Cached articles are not sent anywhere.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any

from .attribute import attribute
from .cache import AnalysisCache, article_key, code_fingerprint
from .clean import classify_blocks, without_dateline
from .errors import UserError
from .models import AnalysedArticle, Article, Sentence
from .outline import Actor
from .records import BadRecord, from_record, stage_seconds, to_record
from .vectors import concepts, terms

log = logging.getLogger("brief")

ENGINES = ("local", "dask")
# Articles per task sent to a worker: large enough that scheduling overhead
# (about a millisecond a task on Dask) stays small next to the analysis
# (a few milliseconds an article), small enough to balance the load.
BATCH_ARTICLES = 32
# Worker processes for one core at most: the analysis is CPU-bound, so more than
# one a core only waits (two leave room for a core's hyper-thread).
WORKERS_PER_CORE = 2
# Linux: prctl(PR_SET_PDEATHSIG, SIGKILL) ends a worker the moment the build that
# forked it dies, kill -9 included. Elsewhere a thread looks at the parent this often.
PR_SET_PDEATHSIG = 1
PARENT_POLL_SECONDS = 1.0
# No batch of the pool finishing in this long means a worker is stuck (stopped, or
# swapping): a batch of BATCH_ARTICLES articles takes about a second, and the largest
# article accepted (64 MiB) a few minutes.
NO_PROGRESS_SECONDS = 600.0

Progress = Callable[[int, int], None]


@dataclass
class AnalysisStats:
    """What the map did: cache hits and misses, and seconds per stage (summed)."""

    hits: int = 0
    misses: int = 0
    seconds: dict[str, float] = field(default_factory=dict)


def index(sentences: Sequence[Sentence]
          ) -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]]:
    """Term and concept lists of each sentence (of its text without a wire dateline,
    as selection reads it); empty for boilerplate."""
    texts = [without_dateline(s).text if not s.boilerplate else "" for s in sentences]
    return (tuple(tuple(terms(t)) if t else () for t in texts),
            tuple(tuple(concepts(t)) if t else () for t in texts))


def analyse_one(article: Article, actors: tuple[Actor, ...]) -> dict[str, Any]:
    """Clean, split, attribute and index one article; a cache record."""
    from .sentences import split  # imports NLTK: only where an article is analysed

    seconds: dict[str, float] = {}
    began = time.perf_counter()
    blocks = classify_blocks(article.text, article.title_span)
    seconds["clean"] = time.perf_counter() - began
    began = time.perf_counter()
    sentences = split(article.doc, article.text, blocks)
    seconds["split"] = time.perf_counter() - began
    began = time.perf_counter()
    attributions = attribute(article, sentences, actors)
    seconds["attribute"] = time.perf_counter() - began
    began = time.perf_counter()
    sentence_terms, sentence_concepts = index(sentences)
    seconds["terms"] = time.perf_counter() - began
    return to_record(blocks, sentences, attributions, sentence_terms, sentence_concepts,
                     seconds)


def analyse_batch(batch: Sequence[Article], actors: tuple[Actor, ...]) -> list[dict[str, Any]]:
    """A worker task: several articles at once (module level, so it pickles)."""
    return [analyse_one(article, actors) for article in batch]


def batches_of(items: Sequence[Article], size: int) -> list[Sequence[Article]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def max_workers() -> int:
    """More worker processes than this only add memory and forks (`--jobs 1000`)."""
    return WORKERS_PER_CORE * (os.cpu_count() or 1)


def _end_with_parent(parent: int) -> None:
    """Pool initializer: a worker ends when the build that started it ends, however
    it ends; otherwise a killed build leaves workers blocked on a pipe for ever,
    holding the caller's terminal and files open."""
    armed = False
    if sys.platform.startswith("linux"):
        try:
            armed = ctypes.CDLL(None, use_errno=True).prctl(
                PR_SET_PDEATHSIG, signal.SIGKILL) == 0
        except (OSError, AttributeError):
            armed = False
    if os.getppid() != parent:  # the build died before the signal was armed
        os._exit(1)
    # The build handles Ctrl-C (a terminal sends it to every process of the group) and
    # ends its workers itself; a worker told to end just ends, without a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if not armed:
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)


class _LocalMap:
    """The map on this machine: in this process, or on a pool of worker processes
    started at once. The pool is used with `jobs` > 1 when there is more than one
    batch of work, or when cached records are to be read meanwhile (a worker
    analysing one edited article spends most of its time importing NLTK, while the
    driver reads the cache); a few articles and nothing cached stay in this process,
    where starting workers would cost more than it saves."""

    def __init__(self, todo: Sequence[Article], actors: tuple[Actor, ...], jobs: int,
                 reading_cache: bool) -> None:
        self.todo, self.actors = todo, actors
        self.pool: ProcessPoolExecutor | None = None
        self.futures: list[Future[list[dict[str, Any]]]] = []
        if jobs > 1 and todo and (len(todo) > BATCH_ARTICLES or reading_cache):
            context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
            batches = batches_of(todo, BATCH_ARTICLES)
            workers = min(jobs, len(batches), max_workers())
            self.pool = ProcessPoolExecutor(max_workers=workers,
                                            mp_context=context, initializer=_end_with_parent,
                                            initargs=(os.getpid(),))
            self.futures = [self.pool.submit(analyse_batch, batch, actors) for batch in batches]

    def results(self, progress: Progress | None, done_before: int, total: int
                ) -> list[dict[str, Any]]:
        """The records, in corpus order whatever the order batches finish in."""
        if not self.futures:
            records: list[dict[str, Any]] = []
            for article in self.todo:
                records.append(analyse_one(article, self.actors))
                if progress:
                    progress(done_before + len(records), total)
            return records
        order = {future: i for i, future in enumerate(self.futures)}
        batches: list[list[dict[str, Any]]] = [[] for _ in self.futures]
        pending = set(self.futures)
        done = done_before
        while pending:
            finished, pending = wait(pending, timeout=NO_PROGRESS_SECONDS,
                                     return_when=FIRST_COMPLETED)
            if not finished:
                raise UserError("--jobs", f"no worker finished a batch of articles in "
                                f"{NO_PROGRESS_SECONDS:.0f} s (a worker is stopped, or the "
                                "machine is out of memory)", "rerun, with fewer --jobs if "
                                "memory is short")
            for future in finished:
                batches[order[future]] = _batch_records(future)
                done += len(batches[order[future]])
                if progress:
                    progress(done, total)
        return [record for batch in batches for record in batch]

    def close(self, abandon: bool = False) -> None:
        """Shut the pool down; `abandon` (an interruption or an error): end the workers
        now rather than wait for the batches they are analysing."""
        if self.pool is None:
            return
        if abandon:
            for process in list(getattr(self.pool, "_processes", {}).values()):
                process.terminate()
        self.pool.shutdown(wait=not abandon, cancel_futures=True)


def _batch_records(future: Future[list[dict[str, Any]]]) -> list[dict[str, Any]]:
    try:
        return future.result()
    except BrokenProcessPool:
        raise UserError("--jobs", "a worker process died (the system ends processes when "
                        "memory runs out)", "rerun, with fewer --jobs if memory is short") \
            from None


def analyse_corpus(articles: Sequence[Article], actors: tuple[Actor, ...], *,
                   cache: AnalysisCache | None = None, jobs: int = 1, engine: str = "local",
                   scheduler: str | None = None, progress: Progress | None = None,
                   memory: dict[str, AnalysedArticle] | None = None
                   ) -> tuple[tuple[AnalysedArticle, ...], AnalysisStats]:
    """Analyse every article (`memory` first, then the cache); return the analyses
    and stats. `memory` (kept by `brief watch` between builds) maps cache keys to
    analyses, and is left holding those of `articles` only."""
    context = code_fingerprint() + repr(actors)
    # where the file marks its headline changes the analysis, so it is part of the key
    all_keys = [article_key(a.text, f"{context}\0{a.title_span}") for a in articles]
    remembered = {k: memory[k] for a, k in zip(articles, all_keys)
                  if memory is not None and k in memory and memory[k].article == a}
    analysed, stats = _analyse(
        [a for a, k in zip(articles, all_keys) if k not in remembered],
        [k for k in all_keys if k not in remembered], actors, cache, jobs, engine,
        scheduler, progress)
    if remembered:
        stats.hits += len(remembered)
        fresh = iter(analysed)
        analysed = tuple(remembered[k] if k in remembered else next(fresh) for k in all_keys)
    if memory is not None:
        memory.clear()
        memory.update(zip(all_keys, analysed))
    return analysed, stats


def _from_cache(cache: AnalysisCache | None, articles: Sequence[Article],
                keys: Sequence[str], stored: set[str]) -> dict[str, AnalysedArticle]:
    """The analyses the cache holds for `articles`, each checked against its article;
    a damaged record is left out (and analysed again)."""
    if cache is None or not stored:
        return {}
    records = cache.get_many(keys)
    decoded: dict[str, AnalysedArticle] = {}
    for article, key in zip(articles, keys):
        if key not in records:
            continue
        try:
            decoded[key] = from_record(records[key], article)
        except BadRecord as exc:
            log.warning("%s: its cached analysis is damaged (%s); analysing it again",
                        article.path, exc)
    return decoded


def _analyse(articles: Sequence[Article], keys: Sequence[str], actors: tuple[Actor, ...],
             cache: AnalysisCache | None, jobs: int, engine: str, scheduler: str | None,
             progress: Progress | None
             ) -> tuple[tuple[AnalysedArticle, ...], AnalysisStats]:
    stored = cache.stored(keys) if cache is not None else set()
    if cache is not None:
        cache.release()  # no SQLite connection is carried into forked workers
    todo = [a for a, k in zip(articles, keys) if k not in stored]
    local = _LocalMap(todo, actors, jobs, bool(stored)) if engine == "local" else None
    abandon = True
    try:
        decoded = _from_cache(cache, articles, keys, stored)
        stats = AnalysisStats(hits=len(decoded), misses=len(articles) - len(decoded))
        if progress and stats.hits:
            progress(stats.hits, len(articles))
        if engine == "dask":
            from .dask_map import run_on_dask

            fresh = run_on_dask(todo, actors, jobs, scheduler, progress, stats.hits,
                                len(articles))
        else:
            fresh = local.results(progress, stats.hits, len(articles))  # type: ignore[union-attr]
        abandon = False
    finally:
        if local is not None:
            local.close(abandon)
    # stored, but unreadable or damaged: analysed here, after the others
    redo = [(a, k) for a, k in zip(articles, keys) if k in stored and k not in decoded]
    fresh += [analyse_one(article, actors) for article, _ in redo]
    fresh_keys = [k for k in keys if k not in stored] + [k for _, k in redo]
    fresh_by_key = dict(zip(fresh_keys, fresh))
    if cache is not None and fresh_by_key:
        cache.put_many(sorted(fresh_by_key.items()))
    analysed = []
    for article, key in zip(articles, keys):
        if key in decoded:
            analysed.append(decoded[key])
            continue
        record = fresh_by_key[key]
        for stage, seconds in stage_seconds(record).items():
            stats.seconds[stage] = stats.seconds.get(stage, 0.0) + seconds
        analysed.append(from_record(record, article))
    return tuple(analysed), stats


def analyse_queries(queries: Sequence[str], cache: AnalysisCache | None
                    ) -> dict[str, tuple[str, ...]]:
    """The term list of each theme query, through the cache like an article's, so that
    a rebuild from the cache analyses no text (and imports no NLTK) for them."""
    context = code_fingerprint() + "\0query"
    keys = {query: article_key(query, context) for query in queries}
    found = cache.get_many(sorted(set(keys.values())), count=False) if cache else {}
    out: dict[str, tuple[str, ...]] = {}
    fresh: list[tuple[str, dict[str, Any]]] = []
    for query, key in keys.items():
        stored = found.get(key, {}).get("terms")
        if isinstance(stored, list) and all(type(t) is str for t in stored):
            out[query] = tuple(stored)
        else:
            out[query] = tuple(terms(query))
            fresh.append((key, {"terms": list(out[query])}))
    if cache is not None and fresh:
        cache.put_many(sorted(fresh))
    return out
