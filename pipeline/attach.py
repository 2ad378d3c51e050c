"""`brief attach`: a brief joined to an existing report PDF, as an annex after it or a
summary in front of it, with pypdf (the maintained pure-Python PDF toolkit; it reads
and writes page trees, outlines, page labels and attachments, which is all this needs).

* Bookmarks: the report's stay as they are; the brief's are nested under one entry
  ("Annex: <title>" or "Summary: <title>") at the brief's first page.
* Page labels: the report's are kept (shifted after a front summary). The brief's
  restart ("A-1", "A-2" for an annex; "i", "ii" for a front summary) or, with
  `labels="continue"`, go on from the report's page count (an annex) or start at 1 with
  the report after them.
* The report's document information is kept (title, author, dates); the brief's JSON
  is embedded as the attachment `brief.json`, its provenance for anyone who reads the
  combined file.
* The report is only read: a report that is not a PDF, is encrypted or cannot be read
  is a UserError naming it; the output is written whole or not at all, elsewhere.
"""

from __future__ import annotations

import hashlib
import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from .errors import UserError
from .files import NotReadable, read_regular

log = logging.getLogger("brief")

Placement = Literal["annex", "front"]
Labels = Literal["restart", "continue"]
PLACEMENTS = ("annex", "front")
LABELS = ("restart", "continue")
# A report or brief larger than this is surely the wrong file.
MAX_PDF_BYTES = 1 << 30
# Where a PDF's header may stand (the format allows junk before it, within 1,024 bytes).
HEADER_WINDOW = 1024
ANNEX_PREFIX = "A-"
FRONT_PREFIX = "S-"  # a front summary before a report that labels its own pages
ATTACHMENT_NAME = "brief.json"


@dataclass(frozen=True)
class Attached:
    """The combined PDF and what it holds."""

    pdf: bytes
    report_pages: int
    brief_pages: int


def read_pdf(path: Path, what: str) -> Any:
    """A PdfReader over the file at `path`; UserError when it is not a readable,
    unencrypted PDF (`what`: "the report", "the brief")."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    where = str(path)
    try:
        data = read_regular(path, MAX_PDF_BYTES)
    except NotReadable as exc:
        raise UserError(where, f"{what} cannot be read: {exc.strerror}",
                        "give a PDF file") from None
    except OSError as exc:
        raise UserError(where, f"{what} cannot be read ({exc.strerror})",
                        "check the path") from None
    if b"%PDF-" not in data[:HEADER_WINDOW]:
        raise UserError(where, f"{what} is not a PDF", "give a .pdf file")
    # pypdf logs what it repairs ("EOF marker not found"); the error below says it once
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise UserError(where, f"{what} is encrypted",
                            "give an unencrypted copy (e.g. `qpdf --decrypt IN OUT`)")
        if len(reader.pages) == 0:
            raise UserError(where, f"{what} has no pages", "give the PDF of the document")
    except UserError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise UserError(where, f"{what} is damaged and cannot be read ({type(exc).__name__})",
                        "give an intact copy, or repair it (e.g. `qpdf IN OUT`)") from None
    return reader


def attach(report: Any, brief: Any, brief_json: bytes, title: str,
           placement: Placement = "annex", labels: Labels = "restart") -> Attached:
    """`report` and `brief` (PdfReaders) combined; `title` names the brief's bookmark."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    entry = f"{'Annex' if placement == 'annex' else 'Summary'}: {title}"
    parts = [(report, None), (brief, entry)]
    if placement == "front":
        parts.reverse()
    for reader, outline_item in parts:
        writer.append(reader, outline_item=outline_item, import_outline=True)
    n_report, n_brief = len(report.pages), len(brief.pages)
    _page_labels(writer, report, n_report, n_brief, placement, labels)
    if report.metadata:
        writer.add_metadata(dict(report.metadata))
    writer.add_attachment(ATTACHMENT_NAME, brief_json)
    _fixed_identifier(writer, report, brief, brief_json)
    out = io.BytesIO()
    writer.write(out)
    return Attached(out.getvalue(), n_report, n_brief)


