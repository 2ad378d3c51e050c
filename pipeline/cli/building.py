"""Building and writing a brief: the shared work of `build`, `watch`, `check` and
`annotate`."""

from __future__ import annotations

import argparse
import gc
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from ..build import (
    PROGRESS_EVERY,
    BuildOptions,
    BuildResult,
    Memory,
    build_brief,
    cache_location,
)
from ..cache import COMPANIONS, AnalysisCache
from ..outline import LoadedOutline
from ..publish import check_targets, publish
from ..render import (
    PROVENANCE_NAME,
    RenderOptions,
    render,
    render_json,
)
from .arguments import build_options, output_paths
from .process import TERMINATION, Terminated

log = logging.getLogger("brief")


class Progress:
    """Progress of the analysis on stderr: a bar with counts and rate on a terminal,
    plain lines every PROGRESS_EVERY articles otherwise (logs, CI)."""

    def __init__(self, stream: TextIO | None) -> None:
        self.stream = stream
        self.bar: Any = None  # a tqdm bar, made when first needed
        self.last_line = 0

    def __call__(self, done: int, total: int) -> None:
        if log.level > logging.INFO:
            return
        if self.stream is not None and self.stream.isatty():
            if self.bar is None:
                from tqdm import tqdm

                self.bar = tqdm(total=total, file=self.stream, unit="article",
                                desc="brief: analysing", leave=False)
            self.bar.update(done - self.bar.n)
            if done >= total:
                self.close()
        elif done == total or done - self.last_line >= PROGRESS_EVERY:
            self.last_line = done
            log.info("analysed %d/%d articles", done, total)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def run_build(args: argparse.Namespace, stderr: TextIO | None, memory: Memory | None = None,
           options: BuildOptions | None = None,
           targets: Sequence[Path] = ()) -> BuildResult:
    """Build the brief; `targets` (the outputs to be written) are checked once the
    outline is loaded, before any analysis."""
    progress = Progress(stderr)
    options = options or build_options(args)

    def check(loaded: LoadedOutline) -> None:
        if targets:
            check_targets(targets, brief_inputs(loaded, options), loaded.corpus_dir)

    try:
        result = build_brief(args.outline, progress=progress, options=options,
                             memory=memory, before_analysis=check)
    finally:
        progress.close()
    stats = result.stats
    if stats.hits + stats.misses:
        log.debug("analysis cache: %d hits, %d misses", stats.hits, stats.misses)
    return result


def brief_inputs(loaded: LoadedOutline, options: BuildOptions) -> dict[str, Path | None]:
    """The files a brief is built from outside its corpus folder, which no output may
    overwrite (the corpus folder itself is refused whole by `check_targets`)."""
    inputs: dict[str, Path | None] = {
        "the outline": loaded.path,
        "the logo": loaded.layout_file("logo"),
        "the stylesheet": loaded.layout_file("stylesheet"),
    }
    if options.cache:
        cache = cache_location(loaded, options)
        inputs["the analysis cache"] = cache
        for suffix in COMPANIONS:
            inputs[f"a file of the analysis cache ({suffix})"] = Path(f"{cache}{suffix}")
    return inputs


def render_options(args: argparse.Namespace, result: BuildResult) -> RenderOptions:
    """What the renderer needs beyond the Brief: variant, attachments, logo, stylesheet."""
    loaded = result.loaded
    attachments: tuple[tuple[str, bytes], ...] = ()
    if args.pdf_variant == "pdf/a-3b":
        name = loaded.path.name
        if name == PROVENANCE_NAME:  # an outline called brief.json would collide
            name = "outline" + loaded.path.suffix
        attachments = ((PROVENANCE_NAME, render_json(result.brief).encode("utf-8")),
                       (name, loaded.path.read_bytes()))
    return RenderOptions(pdf_variant=args.pdf_variant, attachments=attachments,
                         logo=loaded.layout_file("logo"),
                         stylesheet=loaded.layout_file("stylesheet"))




# Outputs a run has written, for the message of an interruption that arrives just
# after they were (SIGINT and SIGTERM are held while outputs are renamed into place).
WRITTEN: list[Path] = []


def build_and_write(args: argparse.Namespace, stderr: TextIO | None, formats: Sequence[str],
                    memory: Memory | None = None,
                    still_current: Callable[[], bool] | None = None
                    ) -> BuildResult | None:
    """Build, render every format in memory, then write them all (or none). With
    `still_current` (`brief watch`), nothing is written, and None is returned, when
    it says the inputs changed during the build."""
    paths = output_paths(args.outline, args.output, formats)
    build = build_options(args)
    WRITTEN.clear()
    result = run_build(args, stderr, memory, build, tuple(paths.values()))
    # The analysed corpus lives until exit (or the next build): hundreds of thousands
    # of objects that the garbage collector would otherwise scan again and again
    # while typesetting allocates. Frozen, it skips them (typesetting the 1,250-article
    # brief: 1.7 s -> 1.4 s).
    gc.freeze()
    options = render_options(args, result)
    # the analysis cache also keeps typeset PDFs: an unchanged brief is not set again
    store = (AnalysisCache(cache_location(result.loaded, build))
             if build.cache and "pdf" in formats else None)
    rendered: dict[Path, bytes] = {}
    try:
        for fmt in formats:
            with result.timings.stage(f"render:{fmt}"):
                rendered[paths[fmt]] = render(result.brief, fmt, options, store)
    finally:
        if store is not None:
            store.close()
    if still_current is not None and not still_current():
        return None
    if TERMINATION.is_set():  # a Ctrl-C or SIGTERM swallowed by a finalizer
        raise Terminated
    publish(rendered, on_commit=WRITTEN.extend, not_inside=(result.loaded.corpus_dir,))
    report_empty_sections(result)
    for path in rendered:
        log.info("wrote %s", path)
    log.debug("timings: %s", ", ".join(f"{k} {v:.3f}s" for k, v in result.timings.seconds.items()))
    return result




def settle_heap() -> None:
    """Between builds of `brief watch`: collect what the last build left in cycles,
    then freeze the rest (see `build_and_write`), while waiting for a change."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def report_empty_sections(result: BuildResult) -> list[str]:
    problems = []
    for section in result.brief.sections:
        if section.kind in ("theme", "actor") and not section.items:
            problems.append(f"{result.loaded.path}: {section.kind} '{section.id}' has no "
                            f"matching material; the brief says so in that section")
    for problem in problems:
        log.warning(problem)
    return problems


