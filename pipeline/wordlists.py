"""Word lists kept as data files, read and checked once.

Two formats, both with `#` comment lines saying what a list is for and where it came
from:

* a list file (`parse_list`): one entry a line after a `#` header; used by the clean
  stage (`pipeline/clean/data/`) and the stop words (`pipeline/data/`);
* a sectioned file (`Sections`): `[name]` lines open lists of white-space separated
  words, `[name: lines]` lists of one entry a line (entries with spaces), `[name:
  pairs]` lists of `word value` pairs; used by the attribution stage, whose many small
  lists read better side by side (`pipeline/attribute/data/`).

A malformed file (an entry listed twice, an empty list, a list defined twice, a list
the code never asks for) raises `LexiconError` naming the file and line, so a bad edit
fails at import rather than quietly in a brief.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass


class LexiconError(ValueError):
    """A word-list data file that does not hold what the code expects."""


def parse_list(text: str, source: str) -> tuple[str, ...]:
    """The entries of a list file's text, in order; `source` names it in errors."""
    lines = text.splitlines()
    if not lines or not lines[0].startswith("#"):
        raise LexiconError(f"{source}: must open with '#' lines saying what the list is "
                           "for and where it came from")
    entries: list[str] = []
    first_line: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if line.startswith("#"):
            continue
        where = f"{source}, line {number}"
        if not line.strip():
            raise LexiconError(f"{where}: empty entry (remove the blank line)")
        if line != line.strip():
            raise LexiconError(f"{where}: {line!r} has spaces around it")
        if line != line.casefold():
            raise LexiconError(f"{where}: {line!r} must be lowercase ({line.casefold()!r})")
        if line in first_line:
            raise LexiconError(f"{where}: {line!r} repeats line {first_line[line]}")
        first_line[line] = number
        entries.append(line)
    if not entries:
        raise LexiconError(f"{source}: no entries")
    return tuple(entries)


def parse_pairs(text: str, source: str) -> dict[str, str]:
    """A two-column file (`key<TAB>value` a line after a `#` header) as a mapping whose
    keys are casefolded; `source` names it in errors."""
    lines = text.splitlines()
    if not lines or not lines[0].startswith("#"):
        raise LexiconError(f"{source}: must open with '#' lines saying what the table is "
                           "for and where it came from")
    pairs: dict[str, str] = {}
    for number, line in enumerate(lines, start=1):
        if line.startswith("#"):
            continue
        cells = line.split("\t")
        where = f"{source}, line {number}"
        if len(cells) != 2 or not all(c.strip() == c and c for c in cells):
            raise LexiconError(f"{where}: {line!r} is not 'key<TAB>value'")
        key = cells[0].casefold()
        if key in pairs:
            raise LexiconError(f"{where}: {cells[0]!r} is listed twice")
        pairs[key] = cells[1]
    if not pairs:
        raise LexiconError(f"{source}: no entries")
    return pairs


@dataclass(frozen=True)
class _List:
    file: str
    line: int
    style: str  # "words" | "lines" | "pairs"
    entries: tuple[str, ...]


class Sections:
    """Every `[name]` list of some sectioned files; remembers which the code asked for.
    `files` maps each file's name (as errors show it) to its text."""

    def __init__(self, files: Mapping[str, str]) -> None:
        self.lists: dict[str, _List] = {}
        self.used: set[str] = set()
        self.files = tuple(files)
        for name, text in files.items():
            self._parse(name, text)

    def _parse(self, file: str, text: str) -> None:
        current: tuple[str, str, int] | None = None
        entries: list[str] = []
        for number, raw in enumerate(text.splitlines(), 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            header = re.fullmatch(r"\[([a-z_]+)(?::\s*(lines|pairs))?\]", line)
            if header:
                self._close(file, current, entries)
                current, entries = (header.group(1), header.group(2) or "words", number), []
                continue
            if current is None:
                raise LexiconError(f"{file}:{number}: words before the first [list] header")
            entries.extend([line] if current[1] != "words" else line.split())
        self._close(file, current, entries)

    def _close(self, file: str, current: tuple[str, str, int] | None,
               entries: list[str]) -> None:
        if current is None:
            return
        name, style, line = current
        where = f"{file}:{line}"
        if name in self.lists:
            raise LexiconError(f"{where}: list [{name}] is defined twice")
        if not entries:
            raise LexiconError(f"{where}: list [{name}] is empty")
        seen: set[str] = set()
        for entry in entries:
            if entry in seen:
                raise LexiconError(f"{where}: '{entry}' is listed twice in [{name}]")
            seen.add(entry)
            if style == "pairs" and len(entry.split()) != 2:
                raise LexiconError(f"{where}: '{entry}' in [{name}] is not a pair")
        self.lists[name] = _List(file, line, style, tuple(entries))

    def _get(self, name: str, style: str) -> tuple[str, ...]:
        found = self.lists.get(name)
        if found is None:
            raise LexiconError(f"no list [{name}] in {', '.join(sorted(self.files))}")
        if found.style != style:
            raise LexiconError(f"{found.file}:{found.line}: [{name}] should be a "
                               f"'{style}' list")
        self.used.add(name)
        return found.entries

    def set(self, name: str) -> frozenset[str]:
        return frozenset(self._get(name, "words"))

    def ordered(self, name: str) -> tuple[str, ...]:
        return self._get(name, "words")

    def lines(self, name: str) -> tuple[str, ...]:
        return self._get(name, "lines")

    def pairs(self, name: str) -> dict[str, str]:
        return dict(entry.split() for entry in self._get(name, "pairs"))

    def check_all_used(self) -> None:
        unused = sorted(set(self.lists) - self.used)
        if unused:
            first = self.lists[unused[0]]
            raise LexiconError(f"{first.file}:{first.line}: list(s) {', '.join(unused)} "
                               "are not used by the code; remove them or use them")
