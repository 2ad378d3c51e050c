"""Writing outputs: checked before the build starts (checks.py), published all
together (commit.py), with SIGINT and SIGTERM held while they are renamed into place
(signals.py)."""

from __future__ import annotations

from .checks import check_targets, write_error
from .commit import publish, sweep
from .signals import signals_held

__all__ = ["check_targets", "publish", "signals_held", "sweep", "write_error"]
