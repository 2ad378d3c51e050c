"""The folder's sources file, as `brief fetch` adds to it.

The file is the one the ingest reads (`sources.yaml`, else `sources.yml`; made when
there is none). It is edited as text, never loaded and dumped again, so every entry,
comment and blank line of it stays as written: a new page's entry is appended

    example.com-news-talks-resume.html:
      title: "Talks resume"
      date: "2025-06-10"
      url: "https://example.com/news/talks-resume"
      fetched: "2025-06-11"

and a page fetched again has its entry's `fetched` line rewritten (or added after its
`url` line). Values are written as YAML double-quoted scalars (`yaml.safe_dump`, which
escapes whatever YAML cannot hold raw). Every edit is parsed back and compared with
what it should give before it is used: a file laid out so that appending would change
its meaning (flow style `{...}`, indented keys, several documents) is refused before
anything is downloaded, and an entry whose `fetched` line cannot be edited in place is
left as it is.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import UserError
from ..files import NotReadable, read_regular
from ..ingest.sourcefile import MAX_METADATA_BYTES, METADATA_NAMES
from ..outline import parse_yaml
from .names import unique_name

NEW_FILE = "sources.yaml"
# Entry fields in the order they are written: what the page is, then where it came from.
FIELD_ORDER = ("title", "date", "url", "fetched")
LAYOUT_FIX = ("write it as block entries: `name.html:` at the start of a line, its "
              "fields indented below; or fetch into another folder")
# A file name the ingest finds directly in the folder (what an entry of ours names).
_PLAIN_NAME = re.compile(r"[^/\\\x00-\x1f]+")
_FIELD_LINE = r"([ \t]+){key}[ \t]*:"


@dataclass(frozen=True)
class Sources:
    """The sources file of a folder: its text and what it says."""

    path: Path  # the file, which may not exist yet
    text: str = ""  # as read (a leading BOM apart), with the edits of this run
    entries: Mapping[str, Any] = field(default_factory=dict)  # file name -> fields
    bom: bool = False  # the file began with a UTF-8 BOM, kept

    def encoded(self) -> bytes:
        return (("\ufeff" if self.bom else "") + self.text).encode("utf-8")


def read_sources(folder: Path) -> Sources:
    """The sources file of `folder`, checked to take new entries; UserError if not."""
    path = next((folder / name for name in METADATA_NAMES if (folder / name).is_file()),
                folder / NEW_FILE)
    if not path.exists():
        return Sources(path=path)
    where = str(path)
    if path.suffix == ".json":
        raise UserError(where, "brief fetch adds YAML entries, and this folder's sources "
                        "file is JSON", "convert it to sources.yaml (JSON is YAML, but entries "
                        "are added in block style), or fetch into another folder")
    if not path.resolve().is_relative_to(folder.resolve()):
        raise UserError(where, "a link to a file outside the folder; brief fetch does not "
                        "rewrite it", "copy the file into the folder")
    try:
        data = read_regular(path, MAX_METADATA_BYTES)
        text = data.decode("utf-8-sig")
    except NotReadable as exc:
        raise UserError(where, f"sources file: {exc.strerror}", "check it is the right file"
                        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(where, f"cannot read the sources file ({exc})", "save it as UTF-8"
                        ) from None
    sources = Sources(path=path, text=text, entries=_parsed(text, where),
                      bom=data.startswith(b"\xef\xbb\xbf"))
    # Whether an entry appended to this text would be read as one: checked once, as
    # entries of ours end the same way a probe does.
    probe_name = unique_name("probe", ".html", sources.entries)
    probe, expected = _appended(sources, probe_name, {"url": "https://example.com/"})
    if not _still(probe, expected, where):
        raise UserError(where, "brief fetch cannot add entries to this file's layout",
                        LAYOUT_FIX)
    return sources


def _parsed(text: str, where: str) -> dict[str, Any]:
    """The entries of a sources file's text (the ingest's YAML rules)."""
    data, _lines = parse_yaml(text, where, empty_ok=True)
    if data is None:
        return {}  # empty, or comments only
    if not isinstance(data, dict) or not all(v is None or isinstance(v, dict)
                                             for v in data.values()):
        raise UserError(f"{where}:1", "expected a mapping of file name -> fields", LAYOUT_FIX)
    return data


def _still(text: str, expected: Mapping[str, Any], where: str) -> bool:
    """Whether `text` parses to exactly `expected`."""
    try:
        return _parsed(text, where) == expected
    except UserError:
        return False


def _scalar(value: str) -> str:
    return str(yaml.safe_dump(value, default_style='"', allow_unicode=True,
                              width=math.inf)).rstrip("\n")


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def name_for(sources: Sources, url: str, suffix: str) -> str | None:
    """The file an entry of the sources file gives to the page at `url`, when it is a
    plain name in the folder with this suffix (a page fetched before: fetched again,
    it replaces its own file). Never a path elsewhere, nor an article of another kind
    (`notes.txt` that a person wrote with that url)."""
    for name, fields in sources.entries.items():
        if isinstance(fields, dict) and fields.get("url") == url \
                and _PLAIN_NAME.fullmatch(name) and not name.startswith(".") \
                and name.lower().endswith(suffix):
            return name
    return None


def added(sources: Sources, name: str, fields: Mapping[str, str]) -> Sources:
    """`sources` with an entry for `name` appended (`name` is new in it)."""
    text, expected = _appended(sources, name, fields)
    entry_alone = text[len(sources.text):].lstrip("\r\n")
    if name in sources.entries or not _still(entry_alone, {name: expected[name]},
                                             str(sources.path)):
        raise ValueError(f"entry for {name!r} would not read back as written")  # a bug
    return Sources(path=sources.path, text=text, entries=expected, bom=sources.bom)


def _appended(sources: Sources, name: str,
              fields: Mapping[str, str]) -> tuple[str, dict[str, Any]]:
    """The text with an entry for `name` appended, and the entries it should hold."""
    nl = _newline(sources.text)
    values = {key: fields[key] for key in FIELD_ORDER if fields.get(key)}
    entry = nl.join([f"{name}:", *(f"  {k}: {_scalar(v)}" for k, v in values.items())]) + nl
    text = sources.text
    if text and not text.endswith(("\n", "\r")):
        text += nl
    return text + entry, {**sources.entries, name: values}


def refetched(sources: Sources, name: str, fetched: str) -> Sources | None:
    """`sources` with the `fetched` field of `name`'s entry set to `fetched`: its line
    rewritten, or a line added after the `url` line; None when neither is a plain
    `key: value` line of that entry."""
    where = str(sources.path)
    fields = sources.entries.get(name)
    if not isinstance(fields, dict):
        return None
    _data, places = parse_yaml(sources.text, where)
    lines = sources.text.splitlines(keepends=True)
    line = _field_line(lines, places, name, "fetched")
    if line is not None:
        indent, ending = _indent_and_ending(lines[line], "fetched")
        lines[line] = f"{indent}fetched: {_scalar(fetched)}{ending}"
    else:
        line = _field_line(lines, places, name, "url")
        if line is None:
            return None
        indent, ending = _indent_and_ending(lines[line], "url")
        if not ending:  # the url line ends the file
            lines[line] += _newline(sources.text)
        lines.insert(line + 1, f"{indent}fetched: {_scalar(fetched)}{ending}")
    text = "".join(lines)
    expected = {**sources.entries, name: {**fields, "fetched": fetched}}
    if not _still(text, expected, where):
        return None
    return Sources(path=sources.path, text=text, entries=expected, bom=sources.bom)


def _field_line(lines: list[str], places: Mapping[tuple[Any, ...], int], name: str,
                key: str) -> int | None:
    """The index of the line holding `key:` of `name`'s entry, if it is a line of its
    own (an indented `key: value`, not `name: {key: value}`)."""
    number = places.get((name, key))
    if number is None or number > len(lines):
        return None
    line = lines[number - 1]
    return number - 1 if re.match(_FIELD_LINE.format(key=key), line) else None


def _indent_and_ending(line: str, key: str) -> tuple[str, str]:
    match = re.match(_FIELD_LINE.format(key=key), line)
    indent = match.group(1) if match else "  "
    ending = line[len(line.rstrip("\r\n")):]
    return indent, ending
