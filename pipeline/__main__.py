"""`python -m pipeline` runs the `brief` command."""

from .entry import entry

entry()
