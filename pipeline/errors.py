"""Errors the CLI turns into one line and an exit code.

`UserError` is for anything the user can fix (outline, corpus, arguments): the
CLI prints its message alone on one line and exits with code 2. Its message
names the culprit (file, YAML line, key) and says how to fix it.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_INTERNAL = 1  # a bug: one line plus a hint to rerun with -v
EXIT_USER = 2  # bad input the user can fix


class UserError(Exception):
    """Bad input: outline, corpus or command-line arguments."""

    def __init__(self, where: str, problem: str, fix: str = "") -> None:
        self.where = where
        self.problem = problem
        self.fix = fix
        super().__init__(self.line())

    def line(self) -> str:
        """The single line shown to the user: `where: problem; fix`."""
        text = f"{self.where}: {self.problem}"
        if self.fix:
            text += f"; {self.fix}"
        # One line, whatever the parts contain (file names may hold newlines).
        return " ".join(text.split())
