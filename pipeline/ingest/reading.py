"""Reading one corpus file: what it is (formats.py), then its text (extract.py).

A file that cannot be read, or holds no text brief can use, is skipped with a
warning naming it, the reason and the fix; a file of a type brief does not read is
reported as skipped in a summary (ingest's `skipped_types`), never silently ignored.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from pathlib import Path

from ..files import NotReadable, read_regular
from .extract import extract
from .extracted import Extracted, NotExtractable
from .formats import KIND_NAMES, SNIFF_BYTES, SUFFIX_KINDS, Kind, detect, worth_reading

# An input file larger than this is not an article (a news story is tens of KB, a
# report with pictures a few MB; the 20 MB one-line test file is the largest text the
# tests build): skipped, not read.
MAX_ARTICLE_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Read:
    """What reading a file gave: its text, or nothing with the warnings that say why.
    `unread` marks a file of a type brief does not read (listed, not warned one by one)."""

    extracted: Extracted | None
    warnings: tuple[str, ...] = ()
    unread: bool = False


def _bytes(file: Path, identity: tuple[int, int] | None, head: bool = False
           ) -> bytes | str:
    """The file's bytes (or its first SNIFF_BYTES), or the warning that says why not."""
    try:
        return read_regular(file, SNIFF_BYTES if head else MAX_ARTICLE_BYTES, identity, head)
    except NotReadable as exc:
        fix = "split it into articles" if exc.errno == errno.EFBIG else "check the file"
        return f"{file}: {exc.strerror}, skipped; {fix}"
    except OSError as exc:
        return f"{file}: cannot read ({exc.strerror}), skipped"


def _kind(file: Path, data: bytes) -> tuple[Kind | None, str]:
    """The kind to read `data` as, or None with the reason it is skipped ("" when the
    type is simply not one brief reads)."""
    by_name = SUFFIX_KINDS.get(file.suffix.lower())
    detected = detect(data)
    if detected.kind is None:
        return None, detected.skip if by_name else ""
    if detected.kind != "text":
        return detected.kind, ""
    if by_name == "html":  # a fragment of a page, without <html> or <head>
        return "html", ""
    if by_name in ("pdf", "docx"):
        return None, f"not {KIND_NAMES[by_name]}: its content is plain text"
    return by_name, ""


def read_file(file: Path, identity: tuple[int, int] | None = None) -> Read:
    """Detect and extract one file."""
    by_name = SUFFIX_KINDS.get(file.suffix.lower())
    if by_name is None:
        head = _bytes(file, identity, head=True)
        if isinstance(head, str):
            return Read(None, (head,))
        if not worth_reading(head):
            return Read(None, unread=True)
    data = _bytes(file, identity)
    if isinstance(data, str):
        return Read(None, (data,))
    kind, skip = _kind(file, data)
    if kind is None:
        return Read(None, (f"{file}: {skip}, skipped",) if skip else (), unread=not skip)
    warnings = []
    if kind != by_name:
        named = f"named {file.suffix}" if file.suffix else "without a suffix"
        warnings.append(f"{file}: read as {KIND_NAMES[kind]}, which its content is, though "
                        f"{named}; rename it to say so")
    try:
        extracted = extract(data, kind)
    except NotExtractable as exc:
        return Read(None, (*warnings, f"{file}: {exc}, skipped"))
    warnings.extend(f"{file}: {warning}" for warning in extracted.warnings)
    return Read(extracted, tuple(warnings))
