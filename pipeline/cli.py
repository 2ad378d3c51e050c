"""Command line: a thin layer over build.py and render.py.

    brief build [OUTLINE] [-o PATH] [--format pdf,html,json,md]
    brief check OUTLINE
    brief annotate OUTLINE --format jsonl [-o PATH]
    brief watch [OUTLINE] [-o PATH] [--format ...] [--interval SECONDS]
    brief cache clear [--cache PATH]

build, watch, check and annotate take --jobs N, --engine local|dask, --scheduler
ADDRESS, --cache PATH and --no-cache for the per-article analysis.

Exit codes: 0 success; 1 internal error (one line, rerun with -v for the
traceback); 2 bad input the user can fix (one line naming file, line or key,
and the fix). Outputs are written only after everything has been rendered in
memory, each to a temporary file in the target folder and then renamed, so a
failed run never leaves a partial file nor clobbers the previous output.

Log levels: ERROR is the one line of a failed run; WARNING is odd input the
build works around (a skipped file, a theme with no match); INFO is progress
and what was written; DEBUG is per-stage timings and tracebacks.
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from importlib import metadata
from pathlib import Path
from typing import TextIO

from .analysis import ENGINES
from .build import (
    PROGRESS_EVERY,
    BuildOptions,
    BuildResult,
    Memory,
    build_brief,
    cache_location,
)
from .cache import COMPANIONS, AnalysisCache, default_location
from .cache import clear as clear_cache
from .errors import EXIT_INTERNAL, EXIT_OK, EXIT_USER, UserError, shown
from .outline import LoadedOutline
from .publish import check_targets, publish
from .render import (
    PDF_VARIANTS,
    PROVENANCE_NAME,
    RenderOptions,
    read_logo,
    read_user_stylesheet,
    render,
    render_json,
)
from .watch import MAX_QUIET_WAIT_SECONDS, QUIET_SECONDS, Watched

log = logging.getLogger("brief")

DEFAULT_OUTLINE = Path("briefs/pakistan-taliban.yaml")
DEFAULT_OUT_DIR = Path("out")
BUILD_FORMATS = ("pdf", "html", "json", "md")
# `brief watch --interval`: longer than a day is surely a mistake (and time.sleep
# refuses infinity).
MAX_INTERVAL_SECONDS = 86_400
# Shell convention: 128 + signal number.
EXIT_INTERRUPTED = 128 + signal.SIGINT
EXIT_TERMINATED = 128 + signal.SIGTERM


def _version() -> str:
    try:
        return metadata.version("brief")
    except metadata.PackageNotFoundError:  # running from a source tree
        return "0+unknown"


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    noise = common.add_mutually_exclusive_group()
    noise.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    noise.add_argument("-v", "--verbose", action="store_true",
                       help="print progress, timings and tracebacks")

    analysis = argparse.ArgumentParser(add_help=False)
    analysis.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                          help="worker processes for the per-article analysis "
                               "(default: all cores)")
    analysis.add_argument("--engine", choices=ENGINES, default="local",
                          help="run the per-article analysis locally or on Dask "
                               "(default: local)")
    analysis.add_argument("--scheduler", default=None, metavar="ADDRESS",
                          help="Dask scheduler address (tcp://host:port); with --engine dask "
                               "alone, a local cluster is started")
    analysis.add_argument("--cache", type=Path, default=None, metavar="PATH",
                          help="analysis cache file (default: the outline's `cache`, else "
                               "$XDG_CACHE_HOME/brief/analysis.sqlite)")
    analysis.add_argument("--no-cache", action="store_true",
                          help="neither read nor write the analysis cache")

    parser = argparse.ArgumentParser(
        prog="brief", parents=[common],
        description="Turn a folder of articles and a YAML outline into a cited PDF brief.")
    parser.add_argument("--version", action="version", version=f"brief {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    outputs = argparse.ArgumentParser(add_help=False)
    outputs.add_argument("outline", nargs="?", type=Path, default=DEFAULT_OUTLINE,
                         help=f"outline file (default: {DEFAULT_OUTLINE})")
    outputs.add_argument("-o", "--output", type=Path, default=None,
                         help="output path; default out/<outline name>.<format>")
    outputs.add_argument("--format", default="pdf",
                         help="comma-separated formats among pdf,html,json,md (default: pdf)")
    outputs.add_argument("--pdf-variant", choices=PDF_VARIANTS, default=None,
                         help="pdf/a-3b: archival PDF with the brief's JSON and the outline "
                              "attached; pdf/ua-1: tagged, accessible PDF (default: plain PDF)")

    commands.add_parser(
        "build", parents=[common, analysis, outputs], help="build the brief",
        description="Build the brief of OUTLINE. Each format is written beside -o PATH with "
                    "its own suffix.")

    watch = commands.add_parser(
        "watch", parents=[common, analysis, outputs], help="rebuild whenever the inputs change",
        description="Build the brief of OUTLINE, then rebuild it whenever the outline, a "
                    "file of its corpus, its logo or its stylesheet changes, until "
                    "interrupted (Ctrl-C). Analyses and per-article work are kept in "
                    "memory between builds: a rebuild after one article changes analyses "
                    "that article only. A build that fails prints its error and the "
                    "previous outputs stay.")
    watch.add_argument("--interval", type=float, default=1.0, metavar="SECONDS",
                       help="how often to look for changes (default: 1)")

    check = commands.add_parser(
        "check", parents=[common, analysis], help="validate an outline and its corpus, write nothing",
        description="Validate OUTLINE and its corpus; print problems; write nothing.")
    check.add_argument("outline", type=Path, help="outline file")

    annotate = commands.add_parser(
        "annotate", parents=[common, analysis], help="every sentence of the corpus, one JSON per line",
        description="Print every sentence of the corpus with its boilerplate flag and "
                    "attribution, one JSON object per line.")
    annotate.add_argument("outline", type=Path, help="outline file")
    annotate.add_argument("--format", default="jsonl", choices=["jsonl"],
                          help="output format (jsonl)")
    annotate.add_argument("-o", "--output", type=Path, default=None,
                          help="write to this file instead of standard output")
    cache = commands.add_parser(
        "cache", parents=[common], help="manage the analysis cache",
        description="Manage the per-article analysis cache.")
    cache.add_argument("action", choices=["clear"], help="clear: delete the cache file")
    cache.add_argument("--cache", type=Path, default=None, metavar="PATH",
                       help="cache file (default: $XDG_CACHE_HOME/brief/analysis.sqlite)")
    return parser


def build_options(args: argparse.Namespace) -> BuildOptions:
    jobs = args.jobs if args.jobs is not None else (os.cpu_count() or 1)
    if jobs < 1:
        raise UserError("--jobs", f"{jobs} is not a number of workers", "give 1 or more")
    if args.scheduler and args.engine != "dask":
        raise UserError("--scheduler", "needs --engine dask", "add --engine dask")
    return BuildOptions(jobs=jobs, engine=args.engine, scheduler=args.scheduler,
                        cache=not args.no_cache, cache_path=args.cache)


def _formats(value: str) -> tuple[str, ...]:
    wanted = tuple(dict.fromkeys(f.strip().lower() for f in value.split(",") if f.strip()))
    unknown = [f for f in wanted if f not in BUILD_FORMATS]
    if unknown or not wanted:
        raise UserError("--format", f"unknown format {', '.join(unknown) or '(none)'}",
                        f"use a comma-separated list of {', '.join(BUILD_FORMATS)}")
    return wanted


def output_paths(outline: Path, output: Path | None, formats: Sequence[str]) -> dict[str, Path]:
    """Where each format goes: `-o out/b.pdf --format pdf,json` -> out/b.pdf, out/b.json."""
    base = output if output is not None else DEFAULT_OUT_DIR / f"{outline.stem}.pdf"
    stem = base.with_suffix("") if base.suffix.lower().lstrip(".") in BUILD_FORMATS + ("htm",) \
        else base
    return {fmt: stem.with_name(f"{stem.name}.{fmt}") for fmt in formats}


class Progress:
    """Progress of the analysis on stderr: a bar with counts and rate on a terminal,
    plain lines every PROGRESS_EVERY articles otherwise (logs, CI)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.bar = None
        self.last_line = 0

    def __call__(self, done: int, total: int) -> None:
        if log.level > logging.INFO:
            return
        if self.stream.isatty():
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


