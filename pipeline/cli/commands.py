"""The commands: build, check, annotate, speakers, cache (watch is in watching.py, fetch in
fetching.py)."""

from __future__ import annotations

import argparse
import json
import logging
import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from ..build import (
    BuildResult,
)
from ..cache import clear as clear_cache
from ..cache import default_location
from ..errors import EXIT_OK, UserError, shown
from ..publish import check_targets, publish
from ..render import (
    read_logo,
    read_user_stylesheet,
)
from ..speakers.report import speaker_warnings, speakers_json, speakers_table, speakers_yaml
from .arguments import build_options, checked_formats
from .building import WRITTEN, build_and_write, report_empty_sections, run_build
from .extracting import cmd_extract
from .fetching import cmd_fetch
from .process import Output
from .watching import cmd_watch

log = logging.getLogger("brief")


def cmd_build(args: argparse.Namespace, stdout: Output, stderr: TextIO | None) -> int:
    build_and_write(args, stderr, checked_formats(args))
    return EXIT_OK




def cmd_check(args: argparse.Namespace, stdout: Output, stderr: TextIO | None) -> int:
    # writes nothing: the cache is read when it exists, never created or changed
    options = replace(build_options(args), cache_writable=False)
    result = run_build(args, stderr, options=options)
    # A logo or stylesheet that the renderer would refuse is reported now, not at build.
    logo, stylesheet = (result.loaded.layout_file(k) for k in ("logo", "stylesheet"))
    if logo is not None:
        read_logo(logo)
    if stylesheet is not None:
        read_user_stylesheet(stylesheet)
    problems = list(result.warnings) + report_empty_sections(result)
    for problem in speaker_warnings(result):
        log.warning(problem)
        problems.append(problem)
    for note in result.notes:
        print(f"note: {note}", file=stdout)
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
                "speaker_id": attribution.speaker_id, "speaker_text": attribution.speaker_text,
                "speaker_role": attribution.speaker_role, "actor": attribution.actor,
                "cue": attribution.cue, "act": attribution.act,
            }, ensure_ascii=False))
    return lines


def _report(args: argparse.Namespace, stdout: Output, stderr: TextIO | None,
            text_of: Callable[[BuildResult], str]) -> int:
    """Build (writing no brief) and write `text_of` the result to `-o` or stdout: the
    reading commands, annotate and speakers."""
    output = Path(os.path.normpath(args.output)) if args.output is not None else None
    result = run_build(args, stderr, targets=(output,) if output is not None else ())
    text = text_of(result)
    if output is not None:
        publish({output: text.encode("utf-8")}, on_commit=WRITTEN.extend,
                not_inside=(result.loaded.corpus_dir,))
    else:
        stdout.write(text)
    return EXIT_OK


def cmd_annotate(args: argparse.Namespace, stdout: Output, stderr: TextIO | None) -> int:
    return _report(args, stdout, stderr,
                   lambda result: "".join(line + "\n" for line in annotate_lines(result)))


def speakers_text(result: BuildResult, fmt: str) -> str:
    """`brief speakers` output in one of SPEAKER_FORMATS."""
    speakers, actors = result.speakers.speakers, result.loaded.actors
    if fmt == "json":
        return speakers_json(speakers, actors)
    if fmt == "yaml":
        return speakers_yaml(speakers, str(result.loaded.path))
    return speakers_table(speakers, actors)


def cmd_speakers(args: argparse.Namespace, stdout: Output, stderr: TextIO | None) -> int:
    return _report(args, stdout, stderr, lambda result: speakers_text(result, args.format))


def cmd_cache(args: argparse.Namespace, stdout: Output, stderr: TextIO | None) -> int:
    path = args.cache or default_location()
    freed = clear_cache(path)
    print(f"{shown(str(path))}: cleared ({freed} bytes)", file=stdout)
    return EXIT_OK


def _pages(n: int, what: str) -> str:
    return f"{n} {what} page{'s' * (n != 1)}"


def cmd_attach(args: argparse.Namespace, stdout: Output, stderr: TextIO | None) -> int:
    from ..attach import attach, brief_json_for, read_pdf
    from ..publish import check_targets

    output = Path(os.path.normpath(args.output))
    check_targets([output], {"the report": args.report, "the brief": args.brief,
                             "the brief's JSON": args.json}, None)
    report = read_pdf(args.report, "the report")
    brief = read_pdf(args.brief, "the brief")
    data = brief_json_for(args.brief, args.json, brief)
    try:
        title = str(json.loads(data)["title"])
    except (ValueError, KeyError, TypeError):
        raise UserError(str(args.json or args.brief.with_suffix(".json")),
                        "is not a brief's JSON (no title)",
                        "give the .json that `brief build --format json` wrote") from None
    combined = attach(report, brief, data, title, args.placement, args.labels)
    publish({output: combined.pdf}, on_commit=WRITTEN.extend)
    print(f"{shown(str(output))}: {_pages(combined.report_pages, 'report')} and "
          f"{_pages(combined.brief_pages, 'brief')} ({args.placement})", file=stdout)
    return EXIT_OK


def cmd_init(args: argparse.Namespace, stdout: Output, stderr: TextIO | None) -> int:
    from ..draft import draft_outline
    from ..draft.outline_yaml import outline_yaml
    from ..schema import SCHEMA_FILES, SCHEMAS_DIR

    output = Path(os.path.normpath(args.output))
    corpus = args.corpus
    if not corpus.is_dir():
        raise UserError(str(corpus), "is not a folder" if corpus.exists() else "no such folder",
                        "give the folder holding the articles")
    if output.exists() and not args.force:
        raise UserError(str(output), "exists already",
                        "choose another path with -o, or --force to replace it")
    check_targets([output], {}, corpus.resolve())
    draft = draft_outline(corpus, output, build_options(args))
    schema = SCHEMAS_DIR / SCHEMA_FILES["outline"]
    schema_ref = os.path.relpath(schema, output.resolve().parent) if schema.is_file() else ""
    text = outline_yaml(draft, str(corpus), schema_ref)
    publish({output: text.encode("utf-8")}, on_commit=WRITTEN.extend)
    print(f"{shown(str(output))}: {len(draft.themes)} themes, {len(draft.actors)} actors "
          f"from {draft.articles} articles; edit it, then: brief build {shown(str(output))}",
          file=stdout)
    return EXIT_OK


def cmd_schema(args: argparse.Namespace, stdout: Output, stderr: TextIO | None) -> int:
    from ..schema import schema_text

    stdout.write(schema_text(args.name))
    return EXIT_OK


COMMANDS = {"build": cmd_build, "watch": cmd_watch, "check": cmd_check, "annotate": cmd_annotate,
            "speakers": cmd_speakers, "schema": cmd_schema, "attach": cmd_attach,
            "init": cmd_init,
            "cache": cmd_cache,
            "extract": cmd_extract, "fetch": cmd_fetch}


