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

import signal
import sys
from collections.abc import Sequence
from typing import TextIO

from ..errors import EXIT_INTERNAL, EXIT_USER, UserError, shown
from .arguments import EXIT_INTERRUPTED, EXIT_TERMINATED, make_parser, output_paths
from .building import WRITTEN, Progress
from .commands import COMMANDS
from .process import TERMINATION, Terminated, configure_logging, install_signal_handlers

__all__ = ["Progress", "entry", "main", "output_paths"]


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None,
         stderr: TextIO | None = None) -> int:
    """Run the CLI; return the exit code. Streams are injectable for tests."""
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    parser = make_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed usage or help
        return int(exc.code or 0) if exc.code in (0, None) else EXIT_USER
    configure_logging(stderr, args.quiet, args.verbose)
    TERMINATION.clear()
    WRITTEN.clear()
    previous_handler = install_signal_handlers()
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
