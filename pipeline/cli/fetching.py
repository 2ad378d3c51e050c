"""`brief fetch`: web pages and feed entries into a corpus folder."""

from __future__ import annotations

import argparse
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from ..errors import EXIT_OK, UserError, shown
from ..fetch import Fetched, FetchOptions, fetch_into, user_agent
from .arguments import _version
from .building import WRITTEN
from .process import Output

log = logging.getLogger("brief")


def cmd_fetch(args: argparse.Namespace, stdout: Output, stderr: TextIO | None) -> int:
    """One line on stdout per page saved (its file and URL), a warning per URL that
    gave none; exit 2 when no page at all was saved."""
    if args.max_entries < 1:
        raise UserError("--max-entries", f"{args.max_entries} is not a number of entries",
                        "give 1 or more")
    options = FetchOptions(max_entries=args.max_entries, user_agent=user_agent(_version()))

    def report(outcome: Fetched) -> None:
        if outcome.path is not None:
            print(f"{shown(str(outcome.path))}: {shown(outcome.final_url)}", file=stdout)
        if outcome.problem:
            log.warning("%s: %s%s", outcome.url, outcome.problem, _listed_by(outcome))
        elif outcome.entries:
            log.info("%s: a feed of %d %s; fetching %d%s", outcome.url, outcome.entries,
                     "entry" if outcome.entries == 1 else "entries", outcome.taken,
                     _left_out(outcome))
        if outcome.note:
            log.warning("%s: %s", outcome.path, outcome.note)

    outcomes = fetch_into(args.urls, args.into, options, report, on_commit=_written)
    if not any(outcome.path is not None for outcome in outcomes):
        raise UserError("brief fetch", f"nothing was saved into {args.into}",
                        "see the warnings above")
    return EXIT_OK


def _left_out(outcome: Fetched) -> str:
    already = outcome.entries - outcome.taken - outcome.left_out
    parts = [f"{already} fetched already"] if already else []
    if outcome.left_out:
        parts.append(f"{outcome.left_out} past --max-entries")
    return f" ({'; '.join(parts)})" if parts else ""


def _listed_by(outcome: Fetched) -> str:
    return f" (an entry of {outcome.feed})" if outcome.feed else ""


def _written(paths: Sequence[Path]) -> None:
    """What an interrupted run says it wrote: each page and the sources file once."""
    WRITTEN.extend(path for path in paths if path not in WRITTEN)