def _build(args: argparse.Namespace, stderr: TextIO, memory: Memory | None = None,
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


def _checked_formats(args: argparse.Namespace) -> tuple[str, ...]:
    formats = _formats(args.format)
    if args.pdf_variant and "pdf" not in formats:
        raise UserError("--pdf-variant", "applies to PDF output only",
                        "add pdf to --format or drop --pdf-variant")
    return formats


def cmd_build(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    build_and_write(args, stderr, _checked_formats(args))
    return EXIT_OK


# Outputs a run has written, for the message of an interruption that arrives just
# after they were (SIGINT and SIGTERM are held while outputs are renamed into place).
WRITTEN: list[Path] = []


def build_and_write(args: argparse.Namespace, stderr: TextIO, formats: Sequence[str],
                    memory: Memory | None = None,
                    still_current: Callable[[], bool] | None = None
                    ) -> BuildResult | None:
    """Build, render every format in memory, then write them all (or none). With
    `still_current` (`brief watch`), nothing is written, and None is returned, when
    it says the inputs changed during the build."""
    paths = output_paths(args.outline, args.output, formats)
    build = build_options(args)
    WRITTEN.clear()
    result = _build(args, stderr, memory, build, tuple(paths.values()))
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
    publish(rendered, on_commit=WRITTEN.extend)
    _report_empty_sections(result)
    for path in rendered:
        log.info("wrote %s", path)
    log.debug("timings: %s", ", ".join(f"{k} {v:.3f}s" for k, v in result.timings.seconds.items()))
    return result


def cmd_watch(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Build, then rebuild on every change of the inputs until interrupted. The first
    build's errors end the command (exit 2); later ones, whatever they are, are
    printed in one line and watching goes on, the previous outputs left in place."""
    formats = _checked_formats(args)
    if not (0 < args.interval < MAX_INTERVAL_SECONDS):  # also refuses nan and inf
        raise UserError("--interval", f"{args.interval} is not a number of seconds between "
                        f"0 and {MAX_INTERVAL_SECONDS:,}", "give a positive number such as 1")
    memory = Memory()
    watched = Watched(args.outline)
    watched.changed()
    build_and_write(args, stderr, formats, memory)
    _settle_heap()
    log.info("watching %s and its corpus for changes (Ctrl-C stops)", args.outline)
    try:
        pending = False  # inputs changed during the last build: build again at once
        while not TERMINATION.is_set():
            if not pending:
                time.sleep(args.interval)
                if not watched.changed():
                    continue
            if not _quiet(watched, args.interval):
                break
            pending = _rebuild(args, stderr, formats, memory, watched)
            _settle_heap()  # while waiting: the outputs are written already
    except KeyboardInterrupt:
        pass
    log.info("stopped watching")
    return EXIT_OK


def _quiet(watched: Watched, interval: float) -> bool:
    """Wait until no watched file has been written for QUIET_SECONDS (an editor or a
    copy still writing; at most MAX_QUIET_WAIT_SECONDS); False when told to stop."""
    began = time.monotonic()
    while not TERMINATION.is_set():
        settled = time.time() - watched.newest_write() >= QUIET_SECONDS
        if settled or time.monotonic() - began >= MAX_QUIET_WAIT_SECONDS:
            return True
        time.sleep(min(interval, QUIET_SECONDS / 3))
        watched.changed()
    return False


def _rebuild(args: argparse.Namespace, stderr: TextIO, formats: Sequence[str],
             memory: Memory, watched: Watched) -> bool:
    """One rebuild of `brief watch`; True when the inputs changed while it ran (its
    outputs were not written, and it must run again)."""
    began = time.perf_counter()
    try:
        result = build_and_write(args, stderr, formats, memory, still_current=watched.settled)
    except UserError as exc:
        log.error("%s (waiting for the next change)", exc.line())
        return False
    except Exception as exc:  # noqa: BLE001 - a watch outlives one failed build
        log.error("internal error: %s: %s; rerun with -v for details and report it "
                  "(waiting for the next change)", type(exc).__name__, exc)
        log.debug("traceback", exc_info=True)
        return False
    if result is None:
        log.info("inputs changed during the rebuild; building again")
        watched.changed()
        return True
    log.info("rebuilt in %.2fs (%d of %d articles analysed again)",
             time.perf_counter() - began, result.stats.misses, len(result.analysed))
    return False


def _settle_heap() -> None:
    """Between builds of `brief watch`: collect what the last build left in cycles,
    then freeze the rest (see `build_and_write`), while waiting for a change."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def _report_empty_sections(result: BuildResult) -> list[str]:
    problems = []
    for section in result.brief.sections:
        if section.kind in ("theme", "actor") and not section.items:
            problems.append(f"{result.loaded.path}: {section.kind} '{section.id}' has no "
                            f"matching material; the brief says so in that section")
    for problem in problems:
        log.warning(problem)
    return problems


def cmd_check(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    # writes nothing: the cache is read when it exists, never created or changed
    options = replace(build_options(args), cache_writable=False)
    result = _build(args, stderr, options=options)
    # A logo or stylesheet that the renderer would refuse is reported now, not at build.
    logo, stylesheet = (result.loaded.layout_file(k) for k in ("logo", "stylesheet"))
    if logo is not None:
        read_logo(logo)
    if stylesheet is not None:
        read_user_stylesheet(stylesheet)
    problems = list(result.warnings) + _report_empty_sections(result)
    brief = result.brief
    print(f"{shown(str(args.outline))}: ok: {len(result.analysed)} articles, "
          f"{sum(s.kind == 'theme' for s in brief.sections)} themes, "
          f"{sum(s.kind == 'actor' for s in brief.sections)} actors, "
          f"{len(problems)} warnings", file=stdout)
    return EXIT_OK


def annotate_lines(result: BuildResult) -> list[str]:
    """One JSON object per sentence of the corpus, in corpus order."""
    lines = []
    for analysed in result.analysed:
        for sentence, attribution in zip(analysed.sentences, analysed.attributions):
            lines.append(json.dumps({
                "doc": sentence.doc, "path": analysed.article.path, "index": sentence.index,
                "start": sentence.start, "end": sentence.end, "text": sentence.text,
                "boilerplate": sentence.boilerplate, "speaker": attribution.speaker,
                "speaker_role": attribution.speaker_role, "actor": attribution.actor,
                "cue": attribution.cue, "act": attribution.act,
            }, ensure_ascii=False))
    return lines


def cmd_annotate(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    targets = (args.output,) if args.output is not None else ()
    result = _build(args, stderr, targets=targets)
    text = "".join(line + "\n" for line in annotate_lines(result))
    if args.output is not None:
        publish({args.output: text.encode("utf-8")}, on_commit=WRITTEN.extend)
    else:
        stdout.write(text)
    return EXIT_OK


def cmd_cache(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    path = args.cache or default_location()
    freed = clear_cache(path)
    print(f"{shown(str(path))}: cleared ({freed} bytes)", file=stdout)
    return EXIT_OK


COMMANDS = {"build": cmd_build, "watch": cmd_watch, "check": cmd_check, "annotate": cmd_annotate,
            "cache": cmd_cache}


class _OneLine(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        message = shown(" ".join(record.getMessage().split()))
        if record.levelno >= logging.WARNING:
            return f"brief: {record.levelname.lower()}: {message}"
        return f"brief: {message}"


def _configure_logging(stderr: TextIO, quiet: bool, verbose: bool) -> logging.Handler:
    handler = logging.StreamHandler(stderr)
    handler.setFormatter(_OneLine())
    log.handlers = [handler]
    log.propagate = False
    log.setLevel(logging.ERROR if quiet else logging.DEBUG if verbose else logging.INFO)
    return handler


class Terminated(KeyboardInterrupt):
    """SIGTERM, turned into an exception so that temporary files are removed."""


# Set by SIGTERM as well as raised: an exception raised while the garbage collector
# runs a finalizer is swallowed, so `brief watch` also checks this between builds.
TERMINATION = threading.Event()


def _raise_terminated(signum: int, frame: object) -> None:
    TERMINATION.set()
    raise Terminated


def _install_signal_handlers() -> object:
    """SIGTERM unwinds like Ctrl-C, so `finally` blocks clean up (main thread only).

    Returns the previous handler, for main() to put back."""
    try:
        return signal.signal(signal.SIGTERM, _raise_terminated)
    except ValueError:  # not the main thread (e.g. tests calling main() from a thread)
        return None


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None,
         stderr: TextIO | None = None) -> int:
    """Run the CLI; return the exit code. Streams are injectable for tests."""
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed usage or help
        return int(exc.code or 0) if exc.code in (0, None) else EXIT_USER
    _configure_logging(stderr, args.quiet, args.verbose)
    TERMINATION.clear()
    WRITTEN.clear()
    previous_handler = _install_signal_handlers()
    try:
        return COMMANDS[args.command](args, stdout, stderr)
    except UserError as exc:
        print(f"brief: error: {exc.line()}", file=stderr)
        return EXIT_USER
    except KeyboardInterrupt as exc:
        if WRITTEN:
            print("brief: interrupted after writing "
                  f"{', '.join(shown(str(p)) for p in WRITTEN)}", file=stderr)
        else:
            print("brief: interrupted; previous outputs left as they were", file=stderr)
        return EXIT_TERMINATED if isinstance(exc, Terminated) else EXIT_INTERRUPTED
    except Exception as exc:  # noqa: BLE001 - the one place that turns bugs into a line
        if args.verbose:
            import traceback
            traceback.print_exc(file=stderr)
        print(f"brief: internal error: {type(exc).__name__}: {shown(' '.join(str(exc).split()))}; "
              "rerun with -v for details and report it", file=stderr)
        return EXIT_INTERNAL
    finally:
        if previous_handler is not None:
            signal.signal(signal.SIGTERM, previous_handler)  # type: ignore[arg-type]


def entry() -> None:
    """Console-script entry point."""
    sys.exit(main())
