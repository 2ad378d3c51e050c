"""`python -m pipeline` runs the `brief` command."""

from .cli import entry

entry()
