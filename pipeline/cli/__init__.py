"""Command line: a thin layer over build.py, render/ and fetch/.

    brief build [OUTLINE] [-o PATH] [--format pdf,html,json,md]
    brief check OUTLINE
    brief annotate OUTLINE --format jsonl [-o PATH]
    brief speakers OUTLINE [--format table|yaml|json] [-o PATH]
    brief watch [OUTLINE] [-o PATH] [--format ...] [--interval SECONDS]
    brief cache clear [--cache PATH]
    brief fetch URL-or-FEED... --into FOLDER [--max-entries N]

build, watch, check, annotate and speakers take --jobs N, --engine local|dask, --scheduler
ADDRESS, --cache PATH and --no-cache for the per-article analysis.

Exit codes: 0 success; 1 internal error (one line, rerun with -v for the
traceback); 2 bad input the user can fix (one line naming file, line or key,
and the fix). Outputs are written only after everything has been rendered in
memory, each to a temporary file in the target folder and then renamed, so a
failed run never leaves a partial file nor clobbers the previous output.

fetch is the only command that uses the network. It saves each page with its
sources.yaml entry as it goes; a URL that gives no page is a warning, and the
run is exit 2 only when no page at all was saved.

Log levels: ERROR is the one line of a failed run; WARNING is odd input the
build works around (a skipped file, a theme with no match); INFO is progress
and what was written; DEBUG is per-stage timings and tracebacks.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from ..errors import EXIT_INTERNAL, EXIT_USER, UserError, shown
from .arguments import (
    EXIT_INTERRUPTED,
    EXIT_PIPE_CLOSED,
    EXIT_TERMINATED,
    default_outline,
    make_parser,
    output_paths,
)
from .building import WRITTEN, Progress
from .commands import COMMANDS
from .process import (
    TERMINATION,
    Output,
    PipeClosed,
    Terminated,
    configure_logging,
    say,
    signals_installed,
)

__all__ = ["Progress", "entry", "main", "output_paths"]


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None,
         stderr: TextIO | None = None) -> int:
    """Run the CLI; return the exit code. Streams are injectable for tests."""
    out = Output(stdout or sys.stdout, "standard output")
    err = stderr or sys.stderr  # None when closed: messages go nowhere
    try:
        args = make_parser().parse_args(argv)
    except SystemExit as exc:  # argparse already printed usage or help
        return int(exc.code or 0) if exc.code in (0, None) else EXIT_USER
    configure_logging(err, args.quiet, args.verbose)
    TERMINATION.clear()
    WRITTEN.clear()
    with signals_installed():
        return _run(args, out, err)


def _run(args: Any, out: Output, err: TextIO | None) -> int:
    try:
        if args.command in ("build", "watch") and args.outline is None:
            args.outline = default_outline()
        return COMMANDS[args.command](args, out, err)
    except UserError as exc:
        say(err, f"brief: error: {exc.line()}")
        return EXIT_USER
    except KeyboardInterrupt as exc:
        if WRITTEN:
            say(err, "brief: interrupted after writing "
                f"{', '.join(shown(str(p)) for p in WRITTEN)}")
        else:
            say(err, "brief: interrupted; previous outputs left as they were")
        return EXIT_TERMINATED if isinstance(exc, Terminated) else EXIT_INTERRUPTED
    except PipeClosed:
        _silence_stdout()
        return EXIT_PIPE_CLOSED
    except Exception as exc:  # noqa: BLE001 - the one place that turns bugs into a line
        if args.verbose and err is not None:
            import traceback
            traceback.print_exc(file=err)
        say(err, f"brief: internal error: {type(exc).__name__}: "
            f"{shown(' '.join(str(exc).split()))}; rerun with -v for details and report it")
        return EXIT_INTERNAL


def _silence_stdout() -> None:
    """The reader went away: what Python flushes at exit goes nowhere, quietly."""
    with contextlib.suppress(OSError, AttributeError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def entry() -> None:
    """Console-script entry point (see pipeline/entry.py for the first moments)."""
    sys.exit(main())
