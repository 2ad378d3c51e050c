"""Command-line arguments: the parser, formats and output paths."""

from __future__ import annotations

import argparse
import logging
import os
import signal
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

from ..analysis import ENGINES
from ..build import (
    BuildOptions,
)
from ..errors import UserError
from ..fetch import MAX_FEED_ENTRIES
from ..render import (
    PDF_VARIANTS,
)
from ..speakers.report import SPEAKER_FORMATS

log = logging.getLogger("brief")




# Where `brief build` and `brief watch` look for an outline none is named: the file
# `brief init` writes by default, then the demo's (in a checkout of the project).
INIT_OUTLINE = Path("brief.yaml")
DEMO_OUTLINE = Path("briefs/pakistan-taliban.yaml")
DEFAULT_OUTLINES = (INIT_OUTLINE, DEMO_OUTLINE)
DEFAULT_OUT_DIR = Path("out")
BUILD_FORMATS = ("pdf", "html", "json", "md", "docx")
# `brief watch --interval`: longer than a day is surely a mistake (and time.sleep
# refuses infinity).
MAX_INTERVAL_SECONDS = 86_400
# Shell convention: 128 + signal number.
EXIT_INTERRUPTED = 128 + signal.SIGINT
EXIT_TERMINATED = 128 + signal.SIGTERM
EXIT_PIPE_CLOSED = 128 + 13  # SIGPIPE, as a shell reports a writer whose reader went away


def _version() -> str:
    try:
        return metadata.version("brief")
    except metadata.PackageNotFoundError:  # running from a source tree
        return "0+unknown"


def _common_options() -> argparse.ArgumentParser:
    """-q and -v, which every command takes."""
    common = argparse.ArgumentParser(add_help=False)
    noise = common.add_mutually_exclusive_group()
    noise.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    noise.add_argument("-v", "--verbose", action="store_true",
                       help="print progress, timings and tracebacks")
    return common


def _analysis_options() -> argparse.ArgumentParser:
    """How the per-article analysis runs (build, watch, check, annotate)."""
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
    return analysis


def _output_options() -> argparse.ArgumentParser:
    """The outline and what is written from it (build, watch)."""
    outputs = argparse.ArgumentParser(add_help=False)
    outputs.add_argument("outline", nargs="?", type=Path, default=None,
                         help=f"outline file (default: {INIT_OUTLINE} in this folder, else "
                              f"{DEMO_OUTLINE})")
    outputs.add_argument("-o", "--output", type=Path, default=None,
                         help="output path; default out/<outline name>.<format>")
    outputs.add_argument("--format", default="pdf",
                         help="comma-separated formats among pdf,html,json,md,docx (default: pdf)")
    outputs.add_argument("--pdf-variant", choices=PDF_VARIANTS, default=None,
                         help="pdf/a-3b: archival PDF with the brief's JSON and the outline "
                              "attached; pdf/ua-1: tagged, accessible PDF (default: plain PDF)")
    return outputs


