"""Errors the CLI turns into one line and an exit code.

`UserError` is for anything the user can fix (outline, corpus, arguments): the
CLI prints its message alone on one line and exits with code 2. Its message
names the culprit (file, YAML line, key) and says how to fix it.
"""

from __future__ import annotations

import re

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
        return shown(" ".join(text.split()))


# Characters a terminal may act on: C0 and C1 controls (ESC starts escape codes),
# DEL, and the bidirectional overrides that reorder what is shown.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def shown(text: str) -> str:
    """`text` safe to print: terminal controls escaped (`\\x1b`), and the bytes of a
    file name that is not valid UTF-8 (Python keeps them as lone surrogates) written
    as `\\xff`, so a hostile file name can neither drive the terminal nor crash the
    print."""
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        try:
            text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:  # a surrogate that stands for no byte
            text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return _UNSAFE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                       else f"\\u{ord(m.group()):04x}", text)