def _page_labels(writer: Any, report: Any, n_report: int, n_brief: int,
                 placement: Placement, labels: Labels) -> None:
    from pypdf.constants import PageLabelStyle

    offset = n_brief if placement == "front" else 0
    for start, end, style, prefix, first in _report_ranges(report, n_report):
        _label(writer, start + offset, end + offset, style, prefix, first)
    brief_at = n_report if placement == "annex" else 0
    last = brief_at + n_brief - 1
    if labels == "continue":
        _label(writer, brief_at, last, PageLabelStyle.DECIMAL, None,
               n_report + 1 if placement == "annex" else 1)
        if placement == "front" and not _has_labels(report):
            _label(writer, n_brief, n_brief + n_report - 1, PageLabelStyle.DECIMAL, None,
                   n_brief + 1)
    elif placement == "annex":
        _label(writer, brief_at, last, PageLabelStyle.DECIMAL, ANNEX_PREFIX, 1)
    elif _has_labels(report):  # its own numbering may use roman numbers already
        _label(writer, 0, last, PageLabelStyle.DECIMAL, FRONT_PREFIX, 1)
    else:
        _label(writer, 0, last, PageLabelStyle.LOWERCASE_ROMAN, None, 1)
        if not _has_labels(report):
            _label(writer, n_brief, n_brief + n_report - 1, PageLabelStyle.DECIMAL, None, 1)


def _label(writer: Any, first: int, last: int, style: Any, prefix: str | None,
           start: int) -> None:
    writer.set_page_label(page_index_from=first, page_index_to=last, style=style,
                          prefix=prefix, start=start)


def _has_labels(report: Any) -> bool:
    return "/PageLabels" in report.root_object


def _report_ranges(report: Any, n_pages: int
                   ) -> list[tuple[int, int, Any, str | None, int]]:
    """The report's page label ranges: (first page, last page, style, prefix, first
    number), from its /PageLabels number tree (flat or with kids)."""
    if not _has_labels(report):
        return []
    pairs = _number_tree(report.root_object["/PageLabels"].get_object())
    ranges = []
    for k, (start, spec) in enumerate(pairs):
        end = pairs[k + 1][0] - 1 if k + 1 < len(pairs) else n_pages - 1
        if start > end or start >= n_pages:
            continue
        spec = spec.get_object()
        style = spec.get("/S")
        ranges.append((start, min(end, n_pages - 1), style,
                       str(spec["/P"]) if "/P" in spec else None, int(spec.get("/St", 1))))
    return ranges


def _number_tree(node: Any) -> list[tuple[int, Any]]:
    pairs: list[tuple[int, Any]] = []
    nums = node.get("/Nums")
    if nums is not None:
        pairs += [(int(nums[i]), nums[i + 1]) for i in range(0, len(nums) - 1, 2)]
    for kid in node.get("/Kids", ()):
        pairs += _number_tree(kid.get_object())
    return sorted(pairs, key=lambda pair: pair[0])


def _fixed_identifier(writer: Any, *parts: Any) -> None:
    """The file identifier from the inputs, so the same inputs give the same bytes."""
    from pypdf.generic import ArrayObject, ByteStringObject

    digest = hashlib.md5(usedforsecurity=False)
    for part in parts:
        if isinstance(part, bytes):
            digest.update(part)
        else:
            digest.update(repr(len(part.pages)).encode())
            digest.update(repr(part.trailer.get("/ID")).encode())
    ident = ByteStringObject(digest.digest())
    writer._ID = ArrayObject([ident, ident])  # pypdf has no setter for it


def brief_json_for(brief_path: Path, given: Path | None, brief: Any) -> bytes:
    """The brief's JSON: the file given, else BRIEF.json beside the PDF, else the
    `brief.json` a PDF/A-3b brief carries; UserError when there is none."""
    candidates: Sequence[Path] = (given,) if given is not None else (
        brief_path.with_suffix(".json"),)
    for path in candidates:
        if path.is_file():
            try:
                return read_regular(path, MAX_PDF_BYTES)
            except OSError as exc:
                raise UserError(str(path), f"cannot be read ({exc.strerror})",
                                "check the path") from None
        if given is not None:
            raise UserError(str(path), "no such file", "give the brief's JSON with --json")
    embedded = brief.attachments.get(ATTACHMENT_NAME) if brief.attachments else None
    if embedded:
        return bytes(embedded[0])
    raise UserError(str(brief_path), "has no JSON beside it (BRIEF.json) and none inside",
                    "build it with --format pdf,json (or --pdf-variant pdf/a-3b), "
                    "or name the JSON with --json")