def make_parser() -> argparse.ArgumentParser:
    common, analysis, outputs = _common_options(), _analysis_options(), _output_options()
    parser = argparse.ArgumentParser(
        prog="brief", parents=[common],
        description="Turn a folder of articles and a YAML outline into a cited PDF brief.")
    parser.add_argument("--version", action="version", version=f"brief {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
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
    _reading_commands(commands, common, analysis)
    add_extract_command(commands, common)
    _fetch_command(commands, common)
    init = commands.add_parser(
        "init", parents=[common, analysis], help="draft an outline for a folder of articles",
        description="Read the articles in CORPUS and write a working, commented outline: a "
                    "title and date range from the sources, 4-8 themes found by clustering "
                    "the sentences (each query made of the cluster's own terms), actors "
                    "from the speakers grouped by party, commentators, organisation, "
                    "nationality or role, with their members, and layout defaults.")
    init.add_argument("corpus", type=Path, metavar="CORPUS", help="folder of articles")
    init.add_argument("-o", "--output", type=Path, default=INIT_OUTLINE, metavar="OUTLINE",
                      help=f"the outline to write (default: {INIT_OUTLINE})")
    init.add_argument("--force", action="store_true", help="replace OUTLINE if it exists")
    _attach_command(commands, common)
    schema = commands.add_parser(
        "schema", parents=[common], help="print the JSON Schema of the outline or the JSON",
        description="Print a JSON Schema: `outline` (for editors: the demo outline's first "
                    "line points at the shipped copy, schemas/outline.schema.json) or "
                    "`json` (the output of --format json).")
    schema.add_argument("name", choices=["outline", "json"], help="which schema")
    cache = commands.add_parser(
        "cache", parents=[common], help="manage the analysis cache",
        description="Manage the per-article analysis cache.")
    cache.add_argument("action", choices=["clear"], help="clear: delete the cache file")
    cache.add_argument("--cache", type=Path, default=None, metavar="PATH",
                       help="cache file (default: $XDG_CACHE_HOME/brief/analysis.sqlite)")
    return parser


def _reading_commands(commands: argparse._SubParsersAction,
                      common: argparse.ArgumentParser,
                      analysis: argparse.ArgumentParser) -> None:
    """check, annotate and speakers: they read the corpus and write no brief."""
    check = commands.add_parser(
        "check", parents=[common, analysis],
        help="validate an outline and its corpus, write nothing",
        description="Validate OUTLINE and its corpus; print problems; write nothing.")
    check.add_argument("outline", type=Path, help="outline file")
    annotate = commands.add_parser(
        "annotate", parents=[common, analysis],
        help="every sentence of the corpus, one JSON per line",
        description="Print every sentence of the corpus with its boilerplate flag and "
                    "attribution, one JSON object per line.")
    annotate.add_argument("outline", type=Path, help="outline file")
    annotate.add_argument("--format", default="jsonl", choices=["jsonl"],
                          help="output format (jsonl)")
    annotate.add_argument("-o", "--output", type=Path, default=None,
                          help="write to this file instead of standard output")
    speakers = commands.add_parser(
        "speakers", parents=[common, analysis],
        help="every speaker of the corpus and the actor each belongs to",
        description="List every person and group quoted in the corpus, most statements "
                    "first: id, canonical name, kind, role, affiliation, statements, "
                    "sources, and the actor each belongs to and how it was matched. "
                    "--format yaml prints outline entries for the speakers that belong "
                    "to no actor: persons as `members:`, groups as candidate "
                    "`descriptors:`, to paste into OUTLINE.")
    speakers.add_argument("outline", type=Path, help="outline file")
    speakers.add_argument("--format", default="table", choices=SPEAKER_FORMATS,
                          help="table: aligned text; json: one object per speaker; yaml: "
                               "outline entries for speakers without an actor "
                               "(default: table)")
    speakers.add_argument("-o", "--output", type=Path, default=None,
                          help="write to this file instead of standard output")


def add_extract_command(commands: argparse._SubParsersAction,
                        common: argparse.ArgumentParser) -> None:
    extract = commands.add_parser(
        "extract", parents=[common], help="print the text brief reads from files",
        description="Print the text a build analyses for each FILE: a .txt/.md file "
                    "decoded, the main text of a web page, the text of a PDF or Word "
                    "file. Item offsets in a brief's JSON index this text. With --format "
                    "json, also the title, author, outlet, date and URL found, and where "
                    "each came from.")
    extract.add_argument("paths", nargs="+", type=Path, metavar="FILE", help="files to read")
    extract.add_argument("--format", choices=["txt", "json"], default="txt",
                         help="txt: the text (files after the first each under a "
                              "'==> FILE <==' line); json: one object per file "
                              "(default: txt)")
    extract.add_argument("-o", "--output", type=Path, default=None,
                         help="write to this file instead of standard output")


def _attach_command(commands: argparse._SubParsersAction,
                    common: argparse.ArgumentParser) -> None:
    from ..attach import LABELS, PLACEMENTS

    attach = commands.add_parser(
        "attach", parents=[common], help="join a brief to an existing report PDF",
        description="Write REPORT and BRIEF as one PDF: the brief as an annex after the "
                    "report, or a summary in front of it. The report's bookmarks, page "
                    "labels and document information are kept; the brief's bookmarks go "
                    "under one entry; the brief's JSON is embedded as brief.json. The "
                    "report is only read.")
    attach.add_argument("report", type=Path, metavar="REPORT", help="the report PDF")
    attach.add_argument("brief", type=Path, metavar="BRIEF", help="the brief's PDF")
    attach.add_argument("-o", "--output", type=Path, required=True, metavar="PATH",
                        help="the combined PDF (never REPORT or BRIEF)")
    attach.add_argument("--as", dest="placement", choices=PLACEMENTS, default="annex",
                        help="annex: after the report (default); front: before it")
    attach.add_argument("--labels", choices=LABELS, default="restart",
                        help="restart: the brief's pages A-1, A-2 (annex) or i, ii (front), "
                             "the default; continue: numbered on with the report")
    attach.add_argument("--json", type=Path, default=None, metavar="PATH",
                        help="the brief's JSON (default: BRIEF with .json, else the JSON a "
                             "PDF/A-3b brief carries)")


def _fetch_command(commands: argparse._SubParsersAction,
                   common: argparse.ArgumentParser) -> None:
    """fetch: the one command that uses the network."""
    fetch = commands.add_parser(
        "fetch", parents=[common], help="download web pages and feed entries into a folder",
        description="Download each URL (http or https) into FOLDER as an .html file (a PDF "
                    "as .pdf), with an entry in FOLDER/sources.yaml (url, fetched date). An "
                    "RSS or Atom feed is not saved: its entries are fetched instead. Only "
                    "the pages themselves are downloaded, nothing they refer to, and no "
                    "script is run. A URL that gives no page is a warning.")
    fetch.add_argument("urls", nargs="+", metavar="URL", help="web page or RSS/Atom feed")
    fetch.add_argument("--into", type=Path, required=True, metavar="FOLDER",
                       help="corpus folder to save into (made if missing)")
    fetch.add_argument("--max-entries", type=int, default=MAX_FEED_ENTRIES, metavar="N",
                       help=f"entries fetched from each feed, at most (default: "
                            f"{MAX_FEED_ENTRIES})")


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
    # ("corpus/sub/../../out/b.pdf" is "out/b.pdf": no folder is made on the way)
    base = Path(os.path.normpath(output)) if output is not None \
        else DEFAULT_OUT_DIR / f"{outline.stem}.pdf"
    stem = base.with_suffix("") if base.suffix.lower().lstrip(".") in BUILD_FORMATS + ("htm",) \
        else base
    return {fmt: stem.with_name(f"{stem.name}.{fmt}") for fmt in formats}




def checked_formats(args: argparse.Namespace) -> tuple[str, ...]:
    formats = _formats(args.format)
    if args.pdf_variant and "pdf" not in formats:
        raise UserError("--pdf-variant", "applies to PDF output only",
                        "add pdf to --format or drop --pdf-variant")
    return formats


def default_outline() -> Path:
    """The outline `build` and `watch` use when none is named; UserError pointing at
    `brief init` when this folder holds none."""
    for path in DEFAULT_OUTLINES:
        if path.is_file():
            return path
    raise UserError(str(Path.cwd()), f"no outline named, and no {INIT_OUTLINE} here",
                    "draft one from your articles with `brief init CORPUS_FOLDER` (it "
                    f"writes {INIT_OUTLINE}), or name one: brief build OUTLINE")
