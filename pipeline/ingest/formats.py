"""What a corpus file is, by its content first and its name second.

A saved page named `.txt` is still a web page, and briefing its markup as prose
would quote tags; so the bytes decide. The name decides only which files are
looked at closely: a file whose suffix brief does not read is sniffed (its first
few KB) and read only when its content is a format brief reads (a page saved as
`article.php`); otherwise it is listed as skipped, never silently ignored.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import Literal

# The extractors (ingest/extract.py): how the text of each kind is found.
Kind = Literal["text", "html", "pdf", "docx"]
KIND_NAMES: dict[Kind, str] = {
    "text": "plain text", "html": "a web page (HTML)", "pdf": "a PDF", "docx": "a Word file (DOCX)",
}
SUFFIX_KINDS: dict[str, Kind] = {
    ".txt": "text", ".text": "text", ".md": "text", ".markdown": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".pdf": "pdf", ".docx": "docx",
}
READ_SUFFIXES_TEXT = ".html, .htm, .pdf, .docx, .txt and .md"
# Enough of a file to recognise every signature below (a PDF header may start
# anywhere in the first 1,024 bytes; an HTML page may open with a long comment).
SNIFF_BYTES = 4096
# How an HTML document can open, after a BOM, blanks, comments and an XML declaration.
HTML_OPENINGS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<title")
PDF_MAGIC = b"%PDF-"
PDF_HEADER_WITHIN = 1024  # ISO 32000-1, annex H.3: readers accept the header that far in
ZIP_MAGIC = b"PK\x03\x04"
DOCX_PART = "word/document.xml"

# Formats recognised by their signature that brief does not read, with the fix.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # pre-2007 Office (.doc, .xls, .ppt)
OTHER_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (OLE_MAGIC, "an older Office file (.doc, .xls or .ppt); save it as .docx or .pdf"),
    (b"{\\rtf", "a Rich Text file; save it as .docx or .txt"),
    (b"\x89PNG", "an image"), (b"\xff\xd8\xff", "an image"), (b"GIF8", "an image"),
)
ZIP_PARTS: tuple[tuple[str, str], ...] = (
    ("xl/workbook.xml", "a spreadsheet (.xlsx)"),
    ("ppt/presentation.xml", "a presentation (.pptx)"),
    ("content.xml", "an OpenDocument file; save it as .docx or .pdf"),
    ("META-INF/container.xml", "an e-book (EPUB); convert it to .html or .txt"),
)


@dataclass(frozen=True)
class Detected:
    """What a file's bytes are: a kind brief reads, or why it is skipped."""

    kind: Kind | None
    skip: str = ""  # why not read, when `kind` is None ("an image")


def _strip_preamble(head: bytes) -> bytes:
    """The bytes after a BOM, blanks, `<?xml ...?>` and `<!-- comments -->`, lowercased."""
    text = head.lstrip(b"\xef\xbb\xbf").lstrip()
    while True:
        if text.startswith(b"<?xml"):
            end = text.find(b"?>")
        elif text.startswith(b"<!--"):
            end = text.find(b"-->")
        else:
            return text[:64].lower()
        if end < 0:
            return b""
        text = text[end + 3 if text.startswith(b"<!--") else end + 2:].lstrip()


def looks_like_html(head: bytes) -> bool:
    return _strip_preamble(head).startswith(HTML_OPENINGS)


def _zip_kind(data: bytes) -> Detected:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return Detected(None, "a damaged ZIP archive")
    if DOCX_PART in names:
        return Detected("docx")
    for part, what in ZIP_PARTS:
        if part in names:
            return Detected(None, what)
    return Detected(None, "a ZIP archive; unpack it into the corpus folder")


def detect(data: bytes) -> Detected:
    """The kind of `data` by content; None with a reason for formats brief skips.
    Plain bytes that match no signature are text (whether they decode is the text
    reader's concern)."""
    head = data[:SNIFF_BYTES]
    if PDF_MAGIC in head[:PDF_HEADER_WITHIN]:
        return Detected("pdf")
    if head.startswith(ZIP_MAGIC):
        return _zip_kind(data)
    for magic, what in OTHER_SIGNATURES:
        if head.startswith(magic):
            return Detected(None, what)
    if looks_like_html(head):
        return Detected("html")
    return Detected("text")


def worth_reading(head: bytes) -> bool:
    """Whether a file whose suffix brief does not read is one it does read by content
    (judged on its first SNIFF_BYTES): a page, a PDF, or a ZIP that may be a DOCX."""
    return (PDF_MAGIC in head[:PDF_HEADER_WITHIN] or head.startswith(ZIP_MAGIC)
            or looks_like_html(head))
